using System.Globalization;

namespace RubricEngine;

/// <summary>Invariant, exact formatting of scores for messages and reasons.</summary>
internal static class Numbers
{
    /// <summary>The same value without trailing zeros (75.0 → 75), so that ToString and JSON show it plainly.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>Plain invariant text without trailing zeros: <c>15</c> for 15.00, <c>2.5</c>, <c>0.6</c>, <c>-0.5</c>.</summary>
    /// <remarks>
    /// A normalised decimal prints without trailing zeros by itself, four times faster than a custom format
    /// string; zero is written apart because a negative zero (0 × -2) would print as "-0".
    /// </remarks>
    public static string Format(decimal value) =>
        value == 0m ? "0" : (value.Scale == 0 ? value : Normalize(value)).ToString(CultureInfo.InvariantCulture);

    /// <summary>The value without trailing zeros (3, not 3.0), so that public decimals print as they read; cheap when already so.</summary>
    public static decimal Plain(decimal value)
    {
        if (value.Scale == 0)
        {
            return value;
        }

        // A small value whose last digit is not 0 has no trailing zero: skip the division that would strip one.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        return bits[1] == 0 && bits[2] == 0 && (uint)bits[0] % 10 != 0 ? value : Normalize(value);
    }

    /// <summary>A count, invariant.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Like <see cref="Format(decimal)"/>, but a value with more than 4 decimals is shown as ≈ its 4-decimal rounding.</summary>
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
