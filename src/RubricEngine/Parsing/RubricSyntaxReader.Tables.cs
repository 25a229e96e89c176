using System.Collections.Immutable;
using RubricEngine.Diagnostics;
using RubricEngine.Loading;
using RubricEngine.Syntax;

namespace RubricEngine.Parsing;

/// <summary>The rubric's <c>tables:</c>: lookup tables as data, one shape of row per measure.</summary>
internal static partial class RubricSyntaxReader
{
    private static readonly string[] TableKeys = ["id", "measure", "unit", "rows", "columns"];
    private static readonly string[] BandRowKeys = ["from", "to", "below", "points", "share", "grade"];
    private static readonly string[] CategoryRowKeys = ["id", "label", "points", "share", "min", "max"];
    private static readonly string[] GridRowKeys = ["id", "label", "cells"];

    /// <summary>The most (or, negated, the least) points a table cell or row may give, like a function's argument.</summary>
    public const decimal MaxRowPoints = 1000m;

    private static readonly Dictionary<string, TableMeasure> Measures = new(StringComparer.Ordinal)
    {
        ["count"] = TableMeasure.Count,
        ["amount"] = TableMeasure.Amount,
        ["percent"] = TableMeasure.Percent,
        ["met"] = TableMeasure.Met,
        ["missing"] = TableMeasure.Missing,
        ["category"] = TableMeasure.Category,
        ["grid"] = TableMeasure.Grid,
    };

