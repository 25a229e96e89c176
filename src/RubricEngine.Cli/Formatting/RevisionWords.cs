using System.Globalization;
using RubricEngine.Reporting;
using RubricEngine.Revisions;

namespace RubricEngine.Cli.Formatting;

/// <summary>The words of a revision report in the policy officer's terms, shared by the table and Markdown formats.</summary>
internal static class RevisionWords
{
    public static string Kind(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "新增",
        ChangeKind.Removed => "删除",
        ChangeKind.Renamed => "改名",
        _ => "修改",
    };

    /// <summary>考核内容 for <c>content</c>, 评分项 lecture_team 规则 for <c>criteria.lecture_team.rule</c>.</summary>
    public static string Field(string field)
    {
        if (!field.StartsWith("criteria.", StringComparison.Ordinal))
        {
            return field switch
            {
                "id" => "编号",
                "section" => "考核项目",
                "content" => "考核内容",
                "points" => "分值",
                "check" => "检查方式",
                "standard" => "评价标准",
                "name" => "名称",
                _ => field,
            };
        }

        var rest = field["criteria.".Length..];
        var dot = rest.LastIndexOf('.');
        var part = dot < 0 ? null : rest[(dot + 1)..] switch
        {
            "key" => "证据键",
            "label" => "名称",
            "points" => "分值",
            "rule" => "规则",
            "items" => "缺项",
            _ => null,
        };
        return part is null ? $"评分项 {rest}" : $"评分项 {rest[..dot]} {part}";
    }

    public static string Value(string? value) => value ?? "—";

    public static string Side(RubricVersionInfo side) =>
        $"{side.Id} {(side.Version is null ? "（无版本）" : "版本 " + side.Version)}（{side.File}）";

    public static string Score(decimal? value) => value is { } v ? ScoreText.Format(v) : "—";

    public static string Rank(int? rank) => rank?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>↑1 for a unit that moved up one place, ↓2 for one that fell two, — for none; empty without ranks.</summary>
    public static string RankChange(UnitImpact unit) => (unit.OldRank, unit.NewRank) switch
    {
        ({ } before, { } after) when after < before => "↑" + (before - after).ToString(CultureInfo.InvariantCulture),
        ({ } before, { } after) when after > before => "↓" + (after - before).ToString(CultureInfo.InvariantCulture),
        ({ }, { }) => "—",
        _ => "",
    };

    public static string Summary(RevisionImpact impact)
    {
        var largest = impact.Largest(3);
        return $"上升 {impact.Up} 个，下降 {impact.Down} 个，不变 {impact.Unchanged} 个"
            + (largest.IsEmpty ? "" : "；变化最大：" + string.Join("，", largest.Select(u => $"{u.Unit} {ScoreText.Signed(u.Delta)}")));
    }
}
