// How another team uses RubricEngine from C#: load a rubric once, score many evidence files.
// Run from the repository root: dotnet run --project samples/LibraryUsage
using RubricEngine;
using RubricEngine.Reporting;

if (!Rubric.TryLoad("rubrics/village.yaml", out var rubric, out var diagnostics))
{
    foreach (var diagnostic in diagnostics)
    {
        Console.Error.WriteLine(diagnostic); // rubrics/village.yaml(42,18): error RE0102: …
    }

    return 1;
}

// The rubric is immutable and thread-safe: keep it, and score as many units as you like.
if (!rubric.TryScore("samples/village-bailong.yaml", out var card, out diagnostics))
{
    diagnostics.ToList().ForEach(d => Console.Error.WriteLine(d));
    return 1;
}

Console.WriteLine($"{card.Unit} {card.Year}: {card.BaseTotal} + bonus {card.BonusTotal} = {card.Total}");
foreach (var line in card.Lines.Where(l => l.Score < (l.Maximum ?? l.Points)))
{
    Console.WriteLine($"  {line.Id}: {line.Score} of {line.Maximum ?? line.Points} — {line.Reasons[^1]}");
}

Console.WriteLine(ScoreCardJson.Write(card).Length > 0 ? "JSON score card ready for other systems." : "");
return 0;
