using RubricEngine.Revisions;
using static RubricEngine.Tests.Revisions.RevisionSamples;

namespace RubricEngine.Tests.Revisions;

/// <summary>What <see cref="RubricDiff.Compare"/> reports, read against what each revision was written to change.</summary>
public sealed class RubricDiffTests
{
    private static IEnumerable<string> Fields(LineChange change) => change.Fields.Select(f => $"{f.Field}: {f.Old ?? "—"} → {f.New ?? "—"}");

    [Test]
    public void The_2023_revision_lists_exactly_the_changes_it_was_written_with()
    {
        // The file's header lists them: micro_lecture removed, cloud_platform added, review_meetings' rule and points,
        // lectures' monthly → quarterly lectures, and 队伍建设 renamed 队伍与人才建设.
        var diff = RubricDiff.Compare(Village2022, Village2023);

        diff.Old.Should().Be(new RubricVersionInfo("village", "2022", new DateOnly(2022, 5, 5), "rubrics/village.yaml", 100));
        diff.New.Should().Be(new RubricVersionInfo("village", "2023", new DateOnly(2023, 1, 1), RevisionFile, 100));
        diff.Changes.Select(c => (c.Line, c.Kind, c.Section)).Should().Equal(
            ("lectures", ChangeKind.Changed, "队伍与人才建设"),
            ("review_meetings", ChangeKind.Changed, "活动开展"),
            ("cloud_platform", ChangeKind.Added, "活动开展"),
            ("micro_lecture", ChangeKind.Removed, "阵地打造"));

        Fields(diff.Changes[0]).Should().Equal(
            "content: 组建有群众身边的理论宣讲队伍，每月开展1次理论宣讲活动。 → 组建有群众身边的理论宣讲队伍，每季度开展1次理论宣讲活动。",
            "standard: 有理论宣讲队伍4分；每月开展理论宣讲，每月0.5分。 → 有理论宣讲队伍4分；每季度开展理论宣讲，每季度1.5分。",
            "criteria.lecture_quarters.key: lecture_months → lecture_quarters",
            "criteria.lecture_quarters.label: 每月开展理论宣讲 → 每季度开展理论宣讲",
            "criteria.lecture_quarters.rule: monthly(0.5) → quarterly(1.5)");
        Fields(diff.Changes[1]).Should().Equal(
            "points: 12 → 8",
            "standard: 每季度3分。 → 每季度2分。",
            "criteria.meeting_quarters.points: 12 → 8",
            "criteria.meeting_quarters.rule: quarterly(3) → quarterly(2)");
        Fields(diff.Changes[2]).Should().Equal(
            "content: — → 依托新时代文明实践云平台发布志愿服务项目，响应群众点单。",
            "points: — → 8",
            "standard: — → 在云平台发布志愿服务项目2分；每完成1次群众点单服务1分，最多6分。",
            "criteria.platform_projects: — → 在云平台发布志愿服务项目：present(2)（2 分）",
            "criteria.orders_served: — → 完成群众点单服务：per_item(1) cap 6（6 分）");
        Fields(diff.Changes[3]).Should().Equal(
            "content: 落实镇（街道）总体规划，结合实际开展茶乡微讲堂文明实践项目。 → —",
            "points: 4 → —",
            "standard: 未落实的不得分。 → —",
            "criteria.micro_lecture_implemented: 落实茶乡微讲堂文明实践项目：all_or_nothing(4)（4 分） → —");

        // team moved with its section's rename, so it is not a change of its own.
        diff.Sections.Should().BeEquivalentTo(
            [
                new SectionChange("阵地打造", ChangeKind.Changed, [new FieldChange("points", "10", "6")]),
                new SectionChange("队伍与人才建设", ChangeKind.Renamed, [new FieldChange("name", "队伍建设", "队伍与人才建设")]),
                new SectionChange("活动开展", ChangeKind.Changed, [new FieldChange("points", "51", "55")]),
            ],
            o => o.WithStrictOrdering());
        diff.Total.Should().BeNull("both versions total 100");
        diff.IsEmpty.Should().BeFalse();
    }

