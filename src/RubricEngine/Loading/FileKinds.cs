using System.Runtime.InteropServices;

namespace RubricEngine.Loading;

/// <summary>What a path names, as far as reading it is concerned.</summary>
internal enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,
    /// <summary>A folder.</summary>
    Folder,
    /// <summary>A regular file: it has a length and an end.</summary>
    Regular,
    /// <summary>A device, a named pipe or a socket: it may never end (/dev/zero), or never start (a pipe with no writer).</summary>
    Special,
}

/// <summary>
/// Tells a regular file from a device or a pipe before it is opened. .NET reports both as a file of length 0,
/// and opening a named pipe with no writer blocks for ever, so the kind must be known first: it is read from
/// stat(2)'s st_mode on the platforms whose struct layout is fixed and known; elsewhere every existing file
/// counts as regular and only the size limit on the bytes actually read protects the reader.
/// </summary>
internal static class FileKinds
{
    private const int FormatMask = 0xF000; // S_IFMT
    private const int RegularFile = 0x8000; // S_IFREG
    private const int Directory = 0x4000; // S_IFDIR

    // The offset of st_mode in struct stat: x86-64 Linux puts st_nlink (8 bytes) before it; the generic layout
    // of arm64 Linux does not; macOS starts with a 4-byte st_dev.
    private static readonly int? ModeOffset =
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24
        : OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 16
        : OperatingSystem.IsMacOS() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 4
        : null;

    private static bool statUnavailable;

    public static FileKind Of(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            return FileKind.Folder;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        return ModeOffset is { } offset && Mode(path, offset) is { } mode
            ? (mode & FormatMask) switch
            {
                RegularFile => FileKind.Regular,
                Directory => FileKind.Folder,
                _ => FileKind.Special,
            }
            : FileKind.Regular;
    }

    private static int? Mode(string path, int offset)
    {
        if (statUnavailable)
        {
            return null;
        }

        // 256 bytes hold struct stat on every platform above (144 on x86-64 and macOS, 128 on arm64).
        var buffer = new byte[256];
        try
        {
            return Stat(path, buffer) == 0 ? BitConverter.ToInt32(buffer, offset) & 0xFFFF : null;
        }
        catch (EntryPointNotFoundException) when (OperatingSystem.IsLinux())
        {
            // glibc before 2.33 exports stat only as __xstat, whose first argument names the struct's layout:
            // 1 on x86-64, 0 on the generic layout of arm64.
            try
            {
                var layout = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 1 : 0;
                return XStat(layout, path, buffer) == 0 ? BitConverter.ToInt32(buffer, offset) & 0xFFFF : null;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                statUnavailable = true;
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No C library to ask: fall back to the size limit on the bytes actually read.
            statUnavailable = true;
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("libc", EntryPoint = "__xstat", SetLastError = true)]
    private static extern int XStat(int layout, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
