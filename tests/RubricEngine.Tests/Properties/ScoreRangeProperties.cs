using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using RubricEngine.Runtime;

namespace RubricEngine.Tests.Properties;

/// <summary>
/// The checker's promise: whatever rule a policy officer writes and whatever evidence an inspector gives, a
/// criterion scores within the range the binder computed, and a line within its minimum and its maximum.
/// Rules are drawn from every function with every modifier combination (floors and caps above, below and
/// between what the function can give); rubrics that the binder refuses are skipped, the others are scored.
/// </summary>
public sealed partial class ScoreRangeProperties
{
    private const int Rubrics = 5_000;
    private const int EvidencePerRubric = 5;

    [Test]
    public void Every_criterion_and_line_scores_within_the_range_the_checker_computed()
    {
        var scoredRules = 0;
        var scoredMeasures = 0;
        var property = Prop.ForAll(Arb.From(RubricSpec()), Arb.From(Gen.Choose(0, int.MaxValue - 1)), (spec, seed) =>
        {
            if (!Rubric.TryLoadText(spec, "generated.yaml", out var rubric, out _))
            {
                return true;
            }

            var random = new Random(seed);
            for (var round = 0; round < EvidencePerRubric; round++)
            {
                var evidence = Evidence(rubric, random);
                rubric.TryScoreText(evidence, "generated.yaml", out var card, out var diagnostics)
                    .Should().BeTrue(string.Join("\n", diagnostics) + "\n" + evidence);
                CheckRanges(rubric, card!, spec + "\n---\n" + evidence);
                CheckNumbersPath(rubric, card!, evidence, spec + "\n---\n" + evidence);
                Interlocked.Add(ref scoredRules, rubric.CompiledLines.Sum(l => l.Criteria.Length));
                Interlocked.Add(ref scoredMeasures, rubric.Lines.Sum(l => l.Criteria.Count(c => TransformedMeasure().IsMatch(c.Rule))));
            }

            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Rubrics).WithQuietOnSuccess(true), property);

        // The property is only as strong as the rules that reach scoring: at least 10,000 rule × evidence pairs per run.
        scoredRules.Should().BeGreaterThanOrEqualTo(10_000);

        // And the measures with a transformation (of, over, per, per_started) reach it too, not only the plain functions.
        scoredMeasures.Should().BeGreaterThanOrEqualTo(1_000);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^per_(item|amount|percent)\(.*\) (of|over|per|per_started) ")]
    private static partial System.Text.RegularExpressions.Regex TransformedMeasure();

    /// <summary>The numbers path (no text, and no check for evidence not given where empty cells score 0) agrees with the card.</summary>
    private static void CheckNumbersPath(Rubric rubric, ScoreCard card, string evidence, string because)
    {
        var found = new List<RubricEngine.Diagnostics.Diagnostic>();
        var tree = RubricEngine.Loading.TreeReader.Read(evidence, "generated.yaml", rubric.Limits, found)!;
        var read = RubricEngine.Evidence.EvidenceReader.Read(tree, "generated.yaml", new RubricEngine.Evidence.EvidenceTarget(rubric.Id, rubric.Version),
            rubric.Compiled, rubric.Limits, found)!;
        var numbers = RubricEngine.Scoring.Scorer.Numbers(rubric.Compiled, read.Unit, read.Row);
        numbers.Lines.Select(l => (l.Id, l.Score, l.Bonus)).Should().Equal(card.Lines.Select(l => (l.Id, l.Score, l.Bonus)), because);
        (numbers.BaseTotal, numbers.BonusTotal, numbers.Total).Should().Be((card.BaseTotal, card.BonusTotal, card.Total), because);
        numbers.Grade.Should().Be(card.Grade, because);
        numbers.Vetoes.Should().Equal(card.Vetoes.Select(v => v.Key), because);
    }

    private static void CheckRanges(Rubric rubric, ScoreCard card, string because)
    {
        for (var i = 0; i < rubric.CompiledLines.Length; i++)
        {
            var compiled = rubric.CompiledLines[i];
            var line = card.Lines[i];
            for (var j = 0; j < compiled.Criteria.Length; j++)
            {
                var range = compiled.Criteria[j].Range;
                var score = line.Criteria[j].Score;
                if (range.Min is { } min)
                {
                    score.Should().BeGreaterThanOrEqualTo(min, because);
                }

                if (range.Max is { } max)
                {
                    score.Should().BeLessThanOrEqualTo(max, because);
                }
            }

            var baseCriteria = compiled.Criteria.Where(c => !c.IsBonus).ToList();
            // A minimum of null is unbounded below (a grid with a negative cell): then only the line's own floor, 0, holds.
            var lowest = baseCriteria.Any(c => c.Range.Min is null) ? 0m : Math.Max(0m, baseCriteria.Sum(c => c.Range.Min!.Value));
            line.Score.Should().BeGreaterThanOrEqualTo(Math.Round(lowest, rubric.Decimals, rubric.Rounding), because);
            if (line.Maximum is { } lineMaximum)
            {
                line.Score.Should().BeLessThanOrEqualTo(lineMaximum, because);
            }

            var bonuses = compiled.Criteria.Where(c => c.IsBonus).ToList();
            if (bonuses.All(c => c.Range.Max is not null))
            {
                line.Bonus.Should().BeLessThanOrEqualTo(Math.Round(bonuses.Sum(c => c.Range.Max!.Value), rubric.Decimals, rubric.Rounding), because);
            }

            // A bonus that deducts per case without a quota (per_item(-0.5) bonus) has no lowest score: null, unbounded.
            if (bonuses.All(c => c.Range.Min is not null))
            {
                line.Bonus.Should().BeGreaterThanOrEqualTo(Math.Round(bonuses.Sum(c => c.Range.Min!.Value), rubric.Decimals, rubric.Rounding), because);
            }
        }
    }

    /// <summary>A rubric of one or two lines, each with one or two random criteria whose points add up.</summary>
    private static Gen<string> RubricSpec() =>
        from lines in Gen.Choose(1, 2).SelectMany(n => Gen.ListOf(Gen.Choose(1, 2).SelectMany(c => Gen.ListOf(Criterion(), c)), n))
        from decimals in Gen.Choose(0, 3)
        from mode in Gen.Elements("half_away_from_zero", "half_even")
        from totalRules in Gen.Elements(false, true)
        select Write(lines.Select(l => l.ToList()).ToList(), decimals, mode) + (totalRules ? TotalRules : "");

    /// <summary>Half the rubrics also have a veto of each effect and grades, so the numbers path meets them too.</summary>
    private const string TotalRules = """
        vetoes: [{ key: v_zero, label: 归零, effect: zero }, { key: v_cap, label: 封顶, effect: cap, cap: 3 }, { key: v_low, label: 最低等级, effect: lowest_grade }]
        grades: [{ id: high, label: 高, from: 10 }, { id: mid, label: 中, from: 2.5 }, { id: low, label: 低 }]

        """;

    /// <param name="Shape">The function's name, or for lookup() the table it reads.</param>
    private sealed record CriterionSpec(string Rule, decimal Points, bool IsBonus, string Shape);

    /// <summary>
    /// The tables of every generated rubric: bands on each measure with inclusive and exclusive ends, a gap, negative
    /// rows and shares; categories with a range row; a grid with a negative cell.
    /// </summary>
    private const string Tables = """
        tables:
          - { id: hours, measure: amount, unit: 小时, rows: [{ from: 100, below: 150, points: 30 }, { from: 150, below: 200, points: 40 }, { from: 200, points: 50 }] }
          - { id: events, measure: count, rows: [{ from: 1, to: 2, points: 1 }, { from: 3, to: 5, points: 2.5 }, { from: 8, points: -1 }] }
          - { id: survey, measure: percent, rows: [{ from: 95%, share: 100%, grade: A }, { from: 80%, below: 95%, share: 66%, grade: B }, { from: 70%, below: 80%, share: 33.3%, grade: C }] }
          - { id: met, measure: met, rows: [{ from: 3, share: 100% }, { from: 1, to: 2, share: 50% }] }
          - { id: missing, measure: missing, rows: [{ to: 0, points: 4 }, { from: 1, to: 1, points: 2 }, { from: 2, points: -1.5 }] }
          - { id: grade, measure: category, rows: [{ id: excellent, label: 优秀, share: 100% }, { id: good, label: 良好, share: 50% }, { id: fail, label: 不合格, min: -2, max: -1 }] }
          - id: media
            measure: grid
            columns: [{ id: headline, label: 头版头条 }, { id: alone, label: 单独 }]
            rows: [{ id: province, label: 省, cells: { headline: 20, alone: 10 } }, { id: city, label: 市, cells: { alone: -0.5 } }]

        """;

    private static Gen<CriterionSpec> Criterion()
    {
        var amount = Gen.Elements(0m, 0.5m, 1m, 1.5m, 2m, 3.333m, 4m, 6m, 1.005m, 12m);
        // Each call with the most it can give by itself (null: unbounded), so that most criteria get points that fit.
        var call = Gen.OneOf(
            amount.Select(p => ($"present({N(p)})", (decimal?)p)),
            amount.Select(p => ($"all_or_nothing({N(p)})", (decimal?)p)),
            amount.Select(r => ($"monthly({N(r)})", (decimal?)(12 * r))),
            amount.Select(r => ($"quarterly({N(r)})", (decimal?)(4 * r))),
            amount.Select(p => ($"monthly_share({N(p)})", (decimal?)p)),
            amount.Select(r => ($"per_item({N(r)})", (decimal?)null)),
            Measure("per_item", ["0", "1", "5", "30"], ["1", "3", "5"]),
            Measure("per_amount", ["0", "0.5", "10", "175.5"], ["0.5", "10", "3.3"]),
            Measure("per_percent", ["0%", "5%", "80%", "100%", "150%"], ["0.5%", "5%", "30%"]),
            amount.Select(p => ($"all_of({N(p)})", (decimal?)p)),
            from p in amount from t in Gen.Elements("30%", "50%", "100%", "0.333") select ($"ratio({N(p)}, {t})", (decimal?)p),
            from a in amount from b in amount from c in amount from d in amount select ($"tiered({N(a)}, {N(b)}, {N(c)}, {N(d)})", (decimal?)null),
            amount.Select(d => ($"per_missing({N(-d)})", (decimal?)null)),
            from a in amount from b in amount select ($"judged({N(Math.Min(a, b))}, {N(Math.Max(a, b))})", (decimal?)Math.Max(a, b)),
            Gen.Constant(("deduction()", (decimal?)0m)),
            // lookup() on one of the tables every generated rubric declares (Tables), with the most it gives: a share table
            // gives at most the criterion's points, so 6 (a drawn points value) fits it; a grid has no most.
            Gen.Elements(("hours", 50m), ("events", 2.5m), ("survey", 6m), ("met", 6m), ("missing", 4m), ("grade", 6m), ("media", -1m))
                .Select(t => ($"lookup():{t.Item1}", t.Item2 < 0 ? null : (decimal?)t.Item2)));
        var limit = Gen.Elements(-2m, 0m, 0.5m, 1m, 2m, 3m, 5m, 9m, 20m);
        return from called in call
               let rule = called.Item1.Split(':')[0]
               let table = called.Item1.Contains(':', StringComparison.Ordinal) ? called.Item1.Split(':')[1] : null
               from cap in Gen.Elements(false, true, false).SelectMany(given => limit.Select(v => given ? $" cap {N(v)}" : ""))
               from floor in Gen.Elements(false, true).SelectMany(given => limit.Select(v => given ? $" floor {N(v)}" : ""))
               from bonus in Gen.Elements(false, false, false, true)
               from uncapped in Gen.Elements(false, false, true)
               from maxPerItem in Gen.Elements(false, true)
               from fits in Gen.Elements(true, true, false)
               from drawn in Gen.Elements(0m, 1m, 2m, 4m, 6m, 12m)
               let points = fits && called.Item2 is { } most ? most : drawn
               let isTiered = rule.StartsWith("tiered", StringComparison.Ordinal)
               let text = (uncapped ? "uncapped " : "") + rule + cap + floor + (bonus ? " bonus" : "") + (isTiered && maxPerItem ? " max_per_item" : "")
               select new CriterionSpec(text, bonus ? 0m : points, bonus, table ?? rule[..rule.IndexOf('(')]);
    }

    /// <summary>
    /// A measure function with a signed rate and any transformation: of, over or neither, then per, per_started or
    /// neither; with the most a positive rate can give where the measure is bounded (a quota, a percentage).
    /// </summary>
    private static Gen<(string, decimal?)> Measure(string function, string[] references, string[] steps) =>
        from rate in Gen.Elements(-2m, -0.5m, -0.167m, 0m, 0.167m, 0.5m, 1m)
        from reference in Gen.Elements("", "of", "over")
        from n in Gen.Elements(references)
        from step in Gen.Elements("", "", "per", "per_started")
        from s in Gen.Elements(steps)
        let of = reference == "of" && n.TrimEnd('%') != "0" ? $" of {n}" : ""
        let over = reference == "over" ? $" over {n}" : ""
        let per = step.Length > 0 ? $" {step} {s}" : ""
        select ($"{function}({N(rate)}){of}{over}{per}", MostOf(function, rate, of, over, per));

    /// <summary>The most a positive rate can score, worked out apart from the engine: rate × the most steps of the measure.</summary>
    private static decimal? MostOf(string function, decimal rate, string of, string over, string per)
    {
        if (rate < 0)
        {
            return null;
        }

        static decimal Number(string option) => decimal.Parse(option.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd('%'), CultureInfo.InvariantCulture);
        decimal? measure = of.Length > 0 ? Number(of) : function == "per_percent" ? 1000m - (over.Length > 0 ? Number(over) : 0m) : null;
        if (measure is not { } m)
        {
            return null;
        }

        var steps = per.Length == 0 ? m : per.Contains("per_started", StringComparison.Ordinal) ? decimal.Ceiling(m / Number(per)) : decimal.Floor(m / Number(per));
        return rate * steps;
    }

    private static string Write(List<List<CriterionSpec>> lines, int decimals, string mode)
    {
        var total = lines.Sum(l => l.Where(c => !c.IsBonus).Sum(c => c.Points));
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $$"""
            id: generated
            title: 随机细则
            source: 测试
            total: {{N(total)}}
            rounding: { decimals: {{decimals}}, mode: {{mode}} }
            levels: [{ id: county, label: 县级 }, { id: city, label: 市级 }, { id: province, label: 省级 }, { id: national, label: 国家级 }]
            {{Tables}}sections: [{ name: 测试, points: {{N(total)}} }]
            lines:

            """));
        for (var i = 0; i < lines.Count; i++)
        {
            var points = lines[i].Where(c => !c.IsBonus).Sum(c => c.Points);
            text.Append(CultureInfo.InvariantCulture, $"  - {{ id: line{i}, section: 测试, content: 内容, points: {N(points)}, check: 查看, standard: 标准, criteria: [\n");
            for (var j = 0; j < lines[i].Count; j++)
            {
                var c = lines[i][j];
                var keys = c.Shape switch
                {
                    "ratio" => $"keys: [part{j}, whole{j}]",
                    "per_missing" or "all_of" => $"key: k{j}, items: [a, b, c]",
                    "met" or "missing" => $"key: k{j}, items: [a, b, c], table: {c.Shape}",
                    "per_item" or "per_amount" => $"key: k{j}, unit: 场",
                    "hours" or "events" or "survey" or "grade" or "media" => $"key: k{j}, table: {c.Shape}",
                    _ => $"key: k{j}",
                };
                text.Append(CultureInfo.InvariantCulture, $"      {{ {keys}, label: 标签{j}, points: {N(c.Points)}, rule: '{c.Rule}' }},\n");
            }

            text.Append("    ]}\n");
        }

