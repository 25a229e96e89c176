namespace RubricEngine.Reporting;

/// <summary>Scores as text, the way every output of the library writes them: invariant, exact, no trailing zeros.</summary>
public static class ScoreText
{
    /// <summary>15, 2.5, 0.6 (never 15.00, never a comma for the decimal point).</summary>
    /// <param name="value">The score.</param>
    public static string Format(decimal value) => Numbers.Format(value);

    /// <summary>A change with its sign: +2.5, -4, 0.</summary>
    /// <param name="delta">The change.</param>
    public static string Signed(decimal delta) => delta > 0 ? "+" + Numbers.Format(delta) : Numbers.Format(delta);
}
