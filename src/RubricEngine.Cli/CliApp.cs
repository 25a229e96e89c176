using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.CommandLine.Invocation;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using RubricEngine.Cli.Formatting;
using RubricEngine.Cli.Forms;
using RubricEngine.Cli.Inputs;
using RubricEngine.Cli.Reports;
using RubricEngine.Cli.Schemas;
using RubricEngine.Cli.Scoring;
using RubricEngine.Cli.Serve;
using RubricEngine.Diagnostics;
using RubricEngine.Reporting;
using RubricEngine.Revisions;

namespace RubricEngine.Cli;

/// <summary>The <c>rubric</c> command: <c>check</c> and <c>score</c>. Writers are parameters so tests run it in-process.</summary>
internal static class CliApp
{
    /// <summary>
    /// The language of this run, chosen once from --lang, RUBRIC_LANG and the UI culture. Thread-static because tests
    /// run the tool in-process in parallel, each run on its own thread.
    /// </summary>
    [ThreadStatic]
    private static CultureInfo? language;

    private static CultureInfo Language
    {
        get => language ?? CliText.English;
        set => language = value;
    }

    /// <summary>Exit code when every input was read and scored.</summary>
    public const int Success = 0;

    /// <summary>Exit code when some input had errors (reported on stderr).</summary>
    public const int InputErrors = 1;

    /// <summary>Exit code for a defect in the tool itself.</summary>
    public const int InternalError = 3;

