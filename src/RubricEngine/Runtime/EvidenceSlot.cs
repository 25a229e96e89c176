// The library's stages call the public EvidenceValueKind by its older internal name: one enum, two names.
global using EvidenceKind = RubricEngine.EvidenceValueKind;

using System.Collections.Immutable;
using RubricEngine.Diagnostics;

namespace RubricEngine.Runtime;

/// <summary>One evidence key a criterion reads, with the constraints its value must meet.</summary>
/// <param name="Key">The evidence key.</param>
/// <param name="Span">Where the key is declared in the rubric.</param>
/// <param name="Kind">The value's shape.</param>
/// <param name="Min">Lowest allowed number (Count, Amount).</param>
/// <param name="Max">Highest allowed number, or null for none (Count, Amount).</param>
/// <param name="Allowed">Allowed level or item ids (Publications, ItemIds).</param>
/// <param name="MissingIsNone">True when an absent key simply means "none" (a deduction): no warning.</param>
/// <param name="AllowedLabels">Labels of <paramref name="Allowed"/> (县级 for county), to recognise a label written for an id.</param>
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
    int Index = -1)
{
    /// <summary>The slot as the public description tools build evidence forms from.</summary>
    public EvidenceField ToField() => new(
        Key,
        Kind,
        Min,
        Max,
        Allowed.IsDefault ? [] : Allowed,
        AllowedLabels.IsDefault ? [] : AllowedLabels,
        Describe());

    public string Describe() => Kind switch
    {
        EvidenceKind.Flag => "true or false",
        EvidenceKind.Months => "a list of months (1 to 12), e.g. [1, 2, 3]",
        EvidenceKind.Quarters => "a list of quarters (1 to 4), e.g. [1, 3]",
        EvidenceKind.Count => Max is { } most ? $"a whole number from {Numbers.Format(Min)} to {Numbers.Format(most)}" : $"a whole number of at least {Numbers.Format(Min)}",
        EvidenceKind.Amount => Max is { } highest ? $"a number from {Numbers.Format(Min)} to {Numbers.Format(highest)}" : $"a number of at least {Numbers.Format(Min)}",
        EvidenceKind.Publications => "a list of publications such as { item: tea-lecture, level: county }",
        EvidenceKind.ItemIds => $"a list of ids among {string.Join(", ", Allowed)}",
        _ => Kind.ToString(),
    };
}
