using RubricEngine.Cli;
using RubricEngine.Diagnostics;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Binding;

/// <summary>
/// One <c>rubric check</c> reports every mistake: a line with a reading error is still bound as far as it was read,
/// and the sums are checked wherever the points are known. Each test edits rubrics/village.yaml as staff would.
/// </summary>
public sealed class AllMistakesAtOnceTests
{
    private const string File = "rubrics/village.yaml";

    private static string Edit(params (string Find, string Replace)[] edits)
    {
        var text = Repo.Read(File);
        foreach (var (find, replace) in edits)
        {
            text.Should().Contain(find);
            var index = text.IndexOf(find, StringComparison.Ordinal);
            text = text[..index] + replace + text[(index + find.Length)..];
        }

        return text;
    }

    private static IEnumerable<string> Errors(string text) =>
        Repo.RubricErrors(text, File).Where(d => d.IsError).Select(d => d.ToString());

    [Test]
    [NonParallelizable] // the CLI runs in the repository root: it sets the current directory
    public void One_check_reports_a_mistake_of_every_stage_each_with_its_position()
    {
        const string file = "tests/RubricEngine.Tests/Corpus/Rubrics/every-stage-at-once.yaml";
        var (exit, output, _) = CliRunner.Run("check", file);
        exit.Should().Be(CliApp.InputErrors);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Positions read off the file: 活动开展's points on line 19, 'lable' on 31, team's section on 73,
        // the full-width '(' of lectures' rule on 105 (column 15 + 'monthly'), activities' rule on 154.
        lines.Where(l => l.Contains(": error ", StringComparison.Ordinal))
            .Select(l => l[file.Length..l.IndexOf(": error", StringComparison.Ordinal)] + l[(l.IndexOf(": error ", StringComparison.Ordinal) + 8)..][..6])
            .Should().Equal("(19,27)RE0207", "(31,9)RE0010", "(73,14)RE0206", "(105,22)RE0101", "(154,15)RE0102");
        lines.Should().Contain($"{file}: 5 errors, 1 warning");
    }

    [Test]
    public void A_section_renamed_under_sections_only_is_suggested_for_its_lines_and_its_sum_still_holds()
    {
        var text = Edit(("{ name: 队伍建设, points: 15 }", "{ name: 队伍与人才建设, points: 15 }"));
        // team (5) + lectures (10) are counted in the suggested section, so 15 = 15 and no RE0207 follows.
        Errors(text).Should().Equal(
            $"{File}(74,14): error RE0206: line 'team' names section '队伍建设', which is not declared under 'sections'; did you mean '队伍与人才建设'? (it is declared, but no line names it)",
            $"{File}(93,14): error RE0206: line 'lectures' names section '队伍建设', which is not declared under 'sections'; did you mean '队伍与人才建设'? (it is declared, but no line names it)");
    }

    [Test]
    public void A_rule_that_does_not_parse_does_not_hide_the_sum_of_its_section()
    {
        // lectures keeps its 10 points although its rule is broken: 5 + 10 = 15, not the 16 declared. The rule's
        // end is column 15 + 11 characters of 'monthly(0.5' = 26.
        var text = Edit(("rule: monthly(0.5)", "rule: monthly(0.5"), ("{ name: 队伍建设, points: 15 }", "{ name: 队伍建设, points: 16 }"), ("total: 100", "total: 101"));
        Errors(text).Should().Equal(
            $"{File}(18,27): error RE0207: section '队伍建设' is worth 16 points, but its lines add up to 15",
            $"{File}(106,26): error RE0100: unexpected end of the rule; expected ',' or ')'");
    }

    [Test]
    public void A_line_whose_points_cannot_be_read_skips_only_its_sections_sum_and_the_total_is_still_checked()
    {
        // team's points are unknown, so 队伍建设 (15) cannot be summed; the sections still add up to 100, not 99.
        var text = Edit(("    points: 5\n    check: 现场查看，平台提取数据", "    points: 五\n    check: 现场查看，平台提取数据"), ("total: 100", "total: 99"));
        Errors(text).Should().Equal(
            $"{File}(8,8): error RE0207: the total is 99 points, but the sections add up to 100",
            $"{File}(76,13): error RE0012: 'points' must be a plain decimal number such as 1.5, not '五'");
    }

    [Test]
    public void A_line_moved_to_a_section_that_is_not_declared_lists_the_declared_ones_and_the_short_section_is_named()
    {
        // archives (8) now names 档案管理: no spelling is close (2 edits of 4 characters), and 档案建设 is the one
        // declared section left without lines, so it is suggested; counted there, the sum holds (8 = 8).
        var suggested = Edit(("    section: 档案建设", "    section: 档案管理"));
        Errors(suggested).Should().Equal(
            $"{File}(191,14): error RE0206: line 'archives' names section '档案管理', which is not declared under 'sections'; did you mean '档案建设'? (it is declared, but no line names it)");

        // With innovation moved to 活动开展 too, two declared sections have no lines and nothing is suggested:
        // archives counts in none. 活动开展 = 5 + 12 + 24 + 10 + 6 = 57, not 51; 创新举措 0, not 6; 档案建设 0, not 8.
        var unsuggested = Edit(("    section: 档案建设", "    section: 资料"), ("    section: 创新举措", "    section: 活动开展"));
        Errors(unsuggested).Should().Equal(
            $"{File}(20,27): error RE0207: section '活动开展' is worth 51 points, but its lines add up to 57; lines naming an undeclared section ('资料') count in none",
            $"{File}(21,27): error RE0207: section '创新举措' is worth 6 points, but its lines add up to 0; lines naming an undeclared section ('资料') count in none",
            $"{File}(22,27): error RE0207: section '档案建设' is worth 8 points, but its lines add up to 0; lines naming an undeclared section ('资料') count in none",
            $"{File}(191,14): error RE0206: line 'archives' names section '资料', which is not declared under 'sections'; the declared sections are '组织机构', '阵地打造', '队伍建设', '规章制度', '活动开展', '创新举措', '档案建设'");
    }

    [Test]
    public void A_level_that_cannot_be_read_is_one_error_not_a_tier_mismatch_as_well()
    {
        // Without the level its tiered rule would give 4 tiers for 3 levels (RE0208); that error would only repeat this one.
        Errors(Edit(("  - { id: national, label: 国家级 }", "  - { id: national }"))).Should().Equal(
            $"{File}(14,5): error RE0011: a level has no 'label'; add it");
    }

    [Test]
    public void A_rubric_with_only_reading_errors_is_still_refused()
    {
        var diagnostics = Repo.RubricErrors(Edit(("rule: monthly(0.5)", "rule: monthly(0.5")), File);
        diagnostics.Where(d => d.IsError).Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.RuleSyntax);
    }
}
