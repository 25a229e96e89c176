using System.Collections.Immutable;

namespace RubricEngine;

/// <summary>What a veto (一票否决) does to the unit's result.</summary>
public enum VetoEffect
{
    /// <summary>The total becomes 0 (<c>effect: zero</c>).</summary>
    Zero,

    /// <summary>The total is at most the veto's cap (<c>effect: cap</c>).</summary>
    Cap,

    /// <summary>The total stays; the grade is the rubric's last, lowest grade (<c>effect: lowest_grade</c>).</summary>
    LowestGrade,
}

/// <summary>A veto's effect as the rubric writes it, for the score card's JSON and the diff.</summary>
internal static class VetoEffectNames
{
    public static string Of(VetoEffect effect) => effect switch
    {
        VetoEffect.Zero => "zero",
        VetoEffect.Cap => "cap",
        _ => "lowest_grade",
    };
}

/// <summary>A unit type of the rubric (<c>unit_types</c>): 区 and 开发区 may be scored by different rules.</summary>
/// <param name="Id">The id the evidence gives as <c>unit_type</c>, e.g. <c>zone</c>.</param>
/// <param name="Label">The name people know it by, e.g. 开发区.</param>
public sealed record RubricUnitType(string Id, string Label);

/// <summary>A veto the rubric declares (<c>vetoes</c>): a flag in the evidence that overrides the total.</summary>
/// <param name="Key">The key the evidence sets under <c>vetoes</c>, e.g. <c>major_accident</c>.</param>
/// <param name="Label">What happened, as the rubric says it (发生较大事故以上).</param>
/// <param name="Effect">What it does to the result.</param>
/// <param name="Cap">The highest total it allows, for <see cref="VetoEffect.Cap"/>; null otherwise.</param>
public sealed record RubricVeto(string Key, string Label, VetoEffect Effect, decimal? Cap);

/// <summary>A grade of the total (<c>grades</c>), highest first.</summary>
/// <param name="Id">The grade id, e.g. <c>excellent</c>.</param>
/// <param name="Label">Its name, e.g. 优秀.</param>
/// <param name="From">The lowest total it takes; null for a last grade that takes every total below the one before.</param>
public sealed record RubricGrade(string Id, string Label, decimal? From);

/// <summary>The grade a unit's total reached (or was forced to by a veto).</summary>
/// <param name="Id">The grade id, e.g. <c>good</c>.</param>
/// <param name="Label">Its name, e.g. 良好.</param>
public sealed record ScoreGrade(string Id, string Label);

/// <summary>A veto that applied to a unit: the evidence raised it.</summary>
/// <param name="Key">The veto's key.</param>
/// <param name="Label">What happened, as the rubric says it.</param>
/// <param name="Effect">What it did.</param>
/// <param name="Reason">Why the result is what it is, with the numbers: <c>一票否决：发生较大事故以上，总分 87.5 → 0</c>.</param>
public sealed record AppliedVeto(string Key, string Label, VetoEffect Effect, string Reason);
