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
internal static class Binder
{
    /// <summary>
    /// Binds every line, the incomplete ones too, so one run reports every mistake: a rule that did not parse
    /// hides nothing but its own criterion. Returns null when the syntax is incomplete or binding finds an error.
    /// </summary>
    public static BoundRubric? Bind(RubricSyntax rubric, List<Diagnostic> diagnostics)
    {
        var reportedBefore = diagnostics.Count;
        var levels = BindLevels(rubric, diagnostics);
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
            if (BindLine(line, levels, rubric.Rounding, diagnostics) is { } bound)
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

            CheckDuplicates(line.Criteria.SelectMany(c => c.Keys), "evidence key", diagnostics, line.Id is { } id ? $" in line '{id.Value}'" : "");
            foreach (var criterion in line.Criteria)
            {
                BindCriterion(criterion, levels, diagnostics);
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
        return !rubric.IsComplete || diagnostics.HasErrorsSince(reportedBefore) ? null : new BoundRubric(rubric, lines.ToImmutable());
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
            ? $"; did you mean '{close}'?"
            : suggestion is not null
                ? $"; did you mean '{suggestion}'? (it is declared, but no line names it)"
                : $"; the declared sections are {string.Join(", ", declared.Select(d => $"'{d}'"))}";
        if (suggestion is not null)
        {
            meant[section.Value] = suggestion;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownSection, section.Span,
            $"line '{lineId}' names section '{section.Value}', which is not declared under 'sections'{hint}"));
    }

    private static ImmutableArray<(string Id, string Label)> BindLevels(RubricSyntax rubric, List<Diagnostic> diagnostics)
    {
        CheckDuplicates(rubric.Levels.Select(l => l.Id), "level id", diagnostics);
        return [.. rubric.Levels.Select(l => (l.Id.Value, l.Label))];
    }

