using RubricEngine.Diagnostics;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Loading;

/// <summary>
/// Mistakes policy staff make when editing a real rubric: each test changes one thing in rubrics/village.yaml
/// and expects one diagnostic at the place of the change.
/// </summary>
public sealed class RubricFileTests
{
    private const string File = "rubrics/village.yaml";

    private static string Village => Repo.Read(File);

    /// <summary>Replaces the first <paramref name="find"/> and returns the edited text and the 1-based line of the edit.</summary>
    private static (string Text, int Line) Edit(string find, string replace)
    {
        var text = Village;
        var index = text.IndexOf(find, StringComparison.Ordinal);
        index.Should().BeGreaterThanOrEqualTo(0, $"'{find}' is in {File}");
        var line = text[..index].Count(c => c == '\n') + 1;
        return (text[..index] + replace + text[(index + find.Length)..], line);
    }

    private static Diagnostic OnlyDiagnostic(string text, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        Rubric.TryLoadText(text, File, out _, out var diagnostics);
        return diagnostics.Where(d => d.Severity == severity && d.Code != DiagnosticCodes.NominalNotAchievable).Should().ContainSingle().Subject;
    }

    [TestCase("    points: 6\n    check: 现场查看有关正式文件", "    Points: 6\n    check: 现场查看有关正式文件", 5, "RE0010", "unknown key 'Points' in a line; did you mean 'points'?")]
    [TestCase("    standard: 有领导小组", "    standrad: 有领导小组", 5, "RE0010", "unknown key 'standrad' in a line; did you mean 'standard'?")]
    [TestCase("        label: 有领导小组\n", "        label: 有领导小组\n        weight: 2\n", 9, "RE0010", "unknown key 'weight' in a criterion")]
    [TestCase("    section: 组织机构", "    section: 组织机购", 14, "RE0206", "line 'organization' names section '组织机购', which is not declared under 'sections'; did you mean '组织机构'?")]
    [TestCase("  - id: venue", "  - id: organization", 9, "RE0205", "duplicate line id 'organization' (first at line 24)")]
    [TestCase("      - key: dedicated_staff", "      - key: leading_group", 14, "RE0205", "duplicate evidence key 'leading_group' in line 'organization' (first at line 31)")]
    [TestCase("total: 100", "total: 99", 8, "RE0207", "the total is 99 points, but the sections add up to 100")]
    [TestCase("effective: 2022-05-05", "effective: 5/5/2022", 12, "RE0013", "'effective' must be a date written year-month-day, such as 2023-01-01, not '5/5/2022'")]
    [TestCase("version: \"2022\"", "version: [2022]", 10, "RE0012", "'version' must be text, not a list")]
    [TestCase("rounding: { decimals: 2, mode: half_away_from_zero }", "rounding: { decimals: 2, mode: half_up }", 32, "RE0013", "unknown rounding mode 'half_up'; use half_away_from_zero (四舍五入) or half_even")]
    [TestCase("rounding: { decimals: 2,", "rounding: { decimals: 2.5,", 23, "RE0013", "'decimals' must be a whole number from 0 to 6, not 2.5")]
    [TestCase("    points: 6\n    check: 现场查看有关正式文件", "    points: six\n    check: 现场查看有关正式文件", 13, "RE0012", "'points' must be a plain decimal number such as 1.5, not 'six'")]
    [TestCase("    points: 6\n    check: 现场查看有关正式文件", "    points: -6\n    check: 现场查看有关正式文件", 13, "RE0013", "'points' must not be negative, not -6")]
    [TestCase("  - id: organization", "  - id: Organization", 9, "RE0013", "a line id 'Organization' must be lower-case ASCII letters, digits and '_', starting with a letter, such as 'activity_months'")]
    [TestCase("        rule: present(2)", "        rule: [present(2)]", 15, "RE0012", "'rule' must be a scoring rule such as present(2), not a list")]
    [TestCase("title: 西乡县村（社区）新时代文明实践站建设工作考核细则（试行）", "title:", 7, "RE0012", "'title' must be text, not an empty value")]
    public void One_edit_gives_one_positioned_error(string find, string replace, int column, string code, string message)
    {
        var (text, line) = Edit(find, replace);
        var diagnostic = OnlyDiagnostic(text);
        diagnostic.Code.Should().Be(code);
        diagnostic.Message.Should().Be(message);
        diagnostic.Span.File.Should().Be(File);
        diagnostic.Span.Column.Should().Be(column);
        diagnostic.Span.Line.Should().BeInRange(line, line + 1, "the diagnostic is on the edited line (or the next, for an edit that adds a line)");
    }

    [Test]
    public void Points_that_do_not_add_up_are_reported_where_each_sum_is_declared()
    {
        var (text, _) = Edit("    points: 6\n    check: 现场查看有关正式文件", "    points: 5\n    check: 现场查看有关正式文件");
        Rubric.TryLoadText(text, File, out _, out var diagnostics).Should().BeFalse();
        diagnostics.Where(d => d.IsError).Select(d => d.ToString()).Should().Equal(
            $"{File}(16,27): error RE0207: section '组织机构' is worth 6 points, but its lines add up to 5",
            $"{File}(27,13): error RE0207: the criteria of line 'organization' add up to 6 points, more than the line's 5");
    }

    [Test]
    public void A_missing_key_is_reported_on_its_mapping()
    {
        var (text, line) = Edit("    check: 现场查看有关正式文件\n", "");
        var diagnostic = OnlyDiagnostic(text);
        diagnostic.ToString().Should().Be($"{File}({line - 4},5): error RE0011: a line has no 'check'; add it");
    }

    [Test]
    public void A_mistyped_function_in_the_real_rubric_is_pointed_at()
    {
        var (text, line) = Edit("rule: monthly(0.5)", "rule: montly(0.5)");
        OnlyDiagnostic(text).ToString().Should().Be($"{File}({line},15): error RE0102: unknown function 'montly'; did you mean 'monthly'?");
    }

    [Test]
    public void A_quoted_rule_is_positioned_after_its_quote()
    {
        var (text, line) = Edit("rule: monthly(0.5)", "rule: \"monthly(0.5) cpa 4\"");
        OnlyDiagnostic(text).ToString().Should().Be($"{File}({line},29): error RE0103: unknown modifier 'cpa'; did you mean 'cap'?; the modifiers for monthly(…) are cap, floor, bonus, uncapped");
    }

    [Test]
    public void Several_mistakes_are_all_reported_at_once()
    {
        var text = Village.Replace("rule: present(2)", "rule: presnt(2)", StringComparison.Ordinal);
        Rubric.TryLoadText(text, File, out var rubric, out var diagnostics).Should().BeFalse();
        rubric.Should().BeNull();
        diagnostics.Count(d => d.Code == DiagnosticCodes.UnknownFunction).Should().Be(Village.Split("rule: present(2)").Length - 1);
    }
}
