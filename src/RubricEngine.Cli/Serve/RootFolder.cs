namespace RubricEngine.Cli.Serve;

/// <summary>
/// The one folder <c>rubric serve</c> reads rubrics from and saves them to. A path from a request is relative to it;
/// an absolute path, a <c>..</c> segment, or a symbolic link anywhere on the way that ends outside it is refused
/// before anything is opened. Paths are compared after every link is resolved, so a link inside the root that points
/// inside the root still works.
/// </summary>
internal sealed class RootFolder
{
    private static readonly char[] Separators = ['/', '\\'];
    private const int MaxLinkHops = 32;

    /// <summary>The root with every symbolic link on its way resolved.</summary>
    public string RealPath { get; }

    public RootFolder(string folder)
    {
        RealPath = Resolve(Path.GetFullPath(folder), 0).TrimEnd(Separators) is { Length: > 0 } trimmed ? trimmed : "/";
    }

    /// <summary>True when <paramref name="realPath"/> (links resolved) is the root or below it.</summary>
    public bool Contains(string realPath) =>
        realPath == RealPath || realPath.StartsWith(RealPath.EndsWith('/') ? RealPath : RealPath + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// The real path a request's relative path names, or the reason it is refused. A refusal is a user's mistake
    /// or an attack, answered with 403 and never with a path outside the root.
    /// </summary>
    public RootPath Find(string? relative)
    {
        if (string.IsNullOrWhiteSpace(relative))
        {
            return new RootPath(null, 400, "give 'path': a file inside the served folder, such as village.yaml");
        }

        if (relative.Contains('\0', StringComparison.Ordinal))
        {
            return new RootPath(null, 400, "the path holds a NUL character");
        }

        if (Path.IsPathRooted(relative) || relative.StartsWith('\\') || (relative.Length > 1 && relative[1] == ':'))
        {
            return new RootPath(null, 403, $"'{relative}' is an absolute path; only paths inside the served folder are read or written, such as village.yaml");
        }

        var segments = relative.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (segments.Contains(".."))
        {
            return new RootPath(null, 403, $"'{relative}' goes up with '..'; only paths inside the served folder are read or written");
        }

        string real;
        try
        {
            real = Resolve(Path.GetFullPath(Path.Combine([RealPath, .. segments])), 0);
        }
        catch (IOException)
        {
            return new RootPath(null, 403, $"'{relative}' goes through more than {MaxLinkHops} symbolic links");
        }

        return Contains(real)
            ? new RootPath(real, 200, "")
            : new RootPath(null, 403, $"'{relative}' is a symbolic link that leads out of the served folder; it is neither read nor written");
    }

    /// <summary>The path as the operating system would follow it: each component that is a link replaced by its target.</summary>
    private static string Resolve(string fullPath, int hops)
    {
        if (hops > MaxLinkHops)
        {
            throw new IOException("too many symbolic links");
        }

        var root = Path.GetPathRoot(fullPath) ?? "/";
        var current = root;
        foreach (var part in fullPath[root.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not null)
            {
                // A dangling link still names where it would lead: that place is what gets checked.
                var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName
                    ?? Path.GetFullPath(Path.Combine(current, info.LinkTarget));
                next = Resolve(target, hops + 1);
            }

            current = next;
        }

        return current;
    }
}

/// <summary>A request's path inside the root (<see cref="Real"/>), or why not (<see cref="Status"/> 400 or 403, <see cref="Refusal"/>).</summary>
internal sealed record RootPath(string? Real, int Status, string Refusal);
