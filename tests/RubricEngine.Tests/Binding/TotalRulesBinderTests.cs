using RubricEngine.Diagnostics;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Binding;

/// <summary>
/// Every diagnostic about unit types, a criterion's <c>rules</c>, vetoes and grades: code, exact message (with its
/// suggestion) and position in the rubric file. The rubric's highest total is 102 (95 + bonus 2 + 5).
/// </summary>
public sealed class TotalRulesBinderTests
{
    private static Diagnostic Only(string text, bool error = true)
    {
        var diagnostics = error ? Repo.RubricErrors(text) : Warnings(text);
        return diagnostics.Where(d => d.IsError == error).Should().ContainSingle(string.Join(Environment.NewLine, diagnostics)).Subject;
    }

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> Warnings(string text)
    {
        Rubric.TryLoadText(text, "test.yaml", out _, out var diagnostics).Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        return diagnostics;
    }

    private static void Expect(Diagnostic diagnostic, string text, string marker, string code, string message)
    {
        diagnostic.Code.Should().Be(code);
        diagnostic.Message.Should().Be(message);
        diagnostic.Span.ToString().Should().Be(TotalRulesText.Where(text, marker));
    }

    [Test]
    public void The_full_rubric_loads_without_a_warning()
    {
        Warnings(TotalRulesText.Rubric()).Should().BeEmpty();
    }

    [Test]
    public void A_criterion_with_both_rule_and_rules_is_refused_at_rules()
    {
        var text = TotalRulesText.Rubric(TotalRulesText.UnitTypes, TotalRulesText.PeopleRules + "\n        rule: per_item(1) cap 5");
        Expect(Only(text), text, "rules:", "RE0010", "a criterion has either 'rule' or 'rules' (a rule per unit type), not both; remove one");
    }

    [Test]
    public void A_criterion_with_neither_rule_nor_rules_misses_rule_as_before()
    {
        var text = TotalRulesText.Rubric(TotalRulesText.UnitTypes, "");
        Only(text).Code.Should().Be(DiagnosticCodes.MissingKey);
        Only(text).Message.Should().Contain("'rule'");
    }

    [Test]
    public void Rules_without_unit_types_are_refused_with_how_to_declare_them()
    {
        var text = TotalRulesText.Rubric(TotalRulesText.Grades);
        Expect(Only(text), text, "rules:", "RE0209",
            "'rules' gives a rule per unit type, but the rubric declares no 'unit_types'; declare them (unit_types: [{ id: district, label: 区 }]), or write one 'rule'");
    }

    [Test]
    public void A_rule_for_an_undeclared_unit_type_is_refused_with_a_suggestion_and_the_missing_type_is_named()
    {
        var text = TotalRulesText.Rubric(TotalRulesText.UnitTypes, """rules: { district: "per_item(0.5) cap 5", zon: "per_item(1.25) cap 5" }""");
        var errors = Repo.RubricErrors(text).Where(d => d.IsError).ToList();
        errors.Should().HaveCount(2);
        Expect(errors.Single(e => e.Message.Contains("'zon'", StringComparison.Ordinal)), text, "zon:", "RE0209",
            "'rules' names unit type 'zon', which 'unit_types' does not declare; did you mean 'zone'?; the unit types are district, zone");
        Expect(errors.Single(e => e.Message.Contains("no rule", StringComparison.Ordinal)), text, "rules:", "RE0209",
            "'rules' has no rule for unit type 'zone' (开发区); every declared unit type needs one: add 'zone: <rule>'");
    }

    [Test]
    public void Rules_with_different_functions_are_refused_at_the_second_rule()
    {
        var text = TotalRulesText.Rubric(TotalRulesText.UnitTypes, """rules: { district: "per_item(0.5) cap 5", zone: "judged(0, 5)" }""");
        Expect(Only(text), text, "judged(0, 5)", "RE0209",
            "every rule in 'rules' must use the same function: 'district' uses per_item, 'zone' uses judged; let the arguments and modifiers differ, not the function");
    }

