using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Package;

/// <summary>The shipped rubrics travel inside the library: no file on disk is needed to load them.</summary>
public sealed class BuiltInRubricTests
{
    [Test]
    public void The_three_shipped_rubrics_are_listed()
    {
        Rubric.BuiltInIds.Should().Equal("platform", "town", "village");
    }

    [TestCase("platform", 12)]
    [TestCase("town", 15)]
    [TestCase("village", 12)]
    public void Each_built_in_rubric_is_the_repositorys_file(string id, int lines)
    {
        Rubric.TryLoadBuiltIn(id, out var builtIn, out var diagnostics).Should().BeTrue(string.Join("\n", diagnostics));
        builtIn!.Id.Should().Be(id);
        builtIn.File.Should().Be($"<built-in>/{id}.yaml");
        builtIn.Lines.Should().HaveCount(lines);

        var fromRepo = Repo.Rubric(id);
        builtIn.Title.Should().Be(fromRepo.Title);
        builtIn.Total.Should().Be(fromRepo.Total);
        builtIn.Lines.Select(l => (l.Id, l.Points, l.Maximum, string.Join("; ", l.Criteria.Select(c => c.Rule))))
            .Should().Equal(fromRepo.Lines.Select(l => (l.Id, l.Points, l.Maximum, string.Join("; ", l.Criteria.Select(c => c.Rule)))));
    }

    [Test]
    public void A_built_in_rubric_carries_its_known_warning_under_its_built_in_name()
    {
        Rubric.TryLoadBuiltIn("village", out _, out var diagnostics).Should().BeTrue();
        diagnostics.Select(d => d.ToString()).Should().Equal(
            "<built-in>/village.yaml(46,13): warning RE0201: line 'venue' is worth 6 points, but its criteria can award at most 4; check the standard, or the points");
    }

    [Test]
    public void An_unknown_id_is_a_diagnostic_naming_the_built_in_ids()
    {
        Rubric.TryLoadBuiltIn("vilage", out var rubric, out var diagnostics).Should().BeFalse();
        rubric.Should().BeNull();
        diagnostics.Select(d => d.ToString()).Should().Equal(
            "<built-in>/vilage.yaml(1,1): error RE0001: there is no built-in rubric 'vilage'; did you mean 'village'?; the built-in rubrics are platform, town, village");
    }

    [Test]
    public void A_built_in_rubric_scores_evidence_as_the_file_does()
    {
        Rubric.TryLoadBuiltIn("town", out var rubric, out _).Should().BeTrue();
        rubric!.TryScore(Repo.PathOf("samples/town-yanghe.yaml"), out var card, out _).Should().BeTrue();
        Repo.Rubric("town").TryScore(Repo.PathOf("samples/town-yanghe.yaml"), out var expected, out _).Should().BeTrue();
        RubricEngine.Reporting.ScoreCardJson.Write(card!).Should().Be(RubricEngine.Reporting.ScoreCardJson.Write(expected!));
    }

    [Test]
    public void The_built_in_limits_apply()
    {
        Rubric.TryLoadBuiltIn("village", out _, out var diagnostics, new LoadLimits { MaxFileBytes = 100 }).Should().BeFalse();
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(Diagnostics.DiagnosticCodes.FileTooLarge);
    }
}
