using System.Collections.Immutable;
using RubricEngine.Syntax;

namespace RubricEngine.Revisions;

/// <summary>What kind of change a line or section went through between two versions of a rubric.</summary>
public enum ChangeKind
{
    /// <summary>Only in the new version.</summary>
    Added,

    /// <summary>Only in the old version.</summary>
    Removed,

    /// <summary>In both, with some field changed (a line moved to another section is a change of its <c>section</c>).</summary>
    Changed,

    /// <summary>
    /// The id changed but the content did not: for a line, an old id and a new id with the same 考核内容; for a section,
    /// an old and a new name holding the same lines. It is a suggestion: a rename breaks evidence keyed by the old id.
    /// </summary>
    Renamed,
}

/// <summary>One side of a comparison: which rubric, which version, from which file.</summary>
/// <param name="Id">The rubric id.</param>
/// <param name="Version">Its <c>version</c>, or null when it names none.</param>
/// <param name="Effective">Its <c>effective</c> date, or null.</param>
/// <param name="File">The file it was loaded from.</param>
/// <param name="Total">Its total nominal points.</param>
public sealed record RubricVersionInfo(string Id, string? Version, DateOnly? Effective, string File, decimal Total)
{
    /// <summary>Describes a loaded rubric.</summary>
    /// <param name="rubric">The rubric.</param>
    public static RubricVersionInfo Of(Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        return new(rubric.Id, rubric.Version, rubric.Effective, rubric.File, rubric.Total);
    }
}

/// <summary>
/// One field that differs, old → new, as text (numbers in invariant form, rules in canonical DSL). Line fields are
/// <c>id</c>, <c>section</c>, <c>content</c> (考核内容), <c>points</c>, <c>check</c>, <c>standard</c> (评价标准);
/// a criterion's are <c>criteria.&lt;key&gt;.label|points|rule|items|key|unit|table|levels</c>,
/// <c>criteria.&lt;key&gt;.rules.&lt;unit type&gt;</c> for rules by unit type, and <c>criteria.&lt;key&gt;</c> for a
/// criterion added or removed. Sections have <c>name</c> and <c>points</c>. Rubric parts (<see cref="PartChange"/>) have
/// <c>label</c>, <c>measure</c>, <c>unit</c>, <c>rows.&lt;n&gt;</c>, <c>columns</c>, <c>effect</c>, <c>cap</c>, <c>from</c>.
/// </summary>
/// <param name="Field">Which field.</param>
/// <param name="Old">The old value; null when it did not exist.</param>
/// <param name="New">The new value; null when it no longer exists.</param>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>A line added, removed, changed or renamed.</summary>
/// <param name="Line">The line id (the new id for a rename, the old id for a removal).</param>
/// <param name="Kind">What happened to it.</param>
/// <param name="Section">Its section in the new version (the old one for a removal).</param>
/// <param name="Fields">The fields that differ, in the order a reader of the rubric meets them.</param>
public sealed record LineChange(string Line, ChangeKind Kind, string Section, ImmutableArray<FieldChange> Fields);

/// <summary>A section added, removed, renamed, or with other points.</summary>
/// <param name="Name">The section's name (the new name for a rename, the old one for a removal).</param>
/// <param name="Kind">What happened to it.</param>
/// <param name="Fields">The fields that differ: <c>name</c>, <c>points</c>.</param>
public sealed record SectionChange(string Name, ChangeKind Kind, ImmutableArray<FieldChange> Fields);

/// <summary>
/// A rubric-wide part added, removed or changed: a lookup table (<c>table</c>), a level of the rubric's <c>levels</c>
/// (<c>level</c>), a unit type (<c>unit_type</c>), a veto (<c>veto</c>) or a grade (<c>grade</c>), matched by id (a
/// veto by its key). A table's rows are compared by position, each written as in the rubric (<c>{ from: 150, below: 200, points: 40 }</c>).
/// </summary>
/// <param name="Part"><c>table</c>, <c>level</c>, <c>unit_type</c>, <c>veto</c> or <c>grade</c>.</param>
/// <param name="Id">Its id (a veto's key).</param>
/// <param name="Kind">What happened to it (never <see cref="ChangeKind.Renamed"/>).</param>
/// <param name="Fields">The fields that differ; for a part added or removed, its fields.</param>
public sealed record PartChange(string Part, string Id, ChangeKind Kind, ImmutableArray<FieldChange> Fields);

