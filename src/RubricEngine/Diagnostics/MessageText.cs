using System.Collections.Immutable;
using System.Globalization;
using System.Resources;

namespace RubricEngine.Diagnostics;

/// <summary>
/// A message as a stable id and its arguments, rendered in any culture from the library's resources
/// (<c>Messages.resx</c> in English, <c>Messages.zh.resx</c> in Chinese). Codes, positions, ids and
/// quoted names are the same in every language; only the words around them change.
/// </summary>
/// <example>
/// <code>
/// var text = diagnostic.Text;                                   // id "UnknownFunction", arguments ["montly", …]
/// var chinese = text?.Format(CultureInfo.GetCultureInfo("zh-Hans")); // 未知的评分函数 'montly'，是否应为 'monthly'？
/// </code>
/// </example>
public sealed class MessageText : IEquatable<MessageText>
{
    private static readonly ResourceManager Resources = new("RubricEngine.Diagnostics.Messages", typeof(MessageText).Assembly);

    private readonly ResourceManager resources;

    private MessageText(string id, ImmutableArray<object> arguments, ResourceManager? resources = null)
    {
        Id = id;
        Arguments = arguments;
        this.resources = resources ?? Resources;
    }

    /// <summary>The message id, a key of <c>Messages.resx</c> such as <c>UnknownFunction</c>. Stable: services may match on it.</summary>
    public string Id { get; }

    /// <summary>The arguments in placeholder order: each a <see cref="string"/> (names, numbers, already invariant) or a nested <see cref="MessageText"/>.</summary>
    public ImmutableArray<object> Arguments { get; }

    /// <summary>Every message id the library has, for tools that check translations.</summary>
    public static IReadOnlyList<string> Ids =>
        [.. Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)];

    /// <summary>The message in <paramref name="culture"/> (Chinese for zh and every zh-* culture, English otherwise).</summary>
    /// <param name="culture">The language to write in; <see cref="CultureInfo.InvariantCulture"/> is English.</param>
    public string Format(CultureInfo culture)
    {
        var template = resources.GetString(Id, culture) ?? throw new InvalidOperationException($"no message '{Id}'");
        var rendered = Arguments.Select(a => a is MessageText nested ? nested.Format(culture) : (object)(a as string ?? "")).ToArray();
        // Numbers are already text in the invariant culture; the culture only picks the words.
        return string.Format(CultureInfo.InvariantCulture, template, rendered);
    }

    /// <summary>The English text.</summary>
    public override string ToString() => Format(CultureInfo.InvariantCulture);

    /// <summary>The raw template of a message id in a culture, with its <c>{0}</c> placeholders; null for an unknown id.</summary>
    /// <param name="id">A message id.</param>
    /// <param name="culture">The language.</param>
    public static string? TemplateOf(string id, CultureInfo culture) => Resources.GetString(id, culture);

    /// <summary>
    /// A message from another assembly's resources, for a tool that reports findings of its own (the <c>rubric</c>
    /// command's spreadsheet forms) in the same two languages: put it in <see cref="Diagnostic.Text"/>.
    /// </summary>
    /// <param name="resources">The tool's resources: an English neutral <c>.resx</c> and its <c>zh</c> twin.</param>
    /// <param name="id">The message id in them.</param>
    /// <param name="arguments">Strings (already invariant) or nested <see cref="MessageText"/>s of this library.</param>
    public static MessageText Create(ResourceManager resources, string id, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(resources);
        if (resources.GetString(id, CultureInfo.InvariantCulture) is null)
        {
            throw new ArgumentException($"no message '{id}' in {resources.BaseName}", nameof(id));
        }

        return new MessageText(id, [.. arguments], resources);
    }

    internal static MessageText Of(string id, params object[] arguments)
    {
        if (Resources.GetString(id, CultureInfo.InvariantCulture) is null)
        {
            throw new ArgumentException($"no message '{id}' in Messages.resx", nameof(id));
        }

        return new MessageText(id, [.. arguments]);
    }

    /// <summary>Nothing: an optional part of a message (a hint) that does not apply.</summary>
    internal static readonly MessageText None = new("None", []);

    /// <summary>A name quoted as written: <c>'key'</c> in every language.</summary>
    internal static MessageText Quoted(string name) => new("Quoted", [name]);


    /// <inheritdoc />
    public bool Equals(MessageText? other) =>
        other is not null && Id == other.Id && Arguments.SequenceEqual(other.Arguments);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MessageText);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Arguments.Length);
}
