using System.Text.RegularExpressions;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Architecture;

/// <summary>
/// The pipeline's stages (one folder and namespace each) use only the stages before them: the picture in the README,
/// checked against every namespace a stage's source names, in a using line or written out in code.
/// </summary>
public sealed partial class StageDependencyTests
{
    /// <summary>Each stage and the stages it may use. Runtime is what evaluation needs; the stages around it meet there.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Diagnostics"] = [],
        ["Loading"] = ["Diagnostics"],
        ["Syntax"] = ["Diagnostics"],
        ["Parsing"] = ["Diagnostics", "Loading", "Syntax"],
        ["Runtime"] = ["Diagnostics"],
        ["Binding"] = ["Diagnostics", "Syntax", "Runtime"],
        ["Compilation"] = ["Diagnostics", "Binding", "Runtime"],
        ["Evidence"] = ["Diagnostics", "Loading", "Runtime"],
        ["Scoring"] = ["Diagnostics", "Runtime"],
    };

    public static IEnumerable<string> Stages() => Allowed.Keys;

    [TestCaseSource(nameof(Stages))]
    public void A_stage_uses_only_the_stages_before_it(string stage)
    {
        var used = StagesNamedIn(stage);
        used.Except([stage]).Should().BeSubsetOf(Allowed[stage], $"{stage} may use only {string.Join(", ", Allowed[stage])}");
    }

    [Test]
    public void Revisions_read_the_syntax_for_what_the_public_model_does_not_hold_and_no_other_stage()
    {
        // The diff compares tables, criteria's units and rules by unit type as written: the syntax, never the stages after it.
        StagesNamedIn("Revisions").Should().BeSubsetOf(["Diagnostics", "Syntax"]);
    }

    [Test]
    public void The_stages_form_no_cycle()
    {
        // Follow the real uses (not the allowed ones) from each stage: no path may lead back to where it started.
        var edges = Allowed.Keys.ToDictionary(s => s, s => StagesNamedIn(s).Where(u => u != s && Allowed.ContainsKey(u)).ToList());
        foreach (var start in edges.Keys)
        {
            var seen = new HashSet<string>();
            var pending = new Stack<string>(edges[start]);
            while (pending.TryPop(out var next))
            {
                next.Should().NotBe(start, $"{start} reaches itself through the stages it uses");
                if (seen.Add(next))
                {
                    foreach (var further in edges[next])
                    {
                        pending.Push(further);
                    }
                }
            }
        }
    }

    [Test]
    public void Every_stage_folder_is_in_the_picture()
    {
        var folders = Directory.GetDirectories(Repo.PathOf("src/RubricEngine"))
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj") && Directory.GetFiles(Repo.PathOf($"src/RubricEngine/{name}"), "*.cs", SearchOption.AllDirectories).Length > 0)
            .ToList();
        var pipeline = folders.Where(f => !OutsideThePipeline.Contains(f!));
        pipeline.Should().BeSubsetOf(Allowed.Keys);
    }

    /// <summary>Folders after scoring that build on the public model rather than on the stages: reports, revisions, built-ins.</summary>
    private static readonly HashSet<string> OutsideThePipeline = ["Reporting", "Revisions", "BuiltIn"];

    private static HashSet<string> StagesNamedIn(string stage)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Repo.PathOf($"src/RubricEngine/{stage}"), "*.cs", SearchOption.AllDirectories))
        {
            foreach (Match match in StageReference().Matches(File.ReadAllText(file)))
            {
                names.Add(match.Groups[1].Value);
            }
        }

        return names;
    }

    [GeneratedRegex(@"\bRubricEngine\.(Diagnostics|Loading|Syntax|Parsing|Runtime|Binding|Compilation|Evidence|Scoring)\b")]
    private static partial Regex StageReference();
}
