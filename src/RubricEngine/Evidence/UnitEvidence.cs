using System.Collections.Immutable;

namespace RubricEngine;

/// <summary>
/// Evidence for one assessed unit, built in code: the same content as an evidence file, without writing one.
/// Immutable: <see cref="With"/> returns a new instance. It is checked against the rubric exactly as a file is,
/// with the same diagnostics; a diagnostic's position is then the key path of the value
/// (<see cref="Diagnostics.SourceSpan.Path"/>), in evidence labelled <see cref="File"/>.
/// <code>
/// var evidence = new UnitEvidence("village", "白龙村") { Year = 2022 }
///     .With("organization", "leading_group", new EvidenceFact.Flag(true))
///     .With("activities", "activity_months", new EvidenceFact.Months([1, 2, 3, 5, 8]));
/// if (rubric.TryScore(evidence, out var card, out var diagnostics)) Console.WriteLine(card.Total);
/// </code>
/// </summary>
public sealed record UnitEvidence
{
    /// <summary>The label diagnostics give for evidence built in code.</summary>
    public const string File = "<evidence>";

    /// <summary>Evidence for <paramref name="unit"/>, to be scored with the rubric <paramref name="rubricId"/>, with no lines yet.</summary>
    /// <param name="rubricId">The id of the rubric it is for, e.g. <c>village</c>; scoring with another rubric is error RE0304.</param>
    /// <param name="unit">The assessed unit, e.g. <c>白龙村</c>.</param>
    public UnitEvidence(string rubricId, string unit)
    {
        ArgumentNullException.ThrowIfNull(rubricId);
        ArgumentNullException.ThrowIfNull(unit);
        RubricId = rubricId;
        Unit = unit;
    }

    /// <summary>The id of the rubric the evidence is for (<c>rubric:</c> in a file).</summary>
    public string RubricId { get; init; }

    /// <summary>The assessed unit (<c>unit:</c> in a file).</summary>
    public string Unit { get; init; }

    /// <summary>The year assessed, 1900–2999, or null (<c>year:</c> in a file).</summary>
    public int? Year { get; init; }

    /// <summary>The unit's type among the rubric's <c>unit_types</c> (<c>unit_type:</c> in a file), or null when the rubric declares none.</summary>
    public string? UnitType { get; init; }

    /// <summary>The vetoes raised or explicitly not raised, by key (<c>vetoes:</c> in a file); a veto not given did not happen.</summary>
    public ImmutableSortedDictionary<string, bool> Vetoes { get; init; } = ImmutableSortedDictionary.Create<string, bool>(StringComparer.Ordinal);

    /// <summary>This evidence with the veto <paramref name="key"/> raised (or, with false, stated as not raised).</summary>
    /// <param name="key">The veto's key from the rubric's <c>vetoes</c>, e.g. <c>major_accident</c>.</param>
    /// <param name="raised">True when the event happened.</param>
    public UnitEvidence WithVeto(string key, bool raised = true)
    {
        ArgumentNullException.ThrowIfNull(key);
        return this with { Vetoes = Vetoes.SetItem(key, raised) };
    }

    /// <summary>Facts by line id, then evidence key (<c>lines:</c> in a file), in ordinal order of ids and keys.</summary>
    public ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, EvidenceFact>> Lines { get; init; } =
        ImmutableSortedDictionary.Create<string, ImmutableSortedDictionary<string, EvidenceFact>>(StringComparer.Ordinal);

    /// <summary>This evidence with <paramref name="fact"/> given for <paramref name="key"/> of line <paramref name="line"/> (replacing any earlier fact there).</summary>
    /// <param name="line">The line id, e.g. <c>organization</c>.</param>
    /// <param name="key">The evidence key within the line, e.g. <c>leading_group</c>.</param>
    /// <param name="fact">The value.</param>
    public UnitEvidence With(string line, string key, EvidenceFact fact)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fact);
        var keys = Lines.GetValueOrDefault(line) ?? ImmutableSortedDictionary.Create<string, EvidenceFact>(StringComparer.Ordinal);
        return this with { Lines = Lines.SetItem(line, keys.SetItem(key, fact)) };
    }
}

