using System.Globalization;
using RubricEngine;
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

    /// <summary>评分表 volunteer_hours for a table, 一票否决 major_accident for a veto: a rubric part and its id.</summary>
    public static string Part(PartChange part) => part.Part switch
    {
        "table" => "评分表",
        "level" => "级别",
        "unit_type" => "单位类型",
        "veto" => "一票否决",
        "grade" => "等级",
        _ => part.Part,
    } + " " + part.Id;

    /// <summary>
    /// 考核内容 for <c>content</c>, 评分项 lecture_team 规则 for <c>criteria.lecture_team.rule</c>, 规则（zone） for
    /// <c>….rules.zone</c>, 第 2 行 for a table's <c>rows.2</c>.
    /// </summary>
    public static string Field(string field)
    {
        if (field.StartsWith("rows.", StringComparison.Ordinal))
        {
            return $"第 {field["rows.".Length..]} 行";
        }

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
                "label" => "名称",
                "measure" => "度量",
                "unit" => "单位",
                "columns" => "列",
                "effect" => "效果",
                "cap" => "封顶",
                "from" => "起评分",
                _ => field,
            };
        }

        // Evidence keys hold no dot, so the first dot ends the key; rules by unit type add one more (rules.zone).
        var rest = field["criteria.".Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        var tail = dot < 0 ? null : rest[(dot + 1)..];
        var part = tail switch
        {
            null => null,
            "key" => "证据键",
            "label" => "名称",
            "points" => "分值",
            "rule" => "规则",
            "items" => "缺项",
            "unit" => "单位",
            "table" => "评分表",
            "levels" => "级别",
            _ when tail.StartsWith("rules.", StringComparison.Ordinal) => $"规则（{tail["rules.".Length..]}）",
            _ => tail,
        };
        return part is null ? $"评分项 {rest}" : $"评分项 {rest[..dot]} {part}";
    }

    public static string Value(string? value) => value ?? "—";

    public static string Side(RubricVersionInfo side) =>
        $"{side.Id} {(side.Version is null ? "（无版本）" : "版本 " + side.Version)}（{side.File}）";

    public static string Score(decimal? value) => value is { } v ? ScoreText.Format(v) : "—";

    /// <summary>A grade's label (优秀), or — when the unit has none.</summary>
    public static string Grade(ScoreGrade? grade) => grade?.Label ?? "—";

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