    [Test]
    public void A_rubric_compared_with_itself_has_no_changes() =>
        RubricDiff.Compare(Village2022, Village2022).IsEmpty.Should().BeTrue();

    [Test]
    public void A_line_whose_id_changed_but_whose_content_did_not_is_suggested_as_a_rename()
    {
        var renamed = EditedVillage(("  - id: archives", "  - id: records"));
        var diff = RubricDiff.Compare(Village2022, renamed);
        diff.Changes.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new LineChange("records", ChangeKind.Renamed, "档案建设", [new FieldChange("id", "archives", "records")]));
    }

    [Test]
    public void A_line_moved_to_another_section_is_a_change_of_its_section_and_both_sections_points_change()
    {
        // innovation (6) moves from 创新举措 to 活动开展: 活动开展 51 + 6 = 57, 创新举措 6 − 6 = 0.
        var moved = EditedVillage(
            ("  - { name: 活动开展, points: 51 }\n  - { name: 创新举措, points: 6 }", "  - { name: 活动开展, points: 57 }\n  - { name: 创新举措, points: 0 }"),
            ("    section: 创新举措", "    section: 活动开展"));
        var diff = RubricDiff.Compare(Village2022, moved);
        diff.Changes.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new LineChange("innovation", ChangeKind.Changed, "活动开展", [new FieldChange("section", "创新举措", "活动开展")]));
        diff.Sections.Select(s => (s.Name, s.Kind, s.Fields.Single().Old, s.Fields.Single().New)).Should().Equal(
            ("活动开展", ChangeKind.Changed, "51", "57"),
            ("创新举措", ChangeKind.Changed, "6", "0"));
    }

    [Test]
    public void A_cap_a_tier_and_an_item_are_changes_of_the_rule_or_the_items()
    {
        var revised = EditedVillage(
            ("rule: uncapped tiered(2,3,4,6) max_per_item", "rule: tiered(2,3,4,5) max_per_item cap 10"),
            ("items: [{ id: signboard, label: 挂牌上墙 }, { id: duties, label: 职责上墙 }, { id: lecture_rules, label: 宣讲制度上墙 }]",
                "items: [{ id: signboard, label: 挂牌上墙 }, { id: duties, label: 职责上墙 }]"));
        var diff = RubricDiff.Compare(Village2022, revised);
        diff.Changes.Select(c => (c.Line, string.Join(" | ", Fields(c)))).Should().Equal(
            ("rules", "criteria.missing.items: signboard, duties, lecture_rules → signboard, duties"),
            ("publicity", "criteria.publications.rule: uncapped tiered(2, 3, 4, 6) max_per_item → tiered(2, 3, 4, 5) max_per_item cap 10"));
    }

    [Test]
    public void A_revision_of_only_the_rubrics_levels_is_not_empty_and_names_the_level()
    {
        // 县级 and 国家级 relabelled: no line, section or total differs, yet the card names the levels differently.
        var edited = EditedVillage(("{ id: county, label: 县级 }", "{ id: county, label: 区县级 }"), ("{ id: national, label: 国家级 }", "{ id: national, label: 全国级 }"));
        var diff = RubricDiff.Compare(Village2022, edited);

        diff.Changes.Should().BeEmpty();
        diff.Parts.Should().BeEquivalentTo(
            [
                new PartChange("level", "county", ChangeKind.Changed, [new FieldChange("label", "县级", "区县级")]),
                new PartChange("level", "national", ChangeKind.Changed, [new FieldChange("label", "国家级", "全国级")]),
            ],
            o => o.WithStrictOrdering());
        diff.IsEmpty.Should().BeFalse();
        RubricDiff.Compare(Village2022, Village2022).Parts.Should().BeEmpty();
    }
}
