using FsCheck;
using FsCheck.Fluent;
using RubricEngine.Diagnostics;
using RubricEngine.Parsing;
using RubricEngine.Syntax;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Properties;

/// <summary>Properties that hold for any input: FsCheck generates the inputs and shrinks any counterexample.</summary>
public sealed class PropertyTests
{
    private static readonly string[] RubricIds = ["platform", "town", "village"];

    private static readonly string[] ShippedFiles =
    [
        "rubrics/platform.yaml", "rubrics/town.yaml", "rubrics/village.yaml",
        "samples/village-bailong.yaml", "samples/town-yanghe.yaml", "samples/platform-culture.json",
    ];

    /// <summary>Loading and scoring either succeed or return diagnostics: never an exception, never an internal error.</summary>
    private static bool Survives(string text, string file)
    {
        if (file.StartsWith("rubrics/", StringComparison.Ordinal))
        {
            var loaded = Rubric.TryLoadText(text, file, out var rubric, out var diagnostics);
            return Sound(loaded, rubric is not null, diagnostics);
        }

        var scored = Repo.Rubric(file.Contains("village") ? "village" : file.Contains("town") ? "town" : "platform")
            .TryScoreText(text, file, out var card, out var evidenceDiagnostics);
        return Sound(scored, card is not null, evidenceDiagnostics);
    }

