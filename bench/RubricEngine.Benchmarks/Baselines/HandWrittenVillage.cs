using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using RubricEngine.Diagnostics;

namespace RubricEngine.Benchmarks.Baselines;

/// <summary>The twelve line scores of the village rubric, in rubric order, without allocating.</summary>
[InlineArray(12)]
public struct VillageLineScores
{
    private decimal first;
}

/// <summary>What the numbers path returns: line scores (rounded, bonus excluded), the bonus and the totals.</summary>
public readonly struct VillageNumbers(VillageLineScores lines, decimal bonus, decimal baseTotal, decimal total)
{
    public VillageLineScores Lines { get; } = lines;
    public decimal Bonus { get; } = bonus;
    public decimal BaseTotal { get; } = baseTotal;
    public decimal Total { get; } = total;

    /// <summary>Equal scores (an inline array has no built-in equality, so a record struct cannot compare it).</summary>
    public bool SameAs(VillageNumbers other)
    {
        for (var i = 0; i < 12; i++)
        {
            if (Lines[i] != other.Lines[i])
            {
                return false;
            }
        }

        return Bonus == other.Bonus && BaseTotal == other.BaseTotal && Total == other.Total;
    }
}

/// <summary>
/// The village rubric (rubrics/village.yaml) scored by code written for it alone, as a team would write it
/// without a rules engine: the limit a compiled engine is measured against. <see cref="Numbers"/> computes the
/// scores only; <see cref="Card"/> builds the same score card as the engine, reason texts included, so that a
/// test can prove the two agree and the benchmark compares like with like.
/// </summary>
public static class HandWrittenVillage
{
    private static readonly string[] LevelLabels = ["县级", "市级", "省级", "国家级"];
    private static readonly decimal[] Tiers = [2m, 3m, 4m, 6m];

    public static VillageNumbers Numbers(VillageEvidence evidence)
    {
        var l = evidence.Lines;
        var scores = new VillageLineScores();
        var o = l.Organization;
        scores[0] = Flag(o?.LeadingGroup, 2) + Flag(o?.DedicatedStaff, 2) + Flag(o?.DutiesOnWall, 2);
        var v = l.Venue;
        scores[1] = Line(Flag(v?.FixedSite, 2) + Flag(v?.OfficeAndActivitySupplies, 2) - (v?.DiscretionaryDeduction ?? 0m));
        scores[2] = Flag(l.MicroLecture?.MicroLectureImplemented, 4);
        var t = l.Team;
        scores[3] = Flag(t?.DedicatedStaff, 1) + Flag(t?.VolunteerTeam, 2) + Flag(t?.RegistrationTargetMet, 2);
        scores[4] = Line(Flag(l.Lectures?.LectureTeam, 4) + Periods(l.Lectures?.LectureMonths) * 0.5m);
        scores[5] = l.Rules?.Missing is { } missing ? Math.Max(0m, 4m - 2m * Distinct(missing)) : 0m;
        scores[6] = Line(Flag(l.ActivityPlan?.PlanTable, 2) + (l.ActivityPlan?.PlanQuality ?? 0m));
        scores[7] = Periods(l.ReviewMeetings?.MeetingQuarters) * 3m;
        scores[8] = Periods(l.Activities?.ActivityMonths) + Periods(l.Activities?.UploadMonths);
        scores[9] = Tiered(l.Publicity?.Publications);
        var i = l.Innovation;
        scores[10] = Flag(i?.WrittenProject, 2) + Flag(i?.PromotedCountywide, 4);
        scores[11] = Line(l.Archives?.ArchiveQuality ?? 0m);
        var bonus = Flag(i?.CaseCollected, 10);
        var baseTotal = 0m;
        foreach (var score in scores)
        {
            baseTotal += score;
        }

        return new VillageNumbers(scores, bonus, baseTotal, baseTotal + bonus);
    }

