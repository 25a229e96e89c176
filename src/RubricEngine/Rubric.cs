using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using RubricEngine.Binding;
using RubricEngine.BuiltIn;
using RubricEngine.Compilation;
using RubricEngine.Runtime;
using RubricEngine.Diagnostics;
using RubricEngine.Evidence;
using RubricEngine.Loading;
using RubricEngine.Parsing;
using RubricEngine.Scoring;
using RubricEngine.Syntax;

namespace RubricEngine;

/// <summary>
/// A rubric loaded from YAML, checked and compiled: immutable and safe to share across threads.
/// <code>
/// if (!Rubric.TryLoad("rubrics/village.yaml", out var rubric, out var diagnostics))
/// {
///     foreach (var d in diagnostics) Console.Error.WriteLine(d);   // rubrics/village.yaml(42,18): error RE0102: …
///     return;
/// }
/// if (rubric.TryScore("samples/village-bailong.yaml", out var card, out diagnostics))
///     Console.WriteLine($"{card.Unit}: {card.Total}");
/// </code>
/// </summary>
public sealed class Rubric
{
    private readonly FrozenDictionary<string, RubricLine> linesById;

    private Rubric(BoundRubric bound, CompiledRubric compiled, LoadLimits limits)
    {
        var syntax = bound.Syntax;
        File = syntax.File;
        Id = syntax.Id.Value;
        Title = syntax.Title;
        Source = syntax.Source;
        Total = syntax.Total!.Value.Value;
        Version = syntax.Version;
        Effective = syntax.Effective;
        Decimals = syntax.Rounding.Decimals;
        Rounding = syntax.Rounding.Mode;
        Sections = [.. syntax.Sections.Select(s => new RubricSection(s.Name.Value, s.Points.Value))];
        Compiled = compiled;
        Syntax = syntax;
        Lines = [.. compiled.Lines.Select(l => l.Info)];
        Limits = limits;
        linesById = Lines.ToFrozenDictionary(l => l.Id, StringComparer.Ordinal);
    }

    /// <summary>The same rubric, sharing everything, with <see cref="IsStrict"/> set.</summary>
    private Rubric(Rubric rubric, bool strict)
    {
        File = rubric.File;
        Id = rubric.Id;
        Title = rubric.Title;
        Source = rubric.Source;
        Total = rubric.Total;
        Version = rubric.Version;
        Effective = rubric.Effective;
        Decimals = rubric.Decimals;
        Rounding = rubric.Rounding;
        Sections = rubric.Sections;
        Compiled = rubric.Compiled;
        Syntax = rubric.Syntax;
        Lines = rubric.Lines;
        Limits = rubric.Limits;
        linesById = rubric.linesById;
        IsStrict = strict;
    }

    /// <summary>
    /// True when evidence not given (a key left out or empty, a line absent) is an error (RE0305) that refuses the
    /// file, instead of a warning with a score of 0. A <c>deduction()</c> key may still be left out.
    /// </summary>
    public bool IsStrict { get; }

    /// <summary>This rubric, scoring evidence strictly or not (see <see cref="IsStrict"/>); cheap, nothing is compiled again.</summary>
    /// <param name="strict">True to refuse evidence with keys not given.</param>
    public Rubric WithStrictEvidence(bool strict = true) => strict == IsStrict ? this : new Rubric(this, strict);

    /// <summary>The file it was loaded from, as given.</summary>
    public string File { get; }

    /// <summary>The rubric id, e.g. <c>village</c>.</summary>
    public string Id { get; }

    /// <summary>The rubric's title.</summary>
    public string Title { get; }

    /// <summary>The document it comes from.</summary>
    public string Source { get; }

    /// <summary>The rubric's version as written under <c>version</c> (e.g. <c>2023</c>), or null when it names none.</summary>
    public string? Version { get; }

    /// <summary>The date this version takes effect (<c>effective</c>), or null.</summary>
    public DateOnly? Effective { get; }

    /// <summary>Total nominal points.</summary>
    public decimal Total { get; }

    /// <summary>Decimal places each line's score is rounded to.</summary>
    public int Decimals { get; }

    /// <summary>How a line's score is rounded: <see cref="MidpointRounding.AwayFromZero"/> is 四舍五入.</summary>
    public MidpointRounding Rounding { get; }

    /// <summary>Sections in rubric order.</summary>
    public ImmutableArray<RubricSection> Sections { get; }

    /// <summary>Lines in rubric order.</summary>
    public ImmutableArray<RubricLine> Lines { get; }

