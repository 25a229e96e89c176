// Fuzzing harness for the two loaders. AFL++ feeds bytes on stdin through SharpFuzz; any exception escaping
// the library, or an internal-error diagnostic, is a crash for AFL to keep. Usage: RubricEngine.Fuzz rubric|evidence|evidence-json
using System.Text;
using RubricEngine;
using RubricEngine.Diagnostics;
using SharpFuzz;

var target = args.FirstOrDefault() ?? "rubric";
Rubric? village = null;

// Instrumented code may only run inside Fuzzer.OutOfProcess.Run (before it, AFL's shared coverage map does not
// exist and the instrumented library crashes), so the village rubric is loaded lazily, on the first input.
Fuzzer.OutOfProcess.Run(stream =>
{
    village ??= Rubric.TryLoad(Path.Combine(AppContext.BaseDirectory, "village.yaml"), out var loaded, out var loadDiagnostics)
        ? loaded
        : throw new InvalidOperationException(string.Join(Environment.NewLine, loadDiagnostics));

    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    var text = Encoding.UTF8.GetString(buffer.ToArray());
    IEnumerable<Diagnostic> diagnostics = target switch
    {
        "rubric" => Load(text),
        "evidence" => Score(village, text, "fuzz.yaml"),
        "evidence-json" => Score(village, text, "fuzz.json"),
        _ => throw new ArgumentException($"unknown target '{target}': use rubric, evidence or evidence-json"),
    };

    if (diagnostics.FirstOrDefault(d => d.Code == DiagnosticCodes.InternalError) is { } defect)
    {
        throw new InvalidOperationException(defect.ToString());
    }
});
return 0;

static IEnumerable<Diagnostic> Load(string text)
{
    Rubric.TryLoadText(text, "fuzz.yaml", out _, out var diagnostics);
    return diagnostics;
}

static IEnumerable<Diagnostic> Score(Rubric rubric, string text, string file)
{
    rubric.TryScoreText(text, file, out _, out var diagnostics);
    return diagnostics;
}