/// <summary>
/// One evidence value, of the kind its rubric's scoring function reads (see the evidence kinds in the README).
/// A fact of the wrong kind for its key, or out of range, is reported as for a file, e.g. RE0012 or RE0303.
/// </summary>
public abstract record EvidenceFact
{
    // Only the kinds below exist: the evidence reader knows each of them.
    private protected EvidenceFact()
    {
    }

    /// <summary>Yes or no, for <c>present</c> and <c>all_or_nothing</c>.</summary>
    /// <param name="Value">True when the thing is there.</param>
    public sealed record Flag(bool Value) : EvidenceFact;

    /// <summary>Months 1–12 in which something happened, for <c>monthly</c> and <c>monthly_share</c>.</summary>
    /// <param name="Values">The months; a month given twice counts once (warning RE0307).</param>
    public sealed record Months(ImmutableArray<int> Values) : EvidenceFact;

    /// <summary>Quarters 1–4 in which something happened, for <c>quarterly</c>.</summary>
    /// <param name="Values">The quarters; a quarter given twice counts once (warning RE0307).</param>
    public sealed record Quarters(ImmutableArray<int> Values) : EvidenceFact;

    /// <summary>A whole number of things, for <c>per_item</c> and either key of <c>ratio</c>.</summary>
    /// <param name="Value">The count.</param>
    public sealed record Count(int Value) : EvidenceFact;

    /// <summary>A decimal number, for <c>judged</c>, <c>deduction</c> and <c>per_amount</c> (hours, 175.5).</summary>
    /// <param name="Value">The number.</param>
    public sealed record Amount(decimal Value) : EvidenceFact;

    /// <summary>A percentage, for <c>per_percent</c>: <c>new Percent(76.5m)</c> is 76.5%, written <c>76.5%</c> in a file.</summary>
    /// <param name="Value">The percentage, 0 to 1000 (76.5 for 76.5%).</param>
    public sealed record Percent(decimal Value) : EvidenceFact;

    /// <summary>Publications and the level each reached, for <c>tiered</c>.</summary>
    /// <param name="Values">The publications.</param>
    public sealed record Publications(ImmutableArray<PublishedItem> Values) : EvidenceFact;

    /// <summary>Ids of the criterion's items that are missing, for <c>per_missing</c>.</summary>
    /// <param name="Values">The item ids, from the criterion's <c>items</c>.</param>
    public sealed record MissingItems(ImmutableArray<string> Values) : EvidenceFact;

    /// <summary>A row of a category table, for <c>lookup()</c> on a <c>measure: category</c> table.</summary>
    /// <param name="Id">The row id, e.g. <c>excellent</c>.</param>
    /// <param name="Points">The points an inspector chose, for a row scored within a range (<c>min</c>–<c>max</c>); null for a fixed row.</param>
    public sealed record Category(string Id, decimal? Points = null) : EvidenceFact;

    /// <summary>Things placed in the cells of a grid table, for <c>lookup()</c> on a <c>measure: grid</c> table.</summary>
    /// <param name="Values">The placements.</param>
    public sealed record Grid(ImmutableArray<GridPlacement> Values) : EvidenceFact;
}

/// <summary>One thing in a cell of a grid table, for <see cref="EvidenceFact.Grid"/>.</summary>
/// <param name="Item">The thing placed, e.g. a report's title.</param>
/// <param name="Row">The row id, e.g. <c>province</c>.</param>
/// <param name="Column">The column id, e.g. <c>headline</c>.</param>
public sealed record GridPlacement(string Item, string Row, string Column);

/// <summary>One publication of an item at a level, for <see cref="EvidenceFact.Publications"/>.</summary>
/// <param name="Item">The item published, e.g. <c>tea-lecture</c>.</param>
/// <param name="Level">The level id from the rubric's <c>levels</c>, e.g. <c>county</c> or <c>city</c>.</param>
public sealed record PublishedItem(string Item, string Level);
