using System.Globalization;
using System.Text;
using RubricEngine.Reporting;

namespace RubricEngine.Cli.Forms;

/// <summary>
/// A blank YAML evidence file for one unit: every line and key of the rubric, each with a Chinese comment (label,
/// points, what to write, the 评价标准) and an empty value <c>~</c>. An empty value means "not given": the file
/// scores as written, 0 with a warning for each key left empty, so a half-filled form shows where a unit stands.
/// </summary>
internal static class YamlTemplate
{
    /// <summary>The longest 评价标准 quoted in a comment; the rubric holds the whole text.</summary>
    private const int StandardExcerpt = 80;

    /// <param name="schema">The evidence schema the editor should use (first line, for the YAML language server); null for none.</param>
    public static string Write(Rubric rubric, string? unit, int? year, string? schema)
    {
        var text = new StringBuilder();
        if (schema is not null)
        {
            text.Append("# yaml-language-server: $schema=").AppendLine(schema);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"# {Comment(rubric.Title)}：材料填报模板");
        text.AppendLine("# 每个键后填写材料；~ 表示未提供，计 0 分并给出提示。填好后运行 rubric score --rubric <细则文件> <本文件>。");
        text.AppendLine(CultureInfo.InvariantCulture, $"rubric: {rubric.Id}");
        if (rubric.Version is { } version)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"version: {Quote(version)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"unit: {Quote(unit ?? "（未填写）")}    # 单位名称，如 白龙村");
        text.AppendLine(year is { } y
            ? string.Create(CultureInfo.InvariantCulture, $"year: {y}    # 考核年度")
            : "# year: 2022    # 考核年度（可选）");
        WriteTotalRules(rubric, text);
        text.AppendLine("lines:");
        var columns = ExcelForm.Columns(rubric).ToLookup(c => c.Line.Id, StringComparer.Ordinal);
        foreach (var line in rubric.Lines)
        {
            var most = line.Maximum is { } m && m < line.Points ? $"，最高可得 {ScoreText.Format(m)}" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"  # {Comment(line.Section)} · {line.Id}（{ScoreText.Format(line.Points)} 分{most}）：{Excerpt(line.Content)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  # 评价标准：{Excerpt(line.Standard)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  {line.Id}:");
            foreach (var column in columns[line.Id])
            {
                var criterion = line.Criteria.First(c => c.Fields.Contains(column.Field));
                var points = criterion.IsBonus ? "加分项" : criterion.Points == 0 ? "扣分项" : $"{ScoreText.Format(criterion.Points)} 分";
                text.AppendLine(CultureInfo.InvariantCulture, $"    # {Comment(column.Header)}（{points}）：{WhatToWrite(column.Field)}");
                text.AppendLine(CultureInfo.InvariantCulture, $"    {column.Field.Key}: ~");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// <c>unit_type</c> (required, left for the inspector to choose) and every veto as <c>false</c>, so that a form
    /// whose vetoes are left alone says in so many words that none happened.
    /// </summary>
    private static void WriteTotalRules(Rubric rubric, StringBuilder text)
    {
        if (!rubric.UnitTypes.IsEmpty)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"unit_type: ~    # 单位类型（必填）：{Comment(string.Join("、", rubric.UnitTypes.Select(t => $"{t.Id}（{t.Label}）")))}");
        }

        if (rubric.Vetoes.IsEmpty)
        {
            return;
        }

        text.AppendLine("vetoes:    # 一票否决：发生的改为 true");
        foreach (var veto in rubric.Vetoes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {veto.Key}: false    # {Comment(veto.Label)}");
        }
    }

    /// <summary>What to write for a key, in the words of the Excel form's prompts but in YAML's notation.</summary>
    internal static string WhatToWrite(EvidenceField field) => field.Kind switch
    {
        EvidenceValueKind.Flag => "填 true（有）或 false（无）",
        EvidenceValueKind.Months => "填开展的月份，1–12，如 [1, 2, 3]",
        EvidenceValueKind.Quarters => "填开展的季度，1–4，如 [1, 3]",
        EvidenceValueKind.Count => $"填整数，{Range(field)}",
        EvidenceValueKind.Amount => $"填数字，{Range(field)}",
        EvidenceValueKind.Percent => $"填百分比，带 % 号，如 76.5%，{ScoreText.Format(field.Min)}% 到 {ScoreText.Format(field.Max ?? 1000m)}%",
        EvidenceValueKind.Publications => "填刊发列表，如 [{ item: 茶山宣讲, level: " + field.Allowed.FirstOrDefault("county") + " }]；级别：" + Choices(field),
        EvidenceValueKind.Category => "填类别：" + Choices(field) + "；需评定分值的类别写 { category: 编号, points: 分值 }",
        EvidenceValueKind.Grid => "填列表，如 [{ item: 报道标题, row: " + field.Allowed.FirstOrDefault("") + ", column: " + field.Columns.FirstOrDefault("")
            + " }]，没有填 []；行：" + Choices(field) + "；列：" + string.Join("、", field.Columns),
        EvidenceValueKind.ItemIds when field.ListsMet => "填符合的项目，如 [" + field.Allowed.FirstOrDefault("") + "]，都不符合填 []；可选：" + Choices(field),
        EvidenceValueKind.ItemIds => "填缺少的项目，如 [" + field.Allowed.FirstOrDefault("") + "]，不缺填 []；可选：" + Choices(field),
        _ => field.Description,
    };

    private static string Range(EvidenceField field) =>
        field.Max is { } max ? $"{ScoreText.Format(field.Min)} 到 {ScoreText.Format(max)}" : $"不小于 {ScoreText.Format(field.Min)}";

    /// <summary><c>county（县级）、city（市级）</c>: the ids to write, each with the label a reader knows it by.</summary>
    private static string Choices(EvidenceField field) =>
        string.Join("、", field.Allowed.Select((id, i) => i < field.AllowedLabels.Length && field.AllowedLabels[i] != id ? $"{id}（{Comment(field.AllowedLabels[i])}）" : id));

    private static string Excerpt(string text)
    {
        var flat = Comment(text);
        return flat.Length <= StandardExcerpt ? flat : flat[..(StandardExcerpt - 1)] + "…";
    }

    /// <summary>Text inside a comment stays on its line: line breaks and control characters become spaces.</summary>
    private static string Comment(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();

    /// <summary>A double-quoted YAML scalar, so that a unit name or version is always read as text.</summary>
    private static string Quote(string text) =>
        "\"" + string.Concat(text.Select(c => c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
            _ => c.ToString(),
        })) + "\"";
}
