using System.Globalization;

namespace RubricEngine.Cli.Formatting;

/// <summary>The rubric version on a score card's heading, e.g. <c>版本：2023（2023-01-01 起施行）</c>; empty when the rubric names none.</summary>
internal static class Version
{
    public static string Of(ScoreCard card, string separator) =>
        card.Version is null && card.Effective is null
            ? ""
            : separator + "版本：" + (card.Version ?? "—")
              + (card.Effective is { } date ? $"（{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 起施行）" : "");
}