    /// <summary>The unit types (<c>unit_types</c>) whose rules may differ; empty when the rubric declares none.</summary>
    public ImmutableArray<RubricUnitType> UnitTypes => Compiled.UnitTypes;

    /// <summary>The vetoes (<c>vetoes</c>, 一票否决) the evidence may raise; empty when the rubric declares none.</summary>
    public ImmutableArray<RubricVeto> Vetoes => Compiled.TotalRules?.Vetoes ?? [];

    /// <summary>The grades of the total (<c>grades</c>), highest first; empty when the rubric declares none.</summary>
    public ImmutableArray<RubricGrade> Grades => Compiled.TotalRules?.Grades ?? [];

    /// <summary>The limits it was loaded with; evidence is read with the same.</summary>
    public LoadLimits Limits { get; }

    /// <summary>What scoring needs: the runtime of every criterion and the layout of an evidence row.</summary>
    internal CompiledRubric Compiled { get; }

    /// <summary>The rubric as written (tables, criteria's units, levels and rules by unit type): what a diff compares beyond the public model.</summary>
    internal RubricSyntax Syntax { get; }

    internal ImmutableArray<CompiledLine> CompiledLines => Compiled.Lines;

    /// <summary>The line with this id, or null.</summary>
    public RubricLine? FindLine(string id) => linesById.GetValueOrDefault(id);

    /// <summary>Loads, checks and compiles a rubric file.</summary>
    /// <param name="path">The rubric's YAML file; diagnostics name it as given.</param>
    /// <param name="rubric">The rubric, when there are no errors.</param>
    /// <param name="diagnostics">Every error and warning, in file order.</param>
    /// <param name="limits">Resource limits; <see cref="LoadLimits.Default"/> when null.</param>
    /// <returns>True when the rubric has no errors (it may have warnings).</returns>
    public static bool TryLoad(string path, [NotNullWhen(true)] out Rubric? rubric, out ImmutableArray<Diagnostic> diagnostics, LoadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= LoadLimits.Default;
        var found = new List<Diagnostic>();
        rubric = Guard(found, path, () => SourceText.ReadFile(path, limits, found) is { } text ? Compile(text, path, limits, found) : null);
        diagnostics = Sorted(found);
        return rubric is not null;
    }

    /// <summary>Checks and compiles rubric text.</summary>
    /// <param name="text">The rubric's YAML.</param>
    /// <param name="file">The name diagnostics give for it.</param>
    /// <param name="rubric">The rubric, when there are no errors.</param>
    /// <param name="diagnostics">Every error and warning, in file order.</param>
    /// <param name="limits">Resource limits; <see cref="LoadLimits.Default"/> when null.</param>
    /// <returns>True when the rubric has no errors (it may have warnings).</returns>
    public static bool TryLoadText(string text, string file, [NotNullWhen(true)] out Rubric? rubric, out ImmutableArray<Diagnostic> diagnostics, LoadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        limits ??= LoadLimits.Default;
        var found = new List<Diagnostic>();
        rubric = Guard(found, file, () => SourceText.FitsLimit(text, file, limits, found) ? Compile(text, file, limits, found) : null);
        diagnostics = Sorted(found);
        return rubric is not null;
    }

    /// <summary>Loads a rubric from a stream (read to its end, up to <see cref="LoadLimits.MaxFileBytes"/>; not closed).</summary>
    /// <param name="stream">The rubric's YAML as UTF-8 bytes.</param>
    /// <param name="file">The name diagnostics give for it.</param>
    /// <param name="rubric">The rubric, when there are no errors.</param>
    /// <param name="diagnostics">Every error and warning, in file order.</param>
    /// <param name="limits">Resource limits; <see cref="LoadLimits.Default"/> when null.</param>
    /// <returns>True when the rubric has no errors (it may have warnings).</returns>
    public static bool TryLoad(Stream stream, string file, [NotNullWhen(true)] out Rubric? rubric, out ImmutableArray<Diagnostic> diagnostics, LoadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(file);
        limits ??= LoadLimits.Default;
        var found = new List<Diagnostic>();
        rubric = Guard(found, file, () => SourceText.ReadStream(stream, file, limits, found) is { } text ? Compile(text, file, limits, found) : null);
        diagnostics = Sorted(found);
        return rubric is not null;
    }

    /// <summary>The ids of the rubrics built into the library, in ordinal order: <c>platform</c>, <c>town</c>, <c>village</c>.</summary>
    public static ImmutableArray<string> BuiltInIds => BuiltInRubrics.Ids;

