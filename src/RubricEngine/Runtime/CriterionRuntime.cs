using RubricEngine.Diagnostics;
namespace RubricEngine.Runtime;

/// <summary>The lowest and highest raw score a rule can give; null means unbounded.</summary>
internal readonly record struct ScoreRange(decimal? Min, decimal? Max);

/// <summary>What a criterion scored and why, in words with the arithmetic.</summary>
internal readonly record struct Outcome(decimal Score, string Reason);

/// <summary>
/// One criterion, compiled: it reads its own slots of an <see cref="EvidenceRow"/>. <see cref="Score"/> is the numbers
/// path (no text at all); <see cref="Explain"/> adds the reason for a score card. For a card, the compiler wraps every
/// criterion so that evidence not given scores 0 before either is called; the numbers path drops that wrapper only
/// for functions whose empty cells already score 0 (<c>ScoringFunction.ScoresZeroWhenNotGiven</c>).
/// </summary>
internal abstract class CriterionRuntime
{
    public abstract decimal Score(EvidenceRow row);

    /// <summary>The reason for <paramref name="score"/>, which <see cref="Score"/> gave for the same row.</summary>
    public abstract string Explain(EvidenceRow row, decimal score);

    /// <summary>The score with its reason; wrappers that change the score after the fact (cap, floor) override it.</summary>
    public virtual Outcome Evaluate(EvidenceRow row)
    {
        var score = Score(row);
        return new Outcome(score, Explain(row, score));
    }

    /// <summary>A check across the criterion's values (ratio: numerator ≤ denominator): which of its slots is wrong, and why.</summary>
    public virtual (int SlotPosition, MessageText Message)? Check(EvidenceRow row) => null;
}
