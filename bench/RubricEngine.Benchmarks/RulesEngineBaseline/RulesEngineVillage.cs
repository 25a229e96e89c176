using RulesEngine.Models;
using RubricEngine.Benchmarks.Baselines;

namespace RubricEngine.Benchmarks.RulesEngineBaseline;

/// <summary>What Microsoft RulesEngine's expressions read: the village evidence with absent keys as false, 0 or empty.</summary>
public sealed class VillageFacts
{
    public bool LeadingGroup { get; init; }
    public bool OrgDedicatedStaff { get; init; }
    public bool DutiesOnWall { get; init; }
    public bool FixedSite { get; init; }
    public bool OfficeAndActivitySupplies { get; init; }
    public decimal DiscretionaryDeduction { get; init; }
    public bool MicroLectureImplemented { get; init; }
    public bool TeamDedicatedStaff { get; init; }
    public bool VolunteerTeam { get; init; }
    public bool RegistrationTargetMet { get; init; }
    public bool LectureTeam { get; init; }
    public List<int> LectureMonths { get; init; } = [];
    public List<string> Missing { get; init; } = [];
    public bool PlanTable { get; init; }
    public decimal PlanQuality { get; init; }
    public List<int> MeetingQuarters { get; init; } = [];
    public List<int> ActivityMonths { get; init; } = [];
    public List<int> UploadMonths { get; init; } = [];
    public List<Publication> Publications { get; init; } = [];
    public bool WrittenProject { get; init; }
    public bool PromotedCountywide { get; init; }
    public bool CaseCollected { get; init; }
    public decimal ArchiveQuality { get; init; }

    public static VillageFacts From(VillageEvidence evidence)
    {
        var l = evidence.Lines;
        return new VillageFacts
        {
            LeadingGroup = l.Organization?.LeadingGroup == true,
            OrgDedicatedStaff = l.Organization?.DedicatedStaff == true,
            DutiesOnWall = l.Organization?.DutiesOnWall == true,
            FixedSite = l.Venue?.FixedSite == true,
            OfficeAndActivitySupplies = l.Venue?.OfficeAndActivitySupplies == true,
            DiscretionaryDeduction = l.Venue?.DiscretionaryDeduction ?? 0m,
            MicroLectureImplemented = l.MicroLecture?.MicroLectureImplemented == true,
            TeamDedicatedStaff = l.Team?.DedicatedStaff == true,
            VolunteerTeam = l.Team?.VolunteerTeam == true,
            RegistrationTargetMet = l.Team?.RegistrationTargetMet == true,
            LectureTeam = l.Lectures?.LectureTeam == true,
            LectureMonths = l.Lectures?.LectureMonths ?? [],
            Missing = l.Rules?.Missing ?? [],
            PlanTable = l.ActivityPlan?.PlanTable == true,
            PlanQuality = l.ActivityPlan?.PlanQuality ?? 0m,
            MeetingQuarters = l.ReviewMeetings?.MeetingQuarters ?? [],
            ActivityMonths = l.Activities?.ActivityMonths ?? [],
            UploadMonths = l.Activities?.UploadMonths ?? [],
            Publications = l.Publicity?.Publications ?? [],
            WrittenProject = l.Innovation?.WrittenProject == true,
            PromotedCountywide = l.Innovation?.PromotedCountywide == true,
            CaseCollected = l.Innovation?.CaseCollected == true,
            ArchiveQuality = l.Archives?.ArchiveQuality ?? 0m,
        };
    }
}

/// <summary>
/// The village rubric in Microsoft RulesEngine 6.0.1, the general engine a .NET team would otherwise reach for:
/// one rule per line whose output expression computes the line's raw score (System.Linq.Dynamic.Core), and the
/// rounding, totals and bonus done in C# around it, as its documentation suggests for aggregations.
/// </summary>
public sealed class RulesEngineVillage
{
    private const string Workflow = "village";

    // Line id and the expression of its raw (unrounded, unclamped) score; order is the rubric's.
    private static readonly (string Line, string Expression)[] Lines =
    [
        ("organization", "(f.LeadingGroup ? 2 : 0) + (f.OrgDedicatedStaff ? 2 : 0) + (f.DutiesOnWall ? 2 : 0)"),
        ("venue", "(f.FixedSite ? 2 : 0) + (f.OfficeAndActivitySupplies ? 2 : 0) - f.DiscretionaryDeduction"),
        ("micro_lecture", "f.MicroLectureImplemented ? 4 : 0"),
        ("team", "(f.TeamDedicatedStaff ? 1 : 0) + (f.VolunteerTeam ? 2 : 0) + (f.RegistrationTargetMet ? 2 : 0)"),
        ("lectures", "(f.LectureTeam ? 4 : 0) + f.LectureMonths.Distinct().Count() * 0.5"),
        ("rules", "Math.Max(0, 4 - 2 * f.Missing.Distinct().Count())"),
        ("activity_plan", "(f.PlanTable ? 2 : 0) + f.PlanQuality"),
        ("review_meetings", "f.MeetingQuarters.Distinct().Count() * 3"),
        ("activities", "f.ActivityMonths.Distinct().Count() + f.UploadMonths.Distinct().Count()"),
        ("publicity", "f.Publications.GroupBy(p => p.Item).Sum(g => g.Max(p => p.Level == \"national\" ? 6 : p.Level == \"province\" ? 4 : p.Level == \"city\" ? 3 : 2))"),
        ("innovation", "(f.WrittenProject ? 2 : 0) + (f.PromotedCountywide ? 4 : 0)"),
        ("archives", "f.ArchiveQuality"),
        ("bonus", "f.CaseCollected ? 10 : 0"),
    ];

    private readonly RulesEngine.RulesEngine engine;

    public RulesEngineVillage()
    {
        var workflow = new Workflow
        {
            WorkflowName = Workflow,
            Rules = Lines.Select(line => new Rule
            {
                RuleName = line.Line,
                Expression = "true",
                Actions = new RuleActions
                {
                    OnSuccess = new ActionInfo
                    {
                        Name = "OutputExpression",
                        Context = new Dictionary<string, object> { ["Expression"] = line.Expression },
                    },
                },
            }).ToList(),
        };
        engine = new RulesEngine.RulesEngine([workflow], new ReSettings { CustomTypes = [typeof(Math)] });
    }

    public async Task<VillageNumbers> NumbersAsync(VillageFacts facts)
    {
        var results = await engine.ExecuteAllRulesAsync(Workflow, new RuleParameter("f", facts));
        var scores = new VillageLineScores();
        var baseTotal = 0m;
        var bonus = 0m;
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            if (result.ActionResult?.Exception is { } e)
            {
                throw new InvalidOperationException($"RulesEngine failed on {result.Rule.RuleName}: {e.Message}", e);
            }

            var raw = Convert.ToDecimal(result.ActionResult!.Output, System.Globalization.CultureInfo.InvariantCulture);
            if (i == Lines.Length - 1)
            {
                bonus = raw;
                continue;
            }

            scores[i] = Math.Round(Math.Max(0m, raw), 2, MidpointRounding.AwayFromZero);
            baseTotal += scores[i];
        }

        return new VillageNumbers(scores, bonus, baseTotal, baseTotal + bonus);
    }
}