    public static ScoreCard Card(VillageEvidence evidence)
    {
        var l = evidence.Lines;
        var o = l.Organization;
        var v = l.Venue;
        var t = l.Team;
        var i = l.Innovation;
        ImmutableArray<LineScore> lines =
        [
            Score("organization", "组织机构", 6, 6,
                C("leading_group", "有领导小组", Present(o?.LeadingGroup, 2)),
                C("dedicated_staff", "有专人负责管理", Present(o?.DedicatedStaff, 2)),
                C("duties_on_wall", "机构职责上墙", Present(o?.DutiesOnWall, 2))),
            Score("venue", "阵地打造", 6, 4,
                C("fixed_site", "有固定场所", Present(v?.FixedSite, 2)),
                C("office_and_activity_supplies", "有办公及活动用品", Present(v?.OfficeAndActivitySupplies, 2)),
                C("discretionary_deduction", "重点村建站未达标的酌情扣分", Deduction(v?.DiscretionaryDeduction))),
            Score("micro_lecture", "阵地打造", 4, 4,
                C("micro_lecture_implemented", "落实茶乡微讲堂文明实践项目", AllOrNothing(l.MicroLecture?.MicroLectureImplemented, 4))),
            Score("team", "队伍建设", 5, 5,
                C("dedicated_staff", "有专人管理", Present(t?.DedicatedStaff, 1)),
                C("volunteer_team", "成立有志愿者队伍", Present(t?.VolunteerTeam, 2)),
                C("registration_target_met", "注册志愿者占比达标", Present(t?.RegistrationTargetMet, 2))),
            Score("lectures", "队伍建设", 10, 10,
                C("lecture_team", "有理论宣讲队伍", Present(l.Lectures?.LectureTeam, 4)),
                C("lecture_months", "每月开展理论宣讲", PerPeriod(l.Lectures?.LectureMonths, 0.5m, "个月"))),
            Score("rules", "规章制度", 4, 4,
                C("missing", "上墙缺项", PerMissing(l.Rules?.Missing))),
            Score("activity_plan", "活动开展", 5, 5,
                C("plan_table", "有计划一览表", Present(l.ActivityPlan?.PlanTable, 2)),
                C("plan_quality", "活动安排详实，有操作性", Judged(l.ActivityPlan?.PlanQuality, "0–3"))),
            Score("review_meetings", "活动开展", 12, 12,
                C("meeting_quarters", "每季度召开文明实践评议会", PerPeriod(l.ReviewMeetings?.MeetingQuarters, 3m, "个季度"))),
            Score("activities", "活动开展", 24, 24,
                C("activity_months", "开展活动", PerPeriod(l.Activities?.ActivityMonths, 1m, "个月")),
                C("upload_months", "上传资料", PerPeriod(l.Activities?.UploadMonths, 1m, "个月"))),
            Score("publicity", "活动开展", 10, null,
                C("publications", "媒体上稿刊登", TieredOutcome(l.Publicity?.Publications))),
            Score("innovation", "创新举措", 6, 6,
                C("written_project", "有书面创新项目活动", Present(i?.WrittenProject, 2)),
                C("promoted_countywide", "创新做法在全县推广", Present(i?.PromotedCountywide, 4)),
                C("case_collected", "收录省市案例", Present(i?.CaseCollected, 10), isBonus: true)),
            Score("archives", "档案建设", 8, 8,
                C("archive_quality", "档案规范、完整情况", Judged(l.Archives?.ArchiveQuality, "0–8"))),
        ];

        (string Name, decimal Points)[] sections =
            [("组织机构", 6), ("阵地打造", 10), ("队伍建设", 15), ("规章制度", 4), ("活动开展", 51), ("创新举措", 6), ("档案建设", 8)];
        var sectionScores = ImmutableArray.CreateBuilder<SectionScore>(sections.Length);
        var baseTotal = 0m;
        var bonusTotal = 0m;
        foreach (var (name, points) in sections)
        {
            var score = 0m;
            var bonus = 0m;
            foreach (var line in lines)
            {
                if (line.Section == name)
                {
                    score += line.Score;
                    bonus += line.Bonus;
                }
            }

            sectionScores.Add(new SectionScore(name, points, Normalize(score), Normalize(bonus)));
            baseTotal += score;
            bonusTotal += bonus;
        }

        return new ScoreCard("village", "西乡县村（社区）新时代文明实践站建设工作考核细则（试行）", evidence.Unit, evidence.Year, lines,
            sectionScores.MoveToImmutable(), Normalize(baseTotal), Normalize(bonusTotal), Normalize(baseTotal + bonusTotal), ImmutableArray<Diagnostic>.Empty,
            Version: "2022", Effective: new DateOnly(2022, 5, 5));
    }