    /// <summary>
    /// The YAML text of a built-in rubric, as shipped: for tools that show or copy it (the playground of
    /// <c>rubric serve</c> opens it in its editor). Null when <paramref name="id"/> is not one of <see cref="BuiltInIds"/>.
    /// </summary>
    /// <param name="id">A built-in id, one of <see cref="BuiltInIds"/>.</param>
    /// <returns>The rubric's YAML, or null.</returns>
    public static string? BuiltInText(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return BuiltInIds.Contains(id, StringComparer.Ordinal) ? BuiltInRubrics.Read(id, BuiltInRubrics.FileOf(id), LoadLimits.Default, []) : null;
    }

    /// <summary>
    /// Loads a rubric built into the library (the county rubrics of 西实践发〔2022〕4号), with no file on disk.
    /// Diagnostics name it <c>&lt;built-in&gt;/village.yaml</c>; the shipped rubrics load with warnings only.
    /// </summary>
    /// <param name="id">A built-in id, one of <see cref="BuiltInIds"/>.</param>
    /// <param name="rubric">The rubric, when <paramref name="id"/> is built in.</param>
    /// <param name="diagnostics">Its warnings, or error RE0001 naming the built-in ids when there is no such rubric.</param>
    /// <param name="limits">Resource limits; <see cref="LoadLimits.Default"/> when null.</param>
    /// <returns>True when the rubric was loaded.</returns>
    public static bool TryLoadBuiltIn(string id, [NotNullWhen(true)] out Rubric? rubric, out ImmutableArray<Diagnostic> diagnostics, LoadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        limits ??= LoadLimits.Default;
        var file = BuiltInRubrics.FileOf(id);
        var found = new List<Diagnostic>();
        rubric = Guard(found, file, () => BuiltInRubrics.Read(id, file, limits, found) is { } text ? Compile(text, file, limits, found) : null);
        diagnostics = Sorted(found);
        return rubric is not null;
    }

    /// <summary>Reads an evidence file (YAML, or JSON when its name ends in <c>.json</c>) and scores it.</summary>
    /// <param name="path">The evidence file; diagnostics name it as given.</param>
    /// <param name="card">The score card, when the evidence has no errors.</param>
    /// <param name="diagnostics">Errors, or the warnings the score card also carries.</param>
    /// <returns>True when scored. A file with any error is not scored at all.</returns>
    public bool TryScore(string path, [NotNullWhen(true)] out ScoreCard? card, out ImmutableArray<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        var found = new List<Diagnostic>();
        card = Guard(found, path, () => SourceText.ReadFile(path, Limits, found) is { } text ? ScoreText(text, path, found) : null);
        diagnostics = Sorted(found);
        return card is not null;
    }

    /// <summary>Scores evidence given as text.</summary>
    /// <param name="text">The evidence, YAML or JSON.</param>
    /// <param name="file">The name diagnostics give for it; a name ending in <c>.json</c> is read as JSON.</param>
    /// <param name="card">The score card, when the evidence has no errors.</param>
    /// <param name="diagnostics">Errors, or the warnings the score card also carries.</param>
    /// <returns>True when scored.</returns>
    public bool TryScoreText(string text, string file, [NotNullWhen(true)] out ScoreCard? card, out ImmutableArray<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var found = new List<Diagnostic>();
        card = Guard(found, file, () => SourceText.FitsLimit(text, file, Limits, found) ? ScoreText(text, file, found) : null);
        diagnostics = Sorted(found);
        return card is not null;
    }

    /// <summary>
    /// Reads evidence text (YAML, or JSON when <paramref name="file"/> ends in <c>.json</c>) as a JSON value, after the
    /// same checks as scoring it: for tools that edit evidence rather than score it (the playground of
    /// <c>rubric serve</c> loads a YAML evidence file into its form this way). Quoted text stays text; plain scalars
    /// become booleans and numbers as in the evidence file's own reading.
    /// </summary>
    /// <param name="text">The evidence.</param>
    /// <param name="file">The name diagnostics give for it.</param>
    /// <param name="evidence">The evidence as a JSON object, when it has no errors.</param>
    /// <param name="diagnostics">Errors, or the warnings scoring it would give.</param>
    /// <returns>True when the evidence has no errors.</returns>
    public bool TryReadEvidenceText(string text, string file, [NotNullWhen(true)] out JsonNode? evidence, out ImmutableArray<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        evidence = null;
        if (!TryScoreText(text, file, out _, out diagnostics))
        {
            return false;
        }

        var found = new List<Diagnostic>();
        evidence = Guard(found, file, () => TreeReader.Read(text, file, Limits, found) is { } tree ? TreeJson.Of(tree) : null);
        diagnostics = diagnostics.AddRange(found);
        return evidence is not null;
    }

