using System.Collections.Immutable;
using RubricEngine.Binding.Functions;
using RubricEngine.Runtime;
using RubricEngine.Diagnostics;
using RubricEngine.Syntax;

namespace RubricEngine.Binding;

/// <summary>
/// Checks a parsed rubric against the function catalogue and its own arithmetic: names ("did you mean"),
/// arity, argument ranges, modifiers, keys and items, points that add up, and each line's achievable maximum.
/// </summary>
internal static partial class Binder
{
    /// <summary>
    /// Binds every line, the incomplete ones too, so one run reports every mistake: a rule that did not parse
    /// hides nothing but its own criterion. Returns null when the syntax is incomplete or binding finds an error.
    /// </summary>
    public static BoundRubric? Bind(RubricSyntax rubric, List<Diagnostic> diagnostics)
    {
        var reportedBefore = diagnostics.Count;
        var levels = BindLevels(rubric, diagnostics);
        var tables = TableBinder.Bind(rubric, (names, what, inLine) => CheckDuplicates(names, what, diagnostics, inLine), diagnostics);
        var declared = rubric.Sections.Select(s => s.Name.Value).Concat(rubric.SectionsWithoutPoints).ToHashSet(StringComparer.Ordinal);
        CheckDuplicates(rubric.Sections.Select(s => s.Name), "section", diagnostics);
        CheckDuplicates(rubric.Lines.Select(l => l.Id).Concat(rubric.IncompleteLines.Where(l => l.Id is not null).Select(l => l.Id!.Value))
            .OrderBy(id => id.Span.Line).ThenBy(id => id.Span.Column), "line id", diagnostics);

        var named = rubric.Lines.Select(l => l.Section.Value)
            .Concat(rubric.IncompleteLines.Where(l => l.Section is not null).Select(l => l.Section!.Value.Value))
            .ToHashSet(StringComparer.Ordinal);
        var meant = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = ImmutableArray.CreateBuilder<BoundLine>(rubric.Lines.Length);
        foreach (var line in rubric.Lines)
        {
            CheckSection(line.Id.Value, line.Section, declared, named, rubric.SectionsComplete, meant, diagnostics);
            if (BindLine(line, levels, tables, rubric.Rounding, rubric.TotalRules, diagnostics) is { } bound)
            {
                lines.Add(bound);
            }
        }

        foreach (var line in rubric.IncompleteLines)
        {
            // What could be read is checked as a complete line would be; its criteria that did not parse are absent.
            if (line.Section is { } section)
            {
                CheckSection(line.Id?.Value ?? "?", section, declared, named, rubric.SectionsComplete, meant, diagnostics);
            }

            CheckDuplicates(line.Criteria.SelectMany(c => c.Keys), "evidence key", diagnostics, line.Id?.Value);
            foreach (var criterion in line.Criteria)
            {
                BindCriterionOrVariants(criterion, levels, tables, rubric.TotalRules, diagnostics);
            }
        }

        if (!rubric.LevelsComplete)
        {
            // With a level that could not be read, every tier count is off by it: the level's own error is the one to fix.
            for (var i = diagnostics.Count - 1; i >= reportedBefore; i--)
            {
                if (diagnostics[i].Code == DiagnosticCodes.TiersMismatch)
                {
                    diagnostics.RemoveAt(i);
                }
            }
        }

        CheckPointsAddUp(rubric, declared, meant, diagnostics);
        BindTotalRules(rubric, lines.ToImmutable(), diagnostics);
        return !rubric.IsComplete || diagnostics.HasErrorsSince(reportedBefore) ? null : WithTotalRules(new BoundRubric(rubric, lines.ToImmutable()));
    }

