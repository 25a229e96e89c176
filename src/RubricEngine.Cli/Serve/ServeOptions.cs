using System.Net;

namespace RubricEngine.Cli.Serve;

/// <summary>How <c>rubric serve</c> listens and what it allows. The defaults are the documented limits (docs/playground.md).</summary>
internal sealed record ServeOptions
{
    /// <summary>The largest request body, in bytes: 1 MiB, room for any real rubric (the county's are under 20 KB) and its evidence.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The address to listen on: the loopback address unless <c>--host</c> names another.</summary>
    public IPAddress Host { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one (tests do).</summary>
    public int Port { get; init; } = 8700;

    /// <summary>The only folder rubrics are read from and saved to.</summary>
    public string Root { get; init; } = ".";

    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>How long the engine may work on one request before the client gets 503 (the work is bounded by the library's limits).</summary>
    public TimeSpan ProcessingTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a client may take to send its request headers before Kestrel closes the connection.</summary>
    public TimeSpan HeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>True when only this machine can reach the server, so the Host header must name it too.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Host);
}
