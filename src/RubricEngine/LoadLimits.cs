namespace RubricEngine;

/// <summary>
/// Resource limits that hold for every file the library reads, so that a hostile or broken file
/// becomes a diagnostic in bounded time and memory. The defaults fit real rubrics with a wide margin.
/// Each limit is checked when it is set: a value outside its range throws <see cref="ArgumentOutOfRangeException"/>.
/// </summary>
public sealed record LoadLimits
{
    /// <summary>The highest <see cref="MaxDepth"/>: deeper nesting is no rubric, and the readers keep one frame per level.</summary>
    public const int DepthCeiling = 1_000_000;

    /// <summary>The defaults.</summary>
    public static LoadLimits Default { get; } = new();

    /// <summary>Largest file read, in bytes, from 1 to <see cref="Array.MaxLength"/> − 1 (one byte past the limit is read to tell). Default 4 MiB.</summary>
    public int MaxFileBytes { get; init => field = InRange(value, 1, Array.MaxLength - 1); } = 4 * 1024 * 1024;

    /// <summary>
    /// Deepest nesting of YAML or JSON mappings and lists, from 1 to <see cref="DepthCeiling"/>. Default 32.
    /// YAML stops at 1,000 levels whatever this says: its reader slows with every level (JSON does not).
    /// </summary>
    public int MaxDepth { get; init => field = InRange(value, 1, DepthCeiling); } = 32;

    /// <summary>Most YAML or JSON nodes (scalars, mappings, lists) in one file, at least 1. Default 200,000.</summary>
    public int MaxNodes { get; init => field = InRange(value, 1, int.MaxValue); } = 200_000;

    /// <summary>Longest scoring rule, in characters, at least 1. Default 200.</summary>
    public int MaxRuleLength { get; init => field = InRange(value, 1, int.MaxValue); } = 200;

    /// <summary>Most lines in a rubric, at least 1. Default 1,000.</summary>
    public int MaxLines { get; init => field = InRange(value, 1, int.MaxValue); } = 1_000;

    /// <summary>Most criteria in a rubric, all lines together, at least 1. Default 10,000.</summary>
    public int MaxCriteria { get; init => field = InRange(value, 1, int.MaxValue); } = 10_000;

    /// <summary>Most entries in one evidence list (months, publications, missing items), at least 1. Default 10,000.</summary>
    public int MaxListItems { get; init => field = InRange(value, 1, int.MaxValue); } = 10_000;

    private static int InRange(int value, int min, int max, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, min, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, max, name);
        return value;
    }
}