    /// <summary>Scores evidence read from a stream (to its end, up to <see cref="LoadLimits.MaxFileBytes"/>; not closed).</summary>
    /// <param name="stream">The evidence as UTF-8 bytes, YAML or JSON.</param>
    /// <param name="file">The name diagnostics give for it; a name ending in <c>.json</c> is read as JSON.</param>
    /// <param name="card">The score card, when the evidence has no errors.</param>
    /// <param name="diagnostics">Errors, or the warnings the score card also carries.</param>
    /// <returns>True when scored.</returns>
    public bool TryScore(Stream stream, string file, [NotNullWhen(true)] out ScoreCard? card, out ImmutableArray<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(file);
        var found = new List<Diagnostic>();
        card = Guard(found, file, () => SourceText.ReadStream(stream, file, Limits, found) is { } text ? ScoreText(text, file, found) : null);
        diagnostics = Sorted(found);
        return card is not null;
    }

    /// <summary>
    /// Scores evidence built in code. It is checked exactly as an evidence file is; a diagnostic's span is the key path
    /// of the value (<see cref="SourceSpan.Path"/>, e.g. <c>organization.leading_group</c>) in <see cref="UnitEvidence.File"/>.
    /// </summary>
    /// <param name="evidence">The evidence for one unit.</param>
    /// <param name="card">The score card, when the evidence has no errors.</param>
    /// <param name="diagnostics">Errors, or the warnings the score card also carries.</param>
    /// <returns>True when scored.</returns>
    public bool TryScore(UnitEvidence evidence, [NotNullWhen(true)] out ScoreCard? card, out ImmutableArray<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var found = new List<Diagnostic>();
        card = Guard(found, UnitEvidence.File, () => ScoreTree(ValueTreeReader.FromEvidence(evidence, UnitEvidence.File), UnitEvidence.File, found));
        diagnostics = Sorted(found);
        return card is not null;
    }

    /// <summary>
    /// Scores evidence given as a JSON value with the shape of a JSON evidence file (<c>rubric</c>, <c>unit</c>,
    /// <c>year</c>, <c>lines</c>). A diagnostic's span is the key path of the value in <see cref="JsonEvidenceFile"/>.
    /// </summary>
    /// <param name="json">The evidence object.</param>
    /// <param name="card">The score card, when the evidence has no errors.</param>
    /// <param name="diagnostics">Errors, or the warnings the score card also carries.</param>
    /// <returns>True when scored.</returns>
    public bool TryScore(JsonElement json, [NotNullWhen(true)] out ScoreCard? card, out ImmutableArray<Diagnostic> diagnostics)
    {
        var found = new List<Diagnostic>();
        card = Guard(found, JsonEvidenceFile, () => ValueTreeReader.FromJson(json, JsonEvidenceFile, Limits, found) is { } tree ? ScoreTree(tree, JsonEvidenceFile, found) : null);
        diagnostics = Sorted(found);
        return card is not null;
    }

    /// <summary>Scores evidence given as a <see cref="JsonNode"/>; see <see cref="TryScore(JsonElement, out ScoreCard?, out ImmutableArray{Diagnostic})"/>.</summary>
    /// <param name="json">The evidence object; null is reported as a diagnostic, as JSON <c>null</c> would be.</param>
    /// <param name="card">The score card, when the evidence has no errors.</param>
    /// <param name="diagnostics">Errors, or the warnings the score card also carries.</param>
    /// <returns>True when scored.</returns>
    public bool TryScore(JsonNode? json, [NotNullWhen(true)] out ScoreCard? card, out ImmutableArray<Diagnostic> diagnostics)
    {
        var found = new List<Diagnostic>();
        card = Guard(found, JsonEvidenceFile, () => ValueTreeReader.FromJson(json, JsonEvidenceFile, Limits, found) is { } tree ? ScoreTree(tree, JsonEvidenceFile, found) : null);
        diagnostics = Sorted(found);
        return card is not null;
    }

    /// <summary>The label diagnostics give for evidence scored from a <see cref="JsonElement"/> or <see cref="JsonNode"/>.</summary>
    public const string JsonEvidenceFile = "<json>";

