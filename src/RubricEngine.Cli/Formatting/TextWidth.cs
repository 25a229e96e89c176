using System.Text;
using Wcwidth;

namespace RubricEngine.Cli.Formatting;

/// <summary>Terminal column widths: a Chinese character takes two columns, so padding counts columns, not characters.</summary>
internal static class TextWidth
{
    public static int Of(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Math.Max(0, UnicodeCalculator.GetWidth(rune));
        }

        return width;
    }

    public static string PadRight(string text, int columns) => text + new string(' ', Math.Max(0, columns - Of(text)));

    public static string PadLeft(string text, int columns) => new string(' ', Math.Max(0, columns - Of(text))) + text;
}
