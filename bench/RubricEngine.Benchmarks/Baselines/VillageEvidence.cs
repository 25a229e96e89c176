namespace RubricEngine.Benchmarks.Baselines;

/// <summary>
/// The village rubric's evidence as a team would type it by hand: one class per line, one property per key,
/// shaped so that YamlDotNet's typed deserializer (underscored names) reads an evidence file straight into it.
/// A null property is a key that was not given.
/// </summary>
public sealed class VillageEvidence
{
    public string Rubric { get; set; } = "";
    public string Unit { get; set; } = "";
    public int? Year { get; set; }
    public VillageLines Lines { get; set; } = new();
}

public sealed class VillageLines
{
    public Organization? Organization { get; set; }
    public Venue? Venue { get; set; }
    public MicroLecture? MicroLecture { get; set; }
    public Team? Team { get; set; }
    public Lectures? Lectures { get; set; }
    public Rules? Rules { get; set; }
    public ActivityPlan? ActivityPlan { get; set; }
    public ReviewMeetings? ReviewMeetings { get; set; }
    public Activities? Activities { get; set; }
    public Publicity? Publicity { get; set; }
    public Innovation? Innovation { get; set; }
    public Archives? Archives { get; set; }
}

public sealed class Organization
{
    public bool? LeadingGroup { get; set; }
    public bool? DedicatedStaff { get; set; }
    public bool? DutiesOnWall { get; set; }
}

public sealed class Venue
{
    public bool? FixedSite { get; set; }
    public bool? OfficeAndActivitySupplies { get; set; }
    public decimal? DiscretionaryDeduction { get; set; }
}

public sealed class MicroLecture
{
    public bool? MicroLectureImplemented { get; set; }
}

public sealed class Team
{
    public bool? DedicatedStaff { get; set; }
    public bool? VolunteerTeam { get; set; }
    public bool? RegistrationTargetMet { get; set; }
}

public sealed class Lectures
{
    public bool? LectureTeam { get; set; }
    public List<int>? LectureMonths { get; set; }
}

public sealed class Rules
{
    public List<string>? Missing { get; set; }
}

public sealed class ActivityPlan
{
    public bool? PlanTable { get; set; }
    public decimal? PlanQuality { get; set; }
}

public sealed class ReviewMeetings
{
    public List<int>? MeetingQuarters { get; set; }
}

public sealed class Activities
{
    public List<int>? ActivityMonths { get; set; }
    public List<int>? UploadMonths { get; set; }
}

public sealed class Publicity
{
    public List<Publication>? Publications { get; set; }
}

public sealed class Publication
{
    public string Item { get; set; } = "";
    public string Level { get; set; } = "";
}

public sealed class Innovation
{
    public bool? WrittenProject { get; set; }
    public bool? PromotedCountywide { get; set; }
    public bool? CaseCollected { get; set; }
}

public sealed class Archives
{
    public decimal? ArchiveQuality { get; set; }
}
