namespace RubricEngine.Tests.Support;

/// <summary>A folder with a unique name under the system's temp folder, removed with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "rubric-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies the five village fixtures of the county report tests into this folder (or a subfolder).</summary>
    public void CopyVillages(string subfolder = "")
    {
        var target = System.IO.Path.Combine(Path, subfolder);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Repo.PathOf(CountyFixtures.Folder), "*.yaml"))
        {
            System.IO.File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

/// <summary>
/// The five villages of <c>Reports/County/</c>, scored by hand in the comments of each file (and repeated here):
/// 东河村 90 + bonus 10 = 100, 西山村 94, 南坪村 80, 北坝村 80, 中和村 23.75.
/// </summary>
internal static class CountyFixtures
{
    public const string Folder = "tests/RubricEngine.Tests/Reports/County";

    /// <summary>Ranked by total, ties by unit name in ordinal order (北 U+5317 before 南 U+5357): ranks 1, 2, 3, 3, 5.</summary>
    public static readonly string[] RankedUnits = ["东河村", "西山村", "北坝村", "南坪村", "中和村"];

    public static readonly int[] Ranks = [1, 2, 3, 3, 5];

    public static readonly decimal[] Totals = [100m, 94m, 80m, 80m, 23.75m];
}
