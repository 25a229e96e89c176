using System.Runtime.CompilerServices;
using RubricEngine.Cli.Forms;
using RubricEngine.Diagnostics;

namespace RubricEngine.Cli.Scoring;

/// <summary>Evidence files as units to score: one per YAML or JSON file, one per row of an Excel form.</summary>
internal static class UnitSources
{
    /// <param name="rubric">The rubric every unit is scored with.</param>
    /// <param name="files">Expanded input files, in order.</param>
    /// <param name="moreUnits">Told how many units beyond one a file brought (a workbook's rows), so progress stays true.</param>
    public static IEnumerable<PendingUnit> Of(Rubric rubric, IEnumerable<string> files, Action<int> moreUnits)
    {
        foreach (var file in files)
        {
            if (ExcelForm.IsWorkbook(file))
            {
                // The check stands here, not behind a helper, so that the AOT compiler sees it (Forms/ExcelSupport).
                if (RuntimeFeature.IsDynamicCodeSupported)
                {
                    // A workbook is read here, on the caller's thread, one at a time; its rows are then scored in parallel.
                    var rows = ExcelForm.ReadUnits(rubric, file);
                    moreUnits(rows.Count - 1);
                    foreach (var row in rows)
                    {
                        yield return row;
                    }
                }
                else
                {
                    var refusal = new Diagnostic(DiagnosticCodes.FileUnreadable, DiagnosticSeverity.Error, ExcelSupport.NotInNativeBuild, SourceSpan.StartOf(file));
                    yield return new PendingUnit(file, () => new UnitOutcome(file, null, [refusal]));
                }

                continue;
            }

            yield return new PendingUnit(file, () => rubric.TryScore(file, out var card, out var diagnostics)
                ? new UnitOutcome(file, card, diagnostics)
                : new UnitOutcome(file, null, diagnostics));
        }
    }
}
