using System.Globalization;
using System.Resources;
using RubricEngine.Diagnostics;

namespace RubricEngine.Cli;

/// <summary>
/// The tool's own sentences (help, summaries, refusals) from <c>CliMessages.resx</c> and its Chinese twin, and the
/// choice of language: <c>--lang zh|en</c>, else <c>RUBRIC_LANG</c>, else the UI culture (any zh* is Chinese), else English.
/// </summary>
internal static class CliText
{
    /// <summary>
    /// The culture that picks the Chinese resources, of the library and of the tool: neutral <c>zh</c>, because the tool
    /// runs without ICU (InvariantGlobalization, for Native AOT), where "zh-Hans" becomes "zh-HANS" and its satellite
    /// folder is not found on a case-sensitive file system; "zh" is "zh" in both modes.
    /// </summary>
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh");

    /// <summary>
    /// The UI culture for libraries that ship zh-Hans resources (System.CommandLine): zh-Hans where ICU names it so,
    /// else <see cref="Chinese"/> (their words then stay English; ours are Chinese either way).
    /// </summary>
    public static CultureInfo ChineseUiCulture { get; } =
        CultureInfo.GetCultureInfo("zh-Hans") is { Name: "zh-Hans" } simplified ? simplified : Chinese;

    /// <summary>English: the neutral resources, the language the library writes by default.</summary>
    public static readonly CultureInfo English = CultureInfo.InvariantCulture;

    private static readonly ResourceManager Resources = new("RubricEngine.Cli.CliMessages", typeof(CliText).Assembly);

    /// <summary>The language a run speaks; read before the commands are built, so that their help is in it too.</summary>
    /// <param name="uiCulture">The system's language: the UI culture's name, or without ICU the POSIX locale (zh_CN.UTF-8).</param>
    public static CultureInfo Resolve(string[] args, string? environment, string uiCulture)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Length)
            {
                return Of(args[i + 1]) ?? English;
            }

            if (args[i].StartsWith("--lang=", StringComparison.Ordinal))
            {
                return Of(args[i]["--lang=".Length..]) ?? English;
            }
        }

        return Of(environment) ?? (IsChinese(uiCulture) ? Chinese : English);
    }

    /// <summary>
    /// The system's language. The tool runs without ICU (InvariantGlobalization, for Native AOT), where the UI culture is
    /// always invariant; the POSIX locale variables then say what the desktop speaks.
    /// </summary>
    public static string SystemLanguage()
    {
        var name = CultureInfo.CurrentUICulture.Name;
        return name.Length > 0 ? name
            : new[] { "LC_ALL", "LC_MESSAGES", "LANG" }.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "";
    }

    /// <summary>A sentence in <paramref name="culture"/>, numbers already written as invariant text by the caller.</summary>
    public static string Get(CultureInfo culture, string id, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, Resources.GetString(id, culture) ?? throw new InvalidOperationException($"no CLI message '{id}'"), arguments);

    /// <summary>A finding of the tool itself (a pattern that named nothing, a form it cannot read), in both languages.</summary>
    public static Diagnostic Error(string code, SourceSpan span, string id, params object[] arguments)
    {
        var text = MessageText.Create(Resources, id, arguments);
        return new Diagnostic(code, DiagnosticSeverity.Error, text.ToString(), span) { Text = text };
    }

    /// <summary>"1 error", "3 warnings", "2 个错误".</summary>
    public static string Count(CultureInfo culture, int n, string noun) =>
        n == 1 ? Get(culture, noun + "1") : Get(culture, noun + "N", n.ToString(CultureInfo.InvariantCulture));

    /// <summary>Every message id of the tool, for the test that holds both languages to the same placeholders.</summary>
    public static IReadOnlyList<string> Ids =>
        [.. Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];

    /// <summary>The raw template of an id in a culture.</summary>
    public static string? TemplateOf(string id, CultureInfo culture) => Resources.GetString(id, culture);

    private static CultureInfo? Of(string? language) => language?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        var zh when IsChinese(zh) => Chinese,
        "en" or "en-us" or "en-gb" or "english" => English,
        _ => null,
    };

    private static bool IsChinese(string name) => name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