    private static BoundLine? BindLine(LineSyntax line, ImmutableArray<(string Id, string Label)> levels, RoundingSyntax rounding, List<Diagnostic> diagnostics)
    {
        CheckDuplicates(line.Criteria.SelectMany(c => c.Keys), "evidence key", diagnostics, $" in line '{line.Id.Value}'");
        var criteria = ImmutableArray.CreateBuilder<BoundCriterion>();
        foreach (var criterion in line.Criteria)
        {
            if (BindCriterion(criterion, levels, diagnostics) is { } bound)
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
                $"the criteria of line '{line.Id.Value}' add up to {Numbers.Format(nominal)} points, more than the line's {Numbers.Format(line.Points.Value)}"));
        }

        decimal? maximum = criteria.Where(c => !c.IsBonus).Aggregate((decimal?)0m, (sum, c) => sum + c.Range.Max);
        if (maximum is { } max && max < line.Points.Value)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NominalNotAchievable, line.Points.Span,
                $"line '{line.Id.Value}' is worth {Numbers.Format(line.Points.Value)} points, but its criteria can award at most {Numbers.Format(Math.Max(0m, max))}; check the standard, or the points"));
        }

        // The line's score is rounded, and rounding never lowers the larger of two numbers; rounding the
        // maximum the same way keeps every score at or below it (judged(0, 1.005) can score 1.01).
        return new BoundLine(line, criteria.ToImmutable(),
            maximum is { } m ? Numbers.Normalize(Math.Round(Math.Max(0m, m), rounding.Decimals, rounding.Mode)) : null);
    }

    private static BoundCriterion? BindCriterion(CriterionSyntax criterion, ImmutableArray<(string Id, string Label)> levels, List<Diagnostic> diagnostics)
    {
        var rule = criterion.Rule;
        var source = criterion.RuleSource;
        var reportedBefore = diagnostics.Count;
        var call = rule.Call;
        if (!FunctionCatalogue.ByName.TryGetValue(call.Name.Text, out var function))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownFunction, source.PositionOf(call.Name.Span.Offset),
                $"unknown function '{call.Name.Text}'{Suggestions.DidYouMean(call.Name.Text, FunctionCatalogue.ByName.Keys)}"
                + (Suggestions.Closest(call.Name.Text, FunctionCatalogue.ByName.Keys) is null ? $"; the functions are {string.Join(", ", FunctionCatalogue.ByName.Keys)}" : "")));
            return null;
        }

        CheckArguments(function, call, source, diagnostics);
        var (cap, floor, isBonus, isUncapped, options) = BindModifiers(rule, function, source, diagnostics);
        CheckKeysAndItems(criterion, function, diagnostics);
        if (diagnostics.HasErrorsSince(reportedBefore))
        {
            return null;
        }

        var context = new BindContext(
            [.. call.Arguments.Select(a => a.Value)],
            criterion.Points.Value,
            [.. criterion.Items.Select(i => i.Value)],
            levels,
            options,
            [.. criterion.Keys.Select(k => (k.Value, k.Span))]);
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
                ? $"; if you meant the number {call.Arguments[^2]}.{call.Arguments[^1]}, write '.' as the decimal point, not ','"
                : "";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongArity, source.PositionOf(call.Span.Offset),
                $"{function.Name} takes {Count(function.Parameters.Length, "argument")} ({function.Signature}), but {call.Arguments.Length} {(call.Arguments.Length == 1 ? "was" : "were")} given{hint}; for example {function.Example}"));
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
                    ? $"; for a percentage write {argument}%"
                    : "";
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ArgumentOutOfRange, source.PositionOf(argument.Span.Offset),
                    $"{function.Name}'s {parameter.Name} ({parameter.Meaning}) must be from {Numbers.Format(parameter.Min)} to {Numbers.Format(parameter.Max)}, not {argument}{percentHint}"));
            }
        }
    }

    private static (decimal? Cap, decimal? Floor, bool IsBonus, bool IsUncapped, ImmutableHashSet<string> Options) BindModifiers(
        RuleSyntax rule, ScoringFunction function, RuleSource source, List<Diagnostic> diagnostics)
    {
        decimal? cap = null;
        decimal? floor = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var options = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var known = Modifiers.ByName.Keys.Concat(function.Options).ToList();
        foreach (var modifier in rule.Prefixes.Concat(rule.Modifiers))
        {
            var name = modifier.Name.Text;
            var at = source.PositionOf(modifier.Span.Offset);
            var isOption = function.Options.Contains(name);
            if (!Modifiers.ByName.TryGetValue(name, out var info) && !isOption)
            {
                var elsewhere = FunctionCatalogue.All.FirstOrDefault(f => f.Options.Contains(name));
                var message = elsewhere is not null
                    ? $"'{name}' belongs to {elsewhere.Name}(…), not to {function.Name}(…)"
                    : FunctionCatalogue.ByName.ContainsKey(name)
                        ? $"'{name}' is a function, not a modifier; a rule has one function, and a function needs its parentheses"
                        : $"unknown modifier '{name}'{Suggestions.DidYouMean(name, known)}; the modifiers for {function.Name}(…) are {string.Join(", ", known)}";
                diagnostics.Add(Diagnostic.Error(elsewhere is null ? DiagnosticCodes.UnknownModifier : DiagnosticCodes.ModifierConflict, at, message));
                continue;
            }

            if (!seen.Add(name))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModifierConflict, at, $"'{name}' is given twice; keep one"));
                continue;
            }

            var takesNumber = info?.TakesNumber ?? false;
            if (takesNumber && modifier.Argument is null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModifierConflict, at, $"'{name}' needs a number, as in {info!.Example}"));
                continue;
            }

            if (!takesNumber && modifier.Argument is not null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModifierConflict, source.PositionOf(modifier.Argument.Span.Offset),
                    $"'{name}' takes no number; remove {modifier.Argument}"));
                continue;
            }

            switch (name)
            {
                case Modifiers.Cap when modifier.Argument!.Value < 0:
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ArgumentOutOfRange, source.PositionOf(modifier.Argument.Span.Offset),
                        $"a cap must not be negative, not {modifier.Argument}"));
                    break;
                case Modifiers.Cap:
                    cap = modifier.Argument!.Value;
                    break;
                case Modifiers.Floor:
                    floor = modifier.Argument!.Value;
                    break;
                default:
                    if (isOption)
                    {
                        options.Add(name);
                    }

                    break;
            }
        }

        var isUncapped = seen.Contains(Modifiers.Uncapped);
        if (isUncapped && seen.Contains(Modifiers.Cap))
        {
            var capModifier = rule.Prefixes.Concat(rule.Modifiers).First(m => m.Name.Text == Modifiers.Cap);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ModifierConflict, source.PositionOf(capModifier.Span.Offset),
                "'uncapped' and 'cap' contradict each other; keep one"));
        }

        if (cap is { } c && floor is { } f && f > c)
        {
            var floorModifier = rule.Prefixes.Concat(rule.Modifiers).First(m => m.Name.Text == Modifiers.Floor);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FloorAboveCap, source.PositionOf(floorModifier.Span.Offset),
                $"the floor {Numbers.Format(f)} is above the cap {Numbers.Format(c)}"));
        }

        return (cap, floor, seen.Contains(Modifiers.Bonus), isUncapped, options.ToImmutable());
    }

    private static void CheckKeysAndItems(CriterionSyntax criterion, ScoringFunction function, List<Diagnostic> diagnostics)
    {
        var roles = function.KeyRoles;
        if (criterion.Keys.Length != roles.Length)
        {
            var message = roles.Length == 1
                ? $"{function.Name}(…) scores one evidence key; write 'key: …', not a list of {criterion.Keys.Length}"
                : $"{function.Name}(…) scores {roles.Length} evidence keys; write 'keys: [{string.Join(", ", roles)}]'";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, criterion.Keys[0].Span, message));
        }

        if (function.NeedsItems && !criterion.HasItems)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, criterion.Span,
                $"{function.Name}(…) needs 'items': the list of item ids that can be missing"));
        }
        else if (!function.NeedsItems && criterion.HasItems)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, criterion.Items.FirstOrDefault().Span is { File: not null } s ? s : criterion.Span,
                $"'items' is only for per_missing(…); {function.Name}(…) does not use it"));
        }
        else if (function.NeedsItems)
        {
            CheckDuplicates(criterion.Items, "item id", diagnostics);
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
                    $"'{key}' is a bonus, outside the line's points: set 'points: 0'"));
                return false;
            }
        }
        else if (!isUncapped)
        {
            if (cap is { } c && c > points)
            {
                var capModifier = rule.Prefixes.Concat(rule.Modifiers).First(m => m.Name.Text == Modifiers.Cap);
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CapExceedsPoints, source.PositionOf(capModifier.Span.Offset),
                    $"the cap {Numbers.Format(c)} is above the {Numbers.Format(points)} points of '{key}'; lower the cap, or write 'uncapped' if the standard allows more (可超出标准分)"));
                return false;
            }

            if (highest is null || highest > points)
            {
                var most = highest is null ? "without limit" : $"up to {Numbers.Format(highest.Value)}";
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CapExceedsPoints, source.PositionOf(rule.Call.Span.Offset),
                    $"'{key}' is worth {Numbers.Format(points)} points, but {rule.Call} can score {most}; add 'cap {Numbers.Format(points)}', or write 'uncapped' before it if the standard allows more"));
                return false;
            }
        }

        // A floor lifts low scores; it must never lift a score above what the rule itself can give,
        // or the criterion would score more than the line's maximum says (present(2) floor 3 paying 3).
        if (floor is { } high && highest is { } top && high > top)
        {
            var floorModifier = rule.Prefixes.Concat(rule.Modifiers).First(m => m.Name.Text == Modifiers.Floor);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FloorAboveCap, source.PositionOf(floorModifier.Span.Offset),
                $"the floor {Numbers.Format(high)} is above the most '{key}' can score, {Numbers.Format(top)} ({rule.Call}{(cap is null ? "" : $" cap {Numbers.Format(cap.Value)}")}); a floor only lifts low scores: lower it to at most {Numbers.Format(top)}"));
            return false;
        }

        if (floor is { } f && raw.Min is { } lowest && lowest > f)
        {
            var floorModifier = rule.Prefixes.Concat(rule.Modifiers).First(m => m.Name.Text == Modifiers.Floor);
            var why = function.NeedsItems
                ? $"with all {criterion.Items.Length} items missing, '{key}' still scores {Numbers.Format(lowest)}"
                : $"'{key}' never scores below {Numbers.Format(lowest)}";
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.FloorNeverReached, source.PositionOf(floorModifier.Span.Offset),
                $"the floor {Numbers.Format(f)} is never reached: {why}; check the standard"));
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
                    var why = astray.Count > 0 ? $"; lines naming an undeclared section ({string.Join(", ", astray.Select(a => $"'{a}'"))}) count in none" : "";
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PointsMismatch, section.Points.Span,
                        $"section '{section.Name.Value}' is worth {Numbers.Format(section.Points.Value)} points, but its lines add up to {Numbers.Format(sum)}{why}"));
                }
            }
        }

        var sections = rubric.Sections.Sum(s => s.Points.Value);
        if (rubric.Total is { } total && rubric.SectionsComplete && rubric.SectionsWithoutPoints.IsEmpty && sections != total.Value)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PointsMismatch, total.Span,
                $"the total is {Numbers.Format(total.Value)} points, but the sections add up to {Numbers.Format(sections)}"));
        }
    }

    private static void CheckDuplicates(IEnumerable<Located<string>> names, string what, List<Diagnostic> diagnostics, string where = "")
    {
        var seen = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!seen.TryAdd(name.Value, name))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateId, name.Span,
                    $"duplicate {what} '{name.Value}'{where} (first at line {seen[name.Value].Span.Line})"));
            }
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