    /// <summary>
    /// A table, or null after reporting why it cannot be read; its id, when readable, goes to <paramref name="unreadable"/>
    /// then, so that a criterion naming it is not told the table does not exist.
    /// </summary>
    private static TableSyntax? ReadTable(TreeNode node, LoadLimits limits, List<Diagnostic> diagnostics, List<string> unreadable)
    {
        if (Values.Mapping(node, MessageText.Of("WhatTable"), diagnostics) is not { } mapping)
        {
            return null;
        }

        var reportedBefore = diagnostics.Count;
        var reader = new MappingReader(mapping, MessageText.Of("WhatTable"), TableKeys, diagnostics);
        var id = Identifier(reader, "id", MessageText.Of("WhatTableId"), diagnostics);
        var name = id?.Value ?? "?";
        TableMeasure? measure = null;
        if (reader.Text("measure") is { } measureName)
        {
            if (Measures.TryGetValue(measureName, out var known))
            {
                measure = known;
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, reader.Node("measure", false)!.Span,
                    MessageText.Of("UnknownMeasure", measureName, Suggestions.DidYouMean(measureName, Measures.Keys), string.Join(", ", Measures.Keys))));
            }
        }

        var unit = reader.Node("unit", required: false) is { } unitNode ? Values.Text(unitNode, MessageText.Quoted("unit"), diagnostics) : null;
        var columnsNode = reader.Node("columns", required: false);
        if (measure is { } m && m != TableMeasure.Grid && columnsNode is not null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, reader.KeyNode("columns")!.Span, MessageText.Of("ColumnsOnlyForGrid", name)));
        }

        var columns = measure == TableMeasure.Grid
            ? ReadList(reader, "columns", required: true, limits.MaxLines, diagnostics, c => ReadColumn(c, diagnostics))
            : [];
        var rowsNode = reader.List("rows");
        if (rowsNode is { Items.Length: 0 })
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, rowsNode.Span, MessageText.Of("ListEmpty", MessageText.Quoted("rows"))));
        }

        var bands = ImmutableArray.CreateBuilder<BandRowSyntax>();
        var categories = ImmutableArray.CreateBuilder<CategoryRowSyntax>();
        var gridRows = ImmutableArray.CreateBuilder<GridRowSyntax>();
        if (measure is { } measured && rowsNode is not null)
        {
            if (rowsNode.Items.Length > limits.MaxLines)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, rowsNode.Span, MessageText.Of("TooManyEntries", MessageText.Quoted("rows"),
                    Numbers.Format(rowsNode.Items.Length), Numbers.Format(limits.MaxLines))));
            }
            else
            {
                var columnIds = columns.Select(c => c.Id.Value).ToList();
                for (var i = 0; i < rowsNode.Items.Length; i++)
                {
                    var what = MessageText.Of("WhatTableRow", Numbers.Format(i + 1), name);
                    if (Values.Mapping(rowsNode.Items[i], what, diagnostics) is not { } row)
                    {
                        continue;
                    }

                    switch (measured)
                    {
                        case TableMeasure.Category when ReadCategoryRow(row, i + 1, what, diagnostics) is { } category:
                            categories.Add(category);
                            break;
                        case TableMeasure.Grid when ReadGridRow(row, what, columnIds, diagnostics) is { } gridRow:
                            gridRows.Add(gridRow);
                            break;
                        case not (TableMeasure.Category or TableMeasure.Grid) when ReadBandRow(row, i + 1, what, name, measured, diagnostics) is { } band:
                            bands.Add(band);
                            break;
                    }
                }
            }
        }

        if (diagnostics.HasErrorsSince(reportedBefore) || id is null || measure is null)
        {
            if (id is not null)
            {
                unreadable.Add(id.Value.Value);
            }

            return null;
        }

        return new TableSyntax(id.Value, measure.Value, unit, mapping.Span, bands.ToImmutable(), categories.ToImmutable(), columns, gridRows.ToImmutable());
    }

    private static BandRowSyntax? ReadBandRow(MappingNode row, int number, MessageText what, string table, TableMeasure measure, List<Diagnostic> diagnostics)
    {
        var reportedBefore = diagnostics.Count;
        var reader = new MappingReader(row, what, BandRowKeys, diagnostics);
        var from = Bound(reader, "from", table, measure, diagnostics);
        var to = Bound(reader, "to", table, measure, diagnostics);
        var below = Bound(reader, "below", table, measure, diagnostics);
        if (to is not null && below is not null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, reader.KeyNode("below")!.Span, MessageText.Of("ToAndBelow", what)));
        }

        var award = ReadAward(reader, what, diagnostics);
        var grade = reader.Node("grade", required: false) is { } gradeNode ? Values.Text(gradeNode, MessageText.Quoted("grade"), diagnostics) : null;
        if (award is null && !diagnostics.HasErrorsSince(reportedBefore))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, row.Span, MessageText.Of("RowNeedsAward", what)));
        }

        return diagnostics.HasErrorsSince(reportedBefore) || award is null ? null : new BandRowSyntax(number, row.Span, from, to, below, award.Value, grade);
    }

    /// <summary>A band's bound: a percentage in a percent table (<c>95%</c>), a plain number in any other.</summary>
    private static Located<decimal>? Bound(MappingReader reader, string key, string table, TableMeasure measure, List<Diagnostic> diagnostics)
    {
        if (reader.Node(key, required: false) is not { } node)
        {
            return null;
        }

        if (measure == TableMeasure.Percent)
        {
            return Values.Percent(node, MessageText.Quoted(key), diagnostics) is { } ratio ? new Located<decimal>(ratio, node.Span) : null;
        }

        if (node is ScalarNode { Kind: ScalarKind.Plain } scalar && scalar.Value.EndsWith('%'))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongType, node.Span,
                MessageText.Of("PercentInNumberTable", key, scalar.Value, table, measure.ToString().ToLowerInvariant(), scalar.Value.TrimEnd('%'))));
            return null;
        }

        return Values.Decimal(node, MessageText.Quoted(key), diagnostics) is { } value ? new Located<decimal>(value, node.Span) : null;
    }

    /// <summary>Fixed <c>points</c> or a <c>share</c> of the criterion's points; null when neither is given, after an error when both are.</summary>
    private static AwardSyntax? ReadAward(MappingReader reader, MessageText what, List<Diagnostic> diagnostics)
    {
        var points = RowPoints(reader.Node("points", required: false), "points", diagnostics);
        decimal? share = null;
        if (reader.Node("share", required: false) is { } shareNode && Values.Percent(shareNode, MessageText.Quoted("share"), diagnostics) is { } ratio)
        {
            if (ratio is < 0m or > 1m)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, shareNode.Span, MessageText.Of("ShareRange", PercentText.Format(ratio))));
            }

            share = ratio;
        }

        if (reader.Node("points", false) is not null && reader.Node("share", false) is not null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, reader.KeyNode("share")!.Span, MessageText.Of("PointsAndShare", what)));
            return null;
        }

        return points is not null || share is not null ? new AwardSyntax(points, share) : null;
    }

    private static decimal? RowPoints(TreeNode? node, string key, List<Diagnostic> diagnostics)
    {
        if (node is null || Values.Decimal(node, MessageText.Quoted(key), diagnostics) is not { } value)
        {
            return null;
        }

        if (value is < -MaxRowPoints or > MaxRowPoints)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, node.Span,
                MessageText.Of("RowPointsRange", key, Numbers.Format(-MaxRowPoints), Numbers.Format(MaxRowPoints), Numbers.Format(value))));
            return null;
        }

        return value;
    }

    private static CategoryRowSyntax? ReadCategoryRow(MappingNode row, int number, MessageText what, List<Diagnostic> diagnostics)
    {
        var reportedBefore = diagnostics.Count;
        var reader = new MappingReader(row, what, CategoryRowKeys, diagnostics);
        var id = Identifier(reader, "id", MessageText.Of("WhatTableRowId"), diagnostics);
        var label = reader.Text("label");
        var award = ReadAward(reader, what, diagnostics);
        var minNode = reader.Node("min", required: false);
        var maxNode = reader.Node("max", required: false);
        var min = RowPoints(minNode, "min", diagnostics);
        var max = RowPoints(maxNode, "max", diagnostics);
        if ((minNode is null) != (maxNode is null))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, row.Span, MessageText.Of("RangeNeedsBoth", what)));
        }
        else if (minNode is not null && (reader.Node("points", false) is not null || reader.Node("share", false) is not null))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, reader.KeyNode("min")!.Span, MessageText.Of("RangeAndPoints", what)));
        }
        else if (min is { } low && max is { } high && low > high)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, minNode!.Span, MessageText.Of("RangeOrder", what, Numbers.Format(low), Numbers.Format(high))));
        }
        else if (minNode is null && award is null && !diagnostics.HasErrorsSince(reportedBefore))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, row.Span, MessageText.Of("CategoryNeedsAward", what)));
        }

        return diagnostics.HasErrorsSince(reportedBefore) || id is null || label is null
            ? null
            : new CategoryRowSyntax(number, id.Value, label, award ?? default, min, max);
    }

    private static GridColumnSyntax? ReadColumn(TreeNode node, List<Diagnostic> diagnostics) =>
        ReadIdAndLabel(node, "WhatTableColumn", "WhatTableColumnId", diagnostics) is { } column ? new GridColumnSyntax(column.Id, column.Label) : null;

    private static GridRowSyntax? ReadGridRow(MappingNode row, MessageText what, List<string> columns, List<Diagnostic> diagnostics)
    {
        var reportedBefore = diagnostics.Count;
        var reader = new MappingReader(row, what, GridRowKeys, diagnostics);
        var id = Identifier(reader, "id", MessageText.Of("WhatTableRowId"), diagnostics);
        var label = reader.Text("label");
        var cells = ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        if (reader.Mapping("cells") is { } cellsNode)
        {
            foreach (var entry in cellsNode.Entries)
            {
                // Without readable columns the table's own error says so: every cell would be "unknown" too.
                if (columns.Count > 0 && !columns.Contains(entry.Key.Value))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownKey, entry.Key.Span, MessageText.Of("UnknownColumn",
                        entry.Key.Value, what, Suggestions.DidYouMean(entry.Key.Value, columns), string.Join(", ", columns))));
                }
                else if (RowPoints(entry.Value, entry.Key.Value, diagnostics) is { } points)
                {
                    cells[entry.Key.Value] = points;
                }
            }

            if (cellsNode.Entries.Length == 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, cellsNode.Span, MessageText.Of("ListEmpty", MessageText.Quoted("cells"))));
            }
        }

        return diagnostics.HasErrorsSince(reportedBefore) || id is null || label is null ? null : new GridRowSyntax(id.Value, label, cells.ToImmutable());
    }
}