    // ---- numbers ----

    private static decimal Flag(bool? value, decimal points) => value == true ? points : 0m;

    private static int Periods(List<int>? periods)
    {
        if (periods is null)
        {
            return 0;
        }

        var seen = 0;
        foreach (var period in periods)
        {
            seen |= 1 << period;
        }

        return int.PopCount(seen);
    }

    private static decimal Tiered(List<Publication>? publications)
    {
        if (publications is null)
        {
            return 0m;
        }

        var score = 0m;
        for (var p = 0; p < publications.Count; p++)
        {
            var best = LevelIndex(publications[p].Level);
            var firstOfItem = true;
            for (var q = 0; q < publications.Count && firstOfItem; q++)
            {
                if (q != p && publications[q].Item == publications[p].Item)
                {
                    firstOfItem = q > p;
                    best = Math.Max(best, LevelIndex(publications[q].Level));
                }
            }

            if (firstOfItem)
            {
                score += Tiers[best];
            }
        }

        return score;
    }

    private static int Distinct(List<string> items)
    {
        var count = 0;
        for (var k = 0; k < items.Count; k++)
        {
            if (items.IndexOf(items[k]) == k)
            {
                count++;
            }
        }

        return count;
    }

    private static decimal Line(decimal sum) => Math.Round(Math.Max(0m, sum), 2, MidpointRounding.AwayFromZero);

    private static int LevelIndex(string level) => level switch
    {
        "county" => 0,
        "city" => 1,
        "province" => 2,
        _ => 3,
    };

    // ---- the card: the same outcomes with the engine's reason texts ----

    private readonly record struct Outcome(decimal Score, string Reason);

    private static Outcome Present(bool? value, decimal points) => value switch
    {
        null => NotGiven,
        true => new(points, "有，" + Format(points) + " 分"),
        false => new(0m, "无，0 分"),
    };

    private static Outcome AllOrNothing(bool? value, decimal points) => value switch
    {
        null => NotGiven,
        true => new(points, "已落实，" + Format(points) + " 分"),
        false => new(0m, "未落实，不得分"),
    };

    private static Outcome Deduction(decimal? value) =>
        value is > 0 ? new(-value.Value, "酌情扣 " + Format(value.Value) + " 分") : new(0m, "未扣分");

    private static Outcome Judged(decimal? value, string range) =>
        value is { } judged ? new(judged, "评定 " + Format(judged) + " 分（" + range + "）") : NotGiven;

    private static Outcome PerPeriod(List<int>? periods, decimal rate, string unit)
    {
        if (periods is null)
        {
            return NotGiven;
        }

        var count = Periods(periods);
        var score = count * rate;
        return new(score, count.ToString(CultureInfo.InvariantCulture) + " " + unit + " × " + Format(rate) + " = " + Format(score));
    }

    private static Outcome PerMissing(List<string>? missing)
    {
        if (missing is null)
        {
            return NotGiven;
        }

        // In the order written; a repeat counts once.
        var distinct = new List<string>(missing.Count);
        foreach (var item in missing)
        {
            if (!distinct.Contains(item))
            {
                distinct.Add(item);
            }
        }

        var score = 4m - 2m * distinct.Count;
        var which = distinct.Count == 0 ? "" : "（缺 " + string.Join("、", distinct) + "）";
        var reason = "4 - " + distinct.Count.ToString(CultureInfo.InvariantCulture) + " 项 × 2 = " + Format(score) + which;
        return score < 0m ? new(0m, reason + " → 0（下限 0）") : new(score, reason);
    }