/// <summary>
/// What changed between two versions of a rubric, in the terms of the rubric's table: lines added, removed,
/// moved, renamed, and every changed field old → new; sections; the total. Immutable.
/// <code>
/// var diff = RubricDiff.Compare(rubric2022, rubric2023);
/// foreach (var change in diff.Changes) Console.WriteLine($"{change.Kind} {change.Line}");
/// </code>
/// </summary>
/// <param name="Old">The old version.</param>
/// <param name="New">The new version.</param>
/// <param name="Changes">Changed, renamed and added lines in the new rubric's order, then removed lines in the old one's.</param>
/// <param name="Sections">Section changes in the new rubric's order, then removed sections.</param>
/// <param name="Total">The total's change, or null when it is the same.</param>
public sealed record RubricDiff(
    RubricVersionInfo Old,
    RubricVersionInfo New,
    ImmutableArray<LineChange> Changes,
    ImmutableArray<SectionChange> Sections,
    FieldChange? Total)
{
    /// <summary>Tables, levels, unit types, vetoes and grades that changed, in that order, each in the new rubric's order then removed ones.</summary>
    public ImmutableArray<PartChange> Parts { get; init; } = [];

    /// <summary>True when the two versions score alike and read alike: no line, section, rubric part or total changed.</summary>
    public bool IsEmpty => Changes.IsEmpty && Sections.IsEmpty && Parts.IsEmpty && Total is null;

    /// <summary>Compares two versions of a rubric. Lines are matched by id; a removed and an added line with the same 考核内容 are a rename.</summary>
    /// <param name="old">The earlier version.</param>
    /// <param name="new">The revised version.</param>
    public static RubricDiff Compare(Rubric old, Rubric @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var renamedSections = MatchRenamedSections(old, @new);
        var changes = ImmutableArray.CreateBuilder<LineChange>();
        var removed = old.Lines.Where(l => @new.FindLine(l.Id) is null).ToList();
        foreach (var line in @new.Lines)
        {
            if (old.FindLine(line.Id) is { } before)
            {
                var fields = CompareLines(before, line, renamedSections, old, @new);
                if (fields.Length > 0)
                {
                    changes.Add(new LineChange(line.Id, ChangeKind.Changed, line.Section, fields));
                }
            }
            else if (removed.FirstOrDefault(r => r.Content == line.Content) is { } renamed)
            {
                removed.Remove(renamed);
                changes.Add(new LineChange(line.Id, ChangeKind.Renamed, line.Section,
                    [new FieldChange("id", renamed.Id, line.Id), .. CompareLines(renamed, line, renamedSections, old, @new)]));
            }
            else
            {
                changes.Add(new LineChange(line.Id, ChangeKind.Added, line.Section, Describe(line, added: true)));
            }
        }

        changes.AddRange(removed.Select(line => new LineChange(line.Id, ChangeKind.Removed, line.Section, Describe(line, added: false))));
        return new RubricDiff(RubricVersionInfo.Of(old), RubricVersionInfo.Of(@new), changes.ToImmutable(),
            CompareSections(old, @new, renamedSections), Change("total", old.Total, @new.Total))
        {
            Parts = RubricParts.Compare(old.Syntax, @new.Syntax),
        };
    }

    /// <summary>
    /// An old section missing from the new version and a new one missing from the old are a rename when they hold
    /// the same lines, or else when they stand at the same place in the list with the same points.
    /// </summary>
    private static Dictionary<string, string> MatchRenamedSections(Rubric old, Rubric @new)
    {
        var oldOnly = old.Sections.Where(s => !@new.Sections.Any(n => n.Name == s.Name)).ToList();
        var newOnly = @new.Sections.Where(s => !old.Sections.Any(o => o.Name == s.Name)).ToList();
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var before in oldOnly)
        {
            var lines = LinesOf(old, before.Name);
            var after = newOnly.FirstOrDefault(n => lines.Count > 0 && lines.SetEquals(LinesOf(@new, n.Name)))
                ?? newOnly.FirstOrDefault(n => n.Points == before.Points && old.Sections.IndexOf(before) == @new.Sections.IndexOf(n));
            if (after is not null)
            {
                newOnly.Remove(after);
                renamed[before.Name] = after.Name;
            }
        }

        return renamed;
    }

    private static HashSet<string> LinesOf(Rubric rubric, string section) =>
        rubric.Lines.Where(l => l.Section == section).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);

    private static ImmutableArray<SectionChange> CompareSections(Rubric old, Rubric @new, Dictionary<string, string> renamed)
    {
        var changes = ImmutableArray.CreateBuilder<SectionChange>();
        foreach (var section in @new.Sections)
        {
            var oldName = renamed.FirstOrDefault(r => r.Value == section.Name).Key ?? section.Name;
            if (old.Sections.FirstOrDefault(s => s.Name == oldName) is not { } before)
            {
                changes.Add(new SectionChange(section.Name, ChangeKind.Added, [new FieldChange("points", null, Text(section.Points))]));
                continue;
            }

            ImmutableArray<FieldChange> fields = [.. new[] { Change("name", before.Name, section.Name), Change("points", before.Points, section.Points) }.OfType<FieldChange>()];
            if (fields.Length > 0)
            {
                changes.Add(new SectionChange(section.Name, oldName != section.Name ? ChangeKind.Renamed : ChangeKind.Changed, fields));
            }
        }

        changes.AddRange(old.Sections.Where(s => !renamed.ContainsKey(s.Name) && !@new.Sections.Any(n => n.Name == s.Name))
            .Select(s => new SectionChange(s.Name, ChangeKind.Removed, [new FieldChange("points", Text(s.Points), null)])));
        return changes.ToImmutable();
    }

    private static ImmutableArray<FieldChange> CompareLines(RubricLine old, RubricLine @new, Dictionary<string, string> renamedSections, Rubric oldRubric, Rubric newRubric)
    {
        // A line whose section was renamed has not moved: the section's rename says it once.
        var oldSection = renamedSections.GetValueOrDefault(old.Section, old.Section);
        var fields = new List<FieldChange?>
        {
            oldSection == @new.Section ? null : Change("section", old.Section, @new.Section),
            Change("content", old.Content, @new.Content),
            Change("points", old.Points, @new.Points),
            Change("check", old.Check, @new.Check),
            Change("standard", old.Standard, @new.Standard),
        };

        // Criteria are matched by their key; those left over are paired in order (a renamed key), the rest are added or removed.
        var oldLeft = old.Criteria.Where(c => !@new.Criteria.Any(n => Key(n) == Key(c))).ToList();
        var newLeft = @new.Criteria.Where(c => !old.Criteria.Any(o => Key(o) == Key(c))).ToList();
        foreach (var criterion in @new.Criteria)
        {
            var before = old.Criteria.FirstOrDefault(o => Key(o) == Key(criterion));
            if (before is null && newLeft.IndexOf(criterion) is var index and >= 0 && index < oldLeft.Count)
            {
                before = oldLeft[index];
            }

            var name = $"criteria.{Key(criterion)}";
            if (before is null)
            {
                fields.Add(new FieldChange(name, null, Summary(criterion)));
                continue;
            }

            fields.Add(Change($"{name}.key", Key(before), Key(criterion)));
            fields.Add(Change($"{name}.label", before.Label, criterion.Label));
            fields.Add(Change($"{name}.points", before.Points, criterion.Points));
            var beforeSyntax = SyntaxOf(oldRubric, old, before);
            var afterSyntax = SyntaxOf(newRubric, @new, criterion);
            // Rules by unit type on both sides are compared type by type; otherwise the whole rule, as its canonical text.
            if (beforeSyntax is { Variants.IsEmpty: false } && afterSyntax is { Variants.IsEmpty: false })
            {
                fields.AddRange(RubricParts.CompareRules(name, beforeSyntax, afterSyntax));
            }
            else
            {
                fields.Add(Change($"{name}.rule", before.Rule, criterion.Rule));
            }

            fields.Add(Change($"{name}.items", string.Join(", ", before.Items), string.Join(", ", criterion.Items)));
            if (beforeSyntax is not null && afterSyntax is not null)
            {
                fields.AddRange(RubricParts.CompareCriterion(name, beforeSyntax, afterSyntax));
            }
        }

        fields.AddRange(oldLeft.Skip(newLeft.Count).Select(c => new FieldChange($"criteria.{Key(c)}", Summary(c), null)));
        return [.. fields.OfType<FieldChange>()];
    }

    /// <summary>An added or removed line, described by the fields a reviewer needs: where, what, how many points, how scored.</summary>
    private static ImmutableArray<FieldChange> Describe(RubricLine line, bool added)
    {
        FieldChange Field(string name, string value) => added ? new(name, null, value) : new(name, value, null);
        return [Field("content", line.Content), Field("points", Text(line.Points)), Field("standard", line.Standard),
            .. line.Criteria.Select(c => Field($"criteria.{Key(c)}", Summary(c)))];
    }

    /// <summary>The criterion as written, found by its place in its line (the compiler keeps the file's order).</summary>
    private static CriterionSyntax? SyntaxOf(Rubric rubric, RubricLine line, RubricCriterion criterion)
    {
        var written = rubric.Syntax.Lines.FirstOrDefault(l => l.Id.Value == line.Id)?.Criteria ?? [];
        var index = line.Criteria.IndexOf(criterion);
        return index >= 0 && index < written.Length ? written[index] : null;
    }

    private static string Key(RubricCriterion criterion) => string.Join("+", criterion.Keys);

    private static string Summary(RubricCriterion criterion) => $"{criterion.Label}：{criterion.Rule}（{Text(criterion.Points)} 分）";

    private static FieldChange? Change(string field, string old, string @new) => old == @new ? null : new FieldChange(field, old, @new);

    private static FieldChange? Change(string field, decimal old, decimal @new) => old == @new ? null : new FieldChange(field, Text(old), Text(@new));

    private static string Text(decimal value) => Numbers.Format(value);
}
