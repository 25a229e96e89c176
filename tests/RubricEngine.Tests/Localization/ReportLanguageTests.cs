using System.Globalization;
using RubricEngine.Cli.Reports;
using RubricEngine.Cli.Scoring;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Localization;

/// <summary>The county report lists the files it could not score with their messages in the run's language.</summary>
public sealed class ReportLanguageTests
{
    [TestCase("zh", "'organization' 行没有材料键 'leading_grop'（是否应为 'leading_group'？）；'organization' 行的键有 leading_group, dedicated_staff, duties_on_wall")]
    [TestCase("", "line 'organization' has no evidence key 'leading_grop'; did you mean 'leading_group'?; its keys are leading_group, dedicated_staff, duties_on_wall")]
    public void Refused_files_are_explained_in_the_report_language(string culture, string message)
    {
        Rubric.TryLoad(Repo.PathOf("rubrics/village.yaml"), out var rubric, out _).Should().BeTrue();
        var text = File.ReadAllText(Repo.PathOf("samples/village-bailong.yaml")).Replace("{ leading_group: true,", "{ leading_grop: true,", StringComparison.Ordinal);
        rubric!.TryScoreText(text, "白龙村.yaml", out _, out var diagnostics).Should().BeFalse();
        var builder = new CountyReportBuilder(rubric, CultureInfo.GetCultureInfo(culture));
        builder.Add(new UnitOutcome("白龙村.yaml", null, diagnostics));
        var row = ReportTables.Refused(builder.Build()).Rows.Single();
        row.Should().Equal("白龙村.yaml", "白龙村.yaml(7,19)", "RE0302", message);
    }
}
