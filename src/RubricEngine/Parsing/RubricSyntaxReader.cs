using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using RubricEngine.Diagnostics;
using RubricEngine.Loading;
using RubricEngine.Syntax;

namespace RubricEngine.Parsing;

/// <summary>
/// Reads a rubric's document tree into <see cref="RubricSyntax"/>: the schema (keys, types, required values)
/// and every criterion's rule, parsed with <see cref="RuleParser"/>. Reports every problem it finds, not just the first.
/// </summary>
internal static partial class RubricSyntaxReader
{
    private static readonly string[] RubricKeys = ["id", "title", "source", "version", "effective", "total", "rounding", "levels", "tables", "sections", "lines", "unit_types", "vetoes", "grades"];
    private static readonly string[] RoundingKeys = ["decimals", "mode"];
    private static readonly string[] LevelKeys = ["id", "label"];
    private static readonly string[] SectionKeys = ["name", "points"];
    private static readonly string[] LineKeys = ["id", "section", "content", "points", "check", "standard", "criteria"];
    private static readonly string[] CriterionKeys = ["key", "keys", "label", "points", "items", "rule", "rules", "unit", "levels", "table"];
    private static readonly string[] ItemKeys = ["id", "label"];
    private static readonly Dictionary<string, MidpointRounding> RoundingModes = new()
    {
        ["half_away_from_zero"] = MidpointRounding.AwayFromZero,
        ["half_even"] = MidpointRounding.ToEven,
    };

    /// <summary>
    /// Reads the rubric. Null only when the root is not a mapping; otherwise the syntax holds everything that could
    /// be read, and <see cref="RubricSyntax.IsComplete"/> says whether any error was found, so that the binder can
    /// report the mistakes of the other lines in the same run.
    /// </summary>
    public static RubricSyntax? Read(TreeNode root, string file, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        var reportedBefore = diagnostics.Count;
        if (Values.Mapping(root, MessageText.Of("WhatRubricFile"), diagnostics) is not { } mapping)
        {
            return null;
        }

        var reader = new MappingReader(mapping, MessageText.Of("WhatRubric"), RubricKeys, diagnostics);
        var id = Identifier(reader, "id", MessageText.Of("WhatRubricId"), diagnostics);
        var title = reader.Text("title");
        var source = reader.Text("source");
        var version = reader.Node("version", required: false) is { } versionNode ? Values.Text(versionNode, MessageText.Quoted("version"), diagnostics) : null;
        var effective = ReadEffective(reader, diagnostics);
        var total = Points(reader, "total", diagnostics);
        var rounding = ReadRounding(reader, diagnostics);
        var levels = ReadList(reader, "levels", required: false, limits.MaxLines, diagnostics, node => ReadLevel(node, diagnostics));
        var totalRules = ReadTotalRules(reader, limits, diagnostics);
        var unreadableTables = new List<string>();
        var tables = ReadList(reader, "tables", required: false, limits.MaxLines, diagnostics, node => ReadTable(node, limits, diagnostics, unreadableTables));
        var sectionsWithoutPoints = new List<string>();
        var sectionsRead = 0;
        var sections = ReadList(reader, "sections", required: true, limits.MaxLines, diagnostics,
            node => ReadSection(node, diagnostics, sectionsWithoutPoints, ref sectionsRead));
        var criteriaSeen = 0;
        var incomplete = new List<IncompleteLineSyntax>();
        var lines = ReadList(reader, "lines", required: true, limits.MaxLines, diagnostics,
            node => ReadLine(node, limits, diagnostics, incomplete, ref criteriaSeen));

        return new RubricSyntax(file, id ?? new Located<string>("", mapping.Span), title ?? "", source ?? "", total, rounding, levels, sections, lines)
        {
            Version = version,
            Effective = effective,
            Tables = tables,
            UnreadableTables = [.. unreadableTables],
            IsComplete = !diagnostics.HasErrorsSince(reportedBefore) && id is not null && title is not null && source is not null && total is not null,
            IncompleteLines = [.. incomplete],
            SectionsWithoutPoints = [.. sectionsWithoutPoints],
            SectionsComplete = reader.Node("sections", required: false) is SequenceNode sectionList && sectionList.Items.Length == sectionsRead,
            LinesReadable = reader.Node("lines", required: false) is SequenceNode lineList && lineList.Items.Length <= limits.MaxLines,
            LevelsComplete = reader.Node("levels", required: false) is not { } levelList || (levelList is SequenceNode list && list.Items.Length == levels.Length),
            TotalRules = totalRules,
        };
    }

