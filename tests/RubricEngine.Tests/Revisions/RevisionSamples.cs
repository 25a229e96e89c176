using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Revisions;

/// <summary>rubrics/village.yaml (version 2022), its sample 2023 revision, and edits of them made in tests.</summary>
internal static class RevisionSamples
{
    public const string RevisionFile = "samples/revisions/village-2023.yaml";

    public static Rubric Village2022 => Repo.Rubric("village");

    public static Rubric Village2023 { get; } = Load(Repo.Read(RevisionFile), RevisionFile);

    /// <summary>rubrics/village.yaml with each (find, replace) applied once; the rubric must load.</summary>
    public static Rubric EditedVillage(params (string Find, string Replace)[] edits)
    {
        var text = Repo.Read("rubrics/village.yaml");
        foreach (var (find, replace) in edits)
        {
            text.Should().Contain(find);
            var index = text.IndexOf(find, StringComparison.Ordinal);
            text = text[..index] + replace + text[(index + find.Length)..];
        }

        return Load(text, "edited-village.yaml");
    }

    private static Rubric Load(string text, string file)
    {
        Rubric.TryLoadText(text, file, out var rubric, out var diagnostics).Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        return rubric!;
    }
}
