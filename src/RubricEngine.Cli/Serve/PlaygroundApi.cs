using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RubricEngine.Diagnostics;
using RubricEngine.Reporting;
using RubricEngine.Revisions;

namespace RubricEngine.Cli.Serve;

/// <summary>
/// The playground's page and JSON API (docs/playground.md). The rubric and evidence work is the library's public API,
/// the same calls <c>rubric check</c>, <c>score</c> and <c>diff</c> make, so the page and the tool agree.
/// </summary>
internal sealed class PlaygroundApi(ServeOptions options, RootFolder root, string token)
{
    /// <summary>The header the save call carries the page's anti-forgery token in.</summary>
    public const string TokenHeader = "X-Rubric-Token";

    private const string Json = "application/json; charset=utf-8";

    /// <summary>How many rubric files <c>GET /api/rubrics</c> looks at below the root, at most.</summary>
    public const int MaxListedFiles = 200;

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".html"] = "text/html; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The page's files, compiled into the tool (the project file embeds them as <c>playground/&lt;name&gt;</c>).</summary>
    private static readonly FrozenDictionary<string, byte[]> Assets = typeof(PlaygroundApi).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("playground/", StringComparison.Ordinal))
        .ToFrozenDictionary(n => n["playground/".Length..], Read, StringComparer.Ordinal);

    public void Map(WebApplication app)
    {
        app.MapGet("/", Page);
        app.MapGet("/assets/{name}", Asset);
        app.MapGet("/favicon.ico", context => { context.Response.StatusCode = StatusCodes.Status204NoContent; return Task.CompletedTask; });
        app.MapGet("/api/rubrics", ListRubrics);
        app.MapGet("/api/rubric", OpenRubric);
        app.MapPost("/api/check", Check);
        app.MapPost("/api/score", Score);
        app.MapPost("/api/form", Form);
        app.MapPost("/api/evidence", ReadEvidence);
        app.MapPost("/api/diff", Diff);
        app.MapPost("/api/save", Save);
    }

    private Task Page(HttpContext context)
    {
        var html = Encoding.UTF8.GetString(Assets["index.html"]).Replace("{{TOKEN}}", token, StringComparison.Ordinal);
        return PlaygroundServer.WriteText(context, StatusCodes.Status200OK, html, ContentTypes[".html"]);
    }

    private static Task Asset(HttpContext context)
    {
        var name = context.Request.RouteValues["name"] as string ?? "";
        if (!Assets.TryGetValue(name, out var bytes) || name == "index.html" || !ContentTypes.TryGetValue(Path.GetExtension(name), out var type))
        {
            return Error(context, StatusCodes.Status404NotFound, $"no asset '{name}'");
        }

        context.Response.ContentType = type;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    /// <summary><c>GET /api/rubrics</c>: the built-in rubrics, then the rubric files below the root (links not followed).</summary>
    private Task ListRubrics(HttpContext context) => Limited(context, () =>
    {
        var entries = new List<RubricEntry>();
        foreach (var id in Rubric.BuiltInIds)
        {
            Rubric.TryLoadBuiltIn(id, out var builtIn, out _);
            entries.Add(new RubricEntry(id, builtIn?.Title, "built-in", null));
        }

        var files = Directory.EnumerateFiles(root.RealPath, "*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            MaxRecursionDepth = 8,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System,
        });
        foreach (var file in files.Where(IsYaml).Order(StringComparer.Ordinal).Take(MaxListedFiles))
        {
            var relative = Path.GetRelativePath(root.RealPath, file).Replace('\\', '/');
            using var stream = File.OpenRead(file);
            if (Rubric.TryLoad(stream, relative, out var rubric, out _))
            {
                entries.Add(new RubricEntry(rubric.Id, rubric.Title, "root", relative));
            }
            else if (LooksLikeRubric(file))
            {
                // A rubric being written has errors: it is listed so that it can be opened and mended.
                entries.Add(new RubricEntry(null, null, "root", relative));
            }
        }

        return new Answer(StatusCodes.Status200OK, Body(new RubricsResponse(entries), PlaygroundJson.Default.RubricsResponse));
    });

    /// <summary><c>GET /api/rubric?id=village</c> or <c>?path=sub/x.yaml</c>: the rubric's text for the editor.</summary>
    private Task OpenRubric(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["id"].ToString() is { Length: > 0 } id)
        {
            return Rubric.BuiltInText(id) is { } builtIn
                ? PlaygroundServer.WriteJson(context, StatusCodes.Status200OK, new OpenResponse(id, null, builtIn), PlaygroundJson.Default.OpenResponse)
                : Error(context, StatusCodes.Status404NotFound, NoBuiltIn(id));
        }

        var path = query["path"].ToString();
        var found = root.Find(path);
        if (found.Real is null)
        {
            return Error(context, found.Status, found.Refusal);
        }

        if (!File.Exists(found.Real))
        {
            return Error(context, StatusCodes.Status404NotFound, $"no file '{path}' in the served folder");
        }

        var info = new FileInfo(found.Real);
        if (info.Length > LoadLimits.Default.MaxFileBytes)
        {
            return Error(context, StatusCodes.Status413PayloadTooLarge, $"'{path}' is larger than {LoadLimits.Default.MaxFileBytes.ToString(CultureInfo.InvariantCulture)} bytes, the limit of a rubric");
        }

        return PlaygroundServer.WriteJson(context, StatusCodes.Status200OK, new OpenResponse(null, path, File.ReadAllText(found.Real)), PlaygroundJson.Default.OpenResponse);
    }

    /// <summary><c>POST /api/check</c>: every diagnostic of the rubric text, and each line's points and maximum when it loads.</summary>
    private async Task Check(HttpContext context)
    {
        if (await ReadBody(context, PlaygroundJson.Default.CheckRequest).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        if (request.Rubric is null)
        {
            await Error(context, StatusCodes.Status400BadRequest, "give 'rubric': the rubric's YAML text").ConfigureAwait(false);
            return;
        }

        await Limited(context, () =>
        {
            var loaded = Rubric.TryLoadText(request.Rubric, "rubric.yaml", out var rubric, out var diagnostics);
            var lines = loaded ? rubric!.Lines.Select(l => new LineMaximum(l.Id, l.Points, l.Maximum)).ToList() : [];
            var response = new CheckResponse(loaded, Bodies(diagnostics, request.Lang), lines);
            return new Answer(StatusCodes.Status200OK, Body(response, PlaygroundJson.Default.CheckResponse));
        }).ConfigureAwait(false);
    }

    /// <summary><c>POST /api/score</c>: the score card JSON of <c>rubric score --format json</c>, or 422 and the diagnostics.</summary>
    private Task Score(HttpContext context) => WithEvidence(context, (rubric, request, evidence, file) =>
        rubric.TryScoreText(evidence, file, out var card, out var diagnostics)
            ? new Answer(StatusCodes.Status200OK, ScoreCardJson.Write(card, file: null, indented: true))
            : Unprocessable(diagnostics, request.Lang));

    /// <summary>
    /// <c>POST /api/evidence</c>: an evidence file's text (YAML or JSON) as the JSON the form fills itself from, after
    /// the checks scoring it makes; 422 and the diagnostics when it has errors.
    /// </summary>
    private Task ReadEvidence(HttpContext context) => WithEvidence(context, (rubric, request, evidence, file) =>
        rubric.TryReadEvidenceText(evidence, file, out var json, out var diagnostics)
            ? new Answer(StatusCodes.Status200OK, Body(new EvidenceResponse(json), PlaygroundJson.Default.EvidenceResponse))
            : Unprocessable(diagnostics, request.Lang));

    /// <summary><c>POST /api/form</c>: what the evidence form needs, from the rubric's public evidence description.</summary>
    private async Task Form(HttpContext context)
    {
        if (await ReadBody(context, PlaygroundJson.Default.RubricChoice).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        await Limited(context, () =>
        {
            var (rubric, refusal) = Choose(request);
            return rubric is null ? refusal! : new Answer(StatusCodes.Status200OK, Body(FormOf(rubric), PlaygroundJson.Default.FormResponse));
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// A call that takes a rubric and evidence text: the body read, the rubric chosen, then <paramref name="work"/> with
    /// the evidence and the name it is read under (text that starts with '{' is JSON, the form's own; else YAML).
    /// </summary>
    private async Task WithEvidence(HttpContext context, Func<Rubric, RubricChoice, string, string, Answer> work)
    {
        if (await ReadBody(context, PlaygroundJson.Default.RubricChoice).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        if (request.Evidence is not { } evidence)
        {
            await Error(context, StatusCodes.Status400BadRequest, "give 'evidence': the evidence as YAML or JSON text").ConfigureAwait(false);
            return;
        }

        await Limited(context, () =>
        {
            var (rubric, refusal) = Choose(request);
            return rubric is null ? refusal! : work(rubric, request, evidence, evidence.TrimStart().StartsWith('{') ? "evidence.json" : "evidence.yaml");
        }).ConfigureAwait(false);
    }

    /// <summary><c>POST /api/diff</c>: what changed between the saved file at <c>path</c> and the editor's text (<c>rubric diff</c>'s JSON).</summary>
    private async Task Diff(HttpContext context)
    {
        if (await ReadBody(context, PlaygroundJson.Default.SaveRequest).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        var found = root.Find(request.Path);
        if (found.Real is null || request.Rubric is null)
        {
            await Error(context, found.Real is null ? found.Status : StatusCodes.Status400BadRequest,
                found.Real is null ? found.Refusal : "give 'rubric': the rubric's YAML text").ConfigureAwait(false);
            return;
        }

        if (!File.Exists(found.Real))
        {
            await Error(context, StatusCodes.Status404NotFound, $"nothing is saved at '{request.Path}' yet, so there is nothing to compare with").ConfigureAwait(false);
            return;
        }

        await Limited(context, () =>
        {
            using var saved = File.OpenRead(found.Real);
            var oldLoaded = Rubric.TryLoad(saved, request.Path!, out var old, out var oldDiagnostics);
            var newLoaded = Rubric.TryLoadText(request.Rubric, "rubric.yaml", out var revised, out var newDiagnostics);
            if (!oldLoaded || !newLoaded)
            {
                var errors = oldDiagnostics.Concat(newDiagnostics).Where(d => d.IsError).ToImmutableArray();
                return new Answer(StatusCodes.Status200OK, Body(new DiffResponse(false, null, Bodies(errors, request.Lang)), PlaygroundJson.Default.DiffResponse));
            }

            using var diff = JsonDocument.Parse(RevisionJson.Write(RubricDiff.Compare(old!, revised!)));
            return new Answer(StatusCodes.Status200OK, Body(new DiffResponse(true, diff.RootElement.Clone(), []), PlaygroundJson.Default.DiffResponse));
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST /api/save</c>: writes the rubric to <c>path</c> inside the root, atomically (a temporary file beside it,
    /// then a rename), only with the page's token, and only without errors unless <c>save_with_errors</c> says so.
    /// </summary>
    private async Task Save(HttpContext context)
    {
        var sent = Encoding.UTF8.GetBytes(context.Request.Headers[TokenHeader].ToString());
        if (!CryptographicOperations.FixedTimeEquals(sent, Encoding.UTF8.GetBytes(token)))
        {
            await Error(context, StatusCodes.Status403Forbidden, $"saving needs the page's anti-forgery token in the {TokenHeader} header; reload the page").ConfigureAwait(false);
            return;
        }

        if (await ReadBody(context, PlaygroundJson.Default.SaveRequest).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        var found = root.Find(request.Path);
        if (found.Real is null)
        {
            await Error(context, found.Status, found.Refusal).ConfigureAwait(false);
            return;
        }

        if (request.Rubric is null || !IsYaml(found.Real) || Directory.Exists(found.Real))
        {
            await Error(context, StatusCodes.Status400BadRequest, request.Rubric is null
                ? "give 'rubric': the rubric's YAML text"
                : $"'{request.Path}' is not a .yaml or .yml file name; rubrics are saved as YAML").ConfigureAwait(false);
            return;
        }

        var folder = Path.GetDirectoryName(found.Real)!;
        if (!Directory.Exists(folder))
        {
            await Error(context, StatusCodes.Status404NotFound, $"the folder of '{request.Path}' does not exist in the served folder").ConfigureAwait(false);
            return;
        }

        await Limited(context, () =>
        {
            Rubric.TryLoadText(request.Rubric, request.Path!, out _, out var diagnostics);
            if (diagnostics.Any(d => d.IsError) && !request.SaveWithErrors)
            {
                return Unprocessable(diagnostics, request.Lang);
            }

            WriteAtomically(found.Real, folder, request.Rubric);
            return new Answer(StatusCodes.Status200OK, Body(new SaveResponse(request.Path!, Bodies(diagnostics, request.Lang)), PlaygroundJson.Default.SaveResponse));
        }).ConfigureAwait(false);
    }

    /// <summary>A reader of the file never sees half a rubric: the text goes to a temporary file in the same folder, renamed over the old one.</summary>
    private static void WriteAtomically(string path, string folder, string text)
    {
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // no-op once renamed
        }
    }

    /// <summary>The rubric a score or form request names: its text, a built-in id or a path in the root, exactly one.</summary>
    private (Rubric? Rubric, Answer? Refusal) Choose(RubricChoice request)
    {
        var given = new[] { request.Rubric, request.RubricId, request.RubricPath }.Count(v => v is not null);
        if (given != 1)
        {
            return (null, ErrorAnswer(StatusCodes.Status400BadRequest, "give exactly one of 'rubric' (YAML text), 'rubric_id' (a built-in id) and 'rubric_path' (a file in the served folder)"));
        }

        ImmutableArray<Diagnostic> diagnostics;
        Rubric? rubric;
        if (request.RubricId is { } id)
        {
            if (!Rubric.BuiltInIds.Contains(id, StringComparer.Ordinal))
            {
                return (null, ErrorAnswer(StatusCodes.Status404NotFound, NoBuiltIn(id)));
            }

            Rubric.TryLoadBuiltIn(id, out rubric, out diagnostics);
        }
        else if (request.RubricPath is { } path)
        {
            var found = root.Find(path);
            if (found.Real is null || !File.Exists(found.Real))
            {
                return (null, ErrorAnswer(found.Real is null ? found.Status : StatusCodes.Status404NotFound, found.Real is null ? found.Refusal : $"no file '{path}' in the served folder"));
            }

            using var stream = File.OpenRead(found.Real);
            Rubric.TryLoad(stream, path, out rubric, out diagnostics);
        }
        else
        {
            Rubric.TryLoadText(request.Rubric!, "rubric.yaml", out rubric, out diagnostics);
        }

        return rubric is null ? (null, Unprocessable(diagnostics, request.Lang)) : (rubric, null);
    }

    private static FormResponse FormOf(Rubric rubric) => new(
        rubric.Id,
        rubric.Title,
        rubric.Total,
        [
            .. rubric.Lines.Select(line => new FormLine(line.Id, line.Section, line.Content, line.Points, line.Maximum,
            [
                // A key two criteria read (a ratio's two counts are two keys; one key is never asked twice) appears once.
                .. line.Criteria
                    .SelectMany(c => c.Fields.Select(f => (Criterion: c, Field: f)))
                    .DistinctBy(p => p.Field.Key, StringComparer.Ordinal)
                    .Select(p => new FormField(
                        p.Field.Key,
                        p.Field.Kind.ToString(),
                        p.Criterion.Label,
                        p.Field.Min,
                        p.Field.Max,
                        Labelled(p.Field.Allowed, p.Field.AllowedLabels),
                        p.Field.Description,
                        [.. p.Field.Rows.Select(r => new FormTableRow(r.Id, r.Label, r.Min, r.Max, r.Columns))],
                        Labelled(p.Field.Columns, p.Field.ColumnLabels),
                        p.Field.ListsMet)),
            ])),
        ],
        [.. rubric.UnitTypes.Select(u => new AllowedValue(u.Id, u.Label))],
        [.. rubric.Vetoes.Select(v => new FormVeto(v.Key, v.Label, v.Effect.ToString(), v.Cap))],
        [.. rubric.Grades.Select(g => new FormGrade(g.Id, g.Label, g.From))]);

    /// <summary>Ids with their labels where the rubric gives them, else the id itself.</summary>
    private static List<AllowedValue> Labelled(ImmutableArray<string> ids, ImmutableArray<string> labels) =>
        [.. ids.Select((id, i) => new AllowedValue(id, i < labels.Length ? labels[i] : id))];

    /// <summary>
    /// Reads a JSON body into <typeparamref name="T"/>, or answers 415 (not JSON), 400 (malformed, with the reader's
    /// position) or 413 (Kestrel's limit, from <see cref="PlaygroundServer"/>) and returns null.
    /// </summary>
    private static async Task<T?> ReadBody<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        if (context.Request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await Error(context, StatusCodes.Status415UnsupportedMediaType, "send the body as JSON, with Content-Type: application/json").ConfigureAwait(false);
            return null;
        }

        try
        {
            if (await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted).ConfigureAwait(false) is { } value)
            {
                return value;
            }

            await Error(context, StatusCodes.Status400BadRequest, "the body is JSON null; send an object").ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            await Error(context, StatusCodes.Status400BadRequest, $"the body is not the JSON object this call takes: {Plain(e.Message)}").ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>System.Text.Json's message names the JSON path, line and position; our namespace is left out of the type names.</summary>
    private static string Plain(string message) =>
        message.Replace("RubricEngine.Cli.Serve.", "", StringComparison.Ordinal);

    /// <summary>The engine's work on its own thread, bounded by <see cref="ServeOptions.ProcessingTimeout"/>; its answer written after.</summary>
    private async Task Limited(HttpContext context, Func<Answer> work)
    {
        var answer = await Task.Run(work, context.RequestAborted).WaitAsync(options.ProcessingTimeout, context.RequestAborted).ConfigureAwait(false);
        await PlaygroundServer.WriteText(context, answer.Status, answer.Json, Json).ConfigureAwait(false);
    }

    private static Answer Unprocessable(ImmutableArray<Diagnostic> diagnostics, string? lang) =>
        new(StatusCodes.Status422UnprocessableEntity, Body(new DiagnosticsResponse(Bodies(diagnostics, lang)), PlaygroundJson.Default.DiagnosticsResponse));

    private static List<DiagnosticBody> Bodies(IEnumerable<Diagnostic> diagnostics, string? lang)
    {
        var culture = lang is not null && lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? CliText.Chinese : CliText.English;
        return
        [
            .. diagnostics.Select(d => new DiagnosticBody(d.Code, d.IsError ? "error" : "warning", d.Span.File, d.Span.Line, d.Span.Column, d.Format(culture))),
        ];
    }

    private static Task Error(HttpContext context, int status, string message) =>
        PlaygroundServer.WriteJson(context, status, new ErrorResponse(message), PlaygroundJson.Default.ErrorResponse);

    private static Answer ErrorAnswer(int status, string message) => new(status, Body(new ErrorResponse(message), PlaygroundJson.Default.ErrorResponse));

    private static string Body<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    private static string NoBuiltIn(string id) =>
        $"no built-in rubric '{id}'; the built-in ids are {string.Join(", ", Rubric.BuiltInIds)}";

    private static bool IsYaml(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>A file with a <c>criteria:</c> key is a rubric (evidence files have none), even while it has errors.</summary>
    private static bool LooksLikeRubric(string file)
    {
        using var reader = new StreamReader(file);
        var buffer = new char[16 * 1024];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read).Contains("criteria:", StringComparison.Ordinal);
    }

    private static byte[] Read(string resource)
    {
        using var stream = typeof(PlaygroundApi).Assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A status and its JSON body, made on the engine's thread and written on the request's.</summary>
    private sealed record Answer(int Status, string Json);
}
