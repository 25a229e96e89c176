// The library's stages call the public EvidenceValueKind by its older internal name: one enum, two names.
global using EvidenceKind = RubricEngine.EvidenceValueKind;

using System.Collections.Immutable;
using RubricEngine.Diagnostics;

namespace RubricEngine.Runtime;

/// <summary>One evidence key a criterion reads, with the constraints its value must meet.</summary>
/// <param name="Key">The evidence key.</param>
/// <param name="Span">Where the key is declared in the rubric.</param>
/// <param name="Kind">The value's shape.</param>
/// <param name="Min">Lowest allowed number (Count, Amount; Percent as a ratio, 0.8 for 80%).</param>
/// <param name="Max">Highest allowed number, or null for none (Count, Amount, Percent).</param>
/// <param name="Allowed">Allowed level or item ids (Publications, ItemIds).</param>
/// <param name="MissingIsNone">True when an absent key simply means "none" (a deduction): no warning.</param>
/// <param name="AllowedLabels">Labels of <paramref name="Allowed"/> (县级 for county), to recognise a label written for an id.</param>
/// <param name="ListsMet">For item ids: the list names the items met (a met table), not the missing ones.</param>
/// <param name="Choices">The rows (and a grid's columns) of the table a category or grid value names.</param>
/// <param name="Index">Where its value sits in an <see cref="EvidenceRow"/>; given by the compiler, -1 until then.</param>
internal sealed record EvidenceSlot(
    string Key,
    SourceSpan Span,
    EvidenceKind Kind,
    decimal Min = 0,
    decimal? Max = null,
    ImmutableArray<string> Allowed = default,
    bool MissingIsNone = false,
    ImmutableArray<string> AllowedLabels = default,
    int Index = -1,
    ChoiceTable? Choices = null,
    bool ListsMet = false)
{
    /// <summary>The slot as the public description tools build evidence forms from.</summary>
    public EvidenceField ToField() => new(
        Key,
        Kind,
        Kind == EvidenceKind.Percent ? Min * 100m : Min,
        Kind == EvidenceKind.Percent ? Max * 100m : Max,
        Allowed.IsDefault ? [] : Allowed,
        AllowedLabels.IsDefault ? [] : AllowedLabels,
        Describe())
    {
        Columns = Choices is null ? [] : [.. Choices.Columns.Select(c => c.Id)],
        ListsMet = ListsMet,
        ColumnLabels = Choices is null ? [] : [.. Choices.Columns.Select(c => c.Label)],
        Rows = Choices is null ? [] : [.. Choices.Rows.Select(r => new EvidenceTableRow(r.Id, r.Label, r.Min, r.Max, [.. r.Columns.Select(i => Choices.Columns[i].Id)]))],
    };

    public string Describe() => DescribeText().ToString();

    /// <summary>What a value of this slot looks like, in any language.</summary>
    public MessageText DescribeText() => Kind switch
    {
        EvidenceKind.Flag => MessageText.Of("ExpectBool"),
        EvidenceKind.Months => MessageText.Of("ExpectMonths"),
        EvidenceKind.Quarters => MessageText.Of("ExpectQuarters"),
        EvidenceKind.Count => Max is { } most ? MessageText.Of("ExpectWholeFromTo", Numbers.Format(Min), Numbers.Format(most)) : MessageText.Of("ExpectWholeAtLeast", Numbers.Format(Min)),
        EvidenceKind.Amount => Max is { } highest ? MessageText.Of("ExpectNumberFromTo", Numbers.Format(Min), Numbers.Format(highest)) : MessageText.Of("ExpectNumberAtLeast", Numbers.Format(Min)),
        EvidenceKind.Percent => MessageText.Of("ExpectPercentFromTo", PercentText.Format(Min), PercentText.Format(Max ?? PercentText.MaxRatio)),
        EvidenceKind.Publications => MessageText.Of("ExpectPublications"),
        EvidenceKind.ItemIds => MessageText.Of("ExpectItemIds", string.Join(", ", Allowed)),
        EvidenceKind.Category => MessageText.Of("ExpectCategory", string.Join(", ", Allowed)),
        EvidenceKind.Grid => MessageText.Of("ExpectGrid", string.Join(", ", Allowed), string.Join(", ", Choices?.Columns.Select(c => c.Id) ?? [])),
        _ => MessageText.Quoted(Kind.ToString()),
    };
}

/// <summary>A category or grid table as evidence is checked against it: its rows, and a grid's columns.</summary>
internal sealed record ChoiceTable(ImmutableArray<ChoiceRow> Rows, ImmutableArray<(string Id, string Label)> Columns);

/// <summary>A row of a <see cref="ChoiceTable"/>.</summary>
/// <param name="Min">For a category row the inspector scores within a range: its lowest points; null for fixed points.</param>
/// <param name="Max">Its highest points, with <paramref name="Min"/>.</param>
/// <param name="Columns">For a grid row: the indexes of the columns it has a cell in.</param>
internal sealed record ChoiceRow(string Id, string Label, decimal? Min, decimal? Max, ImmutableArray<int> Columns);
