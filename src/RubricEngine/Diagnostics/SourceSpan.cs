namespace RubricEngine.Diagnostics;

/// <summary>
/// Where something is: a file name and a 1-based line and column, or, for evidence that has no text (built in code,
/// or given as a JSON value), the file label and the key path of the value, such as <c>organization.leading_group</c>.
/// </summary>
/// <param name="File">The file name as given by the caller (a path or a label such as <c>&lt;evidence&gt;</c>).</param>
/// <param name="Line">1-based line; 0 when the position is a <see cref="Path"/>.</param>
/// <param name="Column">1-based column, counted in UTF-16 characters; 0 when the position is a <see cref="Path"/>.</param>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    /// <summary>
    /// The key path of a value in evidence without text: <c>unit</c>, <c>lines</c>, a line id such as <c>organization</c>,
    /// <c>organization.leading_group</c>, <c>activities.activity_months[2]</c> or <c>publicity.publications[0].level</c>
    /// (list indexes start at 0). Null for a position in text.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>The span at the very start of <paramref name="file"/>.</summary>
    public static SourceSpan StartOf(string file) => new(file, 1, 1);

    /// <summary>The value at <paramref name="path"/> in evidence labelled <paramref name="file"/>; line and column are 0.</summary>
    /// <param name="file">The label of the evidence, such as <c>&lt;evidence&gt;</c>.</param>
    /// <param name="path">The key path, as <see cref="Path"/> describes it.</param>
    public static SourceSpan AtPath(string file, string path) => new(file, 0, 0) { Path = path };

    /// <summary>This span moved <paramref name="columns"/> characters to the right on the same line (a key path stays as it is).</summary>
    public SourceSpan Shift(int columns) => Path is null ? this with { Column = Column + columns } : this;

    /// <summary>Formats as <c>file(line,col)</c>, the compiler convention, or <c>file(key.path)</c> for a key path.</summary>
    public override string ToString() => Path is null ? $"{File}({Line},{Column})" : $"{File}({Path})";
}
