using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RubricEngine.Cli.Formatting;
using RubricEngine.Diagnostics;
using RubricEngine.Reporting;

namespace RubricEngine.Cli;

/// <summary>The <c>rubric</c> command: <c>check</c> and <c>score</c>. Writers are parameters so tests run it in-process.</summary>
internal static class CliApp
{
    /// <summary>Exit code when every input was read and scored.</summary>
    public const int Success = 0;

    /// <summary>Exit code when some input had errors (reported on stderr).</summary>
    public const int InputErrors = 1;

    /// <summary>Exit code for a defect in the tool itself.</summary>
    public const int InternalError = 3;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("rubric: check assessment rubrics (考核细则) and score evidence against them")
        {
            CheckCommand(output),
            ScoreCommand(output, error),
        };

        // The version is the tool's own (MinVer's, from the git tag), also when another program hosts it in-process.
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersion(output);

        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"rubric: {e.Message}");
            return InputErrors;
        }
        catch (Exception e)
        {
            // The library turns bad input into diagnostics; anything reaching here is our defect. Staff get a
            // sentence, not a stack trace.
            error.WriteLine($"rubric: internal error ({e.GetType().Name}: {e.Message}); please report it with the files you used");
            return InternalError;
        }
    }

    private static Command CheckCommand(TextWriter output)
    {
        var files = new Argument<string[]>("rubric") { Description = $"Rubric YAML files, or built-in rubric ids ({string.Join(", ", Rubric.BuiltInIds)}), to check", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "Check rubric files; print errors and warnings as file(line,col): severity code: message") { files };
        command.SetAction(parse =>
        {
            var exit = Success;
            foreach (var file in parse.GetValue(files)!)
            {
                var loaded = TryLoadRubric(file, out var rubric, out var diagnostics);
                foreach (var diagnostic in diagnostics)
                {
                    output.WriteLine(diagnostic);
                }

                var errors = diagnostics.Count(d => d.IsError);
                var warnings = diagnostics.Length - errors;
                output.WriteLine(loaded
                    ? $"{file}: rubric '{rubric!.Id}', {rubric.Lines.Length} lines, {Plural(warnings, "warning")}"
                    : $"{file}: {Plural(errors, "error")}, {Plural(warnings, "warning")}");
                if (!loaded)
                {
                    exit = InputErrors;
                }
            }

            return exit;
        });
        return command;
    }

    private static Command ScoreCommand(TextWriter output, TextWriter error)
    {
        var rubricOption = new Option<string>("--rubric", "-r")
        {
            Description = $"The rubric YAML file, or a built-in rubric id ({string.Join(", ", Rubric.BuiltInIds)})",
            Required = true,
        };
        var formatOption = new Option<string>("--format", "-f") { Description = "Output format", DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong("table", "json", "markdown");
        var evidence = new Argument<string[]>("evidence") { Description = "Evidence files, YAML or JSON", Arity = ArgumentArity.OneOrMore };
        var command = new Command("score", "Score evidence files against a rubric") { rubricOption, formatOption, evidence };
        command.SetAction(parse =>
        {
            var rubricFile = parse.GetValue(rubricOption)!;
            var format = parse.GetValue(formatOption)!;
            if (!TryLoadRubric(rubricFile, out var rubric, out var rubricDiagnostics))
            {
                Report(rubricDiagnostics, error);
                error.WriteLine($"rubric: {rubricFile} has errors; nothing was scored");
                return InputErrors;
            }

            var cards = new List<ScoreCard>();
            var failed = 0;
            var files = parse.GetValue(evidence)!;
            foreach (var file in files)
            {
                if (rubric.TryScore(file, out var card, out var diagnostics))
                {
                    // Warnings travel in the score card itself (table, markdown and JSON alike).
                    cards.Add(card);
                }
                else
                {
                    failed++;
                    Report(diagnostics, error);
                    error.WriteLine($"rubric: {file} was not scored: it has {Plural(diagnostics.Count(d => d.IsError), "error")}");
                }
            }

            output.Write(Render(cards, format, severalFiles: files.Length > 1));
            return failed == 0 ? Success : InputErrors;
        });
        return command;
    }

    /// <summary>
    /// A rubric argument is a file; a name that is no file but a built-in id (<c>village</c>) is the built-in rubric.
    /// The file comes first, so a local file never silently loses to a built-in of the same name.
    /// </summary>
    private static bool TryLoadRubric(string fileOrId, [NotNullWhen(true)] out Rubric? rubric, out ImmutableArray<Diagnostic> diagnostics) =>
        !File.Exists(fileOrId) && Rubric.BuiltInIds.Contains(fileOrId, StringComparer.Ordinal)
            ? Rubric.TryLoadBuiltIn(fileOrId, out rubric, out diagnostics)
            : Rubric.TryLoad(fileOrId, out rubric, out diagnostics);

    private static string Render(List<ScoreCard> cards, string format, bool severalFiles)
    {
        if (format == "json")
        {
            return RenderJson(cards, severalFiles);
        }

        var text = new StringBuilder();
        foreach (var card in cards)
        {
            text.Append(format == "markdown" ? MarkdownFormatter.Format(card) : TableFormatter.Format(card));
            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>
    /// One evidence file gives the contract's object; several give an array of them (of those scored), so a script
    /// knows the shape from its own command line.
    /// </summary>
    private static string RenderJson(List<ScoreCard> cards, bool severalFiles)
    {
        if (!severalFiles)
        {
            return string.Concat(cards.Select(c => ScoreCardJson.Write(c) + Environment.NewLine));
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var card in cards)
            {
                ScoreCardJson.WriteTo(card, json);
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    private static void Report(IEnumerable<Diagnostic> diagnostics, TextWriter error)
    {
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(diagnostic);
        }
    }

    /// <summary>The package version: MinVer writes it into the assembly's informational version.</summary>
    public static string Version { get; } = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private sealed class PrintVersion(TextWriter output) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            output.WriteLine(Version);
            return Success;
        }
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
