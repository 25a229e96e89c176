using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RubricEngine.Tests.Serve;

/// <summary>
/// <c>rubric serve</c> as a person starts it: the built tool (<c>dotnet rubric.dll serve …</c>) in its own process,
/// its address read from the line it prints. Disposing stops that process (by its id) and waits for it.
/// </summary>
internal sealed partial class ServeProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> errors;

    private ServeProcess(Process process, Uri address, List<string> errors)
    {
        this.process = process;
        this.errors = errors;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the tool wrote to stderr (warnings).</summary>
    public string Errors
    {
        get
        {
            lock (errors)
            {
                return string.Join('\n', errors);
            }
        }
    }

    public static ServeProcess Start(string root, params string[] extra)
    {
        // The dotnet that runs the tests (dotnet test names it in DOTNET_HOST_PATH), else the one on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "rubric.dll"), "serve", "--port", "0", "--root", root, "--lang", "en" }.Concat(extra))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errorLines = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && Listening().Match(e.Data) is { Success: true } match)
            {
                address.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errorLines)
                {
                    errorLines.Add(e.Data);
                }
            }
        };
        process.Exited += (_, _) => address.TrySetException(new InvalidOperationException($"rubric serve exited with {process.ExitCode}: {string.Join('\n', errorLines)}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!address.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("rubric serve printed no address within 60 s");
        }

        return new ServeProcess(process, address.Task.Result, errorLines);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit(10_000);
        process.Dispose();
    }

    [GeneratedRegex(@"rubric serve: open (http://\S+) in a browser")]
    private static partial Regex Listening();
}