        return text.ToString();
    }

    /// <summary>Evidence for every slot, each key left out one time in five, every value within what the slot allows.</summary>
    private static string Evidence(Rubric rubric, Random random)
    {
        var text = new StringBuilder("rubric: generated\nunit: 测试单位\n");
        if (!rubric.Vetoes.IsEmpty)
        {
            text.Append(CultureInfo.InvariantCulture, $"vetoes: {{ {string.Join(", ", rubric.Vetoes.Select(v => $"{v.Key}: {(random.Next(3) == 0 ? "true" : "false")}"))} }}\n");
        }

        text.Append("lines:\n");
        foreach (var line in rubric.CompiledLines)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {line.Info.Id}:\n");
            var given = 0;
            foreach (var criterion in line.Criteria)
            {
                if (criterion.Slots.Length == 2)
                {
                    var whole = random.Next(1, 50);
                    text.Append(CultureInfo.InvariantCulture, $"    {criterion.Slots[0].Key}: {random.Next(0, whole + 1)}\n    {criterion.Slots[1].Key}: {whole}\n");
                    given++;
                    continue;
                }

                var slot = criterion.Slots[0];
                if (random.Next(5) == 0)
                {
                    continue;
                }

                text.Append(CultureInfo.InvariantCulture, $"    {slot.Key}: {Value(slot, random)}\n");
                given++;
            }

            if (given == 0)
            {
                text.Append("    {}\n");
            }
        }

        return text.ToString().Replace(":\n    {}\n", ": {}\n", StringComparison.Ordinal);
    }

    private static string Value(EvidenceSlot slot, Random random) => slot.Kind switch
    {
        EvidenceKind.Flag => random.Next(2) == 0 ? "true" : "false",
        EvidenceKind.Months => Periods(12, random),
        EvidenceKind.Quarters => Periods(4, random),
        EvidenceKind.Count => N(random.Next((int)slot.Min, (int)Math.Min(slot.Max ?? 60, 60) + 1)),
        // A measure's amount: mostly near its quotas and thresholds (0–200, three decimals), now and then its largest value.
        EvidenceKind.Amount when slot.Max == 1_000_000m => random.Next(20) == 0 ? "1000000" : N(random.Next(0, 200_001) / 1000m),
        // Half the amounts are hours 0–300 to one decimal, where the hours table's bands lie.
        EvidenceKind.Amount when random.Next(2) == 0 => N(Math.Clamp(random.Next(0, 3_001) / 10m, slot.Min, slot.Max ?? 300m)),
        EvidenceKind.Amount => N(Math.Min(slot.Max ?? 20m, slot.Min + random.Next(0, 2_001) / 1000m * ((slot.Max ?? 20m) - slot.Min))),
        // A percentage: half near the survey table's bands (0–110%, one decimal), now and then the largest, 1000%.
        EvidenceKind.Percent => random.Next(20) == 0 ? "1000%"
            : random.Next(2) == 0 ? N(random.Next(0, 1_101) / 10m) + "%" : N(random.Next(0, 15_001) / 100m) + "%",
        EvidenceKind.Publications => "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 6))
            .Select(_ => $"{{ item: p{random.Next(3)}, level: {slot.Allowed[random.Next(slot.Allowed.Length)]} }}")) + "]",
        EvidenceKind.ItemIds => "[" + string.Join(", ", slot.Allowed.Where(_ => random.Next(2) == 0)) + "]",
        EvidenceKind.Category => Category(slot, random),
        EvidenceKind.Grid => "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 5)).Select(i => GridEntry(slot, random, i))) + "]",
        _ => throw new InvalidOperationException(slot.Kind.ToString()),
    };

    /// <summary>A row id, or for a row scored within a range, <c>{ category, points }</c> with points inside it.</summary>
    private static string Category(EvidenceSlot slot, Random random)
    {
        var row = slot.Choices!.Rows[random.Next(slot.Choices.Rows.Length)];
        return row.Min is { } min && row.Max is { } max
            ? $"{{ category: {row.Id}, points: {N(min + random.Next(0, 11) / 10m * (max - min))} }}"
            : row.Id;
    }

    /// <summary>An entry naming a cell that exists.</summary>
    private static string GridEntry(EvidenceSlot slot, Random random, int number)
    {
        var row = slot.Choices!.Rows[random.Next(slot.Choices.Rows.Length)];
        var column = slot.Choices.Columns[row.Columns[random.Next(row.Columns.Length)]].Id;
        return $"{{ item: e{number}, row: {row.Id}, column: {column} }}";
    }

    private static string Periods(int count, Random random) =>
        "[" + string.Join(", ", Enumerable.Range(1, count).Where(_ => random.Next(2) == 0).Select(N)) + "]";

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
