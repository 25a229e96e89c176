using System.Globalization;

namespace RubricEngine;

/// <summary>Invariant, exact formatting of scores for messages and reasons.</summary>
internal static class Numbers
{
    /// <summary>The same value without trailing zeros (75.0 → 75), so that ToString and JSON show it plainly.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>Plain invariant text without trailing zeros: 15, 2.5, 0.6.</summary>
    public static string Format(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>Like <see cref="Format"/>, but a value with more than 4 decimals is shown as ≈ its 4-decimal rounding.</summary>
    public static string Approximate(decimal value)
    {
        var rounded = Math.Round(value, 4, MidpointRounding.AwayFromZero);
        return rounded == value ? Format(value) : "≈ " + Format(rounded);
    }

    /// <summary>"= 2.5" for an exact value, "≈ 2.6667" for one shown rounded: the tail of an equation in a reason.</summary>
    public static string Equals(decimal value)
    {
        var shown = Approximate(value);
        return shown.StartsWith('≈') ? shown : "= " + shown;
    }

    public static string Percent(decimal ratio) => Approximate(ratio * 100m) + "%";
}
