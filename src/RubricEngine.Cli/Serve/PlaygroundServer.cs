using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RubricEngine.Cli.Serve;

/// <summary>
/// <c>rubric serve</c>: Kestrel with a minimal API, the playground page and its JSON API (docs/playground.md). Every
/// handler is a plain <see cref="RequestDelegate"/> that reads and writes its body through the source-generated
/// <see cref="PlaygroundJson"/>, so nothing is bound by reflection and the native build serves the same.
/// </summary>
internal sealed class PlaygroundServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private PlaygroundServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The page's address, with the port actually bound (port 0 picks one).</summary>
    public Uri Address { get; }

    /// <summary>Starts listening; the server runs until <see cref="DisposeAsync"/> or Ctrl+C.</summary>
    public static async Task<PlaygroundServer> StartAsync(ServeOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Production, // never the developer exception page, whatever the machine says
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders(); // the tool says what it has to say itself; errors go to the client as JSON
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.Limits.RequestHeadersTimeout = options.HeadersTimeout;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Listen(options.Host, options.Port);
        });

        var app = builder.Build();
        var api = new PlaygroundApi(options, new RootFolder(options.Root), NewToken());
        app.Use((context, next) => Guard(context, next, options));
        api.Map(app);
        app.MapFallback(context => WriteJson(context, StatusCodes.Status404NotFound,
            new ErrorResponse($"nothing at {context.Request.Method} {context.Request.Path}; the API is under /api (docs/playground.md)"),
            PlaygroundJson.Default.ErrorResponse));

        await app.StartAsync().ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound).Port;
        var host = options.Host.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{options.Host}]" : options.Host.ToString();
        return new PlaygroundServer(app, new Uri($"http://{host}:{port}/"));
    }

    /// <summary>Blocks until the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A fresh secret per server: the page carries it, a page from another site cannot read it.</summary>
    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Around every request: security headers, the Host and Origin checks, and one place that turns any failure into
    /// a JSON message with its status, so no stack trace reaches a client and the server goes on serving.
    /// </summary>
    private static async Task Guard(HttpContext context, RequestDelegate next, ServeOptions options)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'none'";
        headers.CacheControl = "no-store";
        try
        {
            if (Refusal(context.Request, options) is { } refusal)
            {
                await WriteJson(context, StatusCodes.Status403Forbidden, new ErrorResponse(refusal), PlaygroundJson.Default.ErrorResponse).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // Kestrel's own refusals: a body over the limit (413), a body that stops arriving (408), a bad request line.
            var message = e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"the request body is larger than the limit of {options.MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes"
                : e.Message;
            await WriteJson(context, e.StatusCode, new ErrorResponse(message), PlaygroundJson.Default.ErrorResponse).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!context.Response.HasStarted)
        {
            await WriteJson(context, StatusCodes.Status503ServiceUnavailable,
                new ErrorResponse($"the request took longer than the limit of {options.ProcessingTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s; try a smaller rubric or evidence"),
                PlaygroundJson.Default.ErrorResponse).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            // The library turns bad input into diagnostics; anything here is our defect. A sentence, never a stack trace.
            await WriteJson(context, StatusCodes.Status500InternalServerError,
                new ErrorResponse($"internal error ({e.GetType().Name}): {e.Message}; please report it"),
                PlaygroundJson.Default.ErrorResponse).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Why a request is refused before any handler sees it: a Host header that is not this machine while listening on
    /// loopback (a DNS-rebinding page), or a call that comes from a page of another origin. No CORS header is ever sent,
    /// so browsers keep other sites from reading any answer too.
    /// </summary>
    private static string? Refusal(HttpRequest request, ServeOptions options)
    {
        var host = request.Host.Host.Trim('[', ']');
        if (options.IsLoopback && !(host is "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address))))
        {
            return $"the Host header '{request.Host}' is not this machine; open the page at http://127.0.0.1:{request.Host.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""}/";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return $"requests from another origin ({origin}) are refused: the playground answers only its own page";
        }

        return null;
    }

    internal static Task WriteJson<T>(HttpContext context, int status, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted);
    }

    internal static Task WriteText(HttpContext context, int status, string text, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted).AsTask();
    }
}
