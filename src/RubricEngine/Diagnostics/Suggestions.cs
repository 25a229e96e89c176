namespace RubricEngine.Diagnostics;

/// <summary>"Did you mean" hints: the closest known name by edit distance, if it is close enough to help.</summary>
internal static class Suggestions
{
    /// <summary>Returns <c>; did you mean 'x'?</c> or nothing.</summary>
    public static MessageText DidYouMean(string actual, IEnumerable<string> known)
    {
        var best = Closest(actual, known);
        return best is null ? MessageText.None : MessageText.Of("DidYouMean", best);
    }

    public static string? Closest(string actual, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            // Case differences count as one edit, so 'Points' suggests 'points'.
            var distance = string.Equals(actual, candidate, StringComparison.OrdinalIgnoreCase)
                ? 1
                : Distance(actual, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // A suggestion must be closer than a rewrite: at most a third of the longer name.
        var limit = Math.Max(1, Math.Max(actual.Length, best?.Length ?? 0) / 3);
        return bestDistance <= limit ? best : null;
    }

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions).</summary>
    internal static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue; // no useful suggestion for long strings, and no quadratic cost either
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
