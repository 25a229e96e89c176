using System.CommandLine;
using System.Text;
using RubricEngine.Cli.Formatting;
using RubricEngine.Diagnostics;
using RubricEngine.Reporting;
using RubricEngine.Revisions;

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
            DiffCommand(output, error),
        };

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
        var files = new Argument<string[]>("rubric") { Description = "Rubric YAML files to check", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "Check rubric files; print errors and warnings as file(line,col): severity code: message") { files };
        command.SetAction(parse =>
        {
            var exit = Success;
            foreach (var file in parse.GetValue(files)!)
            {
                var loaded = Rubric.TryLoad(file, out var rubric, out var diagnostics);
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
        var rubricOption = new Option<string>("--rubric", "-r") { Description = "The rubric YAML file", Required = true };
        var formatOption = new Option<string>("--format", "-f") { Description = "Output format", DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong("table", "json", "markdown");
        var evidence = new Argument<string[]>("evidence") { Description = "Evidence files, YAML or JSON", Arity = ArgumentArity.OneOrMore };
        var command = new Command("score", "Score evidence files against a rubric") { rubricOption, formatOption, evidence };
        command.SetAction(parse =>
        {
            var rubricFile = parse.GetValue(rubricOption)!;
            var format = parse.GetValue(formatOption)!;
            if (!Rubric.TryLoad(rubricFile, out var rubric, out var rubricDiagnostics))
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

    private static Command DiffCommand(TextWriter output, TextWriter error)
    {
        var oldFile = new Argument<string>("old") { Description = "The rubric as it was (YAML)" };
        var newFile = new Argument<string>("new") { Description = "The revised rubric (YAML)" };
        var evidenceOption = new Option<string[]>("--evidence", "-e")
        {
            Description = "Evidence files or folders: score each under both versions and show the impact per unit",
            AllowMultipleArgumentsPerToken = true,
        };
        var formatOption = new Option<string>("--format", "-f") { Description = "Output format", DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong("table", "json", "markdown");
        var command = new Command("diff", "Show what changed between two versions of a rubric, and with --evidence what it does to each unit's score")
        {
            oldFile, newFile, evidenceOption, formatOption,
        };
        command.SetAction(parse =>
        {
            var loadedOld = Rubric.TryLoad(parse.GetValue(oldFile)!, out var old, out var oldDiagnostics);
            var loadedNew = Rubric.TryLoad(parse.GetValue(newFile)!, out var revised, out var newDiagnostics);
            if (!loadedOld || !loadedNew)
            {
                Report(oldDiagnostics.Concat(newDiagnostics).Where(d => d.IsError), error);
                error.WriteLine("rubric: a rubric has errors; run 'rubric check' on it; nothing was compared");
                return InputErrors;
            }

            var diff = RubricDiff.Compare(old!, revised!);
            RevisionImpact? impact = null;
            var failed = false;
            if (parse.GetValue(evidenceOption) is { Length: > 0 } inputs)
            {
                var (files, fromFolders) = EvidenceInputs.Expand(inputs, error);
                impact = RevisionImpact.Assess(old!, revised!, files);
                foreach (var refused in impact.Refused)
                {
                    // A folder may hold evidence for other rubrics (samples/ does): those are skipped, not failures.
                    if (fromFolders.Contains(refused.File) && refused.Diagnostics.Where(d => d.IsError).All(d => d.Code == DiagnosticCodes.WrongRubric))
                    {
                        error.WriteLine($"rubric: skipped {refused.File}: it is evidence for another rubric");
                        continue;
                    }

                    failed = true;
                    Report(refused.Diagnostics, error);
                    error.WriteLine($"rubric: {refused.File} was not scored: it has {Plural(refused.Diagnostics.Count(d => d.IsError), "error")}");
                }
            }

            output.Write(parse.GetValue(formatOption) switch
            {
                "json" => RevisionJson.Write(diff, impact) + Environment.NewLine,
                "markdown" => RevisionMarkdownFormatter.Format(diff, impact),
                _ => RevisionTableFormatter.Format(diff, impact),
            });
            return failed ? InputErrors : Success;
        });
        return command;
    }

    private static string Render(List<ScoreCard> cards, string format, bool severalFiles)
    {
        if (format == "json")
        {
            // One evidence file gives the contract's object; several give an array of them (of those scored),
            // so a script knows the shape from its own command line.
            return severalFiles
                ? "[" + string.Join(",", cards.Select(ScoreCardJson.Write)) + "]" + Environment.NewLine
                : string.Concat(cards.Select(c => ScoreCardJson.Write(c) + Environment.NewLine));
        }

        var text = new StringBuilder();
        foreach (var card in cards)
        {
            text.Append(format == "markdown" ? MarkdownFormatter.Format(card) : TableFormatter.Format(card));
            text.AppendLine();
        }

        return text.ToString();
    }

    private static void Report(IEnumerable<Diagnostic> diagnostics, TextWriter error)
    {
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(diagnostic);
        }
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
