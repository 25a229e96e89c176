namespace RubricEngine.Tests.Support;

/// <summary>A YAML file with a unique name under the system's temp folder, holding the given text, removed on dispose.</summary>
internal sealed class TempYamlFile : IDisposable
{
    public TempYamlFile(string text)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rubric-test-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    /// <summary>The shipped 白龙村 sample with one piece of text replaced: the usual way to make one mistake in it.</summary>
    public static TempYamlFile Bailong(string from, string to) =>
        new(File.ReadAllText(Repo.PathOf("samples/village-bailong.yaml")).Replace(from, to, StringComparison.Ordinal));

    public void Dispose() => File.Delete(Path);

    public override string ToString() => Path;
}