    private static bool Sound(bool succeeded, bool hasResult, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        // Assertions, not a bare false, so that a counterexample comes with its diagnostics.
        var because = string.Join(Environment.NewLine, diagnostics);
        hasResult.Should().Be(succeeded, because);
        diagnostics.Any(d => d.IsError).Should().Be(!succeeded, because);
        diagnostics.Where(d => d.Code == DiagnosticCodes.InternalError || d.Span.Line < 1 || d.Span.Column < 1).Should().BeEmpty(because);
        return true;
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Any_text_as_a_rubric_or_evidence_gives_a_result_or_diagnostics(string text) =>
        Prop.ToProperty(text is null
            || (Survives(text, "rubrics/random.yaml") && Survives(text, "samples/random-village.yaml") && Survives(text, "samples/random-village.json")));

    [FsCheck.NUnit.Property(MaxTest = 400)]
    public Property Mutations_of_the_shipped_files_give_a_result_or_diagnostics() =>
        Prop.ForAll(Arb.From(Mutation()), m => Survives(m.Text, m.File));

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Printing_a_rule_and_parsing_it_again_gives_the_same_rule() =>
        Prop.ForAll(Arb.From(RuleText()), text =>
        {
            var first = Parse(text);
            var printed = first.ToString();
            var second = Parse(printed);
            return second.ToString() == printed
                && second.Call.Arguments.Select(a => a.Value).SequenceEqual(first.Call.Arguments.Select(a => a.Value))
                && second.Modifiers.Select(m => (m.Name.Text, m.Argument?.Value)).SequenceEqual(first.Modifiers.Select(m => (m.Name.Text, m.Argument?.Value)));
        });

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public Property Scores_do_not_depend_on_the_order_of_lines_keys_or_list_items() =>
        Prop.ForAll(Arb.From(EvidenceWithTwoOrders()), sample =>
        {
            var (rubric, evidence, seedA, seedB) = sample;
            var a = Score(rubric, evidence.ToYaml(seedA));
            var b = Score(rubric, evidence.ToYaml(seedB));
            var again = Score(rubric, evidence.ToYaml(seedA));
            return a.Lines.Select(l => (l.Id, l.Score, l.Bonus)).SequenceEqual(b.Lines.Select(l => (l.Id, l.Score, l.Bonus)))
                && a.Total == b.Total
                && RubricEngine.Reporting.ScoreCardJson.Write(a) == RubricEngine.Reporting.ScoreCardJson.Write(again);
        });

    [FsCheck.NUnit.Property(MaxTest = 150)]
    public Property A_line_scores_between_zero_and_its_maximum_unless_it_is_uncapped() =>
        Prop.ForAll(Arb.From(EvidenceWithTwoOrders()), sample =>
        {
            var card = Score(sample.Rubric, sample.Evidence.ToYaml(sample.SeedA));
            return card.Lines.All(l => l.Score >= 0 && (l.Maximum is null || l.Score <= l.Maximum) && l.Bonus >= 0)
                && card.Total == card.Lines.Sum(l => l.Score) + card.Lines.Sum(l => l.Bonus);
        });

    private static ScoreCard Score(Rubric rubric, string yaml)
    {
        rubric.TryScoreText(yaml, "generated.yaml", out var card, out var diagnostics)
            .Should().BeTrue(string.Join(Environment.NewLine, diagnostics) + Environment.NewLine + yaml);
        return card!;
    }

    private static RuleSyntax Parse(string text)
    {
        var diagnostics = new List<Diagnostic>();
        var rule = RuleParser.Parse(new RuleSource(text, new SourceSpan("p.yaml", 1, 1), true), new LoadLimits { MaxRuleLength = 10_000 }, diagnostics);
        rule.Should().NotBeNull(string.Join(Environment.NewLine, diagnostics) + " in: " + text);
        return rule!;
    }

    private static Gen<(Rubric Rubric, RandomEvidence.Evidence Evidence, int SeedA, int SeedB)> EvidenceWithTwoOrders() =>
        from id in Gen.Elements(RubricIds)
        let rubric = Repo.Rubric(id)
        from evidence in RandomEvidence.For(rubric)
        from seedA in Gen.Choose(0, int.MaxValue - 1)
        from seedB in Gen.Choose(0, int.MaxValue - 1)
        select (rubric, evidence, seedA, seedB);

    /// <summary>A shipped file with one random edit: a character inserted, a span deleted, a line repeated or two lines swapped.</summary>
    private static Gen<(string File, string Text)> Mutation()
    {
        var interesting = Gen.Elements(":", "[", "]", "{", "}", "&a ", "*a", "!!str ", "\t", "\"", "'", "\n", "- ", "#", "\uFF11", "\uFF1A", "\u200B",
            "<<: ", "---\n", "~", "-1", "1e400", "NaN", "13", "0", "(", ")", ",", "%", "yes", "\uFEFF", "\\", "\r\n");
        return from file in Gen.Elements(ShippedFiles)
               let text = Repo.Read(file)
               let lines = text.Split('\n')
               from kind in Gen.Choose(0, 3)
               from at in Gen.Choose(0, text.Length - 1)
               from length in Gen.Choose(1, 40)
               from insert in interesting
               from lineA in Gen.Choose(0, lines.Length - 1)
               from lineB in Gen.Choose(0, lines.Length - 1)
               select (file, kind switch
               {
                   0 => text.Insert(at, insert),
                   1 => text.Remove(at, Math.Min(length, text.Length - at)),
                   2 => string.Join('\n', lines.Take(lineA + 1).Concat(lines.Skip(lineA))),
                   _ => string.Join('\n', lines.Select((l, i) => i == lineA ? lines[lineB] : i == lineB ? lines[lineA] : l)),
               });
    }

    /// <summary>Valid rules in any spacing: prefixes, one call with numbers of every written form, and modifiers.</summary>
    private static Gen<string> RuleText()
    {
        var number = from minus in Gen.Elements("", "-")
                     from whole in Gen.Choose(0, 10_000)
                     from fraction in Gen.Elements("", ".5", ".25", ".125", ".0", ".50")
                     from percent in Gen.Elements("", "", "", "%")
                     select $"{minus}{whole}{fraction}{percent}";
        var space = Gen.Elements("", " ", "  ", "\t");
        var name = Gen.Elements("monthly", "per_missing", "tiered", "ratio", "judged", "present", "deduction", "future_function2",
            "per_item", "per_amount", "per_percent", "all_of", "lookup");
        var modifier = from m in Gen.Elements("cap", "floor", "bonus", "max_per_item", "uncapped", "of", "over", "per", "per_started")
                       from n in number
                       select m is "cap" or "floor" or "of" or "over" or "per" or "per_started" ? $"{m} {n}" : m;
        return from prefix in Gen.Elements("", "uncapped ")
               from function in name
               from arguments in Gen.ListOf(number)
               from gap in space
               from modifiers in Gen.ListOf(modifier)
               select $"{prefix}{function}{gap}({gap}{string.Join($"{gap},{gap}", arguments)}{gap}){gap} {string.Join(" ", modifiers)}";
    }
}