    /// <summary>
    /// RE0206 with a "did you mean" among the declared sections: the closest spelling, else the one declared
    /// section no line names (the usual result of renaming a section in one place only), else the list of them.
    /// The suggestion goes into <paramref name="meant"/>, so the sums count the line where it was meant to be.
    /// </summary>
    private static void CheckSection(string lineId, Located<string> section, HashSet<string> declared, HashSet<string> named,
        bool sectionsComplete, Dictionary<string, string> meant, List<Diagnostic> diagnostics)
    {
        if (declared.Contains(section.Value) || !sectionsComplete)
        {
            return; // with a section whose name could not be read, the line may well belong to it
        }

        var unnamed = declared.Where(d => !named.Contains(d)).ToList();
        var close = Suggestions.Closest(section.Value, declared);
        var suggestion = close ?? (unnamed.Count == 1 ? unnamed[0] : null);
        var hint = close is not null
            ? MessageText.Of("DidYouMean", close)
            : suggestion is not null
                ? MessageText.Of("DidYouMeanUnused", suggestion)
                : MessageText.Of("DeclaredSections", string.Join(", ", declared.Select(d => $"'{d}'")));
        if (suggestion is not null)
        {
            meant[section.Value] = suggestion;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownSection, section.Span,
            MessageText.Of("UnknownSection", lineId, section.Value, hint)));
    }

    private static ImmutableArray<(string Id, string Label)> BindLevels(RubricSyntax rubric, List<Diagnostic> diagnostics)
    {
        CheckDuplicates(rubric.Levels.Select(l => l.Id), "level id", diagnostics);
        return [.. rubric.Levels.Select(l => (l.Id.Value, l.Label))];
    }

    private static BoundLine? BindLine(LineSyntax line, ImmutableArray<(string Id, string Label)> levels, TableScope tables, RoundingSyntax rounding, TotalRulesSyntax total,
        List<Diagnostic> diagnostics)
    {
        CheckDuplicates(line.Criteria.SelectMany(c => c.Keys), "evidence key", diagnostics, line.Id.Value);
        var criteria = ImmutableArray.CreateBuilder<BoundCriterion>();
        foreach (var criterion in line.Criteria)
        {
            if (BindCriterionOrVariants(criterion, levels, tables, total, diagnostics) is { } bound)
            {
                criteria.Add(bound);
            }
        }

        if (criteria.Count != line.Criteria.Length)
        {
            return null;
        }

        var nominal = criteria.Where(c => !c.IsBonus).Sum(c => c.Syntax.Points.Value);
        if (nominal > line.Points.Value)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PointsMismatch, line.Points.Span,
                MessageText.Of("CriteriaExceedLine", line.Id.Value, Numbers.Format(nominal), Numbers.Format(line.Points.Value))));
        }

        decimal? maximum = criteria.Where(c => !c.IsBonus).Aggregate((decimal?)0m, (sum, c) => sum + c.Range.Max);
        if (maximum is { } max && max < line.Points.Value)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NominalNotAchievable, line.Points.Span,
                MessageText.Of("NominalNotAchievable", line.Id.Value, Numbers.Format(line.Points.Value), Numbers.Format(Math.Max(0m, max)))));
        }

        // The line's score is rounded, and rounding never lowers the larger of two numbers; rounding the
        // maximum the same way keeps every score at or below it (judged(0, 1.005) can score 1.01).
        return new BoundLine(line, criteria.ToImmutable(),
            maximum is { } m ? Numbers.Normalize(Math.Round(Math.Max(0m, m), rounding.Decimals, rounding.Mode)) : null);
    }

    private static BoundCriterion? BindCriterion(CriterionSyntax criterion, ImmutableArray<(string Id, string Label)> levels, TableScope tables,
        List<Diagnostic> diagnostics)
    {
        var rule = criterion.Rule;
        var source = criterion.RuleSource;
        var reportedBefore = diagnostics.Count;
        var call = rule.Call;
        if (!FunctionCatalogue.ByName.TryGetValue(call.Name.Text, out var function))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownFunction, source.PositionOf(call.Name.Span.Offset),
                Suggestions.Closest(call.Name.Text, FunctionCatalogue.ByName.Keys) is { } closest
                    ? MessageText.Of("UnknownFunction", call.Name.Text, closest)
                    : MessageText.Of("UnknownFunctionList", call.Name.Text, string.Join(", ", FunctionCatalogue.ByName.Keys))));
            return null;
        }

        var table = BindTableReference(criterion, function, tables, diagnostics, out var tableUnreadable);
        CheckArguments(function, call, source, diagnostics);
        var (cap, floor, isBonus, isUncapped, options, optionArguments) = BindModifiers(rule, function, source, diagnostics);
        CheckKeysAndItems(criterion, function, table, diagnostics);
        if (diagnostics.HasErrorsSince(reportedBefore) || tableUnreadable)
        {
            return null;
        }

        if (LookupFunction.ReadsItems(table))
        {
            TableBinder.CheckItemRows(table!, criterion.Keys[0].Value, criterion.Items.Length, diagnostics);
        }

        var context = new BindContext(
            [.. call.Arguments.Select(a => a.Value)],
            criterion.Points.Value,
            [.. criterion.Items.Select(i => i.Value)],
            criterion.Levels.IsDefault ? levels : [.. criterion.Levels.Select(l => (l.Id.Value, l.Label))],
            options,
            [.. criterion.Keys.Select(k => (k.Value, k.Span))],
            criterion.ItemLabels.IsDefaultOrEmpty ? default : criterion.ItemLabels)
        {
            OptionArguments = optionArguments,
            Unit = criterion.Unit?.Value,
            Table = table,
        };
        if (function.Check(context) is { } problem)
        {
            diagnostics.Add(Diagnostic.Error(problem.Code, source.PositionOf(call.Span.Offset), problem.Message));
            return null;
        }

        var raw = function.Range(context);
        if (!CheckLimits(criterion, function, raw, cap, floor, isBonus, isUncapped, diagnostics))
        {
            return null;
        }

        if (function.Warn(context, floor) is { } advice)
        {
            diagnostics.Add(Diagnostic.Warning(advice.Code, source.PositionOf(call.Span.Offset), advice.Message));
        }

        // Evidence not given scores 0 whatever the rule (floor included), so 0 is always within reach.
        var lowest = floor is { } f ? (raw.Min is { } min ? Math.Max(min, f) : f) : raw.Min;
        var range = new ScoreRange(
            lowest is { } low ? Math.Min(low, 0m) : null,
            cap is { } c ? (raw.Max is { } max ? Math.Min(max, c) : c) : raw.Max);

        return new BoundCriterion(criterion, function, context, cap, floor, isBonus, isUncapped, range, function.Slots(context));
    }

    private static void CheckArguments(ScoringFunction function, CallSyntax call, RuleSource source, List<Diagnostic> diagnostics)
    {
        if (!function.IsVariadic && call.Arguments.Length != function.Parameters.Length)
        {
            var hint = call.Arguments.Length == function.Parameters.Length + 1 && call.Arguments.Length >= 2
                && call.Arguments[^1].Literal == decimal.Truncate(call.Arguments[^1].Literal) && !call.Arguments[^1].IsPercent
                ? MessageText.Of("DecimalCommaHint", $"{call.Arguments[^2]}.{call.Arguments[^1]}")
                : MessageText.None;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongArity, source.PositionOf(call.Span.Offset),
                MessageText.Of("WrongArity", Count(function.Parameters.Length, "ArgumentCount"), function.Signature,
                    Count(call.Arguments.Length, "GivenCount"), hint, function.Example, function.Name)));
            return;
        }

        for (var i = 0; i < call.Arguments.Length; i++)
        {
            var parameter = function.Parameters[function.IsVariadic ? 0 : i];
            var argument = call.Arguments[i];
            if (argument.Value < parameter.Min || argument.Value > parameter.Max)
            {
                // A ratio written as a whole number (30 for 30%) is the usual slip with a parameter that stops at 1.
                var percentHint = parameter.Max == 1m && !argument.IsPercent && argument.Value is > 1m and <= 100m
                    ? MessageText.Of("PercentHint", $"{argument}%")
                    : MessageText.None;
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ArgumentOutOfRange, source.PositionOf(argument.Span.Offset),
                    MessageText.Of("ArgumentOutOfRange", function.Name, parameter.Name, parameter.Meaning, Numbers.Format(parameter.Min), Numbers.Format(parameter.Max), argument.ToString(), percentHint)));
            }
        }
    }

    private static (decimal? Cap, decimal? Floor, bool IsBonus, bool IsUncapped, ImmutableHashSet<string> Options,
        ImmutableDictionary<string, NumberSyntax> OptionArguments) BindModifiers(
        RuleSyntax rule, ScoringFunction function, RuleSource source, List<Diagnostic> diagnostics)
    {
        decimal? cap = null;
        decimal? floor = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var options = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var optionArguments = ImmutableDictionary.CreateBuilder<string, NumberSyntax>(StringComparer.Ordinal);
        var known = Modifiers.ByName.Keys.Concat(function.Options).ToList();
        foreach (var modifier in rule.Prefixes.Concat(rule.Modifiers))
        {
            var name = modifier.Name.Text;
            var at = source.PositionOf(modifier.Span.Offset);
            var isOption = function.Options.Contains(name);
            if (!Modifiers.ByName.TryGetValue(name, out var info) && !isOption)
            {
                var elsewhere = FunctionCatalogue.All.Where(f => f.Options.Contains(name)).Select(f => f.Name).ToList();
                var message = elsewhere.Count > 0
                    ? MessageText.Of("ModifierBelongsTo", name, string.Join("(…), ", elsewhere), function.Name)
                    : FunctionCatalogue.ByName.ContainsKey(name)
                        ? MessageText.Of("FunctionAsModifier", name)
                        : MessageText.Of("UnknownModifier", name, Suggestions.DidYouMean(name, known), function.Name, string.Join(", ", known));
                diagnostics.Add(Diagnostic.Error(elsewhere.Count == 0 ? DiagnosticCodes.UnknownModifier : DiagnosticCodes.ModifierConflict, at, message));
                continue;
            }

            info ??= Modifiers.OptionsByName[name];

            if (!seen.Add(name))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModifierConflict, at, MessageText.Of("ModifierTwice", name)));
                continue;
            }

            var takesNumber = info.TakesNumber;
            if (takesNumber && modifier.Argument is null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModifierConflict, at, MessageText.Of("ModifierNeedsNumber", name, info.Example)));
                continue;
            }

            if (!takesNumber && modifier.Argument is not null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModifierConflict, source.PositionOf(modifier.Argument.Span.Offset),
                    MessageText.Of("ModifierTakesNoNumber", name, modifier.Argument.ToString())));
                continue;
            }

            switch (name)
            {
                case Modifiers.Cap when modifier.Argument!.Value < 0:
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ArgumentOutOfRange, source.PositionOf(modifier.Argument.Span.Offset),
                        MessageText.Of("CapNegative", modifier.Argument.ToString())));
                    break;
                case Modifiers.Cap:
                    cap = modifier.Argument!.Value;
                    break;
                case Modifiers.Floor:
                    floor = modifier.Argument!.Value;
                    break;
                default:
                    if (isOption && modifier.Argument is { } number && function.CheckOption(name, number) is { } wrong)
                    {
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ArgumentOutOfRange, source.PositionOf(number.Span.Offset), wrong));
                    }
                    else if (isOption)
                    {
                        options.Add(name);
                        if (modifier.Argument is { } argument)
                        {
                            optionArguments.Add(name, argument);
                        }
                    }

                    break;
            }
        }

        foreach (var (first, second) in Modifiers.Exclusive)
        {
            if (seen.Contains(first) && seen.Contains(second))
            {
                // Reported at the one written later: the earlier one reads as the intended rule.
                var later = rule.Prefixes.Concat(rule.Modifiers).Where(m => m.Name.Text == first || m.Name.Text == second).Last();
                var earlier = later.Name.Text == first ? second : first;
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModifierConflict, source.PositionOf(later.Span.Offset),
                    MessageText.Of("ModifiersExclude", earlier, later.Name.Text, MessageText.Of("Exclusive_" + first))));
            }
        }

        var isUncapped = seen.Contains(Modifiers.Uncapped);
        if (isUncapped && seen.Contains(Modifiers.Cap))
        {
            var capModifier = rule.Prefixes.Concat(rule.Modifiers).First(m => m.Name.Text == Modifiers.Cap);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModifierConflict, source.PositionOf(capModifier.Span.Offset),
                MessageText.Of("UncappedAndCap")));
        }

        if (cap is { } c && floor is { } f && f > c)
        {
            var floorModifier = rule.Prefixes.Concat(rule.Modifiers).First(m => m.Name.Text == Modifiers.Floor);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FloorAboveCap, source.PositionOf(floorModifier.Span.Offset),
                MessageText.Of("FloorAboveCap", Numbers.Format(f), Numbers.Format(c))));
        }

        return (cap, floor, seen.Contains(Modifiers.Bonus), isUncapped, options.ToImmutable(), optionArguments.ToImmutable());
    }

    /// <summary>
    /// The table a <c>lookup()</c> reads: RE0209 when it names none or one the rubric does not have, and when another
    /// function names a table. <paramref name="unreadable"/> is set when the table exists but could not be read: its own
    /// error is the one to fix.
    /// </summary>
    private static TableSyntax? BindTableReference(CriterionSyntax criterion, ScoringFunction function, TableScope tables, List<Diagnostic> diagnostics,
        out bool unreadable)
    {
        unreadable = false;
        var isLookup = function is LookupFunction;
        var ids = tables.ById.Keys.Concat(tables.Unreadable).Distinct().Order(StringComparer.Ordinal).ToList();
        var declared = ids.Count == 0 ? MessageText.Of("NoTables") : MessageText.Of("DeclaredTables", string.Join(", ", ids));
        if (criterion.Table is not { } named)
        {
            if (isLookup)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, criterion.RuleSource.PositionOf(criterion.Rule.Call.Span.Offset),
                    MessageText.Of("LookupNeedsTable", criterion.Keys[0].Value, declared)));
            }

            return null;
        }

        if (!isLookup)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, named.Span, MessageText.Of("TableOnlyForLookup", function.Name, named.Value)));
            return null;
        }

        if (tables.ById.TryGetValue(named.Value, out var table))
        {
            return table;
        }

        unreadable = tables.Unreadable.Contains(named.Value);
        if (!unreadable)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, named.Span,
                MessageText.Of("UnknownTable", named.Value, Suggestions.DidYouMean(named.Value, ids), declared)));
        }

        return null;
    }

    private static void CheckKeysAndItems(CriterionSyntax criterion, ScoringFunction function, TableSyntax? table, List<Diagnostic> diagnostics)
    {
        var needsItems = function.NeedsItems || LookupFunction.ReadsItems(table);
        var roles = function.KeyRoles;
        if (criterion.Keys.Length != roles.Length)
        {
            var message = roles.Length == 1
                ? MessageText.Of("OneKeyExpected", function.Name, Numbers.Format(criterion.Keys.Length))
                : MessageText.Of("KeysExpected", function.Name, Numbers.Format(roles.Length), string.Join(", ", roles));
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, criterion.Keys[0].Span, message));
        }

        if (needsItems && !criterion.HasItems)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, criterion.Span, table is not null
                ? MessageText.Of("TableNeedsItems", table.Id.Value, table.Measure.ToString().ToLowerInvariant())
                : MessageText.Of("NeedsItems", function.Name)));
        }
        else if (!needsItems && criterion.HasItems && !(function is LookupFunction && table is null))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, criterion.Items.FirstOrDefault().Span is { File: not null } s ? s : criterion.Span,
                table is not null
                    ? MessageText.Of("TableItemsNotUsed", table.Id.Value, table.Measure.ToString().ToLowerInvariant())
                    : MessageText.Of("ItemsNotUsed", function.Name)));
        }
        else if (needsItems)
        {
            CheckDuplicates(criterion.Items, "item id", diagnostics);
        }

        if (!criterion.Levels.IsDefault)
        {
            CheckDuplicates(criterion.Levels.Select(l => l.Id), "level id", diagnostics);
            if (!function.UsesLevels)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, criterion.LevelsSpan ?? criterion.Span, MessageText.Of("LevelsNotUsed", function.Name)));
            }
        }

        if (criterion.Unit is { } unit && !function.UsesUnit)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, unit.Span, MessageText.Of("UnitNotUsed", function.Name)));
        }
    }

    private static bool CheckLimits(CriterionSyntax criterion, ScoringFunction function, ScoreRange raw, decimal? cap, decimal? floor,
        bool isBonus, bool isUncapped, List<Diagnostic> diagnostics)
    {
        var source = criterion.RuleSource;
        var rule = criterion.Rule;
        var points = criterion.Points.Value;
        var key = criterion.Keys[0].Value;
        var highest = cap is { } limit ? (raw.Max is { } rawMax ? Math.Min(rawMax, limit) : limit) : raw.Max;
        if (isBonus)
        {
            if (points != 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, criterion.Points.Span,
                    MessageText.Of("BonusPoints", key)));
                return false;
            }
        }
        else if (!isUncapped)
        {
            if (cap is { } c && c > points)
            {
                var capModifier = rule.Prefixes.Concat(rule.Modifiers).First(m => m.Name.Text == Modifiers.Cap);
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CapExceedsPoints, source.PositionOf(capModifier.Span.Offset),
                    MessageText.Of("CapAbovePoints", Numbers.Format(c), Numbers.Format(points), key)));
                return false;
            }

            if (highest is null || highest > points)
            {
                var most = highest is null ? MessageText.Of("WithoutLimit") : MessageText.Of("UpTo", Numbers.Format(highest.Value));
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CapExceedsPoints, source.PositionOf(rule.Call.Span.Offset),
                    MessageText.Of("CanScoreMore", key, Numbers.Format(points), rule.Call.ToString(), most)));
                return false;
            }
        }

        // A floor lifts low scores; it must never lift a score above what the rule itself can give,
        // or the criterion would score more than the line's maximum says (present(2) floor 3 paying 3).
        if (floor is { } high && highest is { } top && high > top)
        {
            var floorModifier = rule.Prefixes.Concat(rule.Modifiers).First(m => m.Name.Text == Modifiers.Floor);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FloorAboveCap, source.PositionOf(floorModifier.Span.Offset),
                MessageText.Of("FloorAboveMost", Numbers.Format(high), key, Numbers.Format(top), rule.Call + (cap is null ? "" : $" cap {Numbers.Format(cap.Value)}"))));
            return false;
        }

        if (floor is { } f && raw.Min is { } lowest && lowest > f)
        {
            var floorModifier = rule.Prefixes.Concat(rule.Modifiers).First(m => m.Name.Text == Modifiers.Floor);
            var why = function.NeedsItems
                ? MessageText.Of("AllItemsMissingStillScores", Numbers.Format(criterion.Items.Length), key, Numbers.Format(lowest))
                : MessageText.Of("NeverScoresBelow", key, Numbers.Format(lowest));
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.FloorNeverReached, source.PositionOf(floorModifier.Span.Offset),
                MessageText.Of("FloorNeverReached", Numbers.Format(f), why)));
        }

        return true;
    }

    /// <summary>
    /// Lines to sections and sections to the total, wherever the points are known: a section is skipped only when
    /// one of its lines has unreadable points, all sections when some line's section cannot be read, and the total
    /// when a section or the total itself cannot be read. A line in an undeclared section counts in the section
    /// suggested for it (so a misspelt section name is one error, not two), or, without a suggestion, in none.
    /// </summary>
    private static void CheckPointsAddUp(RubricSyntax rubric, HashSet<string> declared, Dictionary<string, string> meant, List<Diagnostic> diagnostics)
    {
        var known = rubric.Lines.Select(l => (Section: (string?)l.Section.Value, Points: (decimal?)l.Points.Value))
            .Concat(rubric.IncompleteLines.Select(l => (Section: l.Section?.Value, Points: l.Points?.Value)))
            .Select(l => l.Section is { } name && meant.TryGetValue(name, out var suggestion) ? (Section: suggestion, l.Points) : l)
            .ToList();
        if (rubric.LinesReadable && known.All(l => l.Section is not null))
        {
            foreach (var section in rubric.Sections)
            {
                var inSection = known.Where(l => l.Section == section.Name.Value).ToList();
                if (inSection.Any(l => l.Points is null) || rubric.Sections.Count(s => s.Name.Value == section.Name.Value) > 1)
                {
                    continue; // a section declared twice is already an error, and its sum has no single meaning
                }

                var sum = inSection.Sum(l => l.Points!.Value);
                if (sum != section.Points.Value)
                {
                    var astray = known.Where(l => !declared.Contains(l.Section!)).Select(l => l.Section!).Distinct().ToList();
                    var why = astray.Count > 0 ? MessageText.Of("AstraySections", string.Join(", ", astray.Select(a => $"'{a}'"))) : MessageText.None;
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PointsMismatch, section.Points.Span,
                        MessageText.Of("SectionMismatch", section.Name.Value, Numbers.Format(section.Points.Value), Numbers.Format(sum), why)));
                }
            }
        }

        var sections = rubric.Sections.Sum(s => s.Points.Value);
        if (rubric.Total is { } total && rubric.SectionsComplete && rubric.SectionsWithoutPoints.IsEmpty && sections != total.Value)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PointsMismatch, total.Span,
                MessageText.Of("TotalMismatch", Numbers.Format(total.Value), Numbers.Format(sections))));
        }
    }

    /// <summary>"1 argument" or "2 arguments", in whichever language the message is read.</summary>
    private static MessageText Count(int n, string id) => MessageText.Of(n == 1 ? id + "1" : id + "N", Numbers.Format(n));

    private static void CheckDuplicates(IEnumerable<Located<string>> names, string what, List<Diagnostic> diagnostics, string? inLine = null)
    {
        var seen = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!seen.TryAdd(name.Value, name))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateId, name.Span,
                    MessageText.Of("Duplicate", MessageText.Of("Noun_" + what.Replace(' ', '_')), name.Value,
                        inLine is null ? MessageText.None : MessageText.Of("InLine", inLine), Numbers.Format(seen[name.Value].Span.Line))));
            }
        }
    }

}
