using System.Globalization;

namespace RubricEngine;

/// <summary>
/// A percentage as policy staff write it: digits, an optional decimal point and a <c>%</c> sign (<c>76%</c>,
/// <c>76.5%</c>). The one reader of percent text, for evidence values and for rubric data alike, so that both
/// accept and refuse exactly the same text. Values are ratios: <c>76.5%</c> is 0.765.
/// </summary>
internal static class PercentText
{
    /// <summary>The highest percentage evidence may give: 1000% (a ratio of 10).</summary>
    public const decimal MaxRatio = 10m;

    /// <summary>
    /// Reads <paramref name="text"/> when it is a plain number followed by <c>%</c>, with no space between, into the
    /// ratio it stands for, without trailing zeros (<c>76.50%</c> → 0.765). False for anything else, a bare number included.
    /// </summary>
    public static bool TryParse(string text, out decimal ratio)
    {
        ratio = 0m;
        if (text.Length < 2 || text[^1] != '%' || !TryNumber(text[..^1], out var percent))
        {
            return false;
        }

        ratio = Numbers.Normalize(percent / 100m);
        return true;
    }

    /// <summary>True when <paramref name="text"/> is a number without its % sign (<c>76</c>, <c>0.76</c>): the usual slip.</summary>
    public static bool IsBareNumber(string text) => TryNumber(text, out _);

    /// <summary>A ratio as its exact percentage: 0.765 → <c>76.5%</c>, 0.8 → <c>80%</c>.</summary>
    public static string Format(decimal ratio) => Numbers.Format(ratio * 100m) + "%";

    /// <summary>Digits with at most one sign and one point, nothing else (no exponent, no thousands separator).</summary>
    private static bool TryNumber(string text, out decimal value)
    {
        value = 0m;
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        return text.Length <= 32 && digits.Length > 0 && digits.Count('.') <= 1 && !digits.ContainsAnyExcept("0123456789.")
            && digits.ContainsAnyInRange('0', '9')
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
