using RubricEngine.Reporting;

namespace RubricEngine.Cli.Formatting;

/// <summary>
/// The words after a card's lines, shared by the table and Markdown: the total, each veto that applied with its
/// reason, and the grade. A card of a rubric without vetoes or grades reads exactly as before.
/// </summary>
internal static class TotalText
{
    /// <summary>"    类型：开发区" on the heading, for a rubric with unit types; empty otherwise.</summary>
    public static string UnitType(ScoreCard card, string separator) => card.UnitType is { } type ? separator + "类型：" + type.Label : "";

    /// <summary>
    /// "基础分 85 + 加分 2.5 = 总分 87.5"; after a veto the sum stays visible and the total follows the vetoes'
    /// reasons ("基础分 85 + 加分 2.5 = 87.5", "一票否决：…，总分 87.5 → 60（上限 60）", "总分 60").
    /// </summary>
    public static (string Sum, IReadOnlyList<string> Vetoes, string? Total) Total(ScoreCard card)
    {
        var parts = $"基础分 {ScoreText.Format(card.BaseTotal)} + 加分 {ScoreText.Format(card.BonusTotal)} = ";
        return card.Vetoes.IsEmpty
            ? (parts + "总分 " + ScoreText.Format(card.Total), [], null)
            : (parts + ScoreText.Format(card.BaseTotal + card.BonusTotal), [.. card.Vetoes.Select(v => v.Reason)], "总分 " + ScoreText.Format(card.Total));
    }

    /// <summary>"等级：良好" for a rubric with grades ("等级：未达任何等级" below the lowest <c>from</c>); null otherwise.</summary>
    public static string? Grade(ScoreCard card) => card.HasGrades ? "等级：" + (card.Grade?.Label ?? "未达任何等级") : null;
}
