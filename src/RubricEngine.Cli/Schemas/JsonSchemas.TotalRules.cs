using System.Text.Json.Nodes;

namespace RubricEngine.Cli.Schemas;

/// <summary>The schema parts for unit types, vetoes and grades: rubric keys, a criterion's <c>rules</c>, and the evidence keys.</summary>
internal static partial class JsonSchemas
{
    /// <summary>Adds <c>unit_types</c>, <c>vetoes</c> and <c>grades</c> to the rubric's keys, and <c>rules</c> beside a criterion's <c>rule</c>.</summary>
    private static void AddTotalRules(JsonObject rubricProperties, JsonObject criterion)
    {
        var id = new JsonObject { ["type"] = "string", ["pattern"] = Identifier };
        rubricProperties["unit_types"] = new JsonObject
        {
            ["type"] = "array",
            ["items"] = Closed(new JsonObject { ["id"] = Described(Clone(id), "单位类型编号，如 zone"), ["label"] = Text("单位类型名称，如 开发区") }, "id", "label"),
            ["description"] = "单位类型（区、开发区等）：评分项可用 rules 按类型分别给规则；材料须写 unit_type",
        };
        var veto = Closed(new JsonObject
        {
            ["key"] = Described(Clone(id), "否决项的键，材料的 vetoes 中填写，如 major_accident"),
            ["label"] = Text("否决情形，如 发生较大事故以上（因不可抗力因素除外）"),
            ["effect"] = new JsonObject { ["enum"] = new JsonArray("zero", "cap", "lowest_grade"), ["description"] = "效果：zero（总分归零）、cap（总分封顶）、lowest_grade（定为最低等级）" },
            ["cap"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = MaxPoints, ["description"] = "总分上限（仅 effect: cap）" },
        }, "key", "label", "effect");
        veto["if"] = new JsonObject { ["properties"] = new JsonObject { ["effect"] = new JsonObject { ["const"] = "cap" } } };
        veto["then"] = new JsonObject { ["required"] = new JsonArray("cap") };
        veto["else"] = new JsonObject { ["not"] = new JsonObject { ["required"] = new JsonArray("cap") } };
        rubricProperties["vetoes"] = new JsonObject { ["type"] = "array", ["items"] = veto, ["maxItems"] = 64, ["description"] = "一票否决项" };
        rubricProperties["grades"] = new JsonObject
        {
            ["type"] = "array",
            ["items"] = Closed(new JsonObject
            {
                ["id"] = Described(Clone(id), "等级编号，如 excellent"),
                ["label"] = Text("等级名称，如 优秀"),
                ["from"] = new JsonObject { ["type"] = "number", ["description"] = "总分达到此值即为该等级；最后一个等级可省略（低于上一等级的所有总分）" },
            }, "id", "label"),
            ["description"] = "总分等级，从高到低",
        };

        var properties = (JsonObject)criterion["properties"]!;
        properties["rules"] = new JsonObject
        {
            ["type"] = "object",
            ["propertyNames"] = Clone(id),
            ["additionalProperties"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
            ["minProperties"] = 1,
            ["description"] = "按单位类型分别给评分规则，如 { district: \"per_item(-0.5) of 10 floor 0\", zone: \"per_item(-1.25) of 4 floor 0\" }",
        };

        // Exactly one of 'rule' and 'rules', beside the existing choice of 'key' or 'keys'.
        var required = (JsonArray)criterion["required"]!;
        foreach (var node in required.Where(n => n!.GetValue<string>() == "rule").ToList())
        {
            required.Remove(node);
        }

        var keyChoice = criterion["oneOf"]!;
        criterion.Remove("oneOf");
        criterion["allOf"] = new JsonArray(
            new JsonObject { ["oneOf"] = keyChoice },
            new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["required"] = new JsonArray("rule") }, new JsonObject { ["required"] = new JsonArray("rules") }) });
    }

    /// <summary><c>unit_type</c> (required) when the rubric declares unit types, <c>vetoes</c> when it declares vetoes.</summary>
    private static void AddTotalRules(Rubric rubric, JsonObject evidence)
    {
        var properties = (JsonObject)evidence["properties"]!;
        if (!rubric.UnitTypes.IsEmpty)
        {
            properties["unit_type"] = new JsonObject
            {
                ["enum"] = Strings(rubric.UnitTypes.Select(t => t.Id)),
                ["description"] = "单位类型：" + string.Join("、", rubric.UnitTypes.Select(t => $"{t.Id}（{t.Label}）")),
            };
            ((JsonArray)evidence["required"]!).Add((JsonNode?)JsonValue.Create("unit_type"));
        }

        if (!rubric.Vetoes.IsEmpty)
        {
            var flags = new JsonObject();
            foreach (var veto in rubric.Vetoes)
            {
                flags[veto.Key] = new JsonObject { ["type"] = new JsonArray("boolean", "null"), ["description"] = $"一票否决：{veto.Label}；发生填 true，未写即未发生" };
            }

            var vetoes = Closed(flags);
            vetoes["type"] = new JsonArray("object", "null");
            properties["vetoes"] = Described(vetoes, "一票否决项：发生的填 true");
        }
    }
}
