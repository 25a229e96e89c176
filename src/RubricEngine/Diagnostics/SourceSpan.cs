namespace RubricEngine.Diagnostics;

/// <summary>Where something is in a source file: the file name and a 1-based line and column.</summary>
/// <param name="File">The file name as given by the caller (a path or a label such as <c>&lt;stdin&gt;</c>).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, counted in UTF-16 characters.</param>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    /// <summary>The span at the very start of <paramref name="file"/>.</summary>
    public static SourceSpan StartOf(string file) => new(file, 1, 1);

    /// <summary>This span moved <paramref name="columns"/> characters to the right on the same line.</summary>
    public SourceSpan Shift(int columns) => this with { Column = Column + columns };

    /// <summary>Formats as <c>file(line,col)</c>, the compiler convention.</summary>
    public override string ToString() => $"{File}({Line},{Column})";
}
