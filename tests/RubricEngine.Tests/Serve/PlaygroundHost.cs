using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RubricEngine.Cli.Serve;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Serve;

/// <summary>
/// A playground server in this process on a free port, serving a temp folder of its own, and a client for it.
/// Disposed after each test: the server stops and the folder is removed.
/// </summary>
internal sealed partial class PlaygroundHost : IAsyncDisposable
{
    private readonly PlaygroundServer server;

    private PlaygroundHost(PlaygroundServer server, TempFolder root, string token)
    {
        this.server = server;
        Root = root;
        Token = token;
        Client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public TempFolder Root { get; }

    public HttpClient Client { get; }

    /// <summary>The page's anti-forgery token, read from the page as the browser reads it.</summary>
    public string Token { get; }

    public Uri Address => server.Address;

    public static async Task<PlaygroundHost> StartAsync(Func<ServeOptions, ServeOptions>? configure = null)
    {
        var root = new TempFolder("rubric-serve");
        var options = new ServeOptions { Port = 0, Root = root.Path };
        var server = await PlaygroundServer.StartAsync(configure?.Invoke(options) ?? options);
        using var client = new HttpClient { BaseAddress = server.Address };
        var page = await client.GetStringAsync("/");
        var token = TokenMeta().Match(page).Groups[1].Value;
        return new PlaygroundHost(server, root, token);
    }

    public async Task<(int Status, JsonNode? Body, string Text)> PostAsync(string path, object body, string? token = null)
    {
        var json = body as string ?? System.Text.Json.JsonSerializer.Serialize(body, BodyJson.Options);
        return await SendAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), token);
    }

    public async Task<(int Status, JsonNode? Body, string Text)> SendAsync(string path, HttpContent content, string? token = null, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Add(PlaygroundApi.TokenHeader, token);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await Read(await Client.SendAsync(request));
    }

    public async Task<(int Status, JsonNode? Body, string Text)> GetAsync(string path) => await Read(await Client.GetAsync(path));

    private static async Task<(int Status, JsonNode? Body, string Text)> Read(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            var isJson = response.Content.Headers.ContentType?.MediaType == "application/json";
            return ((int)response.StatusCode, isJson ? JsonNode.Parse(text) : null, text);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await server.DisposeAsync();
        Root.Dispose();
    }

    [GeneratedRegex("""<meta name="rubric-token" content="([0-9a-f]+)">""")]
    private static partial Regex TokenMeta();

    /// <summary>Bodies as scripts write them: snake_case keys.</summary>
    private static class BodyJson
    {
        public static readonly System.Text.Json.JsonSerializerOptions Options = new()
        {
            PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        };
    }
}