    /// <summary>
    /// Scores evidence built in code and gives only the numbers: totals and each line's score and bonus, without the
    /// reason texts or the criteria. For services that score many units and store only the result.
    /// </summary>
    /// <param name="evidence">The evidence for one unit.</param>
    /// <param name="scores">The numbers, when the evidence has no errors; equal to those of the full score card.</param>
    /// <param name="diagnostics">Errors, or warnings (missing keys, repeated months).</param>
    /// <returns>True when scored.</returns>
    public bool TryScoreNumbers(UnitEvidence evidence, [NotNullWhen(true)] out ScoreNumbers? scores, out ImmutableArray<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var found = new List<Diagnostic>();
        scores = Guard(found, UnitEvidence.File, () =>
        {
            var tree = ValueTreeReader.FromEvidence(evidence, UnitEvidence.File);
            if (EvidenceReader.Read(tree, UnitEvidence.File, new EvidenceTarget(Id, Version, Strict: IsStrict), Compiled, Limits, found) is not { } read)
            {
                return null;
            }

            // The numbers path: no reason text is built for any criterion.
            found.AddRange(read.Warnings);
            return Scorer.Numbers(Compiled, read.Unit, read.Row);
        });
        diagnostics = Sorted(found);
        return scores is not null;
    }

    /// <summary>
    /// Scores evidence collected for <paramref name="previous"/> under this version, as far as it fits: lines, keys
    /// and values this version does not have are warnings (RE0309), never errors. The impact of a revision uses it.
    /// </summary>
    /// <param name="file">The evidence file; read from disk when <paramref name="text"/> is null.</param>
    /// <param name="text">The evidence as text, or null.</param>
    internal bool TryScoreRevision(string file, string? text, Rubric previous, [NotNullWhen(true)] out ScoreCard? card, out ImmutableArray<Diagnostic> diagnostics)
    {
        var found = new List<Diagnostic>();
        var target = new EvidenceTarget(Id, Version, previous.Id, IsRevision: true);
        card = Guard(found, file, () =>
        {
            var read = text is null ? SourceText.ReadFile(file, Limits, found) : SourceText.FitsLimit(text, file, Limits, found) ? text : null;
            return read is null ? null : ScoreText(read, file, found, target);
        });
        diagnostics = Sorted(found);
        return card is not null;
    }

    private ScoreCard? ScoreText(string text, string file, List<Diagnostic> diagnostics, EvidenceTarget? target = null) =>
        TreeReader.Read(text, file, Limits, diagnostics) is { } tree ? ScoreTree(tree, file, diagnostics, target) : null;

    /// <summary>Evidence read into a tree (from a file, text, a stream, a JSON value or a model built in code) → checked → scored.</summary>
    private ScoreCard? ScoreTree(TreeNode tree, string file, List<Diagnostic> diagnostics, EvidenceTarget? target = null)
    {
        if (EvidenceReader.Read(tree, file, target ?? new EvidenceTarget(Id, Version, Strict: IsStrict), Compiled, Limits, diagnostics) is not { } evidence)
        {
            return null;
        }

        diagnostics.AddRange(evidence.Warnings);
        return Scorer.Card(Compiled, evidence);
    }

    /// <summary>The pipeline: YAML tree → rubric syntax (with parsed rules) → bound → compiled.</summary>
    private static Rubric? Compile(string text, string file, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        if (TreeReader.Read(text, file, limits, diagnostics) is not { } tree
            || RubricSyntaxReader.Read(tree, file, limits, diagnostics) is not { } syntax
            || Binder.Bind(syntax, diagnostics) is not { } bound)
        {
            return null;
        }

        return new Rubric(bound, Compiler.Compile(bound), limits);
    }

    /// <summary>
    /// The library's promise is diagnostics, never an exception, for any input. A defect of ours that throws
    /// still becomes a diagnostic, so a service embedding the library keeps running and the file is refused.
    /// </summary>
    private static T? Guard<T>(List<Diagnostic> diagnostics, string file, Func<T?> body) where T : class
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InternalError, SourceSpan.StartOf(file),
                MessageText.Of("InternalError", e.GetType().Name, e.Message)));
            return null;
        }
    }

    private static ImmutableArray<Diagnostic> Sorted(List<Diagnostic> diagnostics) =>
        [.. diagnostics.Distinct().OrderBy(d => d.Span.File, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Span.Path, StringComparer.Ordinal)];
}
