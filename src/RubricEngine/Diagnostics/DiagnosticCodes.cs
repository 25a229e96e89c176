namespace RubricEngine.Diagnostics;

/// <summary>
/// Every diagnostic code the library reports. Codes are stable: scripts may match on them.
/// RE00xx: files and YAML; RE01xx: the scoring DSL; RE02xx: rubric meaning; RE03xx: evidence.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>A defect in the library itself; the file is refused. Please report it.</summary>
    public const string InternalError = "RE0000";
    /// <summary>The file cannot be read (not found, no permission).</summary>
    public const string FileUnreadable = "RE0001";
    /// <summary>The file is larger than <see cref="LoadLimits.MaxFileBytes"/>.</summary>
    public const string FileTooLarge = "RE0002";
    /// <summary>The file is not UTF-8 (UTF-16, GBK and the like).</summary>
    public const string Encoding = "RE0003";
    /// <summary>The YAML or JSON is malformed.</summary>
    public const string Syntax = "RE0004";
    /// <summary>A YAML tag, anchor, alias or merge key: rubric and evidence files do not need them.</summary>
    public const string YamlFeatureRefused = "RE0005";
    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = "RE0006";
    /// <summary>A resource limit was exceeded (depth, node count, lines, criteria, rule length).</summary>
    public const string LimitExceeded = "RE0007";
    /// <summary>More than one YAML document in the file, or an empty file.</summary>
    public const string DocumentShape = "RE0008";
    /// <summary>A key the schema does not know.</summary>
    public const string UnknownKey = "RE0010";
    /// <summary>A required key is absent.</summary>
    public const string MissingKey = "RE0011";
    /// <summary>A value of the wrong type: a list where a number belongs, text where a boolean belongs.</summary>
    public const string WrongType = "RE0012";
    /// <summary>A value of the right type that is not allowed (a negative points value, an unknown rounding mode).</summary>
    public const string InvalidValue = "RE0013";

    /// <summary>A scoring rule does not follow the DSL grammar.</summary>
    public const string RuleSyntax = "RE0100";
    /// <summary>A character the DSL does not use, such as a full-width digit or an invisible space.</summary>
    public const string RuleCharacter = "RE0101";
    /// <summary>A scoring function that the catalogue does not know.</summary>
    public const string UnknownFunction = "RE0102";
    /// <summary>A modifier that the catalogue does not know.</summary>
    public const string UnknownModifier = "RE0103";
    /// <summary>A function called with the wrong number of arguments.</summary>
    public const string WrongArity = "RE0104";
    /// <summary>An argument outside the range its parameter accepts.</summary>
    public const string ArgumentOutOfRange = "RE0105";
    /// <summary>A modifier repeated, conflicting with another, misplaced, or not valid for the function.</summary>
    public const string ModifierConflict = "RE0106";
    /// <summary>A rule without a scoring function, or with two.</summary>
    public const string RuleShape = "RE0107";

    /// <summary>Warning: a line's nominal points differ from what its criteria can award.</summary>
    public const string NominalNotAchievable = "RE0201";
    /// <summary>Warning: a floor that no evidence can reach.</summary>
    public const string FloorNeverReached = "RE0202";
    /// <summary>A criterion can score above its points without <c>cap</c> or <c>uncapped</c>.</summary>
    public const string CapExceedsPoints = "RE0203";
    /// <summary>A floor above the cap.</summary>
    public const string FloorAboveCap = "RE0204";
    /// <summary>Two lines with one id, or two criteria with one evidence key in a line.</summary>
    public const string DuplicateId = "RE0205";
    /// <summary>A line names a section that is not declared.</summary>
    public const string UnknownSection = "RE0206";
    /// <summary>Points that do not add up: lines to their section, sections to the total, criteria to their line.</summary>
    public const string PointsMismatch = "RE0207";
    /// <summary>A tiered rule whose tiers do not match the rubric's levels.</summary>
    public const string TiersMismatch = "RE0208";
    /// <summary>A criterion whose keys or items do not fit its function.</summary>
    public const string CriterionShape = "RE0209";
    /// <summary>Warning: a deduction per case (a negative rate) can take more than the criterion's points, and no floor stops it.</summary>
    public const string DeductionExceedsPoints = "RE0210";
    /// <summary>Warning: a grade or a veto's cap that no total the rubric can give would ever meet.</summary>
    public const string NeverApplies = "RE0220";
    /// <summary>Two rows of a lookup table match a common value (the message names the smallest).</summary>
    public const string TableOverlap = "RE0230";
    /// <summary>Warning: values between two rows of a lookup table that no row matches; they score 0.</summary>
    public const string TableGap = "RE0231";
    /// <summary>Warning: a row of a lookup table that no evidence can reach.</summary>
    public const string TableRowUnreachable = "RE0232";

    /// <summary>Evidence names a line the rubric does not have.</summary>
    public const string UnknownLine = "RE0301";
    /// <summary>Evidence names a key the line does not define.</summary>
    public const string UnknownEvidenceKey = "RE0302";
    /// <summary>Evidence value out of range: month 13, quarter 5, a negative count, a judged score outside its range.</summary>
    public const string EvidenceOutOfRange = "RE0303";
    /// <summary>Evidence for another rubric.</summary>
    public const string WrongRubric = "RE0304";
    /// <summary>Warning: a key the line defines was not given; it scores 0.</summary>
    public const string MissingEvidence = "RE0305";
    /// <summary>A publication level or an item id the rubric does not know.</summary>
    public const string UnknownEvidenceValue = "RE0306";
    /// <summary>Warning: a month or quarter listed twice counts once.</summary>
    public const string RepeatedPeriod = "RE0307";
    /// <summary>Warning: the evidence names another version of the rubric than the one scoring it.</summary>
    public const string OtherVersion = "RE0308";
    /// <summary>Warning: evidence of another version names a line or key this version does not have, or a value it no longer accepts; it is not scored.</summary>
    public const string NotInThisVersion = "RE0309";
}
