namespace RubricEngine;

/// <summary>
/// Resource limits that hold for every file the library reads, so that a hostile or broken file
/// becomes a diagnostic in bounded time and memory. The defaults fit real rubrics with a wide margin.
/// </summary>
public sealed record LoadLimits
{
    /// <summary>The defaults.</summary>
    public static LoadLimits Default { get; } = new();

    /// <summary>Largest file read, in bytes. Default 4 MiB.</summary>
    public int MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Deepest nesting of YAML or JSON mappings and lists. Default 32.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Most YAML or JSON nodes (scalars, mappings, lists) in one file. Default 200,000.</summary>
    public int MaxNodes { get; init; } = 200_000;

    /// <summary>Longest scoring rule, in characters. Default 200.</summary>
    public int MaxRuleLength { get; init; } = 200;

    /// <summary>Most lines in a rubric. Default 1,000.</summary>
    public int MaxLines { get; init; } = 1_000;

    /// <summary>Most criteria in a rubric, all lines together. Default 10,000.</summary>
    public int MaxCriteria { get; init; } = 10_000;

    /// <summary>Most entries in one evidence list (months, publications, missing items). Default 10,000.</summary>
    public int MaxListItems { get; init; } = 10_000;
}