    private static DateOnly? ReadEffective(MappingReader reader, List<Diagnostic> diagnostics)
    {
        if (reader.Node("effective", required: false) is not { } node || Values.Text(node, MessageText.Quoted("effective"), diagnostics) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, node.Span,
            MessageText.Of("EffectiveDate", text)));
        return null;
    }

    private static RoundingSyntax ReadRounding(MappingReader reader, List<Diagnostic> diagnostics)
    {
        var standard = new RoundingSyntax(2, MidpointRounding.AwayFromZero);
        if (reader.Mapping("rounding", required: false) is not { } node)
        {
            return standard;
        }

        var rounding = new MappingReader(node, MessageText.Quoted("rounding"), RoundingKeys, diagnostics);
        var decimals = standard.Decimals;
        if (rounding.Decimal("decimals", required: false) is { } places)
        {
            if (places is < 0 or > 6 || places != decimal.Truncate(places))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, rounding.Node("decimals", false)!.Span,
                    MessageText.Of("DecimalsRange", Numbers.Format(places))));
            }
            else
            {
                decimals = (int)places;
            }
        }

        var mode = standard.Mode;
        if (rounding.Text("mode", required: false) is { } modeName)
        {
            if (RoundingModes.TryGetValue(modeName, out var known))
            {
                mode = known;
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, rounding.Node("mode", false)!.Span,
                    MessageText.Of("UnknownRounding", modeName, Suggestions.DidYouMean(modeName, RoundingModes.Keys))));
            }
        }

        return new RoundingSyntax(decimals, mode);
    }

    private static LevelSyntax? ReadLevel(TreeNode node, List<Diagnostic> diagnostics) =>
        ReadLabelled(node, "WhatLevel", "WhatLevelId", "id", LevelKeys, diagnostics) is ({ } id, { } label, _) ? new LevelSyntax(id, label) : null;

    /// <summary>A mapping of exactly an id and a label (a level, a grid's column), or null after reporting what is wrong.</summary>
    private static (Located<string> Id, string Label)? ReadIdAndLabel(TreeNode node, string what, string whatId, List<Diagnostic> diagnostics) =>
        ReadLabelled(node, what, whatId, "id", LevelKeys, diagnostics) is ({ } id, { } label, _) ? (id, label) : null;

    /// <param name="withoutPoints">Receives the names of sections whose points cannot be read.</param>
    /// <param name="read">Counts the sections whose name was read, so the caller knows whether any is unknown.</param>
    private static SectionSyntax? ReadSection(TreeNode node, List<Diagnostic> diagnostics, List<string> withoutPoints, ref int read)
    {
        if (Values.Mapping(node, MessageText.Of("WhatSection"), diagnostics) is not { } mapping)
        {
            return null;
        }

        var reader = new MappingReader(mapping, MessageText.Of("WhatSection"), SectionKeys, diagnostics);
        var name = reader.Text("name");
        var points = Points(reader, "points", diagnostics);
        if (name is null)
        {
            return null;
        }

        read++;
        if (points is null)
        {
            withoutPoints.Add(name);
            return null;
        }

        return new SectionSyntax(new(name, reader.Node("name", false)!.Span), points.Value);
    }

    /// <summary>A complete line, or null with what could be read of it added to <paramref name="incomplete"/>.</summary>
    private static LineSyntax? ReadLine(TreeNode node, LoadLimits limits, List<Diagnostic> diagnostics, List<IncompleteLineSyntax> incomplete,
        ref int criteriaSeen)
    {
        var reportedBefore = diagnostics.Count;
        if (Values.Mapping(node, MessageText.Of("WhatALine"), diagnostics) is not { } mapping)
        {
            incomplete.Add(new IncompleteLineSyntax(null, null, null, []));
            return null;
        }

        var reader = new MappingReader(mapping, MessageText.Of("WhatALine"), LineKeys, diagnostics);
        var id = Identifier(reader, "id", MessageText.Of("WhatLineId"), diagnostics);
        var section = reader.Text("section");
        var content = reader.Text("content");
        var points = Points(reader, "points", diagnostics);
        var check = reader.Text("check");
        var standard = reader.Text("standard");
        var criteriaNode = reader.List("criteria");
        var criteria = ImmutableArray.CreateBuilder<CriterionSyntax>();
        var complete = true;
        if (criteriaNode is not null)
        {
            if (criteriaNode.Items.Length == 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, criteriaNode.Span, MessageText.Of("NoCriteria")));
            }

            foreach (var item in criteriaNode.Items)
            {
                if (++criteriaSeen > limits.MaxCriteria)
                {
                    if (criteriaSeen == limits.MaxCriteria + 1)
                    {
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, item.Span, MessageText.Of("TooManyCriteria", Numbers.Format(limits.MaxCriteria))));
                    }

                    incomplete.Add(new IncompleteLineSyntax(null, null, null, []));
                    return null;
                }

                if (ReadCriterion(item, limits, diagnostics) is { } criterion)
                {
                    criteria.Add(criterion);
                }
                else
                {
                    complete = false;
                }
            }
        }

        Located<string>? sectionName = section is null ? null : new(section, reader.Node("section", false)!.Span);

        if (diagnostics.HasErrorsSince(reportedBefore)
            || id is null || sectionName is null || content is null || points is null || check is null || standard is null || criteriaNode is null || !complete)
        {
            incomplete.Add(new IncompleteLineSyntax(id, sectionName, points, criteria.ToImmutable()));
            return null;
        }

        return new LineSyntax(id.Value, sectionName.Value, content, points.Value, check, standard, criteria.ToImmutable());
    }

    private static CriterionSyntax? ReadCriterion(TreeNode node, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        if (Values.Mapping(node, MessageText.Of("WhatCriterion"), diagnostics) is not { } mapping)
        {
            return null;
        }

        var reader = new MappingReader(mapping, MessageText.Of("WhatCriterion"), CriterionKeys, diagnostics);
        var keys = ImmutableArray.CreateBuilder<Located<string>>();
        var keyNode = reader.Node("key", required: false);
        var keysNode = reader.Node("keys", required: false);
        if (keyNode is not null && keysNode is not null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, keysNode.Span, MessageText.Of("KeyAndKeys")));
        }
        else if (keyNode is not null)
        {
            if (Identifier(keyNode, MessageText.Quoted("key"), diagnostics) is { } key)
            {
                keys.Add(key);
            }
        }
        else if (keysNode is not null)
        {
            keys.AddRange(ReadIdentifiers(keysNode, MessageText.Quoted("keys"), diagnostics));
        }
        else
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, mapping.Span, MessageText.Of("NoKey")));
        }

        var label = reader.Text("label");
        var unit = reader.Text("unit", required: false);
        var points = Points(reader, "points", diagnostics);
        var itemsNode = reader.Node("items", required: false);
        var (items, itemLabels) = itemsNode is null ? ([], []) : ReadItems(itemsNode, diagnostics);
        var rulesNode = reader.Node("rules", required: false);
        var ruleNode = reader.Node("rule", required: rulesNode is null);
        RuleSource? ruleSource = null;
        RuleSyntax? rule = null;
        ImmutableArray<RuleVariantSyntax> variants = [];
        if (rulesNode is not null && ruleNode is not null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownKey, reader.KeyNode("rules")!.Span, MessageText.Of("RuleAndRules")));
        }
        else if (rulesNode is not null)
        {
            if (ReadRuleVariants(rulesNode, limits, diagnostics) is { } read)
            {
                variants = read;
                (ruleSource, rule) = (read[0].Source, read[0].Rule);
            }
        }
        else if (ruleNode is ScalarNode { IsNull: false } ruleScalar)
        {
            ruleSource = new RuleSource(ruleScalar.Value, ruleScalar.ValueSpan, ruleScalar.IsSingleLine);
            rule = RuleParser.Parse(ruleSource, limits, diagnostics);
        }
        else if (ruleNode is not null)
        {
            diagnostics.Add(Values.WrongType(ruleNode, MessageText.Quoted("rule"), MessageText.Of("ExpectRule")));
        }

        var levelsNode = reader.Node("levels", required: false);
        var levels = ReadList(reader, "levels", required: false, limits.MaxLines, diagnostics, level => ReadLevel(level, diagnostics));
        var table = reader.Node("table", required: false) is { } tableNode ? Identifier(tableNode, MessageText.Quoted("table"), diagnostics) : null;
        if (keys.Count == 0 || label is null || points is null || ruleSource is null || rule is null
            || (levelsNode is not null && (levelsNode is not SequenceNode levelList || levelList.Items.Length != levels.Length)))
        {
            return null;
        }

        return new CriterionSyntax(keys.ToImmutable(), mapping.Span, label, points.Value, items, itemsNode is not null, ruleSource, rule, itemLabels)
        {
            Unit = unit is null ? null : new Located<string>(unit, reader.Node("unit", false)!.Span),
            Levels = levelsNode is null ? default : levels,
            LevelsSpan = levelsNode?.Span,
            Variants = variants,
            RulesSpan = rulesNode is null ? default : reader.KeyNode("rules")!.Span,
            Table = table,
        };
    }

    private static ImmutableArray<T> ReadList<T>(MappingReader reader, string key, bool required, int limit, List<Diagnostic> diagnostics, Func<TreeNode, T?> read)
        where T : class
    {
        if (reader.List(key, required) is not { } list)
        {
            return [];
        }

        if (list.Items.Length > limit)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, list.Span, MessageText.Of("TooManyEntries", MessageText.Quoted(key), Numbers.Format(list.Items.Length), Numbers.Format(limit))));
            return [];
        }

        var result = ImmutableArray.CreateBuilder<T>(list.Items.Length);
        foreach (var item in list.Items)
        {
            if (read(item) is { } value)
            {
                result.Add(value);
            }
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<Located<string>> ReadIdentifiers(TreeNode node, MessageText what, List<Diagnostic> diagnostics)
    {
        if (Values.List(node, what, diagnostics) is not { } list)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<Located<string>>();
        foreach (var item in list.Items)
        {
            if (Identifier(item, MessageText.Of("WhatEntryOf", what), diagnostics) is { } id)
            {
                result.Add(id);
            }
        }

        if (result.Count == 0 && list.Items.Length == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, list.Span, MessageText.Of("ListEmpty", what)));
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// <c>items</c>: plain ids (<c>[signboard, duties]</c>) or ids with the label a reader knows them by
    /// (<c>[{ id: duties, label: 职责上墙 }]</c>). The ids are the evidence contract; labels are only for people.
    /// </summary>
    private static (ImmutableArray<Located<string>> Ids, ImmutableArray<string> Labels) ReadItems(TreeNode node, List<Diagnostic> diagnostics)
    {
        var what = MessageText.Quoted("items");
        if (Values.List(node, what, diagnostics) is not { } list)
        {
            return ([], []);
        }

        var ids = ImmutableArray.CreateBuilder<Located<string>>();
        var labels = ImmutableArray.CreateBuilder<string>();
        foreach (var item in list.Items)
        {
            if (item is MappingNode mapping)
            {
                var reader = new MappingReader(mapping, MessageText.Of("WhatEntryOf", what), ItemKeys, diagnostics);
                var id = Identifier(reader, "id", MessageText.Of("WhatItemId"), diagnostics);
                var label = reader.Text("label", required: false);
                if (id is { } known)
                {
                    ids.Add(known);
                    labels.Add(label ?? known.Value);
                }
            }
            else if (Identifier(item, MessageText.Of("WhatEntryOf", what), diagnostics) is { } id)
            {
                ids.Add(id);
                labels.Add(id.Value);
            }
        }

        if (list.Items.Length == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, list.Span, MessageText.Of("ListEmpty", what)));
        }

        return (ids.ToImmutable(), labels.ToImmutable());
    }

    private static Located<string>? Identifier(MappingReader reader, string key, MessageText what, List<Diagnostic> diagnostics) =>
        reader.Node(key, required: true) is { } node ? Identifier(node, what, diagnostics) : null;

    private static Located<string>? Identifier(TreeNode node, MessageText what, List<Diagnostic> diagnostics)
    {
        if (Values.Text(node, what, diagnostics) is not { } text)
        {
            return null;
        }

        if (!IdentifierPattern().IsMatch(text))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, node.Span,
                MessageText.Of("IdentifierShape", what, text)));
            return null;
        }

        return new Located<string>(text, node.Span);
    }

    /// <summary>The most points a rubric, section, line or criterion may be worth.</summary>
    public const decimal MaxPoints = 1_000_000m;

    private static Located<decimal>? Points(MappingReader reader, string key, List<Diagnostic> diagnostics)
    {
        if (reader.Node(key, required: true) is not { } node || Values.Decimal(node, MessageText.Quoted(key), diagnostics) is not { } value)
        {
            return null;
        }

        if (value < 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, node.Span, MessageText.Of("NotNegative", key, Numbers.Format(value))));
            return null;
        }

        if (value > MaxPoints)
        {
            // Far above any real rubric, and low enough that no sum of points (1,000 lines, 10,000 criteria) can overflow.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, node.Span,
                MessageText.Of("AtMost", key, Numbers.Format(MaxPoints), Numbers.Format(value))));
            return null;
        }

        return new Located<decimal>(value, node.Span);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex IdentifierPattern();
}