    [Test]
    public void Rules_that_accept_different_evidence_are_refused()
    {
        var text = TotalRulesText.Rubric(TotalRulesText.UnitTypes, """rules: { district: "judged(0, 5)", zone: "judged(0, 4)" }""");
        Expect(Only(text), text, "judged(0, 4)", "RE0209",
            "every rule in 'rules' must read the same evidence: for 'district' it is 'recommended' a number from 0 to 5, for 'zone' 'recommended' a number from 0 to 4; make the rules accept the same values");
    }

    [Test]
    public void A_bad_rule_inside_rules_is_reported_at_its_own_place()
    {
        var text = TotalRulesText.Rubric(TotalRulesText.UnitTypes, """rules: { district: "per_item(0.5) cap 5", zone: "presnt(2)" }""");
        Expect(Only(text), text, "presnt", "RE0102", "unknown function 'presnt'; did you mean 'present'?");
    }

    [Test]
    public void Each_rule_of_rules_is_checked_against_the_points()
    {
        var text = TotalRulesText.Rubric(TotalRulesText.UnitTypes, """rules: { district: "per_item(0.5) cap 5", zone: "per_item(1.25) cap 6" }""");
        Only(text).Code.Should().Be(DiagnosticCodes.CapExceedsPoints); // cap 6 above the 5 points, in zone's rule only
        Only(text).Span.ToString().Should().Be(TotalRulesText.Where(text, "cap 6"));
    }

    [Test]
    public void An_unknown_veto_effect_is_refused_with_a_suggestion_and_the_list()
    {
        var text = TotalRulesText.Rubric("vetoes: [{ key: accident, label: 事故, effect: zeros }]");
        Expect(Only(text), text, "zeros", "RE0013", "unknown veto effect 'zeros'; did you mean 'zero'?; the effects are zero, cap, lowest_grade");
    }

    [Test]
    public void A_cap_veto_without_its_cap_is_refused_at_the_effect()
    {
        var text = TotalRulesText.Rubric(TotalRulesText.UnitTypes + "\nvetoes: [{ key: late, label: 迟报, effect: cap }]");
        Expect(Only(text), text, "cap }", "RE0011", "veto 'late' has effect 'cap' but no 'cap'; add 'cap:' with the highest total it allows, such as 'cap: 60'");
    }

    [Test]
    public void A_cap_on_a_veto_of_another_effect_is_refused_at_cap()
    {
        var text = TotalRulesText.Rubric(TotalRulesText.UnitTypes + "\nvetoes: [{ key: late, label: 迟报, effect: zero, cap: 60 }]");
        Expect(Only(text), text, "cap: 60", "RE0013", "veto 'late' has 'cap' but its effect is 'zero'; remove 'cap', or write 'effect: cap'");
    }

    [Test]
    public void A_lowest_grade_veto_needs_grades()
    {
        var text = TotalRulesText.Rubric(TotalRulesText.UnitTypes + "\nvetoes: [{ key: fraud, label: 弄虚作假, effect: lowest_grade }]");
        Expect(Only(text), text, "lowest_grade", "RE0013",
            "veto 'fraud' forces the lowest grade, but the rubric declares no 'grades'; add 'grades', or use effect 'zero' or 'cap'");
    }

    [Test]
    public void Only_the_last_grade_may_leave_out_from()
    {
        var text = TotalRulesText.Rubric(TotalRulesText.UnitTypes + "\ngrades: [{ id: good, label: 良好 }, { id: fail, label: 不合格 }]");
        Expect(Only(text), text, "{ id: good", "RE0011",
            "grade 'good' has no 'from'; only the last grade may leave it out (it then takes every total below the grade before): add 'from:'");
    }

    [TestCase("90")] // equal to the grade above
    [TestCase("95")] // above it
    public void Grades_must_go_down_strictly(string from)
    {
        var text = TotalRulesText.Rubric(TotalRulesText.UnitTypes + $"\ngrades: [{{ id: excellent, label: 优秀, from: 90 }}, {{ id: good, label: 良好, from: {from} }}]");
        Expect(Only(text), text, $"{from} }}]", "RE0013",
            $"grade 'good' starts at {from}, not below grade 'excellent' above it (from 90); list the grades highest first, each 'from' lower than the one before");
    }

    [Test]
    public void Grades_89_99_below_90_are_in_order()
    {
        Warnings(TotalRulesText.Rubric(TotalRulesText.UnitTypes + "\ngrades: [{ id: excellent, label: 优秀, from: 90 }, { id: good, label: 良好, from: 89.99 }]"))
            .Should().BeEmpty();
    }