    private static Outcome TieredOutcome(List<Publication>? publications)
    {
        if (publications is null)
        {
            return NotGiven;
        }

        if (publications.Count == 0)
        {
            return new(0m, "无刊登，0 分");
        }

        var items = new List<string>();
        var best = new List<int>();
        foreach (var publication in publications)
        {
            var level = LevelIndex(publication.Level);
            var at = items.IndexOf(publication.Item);
            if (at < 0)
            {
                items.Add(publication.Item);
                best.Add(level);
            }
            else if (level > best[at])
            {
                best[at] = level;
            }
        }

        var score = 0m;
        var terms = new string[items.Count];
        for (var k = 0; k < items.Count; k++)
        {
            score += Tiers[best[k]];
            terms[k] = items[k] + " " + LevelLabels[best[k]] + " " + Format(Tiers[best[k]]);
        }

        return new(score, string.Join(" + ", terms) + " = " + Format(score) + "（同一项目取最高）");
    }

    private static readonly Outcome NotGiven = new(0m, "未提供，0 分");

    private static CriterionScore C(string key, string label, Outcome outcome, bool isBonus = false) =>
        new([key], label, Normalize(outcome.Score), isBonus, outcome.Reason);

    private static LineScore Score(string id, string section, decimal points, decimal? maximum, params CriterionScore[] criteria)
    {
        var reasons = ImmutableArray.CreateBuilder<string>(criteria.Length + 1);
        var sum = 0m;
        var scored = 0;
        var bonus = 0m;
        foreach (var criterion in criteria)
        {
            if (criterion.IsBonus)
            {
                bonus += criterion.Score;
                reasons.Add(criterion.Label + "：" + criterion.Reason + "（加分，不计入本项分值）");
            }
            else
            {
                sum += criterion.Score;
                scored++;
                reasons.Add(criterion.Label + "：" + criterion.Reason);
            }
        }

        var exact = Math.Max(0m, sum);
        var score = Normalize(Math.Round(exact, 2, MidpointRounding.AwayFromZero));
        if (scored > 1 || exact != sum || score != exact)
        {
            string text;
            if (scored > 1)
            {
                var terms = new System.Text.StringBuilder();
                foreach (var criterion in criteria)
                {
                    if (criterion.IsBonus)
                    {
                        continue;
                    }

                    var term = Math.Round(criterion.Score, 4, MidpointRounding.AwayFromZero);
                    terms.Append(terms.Length == 0 ? "" : term < 0 ? " - " : " + ").Append(Format(terms.Length > 0 && term < 0 ? -term : term));
                }

                text = "合计 " + terms + " " + EqualsText(sum);
            }
            else
            {
                text = "合计 " + Approximate(sum);
            }

            if (exact != sum)
            {
                text += "，不低于 0 → 0";
            }
            else if (score != exact)
            {
                text += " → " + Format(score) + "（保留 2 位小数）";
            }

            reasons.Add(text);
        }

        return new LineScore(id, section, points, maximum, score, Normalize(Math.Round(bonus, 2, MidpointRounding.AwayFromZero)),
            reasons.ToImmutable(), [.. criteria]);
    }

    /// <summary>Lean number text: a normalised decimal's own ToString has no trailing zeros (2.5, 15).</summary>
    private static string Format(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    private static string Approximate(decimal value)
    {
        var rounded = Math.Round(value, 4, MidpointRounding.AwayFromZero);
        return rounded == value ? Format(value) : "≈ " + Format(rounded);
    }

    private static string EqualsText(decimal value)
    {
        var shown = Approximate(value);
        return shown.StartsWith('≈') ? shown : "= " + shown;
    }
}
