using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RubricEngine.Cli.Forms;
using RubricEngine.Reporting;

namespace RubricEngine.Cli.Schemas;

/// <summary>
/// JSON Schemas (draft 2020-12) for editors: the rubric format, and one rubric's evidence with the Chinese labels as
/// descriptions and the allowed values as enums and ranges. The YAML language server (VS Code's YAML extension) reads
/// them to complete keys and flag typos before the file ever reaches <c>rubric check</c> or <c>rubric score</c>.
/// The library stays the judge: a schema catches the shape, not every rule (a ratio's numerator above its total).
/// </summary>
internal static partial class JsonSchemas
{
    private const string Draft = "https://json-schema.org/draft/2020-12/schema";
    private const string Identifier = "^[a-z][a-z0-9_]*$";

    /// <summary>The highest points value a rubric accepts, as the library checks it.</summary>
    private const decimal MaxPoints = 1_000_000m;

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Chinese descriptions stay readable in the file instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JsonObject schema) => schema.ToJsonString(Indented) + Environment.NewLine;

    /// <summary>The rubric format: the keys the library reads, which are required, and the shape of each value.</summary>
    public static JsonObject Rubric()
    {
        var points = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = MaxPoints, ["description"] = "分值" };
        var id = new JsonObject { ["type"] = "string", ["pattern"] = Identifier };
        var item = new JsonObject
        {
            ["oneOf"] = new JsonArray(
                Described(Clone(id), "项目编号"),
                Closed(new JsonObject { ["id"] = Described(Clone(id), "项目编号"), ["label"] = Text("项目名称，如 职责上墙；缺项时得分说明按它写") }, "id")),
        };
        var level = Closed(new JsonObject { ["id"] = Described(Clone(id), "级别编号，如 county"), ["label"] = Text("级别名称，如 县级") }, "id", "label");
        var criterion = Closed(new JsonObject
        {
            ["key"] = Described(Clone(id), "材料键，证据文件中填写的键名"),
            ["keys"] = new JsonObject { ["type"] = "array", ["items"] = Clone(id), ["minItems"] = 1, ["description"] = "材料键列表（ratio 的分子、分母）" },
            ["label"] = Text("评分细项名称"),
            ["points"] = Clone(points),
            ["items"] = new JsonObject { ["type"] = "array", ["items"] = item, ["minItems"] = 1, ["description"] = "可能缺少（未落实）的项目（仅 per_missing、all_of）" },
            ["rule"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "评分规则，如 present(2)、monthly(0.5)、per_missing(-2) floor 0、per_item(-0.5) of 10 floor 0" },
            ["unit"] = Text("得分说明中的计量单位，如 场、人、小时（仅 per_item、per_amount、per_percent）"),
            ["levels"] = new JsonObject { ["type"] = "array", ["items"] = Clone(level), ["description"] = "本细项自己的级别，代替考核细则的 levels（仅 tiered），如 AAA/AA/A" },
            ["table"] = Described(Clone(id), "lookup() 查的表的编号（tables 中的 id）"),
        }, "label", "points", "rule");
        criterion["oneOf"] = new JsonArray(new JsonObject { ["required"] = new JsonArray("key") }, new JsonObject { ["required"] = new JsonArray("keys") });
        var line = Closed(new JsonObject
        {
            ["id"] = Described(Clone(id), "行编号，如 activities"),
            ["section"] = Text("考核项目"),
            ["content"] = Text("考核内容"),
            ["points"] = Clone(points),
            ["check"] = Text("检查方式"),
            ["standard"] = Text("评价标准"),
            ["criteria"] = new JsonObject { ["type"] = "array", ["items"] = criterion, ["minItems"] = 1, ["description"] = "评分细项" },
        }, "id", "section", "content", "points", "check", "standard", "criteria");
        var schema = Closed(new JsonObject
        {
            ["id"] = Described(Clone(id), "考核细则编号，如 village"),
            ["title"] = Text("标题"),
            ["source"] = Text("出处（文号）"),
            ["version"] = Text("版本，如 \"2022\""),
            ["effective"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", ["description"] = "施行日期，年-月-日" },
            ["total"] = Described(Clone(points), "总分"),
            ["rounding"] = Closed(new JsonObject
            {
                ["decimals"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = 6, ["description"] = "保留小数位数" },
                ["mode"] = new JsonObject { ["enum"] = new JsonArray("half_away_from_zero", "half_even"), ["description"] = "舍入方式：half_away_from_zero（四舍五入）或 half_even" },
            }),
            ["levels"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = level,
                ["description"] = "级别（刊发等按级别计分）",
            },
            ["tables"] = new JsonObject { ["type"] = "array", ["items"] = Table(id), ["description"] = "lookup() 查的表：分档、类别或二维表" },
            ["sections"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = Closed(new JsonObject { ["name"] = Text("考核项目名称"), ["points"] = Clone(points) }, "name", "points"),
                ["description"] = "考核项目",
            },
            ["lines"] = new JsonObject { ["type"] = "array", ["items"] = line, ["description"] = "考核细则的各行" },
        }, "id", "title", "source", "total", "sections", "lines");
        AddTotalRules((JsonObject)schema["properties"]!, criterion);
        schema["title"] = "考核细则（RubricEngine 格式）";
        return WithDraft(schema);
    }

    /// <summary>
    /// A lookup table: band rows (from / to / below, points or share, grade), category rows (id, label, points, share or
    /// min and max) or grid rows (id, label, cells by column), with the grid's columns. Which row shape fits which
    /// measure is the library's check; the schema offers the three shapes.
    /// </summary>
    private static JsonObject Table(JsonObject id)
    {
        var rowPoints = new JsonObject { ["type"] = "number", ["minimum"] = -1000, ["maximum"] = 1000 };
        var percent = new JsonObject { ["type"] = "string", ["pattern"] = "^-?[0-9]+(\\.[0-9]+)?%$" };
        var bound = new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "number" }, Clone(percent)) };
        var band = Closed(new JsonObject
        {
            ["from"] = Described(Clone(bound), "下限（含），百分比表写 95%"),
            ["to"] = Described(Clone(bound), "上限（含）"),
            ["below"] = Described(Clone(bound), "上限（不含，不足）"),
            ["points"] = Described(Clone(rowPoints), "本档得分"),
            ["share"] = Described(Clone(percent), "占本项分值的百分比，如 66%"),
            ["grade"] = Text("等级，如 A、B、优秀"),
        });
        var category = Closed(new JsonObject
        {
            ["id"] = Described(Clone(id), "类别编号，如 excellent"),
            ["label"] = Text("类别名称，如 优秀"),
            ["points"] = Described(Clone(rowPoints), "得分"),
            ["share"] = Described(Clone(percent), "占本项分值的百分比"),
            ["min"] = Described(Clone(rowPoints), "由检查人员评定时的最低分"),
            ["max"] = Described(Clone(rowPoints), "由检查人员评定时的最高分"),
        }, "id", "label");
        var grid = Closed(new JsonObject
        {
            ["id"] = Described(Clone(id), "行编号，如 province"),
            ["label"] = Text("行名称，如 省级"),
            ["cells"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = Clone(rowPoints), ["description"] = "各列的得分；没有的列即不存在该组合" },
        }, "id", "label", "cells");
        return Closed(new JsonObject
        {
            ["id"] = Described(Clone(id), "表编号，如 volunteer_hours"),
            ["measure"] = new JsonObject
            {
                ["enum"] = new JsonArray("count", "amount", "percent", "met", "missing", "category", "grid"),
                ["description"] = "按什么查：count（个数）、amount（数量，如小时）、percent（百分比）、met / missing（符合 / 缺少的项目数）、category（类别）、grid（二维表）",
            },
            ["unit"] = Text("得分说明中数值后的单位，如 小时、场"),
            ["rows"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["anyOf"] = new JsonArray(band, category, grid) }, ["description"] = "各行" },
            ["columns"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = Closed(new JsonObject { ["id"] = Described(Clone(id), "列编号"), ["label"] = Text("列名称") }, "id", "label"),
                ["description"] = "二维表的列（仅 grid）",
            },
        }, "id", "measure", "rows");
    }

    /// <summary>One rubric's evidence: its lines and keys, each key's allowed values, <c>~</c> (not given) everywhere.</summary>
    public static JsonObject Evidence(Rubric rubric)
    {
        var lines = new JsonObject();
        var columns = ExcelForm.Columns(rubric).ToLookup(c => c.Line.Id, StringComparer.Ordinal);
        foreach (var line in rubric.Lines)
        {
            var keys = new JsonObject();
            foreach (var column in columns[line.Id])
            {
                var criterion = line.Criteria.First(c => c.Fields.Contains(column.Field));
                var points = criterion.IsBonus ? "加分项" : criterion.Points == 0 ? "扣分项" : $"{ScoreText.Format(criterion.Points)} 分";
                keys[column.Field.Key] = Described(Value(column.Field), $"{column.Header}（{points}）：{YamlTemplate.WhatToWrite(column.Field)}；留空（~）为未提供");
            }

            var most = line.Maximum is { } m && m < line.Points ? $"，最高可得 {ScoreText.Format(m)}" : "";
            var properties = Closed(keys);
            properties["type"] = new JsonArray("object", "null");
            lines[line.Id] = Described(properties, $"{line.Section}（{ScoreText.Format(line.Points)} 分{most}）：{line.Content}　评价标准：{line.Standard}");
        }

        var linesObject = Closed(lines);
        var schema = Closed(new JsonObject
        {
            ["rubric"] = new JsonObject { ["const"] = rubric.Id, ["description"] = $"考核细则编号：{rubric.Title}" },
            ["version"] = Text("考核细则版本" + (rubric.Version is { } v ? $"，本细则为 \"{v}\"" : "")),
            ["unit"] = Text("单位名称，如 白龙村"),
            ["year"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1900, ["maximum"] = 2999, ["description"] = "考核年度，如 2022" },
            ["lines"] = Described(linesObject, "各行的材料"),
        }, "rubric", "unit", "lines");
        AddTotalRules(rubric, schema);
        schema["title"] = $"{rubric.Title}：材料";
        return WithDraft(schema);
    }

    private static JsonObject Value(EvidenceField field) => field.Kind switch
    {
        EvidenceValueKind.Flag => new JsonObject { ["type"] = new JsonArray("boolean", "null") },
        EvidenceValueKind.Months => Periods(12),
        EvidenceValueKind.Quarters => Periods(4),
        EvidenceValueKind.Count => Number("integer", field),
        EvidenceValueKind.Amount => Number("number", field),
        EvidenceValueKind.Percent => new JsonObject
        {
            // The range (0%–1000%) is checked by the reader: a pattern cannot compare numbers.
            ["type"] = new JsonArray("string", "null"),
            ["pattern"] = "^[0-9]+(\\.[0-9]+)?%$",
            ["description"] = $"百分比，带 % 号，如 76.5%；{ScoreText.Format(field.Min)}% 到 {ScoreText.Format(field.Max ?? 1000m)}%",
        },
        EvidenceValueKind.Publications => new JsonObject
        {
            ["type"] = new JsonArray("array", "null"),
            ["items"] = Closed(new JsonObject
            {
                ["item"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "刊发的项目名称" },
                ["level"] = new JsonObject { ["enum"] = Strings(field.Allowed), ["description"] = "级别：" + Labels(field) },
            }, "item", "level"),
        },
        EvidenceValueKind.ItemIds => new JsonObject
        {
            ["type"] = new JsonArray("array", "null"),
            ["items"] = new JsonObject { ["enum"] = Strings(field.Allowed), ["description"] = (field.ListsMet ? "符合的项目：" : "缺少的项目：") + Labels(field) },
        },
        EvidenceValueKind.Category => new JsonObject
        {
            ["oneOf"] = new JsonArray(
                new JsonObject { ["enum"] = Strings(field.Allowed), ["description"] = "类别：" + Labels(field) },
                Closed(new JsonObject
                {
                    ["category"] = new JsonObject { ["enum"] = Strings(field.Allowed), ["description"] = "类别：" + Labels(field) },
                    ["points"] = new JsonObject { ["type"] = "number", ["description"] = "由检查人员评定的分值（在该类别的区间内）" },
                }, "category"),
                new JsonObject { ["type"] = "null" }),
        },
        EvidenceValueKind.Grid => new JsonObject
        {
            ["type"] = new JsonArray("array", "null"),
            ["items"] = Closed(new JsonObject
            {
                ["item"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "名称，如 报道标题" },
                ["row"] = new JsonObject { ["enum"] = Strings(field.Allowed), ["description"] = "行：" + Labels(field) },
                ["column"] = new JsonObject { ["enum"] = Strings(field.Columns), ["description"] = "列" },
            }, "item", "row", "column"),
        },
        _ => [],
    };

    private static JsonObject Periods(int last) => new()
    {
        ["type"] = new JsonArray("array", "null"),
        ["items"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = last },
    };

    private static JsonObject Number(string type, EvidenceField field)
    {
        var number = new JsonObject { ["type"] = new JsonArray(type, "null"), ["minimum"] = field.Min };
        if (field.Max is { } max)
        {
            number["maximum"] = max;
        }

        return number;
    }

    private static string Labels(EvidenceField field) =>
        string.Join("、", field.Allowed.Select((id, i) => i < field.AllowedLabels.Length && field.AllowedLabels[i] != id ? $"{id}（{field.AllowedLabels[i]}）" : id));

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["minLength"] = 1, ["description"] = description };

    private static JsonObject Described(JsonObject node, string description)
    {
        node["description"] = description;
        return node;
    }

    /// <summary>An object with exactly these properties: a misspelt key is flagged, as the library refuses it.</summary>
    private static JsonObject Closed(JsonObject properties, params string[] required)
    {
        var node = new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
        if (required.Length > 0)
        {
            node["required"] = Strings(required);
        }

        return node;
    }

    private static JsonObject Clone(JsonObject node) => (JsonObject)node.DeepClone();

    private static JsonObject WithDraft(JsonObject schema)
    {
        var result = new JsonObject { ["$schema"] = Draft };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            result[key] = value;
        }

        return result;
    }
}