    /// <param name="args">The command line.</param>
    /// <param name="output">stdout: score cards, check results.</param>
    /// <param name="error">stderr: diagnostics, and progress when <paramref name="interactive"/>.</param>
    /// <param name="interactive">True when stderr is a terminal a person watches: progress is then drawn there.</param>
    /// <param name="environment">RUBRIC_LANG; null reads the process environment. Tests pass it to stay independent of the machine.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool interactive = false, string? environment = null)
    {
        // Whatever a file holds, nothing of it reaches the terminal as a control code (JSON escapes them already).
        output = output as TerminalSafeWriter ?? new TerminalSafeWriter(output);
        error = error as TerminalSafeWriter ?? new TerminalSafeWriter(error);
        var culture = CliText.Resolve(args, environment ?? Environment.GetEnvironmentVariable("RUBRIC_LANG"), CliText.SystemLanguage());
        Language = culture;
        var langOption = new Option<string>("--lang") { Description = CliText.Get(culture, "LangDescription"), Recursive = true };
        langOption.AcceptOnlyFromAmong("zh", "en");
        var root = new RootCommand(CliText.Get(culture, "RootDescription"))
        {
            langOption,
            CheckCommand(output),
            ScoreCommand(output, error, interactive),
            ReportCommand(output, error, interactive),
            TemplateCommand(output, error),
            SchemaCommand(output, error),
            DiffCommand(output, error),
            ServeCommand(output, error),
        };

        // The version is the tool's own (MinVer's, from the git tag), also when another program hosts it in-process.
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersion(output);

        // System.CommandLine's own words (Usage, Options, its parse errors) follow the UI culture where ICU is present.
        var savedUiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture.Equals(CliText.Chinese) ? CliText.ChineseUiCulture : culture;
        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(CliText.Get(Language, "IoError", e.Message));
            return InputErrors;
        }
        catch (Exception e)
        {
            // The library turns bad input into diagnostics; anything reaching here is our defect. Staff get a
            // sentence, not a stack trace.
            error.WriteLine(CliText.Get(Language, "InternalError", e.GetType().Name, e.Message));
            return InternalError;
        }
        finally
        {
            CultureInfo.CurrentUICulture = savedUiCulture;
        }
    }

    private static Command CheckCommand(TextWriter output)
    {
        var files = new Argument<string[]>("rubric") { Description = Text("CheckFilesDescription", string.Join(", ", Rubric.BuiltInIds)), Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", Text("CheckDescription")) { files };
        command.SetAction(parse =>
        {
            var exit = Success;
            foreach (var file in parse.GetValue(files)!)
            {
                var loaded = TryLoadRubric(file, out var rubric, out var diagnostics);
                foreach (var diagnostic in diagnostics)
                {
                    output.WriteLine(diagnostic.ToString(Language));
                }

                var errors = diagnostics.Count(d => d.IsError);
                var warnings = diagnostics.Length - errors;
                output.WriteLine(loaded
                    ? Text("CheckLoaded", file, rubric!.Id, rubric.Lines.Length.ToString(CultureInfo.InvariantCulture), Plural(warnings, "Warnings"))
                    : Text("CheckFailed", file, Plural(errors, "Errors"), Plural(warnings, "Warnings")));
                if (!loaded)
                {
                    exit = InputErrors;
                }
            }

            return exit;
        });
        return command;
    }

    private static Command ScoreCommand(TextWriter output, TextWriter error, bool interactive)
    {
        var rubricOption = RubricOption();
        var formatOption = new Option<string>("--format", "-f") { Description = Text("FormatDescription"), DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong([.. ScoreOutput.Formats.Keys.Order(StringComparer.Ordinal)]);
        var recursiveOption = RecursiveOption();
        var strictOption = StrictOption();
        var inputs = InputsArgument();
        var command = new Command("score", Text("ScoreDescription"))
        {
            rubricOption, formatOption, recursiveOption, strictOption, inputs,
        };
        command.SetAction(parse =>
        {
            if (LoadRubric(parse.GetValue(rubricOption)!, error)?.WithStrictEvidence(parse.GetValue(strictOption)) is not { } rubric)
            {
                return InputErrors;
            }

            var expanded = InputExpander.Expand(parse.GetValue(inputs)!, parse.GetValue(recursiveOption));
            Report(expanded.Problems, error);
            var writer = ScoreOutput.Formats[parse.GetValue(formatOption)!](output, expanded.NamedSeveral, Language);

            // A progress bar only where it cannot mix with the cards: stderr on a terminal, stdout redirected.
            var failed = RunProgress.Run(error, interactive && Console.IsOutputRedirected, expanded.Files.Length, progress =>
            {
                var refused = 0;
                writer.Begin();
                foreach (var outcome in ScoreAll(rubric, expanded.Files, progress))
                {
                    if (outcome.Card is { } card)
                    {
                        // Warnings travel in the score card itself (table, markdown and JSON alike).
                        writer.Write(outcome.Source, card);
                    }
                    else
                    {
                        refused++;
                        ReportRefused(outcome, progress);
                    }
                }

                writer.End();
                return refused;
            });
            return failed == 0 && expanded.Problems.IsEmpty ? Success : InputErrors;
        });
        return command;
    }

    private static Command DiffCommand(TextWriter output, TextWriter error)
    {
        var oldFile = new Argument<string>("old") { Description = "The rubric as it was (YAML), or a built-in rubric id" };
        var newFile = new Argument<string>("new") { Description = "The revised rubric (YAML)" };
        var evidenceOption = new Option<string[]>("--evidence", "-e")
        {
            Description = "Evidence files or folders: score each under both versions and show the impact per unit",
            AllowMultipleArgumentsPerToken = true,
        };
        var formatOption = new Option<string>("--format", "-f") { Description = "Output format", DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong("table", "json", "markdown");
        var command = new Command("diff", Text("DiffDescription"))
        {
            oldFile, newFile, evidenceOption, formatOption,
        };
        command.SetAction(parse =>
        {
            var loadedOld = TryLoadRubric(parse.GetValue(oldFile)!, out var old, out var oldDiagnostics);
            var loadedNew = TryLoadRubric(parse.GetValue(newFile)!, out var revised, out var newDiagnostics);
            if (!loadedOld || !loadedNew)
            {
                Report(oldDiagnostics.Concat(newDiagnostics).Where(d => d.IsError), error);
                error.WriteLine(Text("DiffRubricErrors"));
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
                        error.WriteLine(Text("SkippedOtherRubric", refused.File));
                        continue;
                    }

                    failed = true;
                    Report(refused.Diagnostics, error);
                    error.WriteLine(Text("NotScored", refused.File, Plural(refused.Diagnostics.Count(d => d.IsError), "Errors")));
                }
            }

            output.Write(parse.GetValue(formatOption) switch
            {
                "json" => RevisionJson.Write(diff, impact) + Environment.NewLine,
                "markdown" => RevisionMarkdownFormatter.Format(diff, impact, Language),
                _ => RevisionTableFormatter.Format(diff, impact, Language),
            });
            return failed ? InputErrors : Success;
        });
        return command;
    }

    private static Command ServeCommand(TextWriter output, TextWriter error)
    {
        var portOption = new Option<int>("--port", "-p") { Description = Text("ServePortDescription"), DefaultValueFactory = _ => new ServeOptions().Port };
        portOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError(Text("ServePortRange"));
            }
        });
        var rootOption = new Option<string>("--root") { Description = Text("ServeRootDescription"), DefaultValueFactory = _ => "." };
        var hostOption = new Option<string>("--host") { Description = Text("ServeHostDescription"), DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("serve", Text("ServeDescription")) { portOption, rootOption, hostOption };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(rootOption)!;
            if (!Directory.Exists(root))
            {
                error.WriteLine(Text("ServeNoRoot", root));
                return InputErrors;
            }

            var hostText = parse.GetValue(hostOption)!;
            if (!System.Net.IPAddress.TryParse(hostText == "localhost" ? "127.0.0.1" : hostText, out var host))
            {
                error.WriteLine(Text("ServeBadHost", hostText));
                return InputErrors;
            }

            if (!System.Net.IPAddress.IsLoopback(host))
            {
                // Anyone who reaches this address can read and save rubrics in the root: the person who asked must know.
                error.WriteLine(Text("ServeNotLoopback", host.ToString(), Path.GetFullPath(root)));
            }

            var options = new ServeOptions { Host = host, Port = parse.GetValue(portOption), Root = root };
            var server = PlaygroundServer.StartAsync(options).GetAwaiter().GetResult();
            output.WriteLine(Text("ServeListening", server.Address.ToString(), Path.GetFullPath(root)));
            output.Flush();
            server.WaitForShutdownAsync().GetAwaiter().GetResult();
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return Success;
        });
        return command;
    }

    private static Command ReportCommand(TextWriter output, TextWriter error, bool interactive)
    {
        var rubricOption = RubricOption();
        var outOption = new Option<string>("--out", "-o")
        {
            Description = "The report file; its extension picks the format: " + string.Join(", ", ReportWriters.ByExtension.Keys.Order(StringComparer.Ordinal)),
            Required = true,
        };
        outOption.Validators.Add(result =>
        {
            var outFile = result.GetValueOrDefault<string>() ?? "";
            if (ExcelForm.IsWorkbook(outFile) && ReportWriters.For(outFile) is null)
            {
                result.AddError(ExcelSupport.NotInNativeBuild);
            }
            else if (ReportWriters.For(outFile) is null)
            {
                result.AddError(Text("OutExtension", string.Join(", ", ReportWriters.ByExtension.Keys.Order(StringComparer.Ordinal))));
            }
        });
        var recursiveOption = RecursiveOption();
        var strictOption = StrictOption();
        var inputs = InputsArgument();
        var command = new Command("report", Text("ReportDescription"))
        {
            rubricOption, outOption, recursiveOption, strictOption, inputs,
        };
        command.SetAction(parse =>
        {
            if (LoadRubric(parse.GetValue(rubricOption)!, error)?.WithStrictEvidence(parse.GetValue(strictOption)) is not { } rubric)
            {
                return InputErrors;
            }

            var outFile = parse.GetValue(outOption)!;
            // A report written into the folder it reads (乡镇/ --out 乡镇/汇总.xlsx) must not read last run's report as a form.
            var expanded = InputExpander.Expand(parse.GetValue(inputs)!, parse.GetValue(recursiveOption), exclude: outFile);
            Report(expanded.Problems, error);
            var builder = new CountyReportBuilder(rubric, Language);
            foreach (var problem in expanded.Problems)
            {
                // A pattern or folder that named nothing is listed with the refused files, so the report shows it too.
                builder.Add(new UnitOutcome(problem.Span.File, null, [problem]));
            }

            RunProgress.Run(error, interactive, expanded.Files.Length, progress =>
            {
                foreach (var outcome in ScoreAll(rubric, expanded.Files, progress))
                {
                    builder.Add(outcome);
                    if (outcome.Card is null)
                    {
                        ReportRefused(outcome, progress);
                    }
                }

                return 0;
            });

            var report = builder.Build();
            ReportWriters.For(outFile)!.Write(report, outFile);
            output.WriteLine(Text("ReportWritten", outFile, report.Ranking.Length.ToString(CultureInfo.InvariantCulture), report.Refused.Length.ToString(CultureInfo.InvariantCulture)));
            return report.Refused.IsEmpty && expanded.Problems.IsEmpty ? Success : InputErrors;
        });
        return command;
    }

    private static Command TemplateCommand(TextWriter output, TextWriter error)
    {
        var rubricOption = RubricOption();
        var formatOption = new Option<string?>("--format", "-f") { Description = Text("TemplateFormatDescription") };
        formatOption.AcceptOnlyFromAmong("yaml", "xlsx");
        var outOption = new Option<string?>("--out", "-o") { Description = Text("TemplateOutDescription") };
        var unitOption = new Option<string?>("--unit") { Description = Text("TemplateUnitDescription") };
        var yearOption = new Option<int?>("--year") { Description = Text("TemplateYearDescription") };
        var schemaOption = new Option<string?>("--schema") { Description = Text("TemplateSchemaDescription") };
        var command = new Command("template", Text("TemplateDescription"))
        {
            rubricOption, formatOption, outOption, unitOption, yearOption, schemaOption,
        };
        command.SetAction(parse =>
        {
            if (LoadRubric(parse.GetValue(rubricOption)!, error) is not { } rubric)
            {
                return InputErrors;
            }

            // Without --format, an --out ending in .xlsx asks for the Excel form, as it did before YAML became the default.
            var format = parse.GetValue(formatOption) ?? (parse.GetValue(outOption) is { } named && ExcelForm.IsWorkbook(named) ? "xlsx" : "yaml");
            if (format == "xlsx")
            {
                // The check stands here, not behind a helper, so that the AOT compiler sees it (Forms/ExcelSupport).
                if (!RuntimeFeature.IsDynamicCodeSupported)
                {
                    error.WriteLine(Text("IoError", ExcelSupport.NotInNativeBuild));
                    return InputErrors;
                }

                var form = parse.GetValue(outOption) ?? $"{rubric.Id}-form.xlsx";
                ExcelForm.WriteTemplate(rubric, form);
                output.WriteLine(Text("FormWritten", form, rubric.Id, ExcelForm.Columns(rubric).Length.ToString(CultureInfo.InvariantCulture)));
                return Success;
            }

            var outFile = parse.GetValue(outOption) ?? $"{rubric.Id}-evidence.yaml";
            var schema = parse.GetValue(schemaOption) ?? $"{rubric.Id}-evidence.schema.json";
            var yaml = YamlTemplate.Write(rubric, parse.GetValue(unitOption), parse.GetValue(yearOption), schema);
            if (outFile == "-")
            {
                output.Write(yaml);
                return Success;
            }

            File.WriteAllText(outFile, yaml);
            output.WriteLine(Text("TemplateWritten", outFile, rubric.Id, ExcelForm.Columns(rubric).Length.ToString(CultureInfo.InvariantCulture)));
            return Success;
        });
        return command;
    }

    private static Command SchemaCommand(TextWriter output, TextWriter error)
    {
        var outOption = new Option<string?>("--out", "-o") { Description = Text("SchemaOutDescription") };
        var rubricSchema = new Command("rubric", Text("SchemaRubricDescription")) { outOption };
        rubricSchema.SetAction(parse => WriteSchema(JsonSchemas.Rubric(), parse.GetValue(outOption), output));

        var rubricOption = RubricOption();
        var evidenceOut = new Option<string?>("--out", "-o") { Description = Text("SchemaOutDescription") };
        var evidenceSchema = new Command("evidence", Text("SchemaEvidenceDescription")) { rubricOption, evidenceOut };
        evidenceSchema.SetAction(parse => LoadRubric(parse.GetValue(rubricOption)!, error) is { } rubric
            ? WriteSchema(JsonSchemas.Evidence(rubric), parse.GetValue(evidenceOut), output)
            : InputErrors);

        return new Command("schema", Text("SchemaDescription")) { rubricSchema, evidenceSchema };
    }

    private static int WriteSchema(System.Text.Json.Nodes.JsonObject schema, string? outFile, TextWriter output)
    {
        var text = JsonSchemas.Write(schema);
        if (outFile is null or "-")
        {
            output.Write(text);
            return Success;
        }

        File.WriteAllText(outFile, text);
        output.WriteLine(Text("SchemaWritten", outFile));
        return Success;
    }

    /// <summary>Every unit scored on all cores, handed back in input order as each one's turn comes.</summary>
    private static IEnumerable<UnitOutcome> ScoreAll(Rubric rubric, IEnumerable<string> files, IRunProgress progress)
    {
        var units = UnitSources.Of(rubric, files, progress.AddUnits);
        foreach (var outcome in OrderedParallel.Run(units.Select(u => u.Score), OrderedParallel.DefaultWindow))
        {
            progress.Advance();
            yield return outcome;
        }
    }

    private static void ReportRefused(UnitOutcome outcome, IRunProgress progress)
    {
        foreach (var diagnostic in outcome.Diagnostics)
        {
            progress.WriteError(diagnostic.ToString(Language));
        }

        progress.WriteError(Text("NotScored", outcome.Source, Plural(outcome.ErrorCount, "Errors")));
    }

    /// <summary>
    /// A rubric argument is a file; a name that is no file but a built-in id (<c>village</c>) is the built-in rubric.
    /// The file comes first, so a local file never silently loses to a built-in of the same name.
    /// </summary>
    private static bool TryLoadRubric(string fileOrId, [NotNullWhen(true)] out Rubric? rubric, out ImmutableArray<Diagnostic> diagnostics) =>
        !File.Exists(fileOrId) && !Directory.Exists(fileOrId) && Rubric.BuiltInIds.Contains(fileOrId, StringComparer.Ordinal)
            ? Rubric.TryLoadBuiltIn(fileOrId, out rubric, out diagnostics)
            : Rubric.TryLoad(fileOrId, out rubric, out diagnostics);

    private static Rubric? LoadRubric(string file, TextWriter error)
    {
        if (TryLoadRubric(file, out var rubric, out var diagnostics))
        {
            return rubric;
        }

        Report(diagnostics, error);
        error.WriteLine(Text("RubricHasErrors", file));
        return null;
    }

    private static Option<string> RubricOption() => new("--rubric", "-r")
    {
        Description = Text("RubricDescription", string.Join(", ", Rubric.BuiltInIds)),
        Required = true,
    };

    private static Option<bool> RecursiveOption() => new("--recursive") { Description = Text("RecursiveDescription") };

    private static Option<bool> StrictOption() => new("--strict") { Description = Text("StrictDescription") };

    private static Argument<string[]> InputsArgument() => new("evidence")
    {
        Description = Text("EvidenceDescription"),
        Arity = ArgumentArity.OneOrMore,
    };

    private static void Report(IEnumerable<Diagnostic> diagnostics, TextWriter error)
    {
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(diagnostic.ToString(Language));
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

    private static string Plural(int n, string noun) => CliText.Count(Language, n, noun);

    private static string Text(string id, params object[] arguments) => CliText.Get(Language, id, arguments);
}
