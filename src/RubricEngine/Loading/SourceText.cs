using System.Globalization;
using System.Text;
using RubricEngine.Diagnostics;

namespace RubricEngine.Loading;

/// <summary>Turns a file's bytes into text, refusing what is not UTF-8 with the byte offset of the problem.</summary>
internal static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? ReadFile(string path, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        var kind = FileKinds.Of(path);
        if (kind != FileKind.Regular)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileUnreadable, SourceSpan.StartOf(path), kind switch
            {
                FileKind.Missing => MessageText.Of("FileNotFound"),
                FileKind.Folder => MessageText.Of("FileIsFolder"),
                _ => MessageText.Of("FileNotRegular"),
            }));
            return null;
        }

        try
        {
            var length = new FileInfo(path).Length;
            if (length > limits.MaxFileBytes)
            {
                diagnostics.Add(TooLarge(path, length, limits));
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            return ReadLimited(stream, path, "file", limits, diagnostics, MessageText.Of("FileGrew", Numbers.Format(limits.MaxFileBytes)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileUnreadable, SourceSpan.StartOf(path), MessageText.Of("CannotRead", e.Message)));
            return null;
        }
    }

    /// <summary>Reads a caller's stream (left open) to its end, but never more than one byte past the size limit.</summary>
    public static string? ReadStream(Stream stream, string file, LoadLimits limits, List<Diagnostic> diagnostics) =>
        ReadLimited(stream, file, "stream", limits, diagnostics, MessageText.Of("StreamTooLarge", Numbers.Format(limits.MaxFileBytes)));

    /// <param name="noun">"file" or "stream", for the messages.</param>
    /// <param name="tooLargeMessage">What to say when more than the limit arrives.</param>
    private static string? ReadLimited(Stream stream, string file, string noun, LoadLimits limits, List<Diagnostic> diagnostics, MessageText tooLargeMessage)
    {
        byte[] bytes;
        try
        {
            // A stream that says it is too long is refused before anything is read.
            if (stream.CanSeek && stream.Length - stream.Position > limits.MaxFileBytes)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileTooLarge, SourceSpan.StartOf(file), tooLargeMessage));
                return null;
            }

            bytes = ReadAtMost(stream, limits.MaxFileBytes, out var tooLarge);
            if (tooLarge)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileTooLarge, SourceSpan.StartOf(file), tooLargeMessage));
                return null;
            }
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileUnreadable, SourceSpan.StartOf(file), MessageText.Of(noun == "file" ? "CannotRead" : "CannotReadStream", e.Message)));
            return null;
        }

        return Decode(bytes, file, limits, diagnostics);
    }

    /// <summary>
    /// Reads until the end or one byte past the limit, whichever comes first. The length a file reports is not
    /// trusted: it can grow while being read, and a file system may report 0 for what has no end.
    /// </summary>
    private static byte[] ReadAtMost(Stream stream, int limit, out bool tooLarge)
    {
        // One byte more than the length a seekable stream reports, so that reaching its end needs no second buffer.
        var buffer = new byte[(int)Math.Min(Math.Max(stream.CanSeek ? stream.Length - stream.Position + 1 : 0, 4096), (long)limit + 1)];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (filled > limit)
                {
                    tooLarge = true;
                    return [];
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
            }

            var read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                tooLarge = false;
                return filled == buffer.Length ? buffer : buffer[..filled];
            }

            filled += read;
        }
    }

    public static string? Decode(ReadOnlySpan<byte> bytes, string file, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        if (bytes.Length > limits.MaxFileBytes)
        {
            diagnostics.Add(TooLarge(file, bytes.Length, limits));
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Encoding, SourceSpan.StartOf(file),
                MessageText.Of("FileUtf16")));
            return null;
        }

        // A UTF-8 byte order mark is harmless: drop it so that the first key is read as written.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var offset = e.Index >= 0 ? e.Index : 0;
            var (line, column) = LineAndColumnOfByte(bytes, offset);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Encoding, new SourceSpan(file, line, column),
                MessageText.Of("FileNotUtf8", Numbers.Format(offset))));
            return null;
        }
    }

    /// <summary>Text given in memory obeys the same size limit as a file, counted in its UTF-8 bytes.</summary>
    public static bool FitsLimit(string text, string file, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        var length = System.Text.Encoding.UTF8.GetByteCount(text);
        if (length <= limits.MaxFileBytes)
        {
            return true;
        }

        diagnostics.Add(TooLarge(file, length, limits));
        return false;
    }

    private static Diagnostic TooLarge(string file, long length, LoadLimits limits) =>
        Diagnostic.Error(DiagnosticCodes.FileTooLarge, SourceSpan.StartOf(file),
            MessageText.Of("FileTooLarge", length.ToString(CultureInfo.InvariantCulture), Numbers.Format(limits.MaxFileBytes)));

    /// <summary>Line and column (in characters of the valid prefix) of a byte offset.</summary>
    private static (int Line, int Column) LineAndColumnOfByte(ReadOnlySpan<byte> bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var prefix = bytes[lineStart..Math.Min(offset, bytes.Length)];
        var column = Encoding.UTF8.GetCharCount(prefix) + 1;
        return (line, column);
    }
}
