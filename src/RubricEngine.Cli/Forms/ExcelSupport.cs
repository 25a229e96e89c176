namespace RubricEngine.Cli.Forms;

/// <summary>
/// ClosedXML (the Excel forms and the Excel report) needs runtime code generation, which the Native AOT build of the
/// tool does not have. Every use of it is guarded by <c>RuntimeFeature.IsDynamicCodeSupported</c> written out at the
/// call site: the AOT compiler reads that check as false and leaves ClosedXML out of the native binary, so the
/// binary has no trimming or AOT warning and says plainly what it cannot do. The .NET tool has it all.
/// </summary>
internal static class ExcelSupport
{
    public const string NotInNativeBuild =
        "the native build of rubric does not read or write Excel workbooks (.xlsx); use the .NET tool (dotnet tool install RubricEngine.Tool) for Excel, or YAML, JSON, CSV, HTML or Markdown";
}