    [Test]
    public void A_grade_above_the_highest_total_is_a_warning()
    {
        // Highest total: 95 + bonus 2 + 5 = 102; 102.01 can never be reached.
        var text = TotalRulesText.Rubric(TotalRulesText.UnitTypes + "\ngrades: [{ id: top, label: 特优, from: 102.01 }, { id: rest, label: 其他 }]");
        Expect(Only(text, error: false), text, "102.01", "RE0220",
            "grade 'top' starts at 102.01, above the highest total the rubric can give (102): it can never apply; lower its 'from' or check the points");
    }

    [Test]
    public void A_grade_at_exactly_the_highest_total_can_apply()
    {
        Warnings(TotalRulesText.Rubric(TotalRulesText.UnitTypes + "\ngrades: [{ id: top, label: 特优, from: 102 }, { id: rest, label: 其他 }]")).Should().BeEmpty();
    }

    [TestCase("102")]
    [TestCase("150")]
    public void A_cap_at_or_above_the_highest_total_is_a_warning(string cap)
    {
        var text = TotalRulesText.Rubric(TotalRulesText.UnitTypes + $"\nvetoes: [{{ key: late, label: 迟报, effect: cap, cap: {cap} }}]");
        Expect(Only(text, error: false), text, $"{cap} }}]", "RE0220",
            $"veto 'late' caps the total at {cap}, but the rubric can give at most 102: the cap can never apply; lower 'cap', or use effect 'zero'");
    }

    [Test]
    public void A_cap_just_below_the_highest_total_can_apply()
    {
        Warnings(TotalRulesText.Rubric(TotalRulesText.UnitTypes + "\nvetoes: [{ key: late, label: 迟报, effect: cap, cap: 101.99 }]")).Should().BeEmpty();
    }

    [Test]
    public void Without_a_highest_total_nothing_is_said_to_never_apply()
    {
        // An uncapped rule has no highest total: no grade or cap can be judged unreachable.
        var text = TotalRulesText.Rubric(TotalRulesText.UnitTypes + "\ngrades: [{ id: top, label: 特优, from: 500 }]\nvetoes: [{ key: late, label: 迟报, effect: cap, cap: 400 }]",
            """rules: { district: "uncapped per_item(0.5)", zone: "uncapped per_item(1.25)" }""");
        Warnings(text).Should().BeEmpty();
    }

    // The first entry is on line 27, the line after the rubric's last line key.
    [TestCase("unit_types: [{ id: zone, label: 区 }, { id: zone, label: 开发区 }]", "zone, label: 开发区", "duplicate unit type 'zone' (first at line 27)")]
    [TestCase("vetoes: [{ key: late, label: 迟报, effect: zero }, { key: late, label: 又迟报, effect: zero }]", "late, label: 又", "duplicate veto key 'late' (first at line 27)")]
    [TestCase("grades: [{ id: ok, label: 合格, from: 60 }, { id: ok, label: 不合格 }]", "ok, label: 不合格", "duplicate grade id 'ok' (first at line 27)")]
    public void Ids_are_unique(string tail, string marker, string message)
    {
        var text = TotalRulesText.Rubric(tail, "rule: per_item(1) cap 5");
        Expect(Only(text), text, marker, "RE0205", message);
    }

    [Test]
    public void At_most_64_vetoes()
    {
        var vetoes = string.Join(", ", Enumerable.Range(1, 65).Select(i => $"{{ key: v{i}, label: 否决{i}, effect: zero }}"));
        var text = TotalRulesText.Rubric($"vetoes: [{vetoes}]", "rule: per_item(1) cap 5");
        Expect(Only(text), text, "[{ key: v1,", "RE0007", "'vetoes' has 65 entries, more than the limit of 64");
    }

    [Test]
    public void The_unit_type_and_grade_messages_read_in_Chinese_too()
    {
        var text = TotalRulesText.Rubric(TotalRulesText.Grades);
        Only(text).Format(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).Should().Contain(
            "'rules' 按单位类型分别给规则，但考核细则没有声明 'unit_types'；请声明（unit_types: [{ id: district, label: 区 }]），或只写一个 'rule'");
    }
}
