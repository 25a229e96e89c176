using System.Collections.Immutable;
using System.Globalization;
using RubricEngine.Diagnostics;
using RubricEngine.Loading;
using RubricEngine.Runtime;

namespace RubricEngine.Evidence;

/// <summary>
/// Reads an evidence file's tree against a compiled rubric, straight into the rubric's <see cref="EvidenceRow"/>:
/// every line id, key and value is checked, and a file with any error yields no evidence at all, so nothing is
/// scored from it.
/// </summary>
internal static partial class EvidenceReader
{
    private static readonly string[] TopKeys = ["rubric", "version", "unit", "unit_type", "year", "vetoes", "lines"];
    private static readonly string[] PublicationKeys = ["item", "level"];
    private static readonly string[] CategoryKeys = ["category", "points"];
    private static readonly string[] GridKeys = ["item", "row", "column"];

    /// <param name="rubric">The id and version of the rubric scoring it, and how far evidence of another version is accepted.</param>
    public static EvidenceSet? Read(TreeNode root, string file, EvidenceTarget rubric, CompiledRubric compiled, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        var lines = compiled.Lines;
        var row = new EvidenceRow(compiled.SlotCount);
        var rubricId = rubric.Id;
        var reportedBefore = diagnostics.Count;
        var warnings = new List<Diagnostic>();
        if (Values.Mapping(root, MessageText.Of("WhatAnEvidenceFile"), diagnostics) is not { } mapping)
        {
            return null;
        }

        var reader = new MappingReader(mapping, MessageText.Of("WhatEvidenceFile"), TopKeys, diagnostics);
        if (reader.Text("rubric") is { } named && named != rubricId && named != rubric.PreviousId)
        {
            // Every line of another rubric's evidence would be "unknown" too: the one real error is enough.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongRubric, reader.Node("rubric", false)!.Span,
                MessageText.Of("WrongRubric", named, rubricId)));
            return null;
        }

        var reading = ReadVersion(reader, rubric, diagnostics, warnings);
        var unit = reader.Text("unit");
        var year = ReadYear(reader, diagnostics);
        ReadUnitType(reader, compiled, rubricId, row, diagnostics);
        ReadVetoes(reader, compiled, rubricId, row, diagnostics);
        var linesNode = reader.Mapping("lines");
        var byId = compiled.LinesById;
        var lineSpans = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);

        foreach (var entry in linesNode?.Entries ?? [])
        {
            var lineId = entry.Key.Value;
            if (!byId.TryGetValue(lineId, out var line))
            {
                if (reading.Lenient)
                {
                    warnings.Add(Diagnostic.Warning(DiagnosticCodes.NotInThisVersion, entry.Key.Span,
                        MessageText.Of("VersionHasNoLine", reading.ThisVersion, lineId)));
                    continue;
                }

                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownLine, entry.Key.Span,
                    MessageText.Of("UnknownLine", rubricId, lineId, Suggestions.DidYouMean(lineId, byId.Keys), Values.FullWidthHint(lineId))));
                continue;
            }

            lineSpans[lineId] = entry.Key.Span;
            if (entry.Value is ScalarNode { IsNull: true })
            {
                continue; // a line left empty: every key is missing, reported below
            }

            if (Values.Mapping(entry.Value, MessageText.Of("WhatLine", lineId), diagnostics) is { } keys)
            {
                ReadLine(line, keys, lines, row, limits, reading, diagnostics, warnings);
            }
        }

        if (linesNode is not null)
        {
            // Strict: evidence not given is an error like any other, so it is reported before the file is judged.
            ReportMissing(lines, row, lineSpans, reader.KeyNode("lines")!.Span, rubric.Strict ? diagnostics : warnings, rubric.Strict);
        }

        if (diagnostics.HasErrorsSince(reportedBefore) || unit is null || linesNode is null)
        {
            return null;
        }

        return new EvidenceSet(file, unit, year, row,
            [.. warnings.OrderBy(w => w.Span.Line).ThenBy(w => w.Span.Column).ThenBy(w => w.Span.Path, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Reads the evidence's <c>version</c>. Evidence collected for another version of the rubric is scored with a
    /// warning, and the lines and keys this version no longer has become warnings too: nothing is refused for being old.
    /// </summary>
    private static VersionReading ReadVersion(MappingReader reader, EvidenceTarget rubric, List<Diagnostic> diagnostics, List<Diagnostic> warnings)
    {
        var thisVersion = rubric.Version is null ? MessageText.Of("ThisRubric", rubric.Id) : MessageText.Of("ThisVersion", rubric.Version, rubric.Id);
        if (reader.Node("version", required: false) is not { } node || Values.Text(node, MessageText.Quoted("version"), diagnostics) is not { } version
            || version == rubric.Version)
        {
            return new VersionReading(rubric.IsRevision, rubric.IsRevision, thisVersion);
        }

        warnings.Add(Diagnostic.Warning(DiagnosticCodes.OtherVersion, node.Span, rubric.Version is null
            ? MessageText.Of("OtherVersionNoVersion", version, rubric.Id)
            : MessageText.Of("OtherVersion", version, thisVersion)));
        return new VersionReading(Lenient: true, rubric.IsRevision, thisVersion);
    }

    private static int? ReadYear(MappingReader reader, List<Diagnostic> diagnostics)
    {
        if (reader.Node("year", required: false) is not { } node || Values.Decimal(node, MessageText.Quoted("year"), diagnostics, MessageText.Of("ExpectYear")) is not { } year)
        {
            return null;
        }

        if (year != decimal.Truncate(year) || year is < 1900 or > 2999)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EvidenceOutOfRange, reader.Node("year", false)!.Span,
                MessageText.Of("YearOutOfRange", Numbers.Format(year))));
            return null;
        }

        return (int)year;
    }

    private static void ReadLine(CompiledLine line, MappingNode keys, IReadOnlyList<CompiledLine> lines, EvidenceRow row,
        LoadLimits limits, VersionReading reading, List<Diagnostic> diagnostics, List<Diagnostic> warnings)
    {
        foreach (var entry in keys.Entries)
        {
            var key = entry.Key.Value;
            if (!line.Slots.TryGetValue(key, out var slot))
            {
                if (reading.Lenient)
                {
                    warnings.Add(Diagnostic.Warning(DiagnosticCodes.NotInThisVersion, entry.Key.Span,
                        MessageText.Of("VersionHasNoKey", reading.ThisVersion, $"{line.Info.Id}.{key}")));
                    continue;
                }

                var owner = lines.FirstOrDefault(l => l.Slots.ContainsKey(key));
                var hint = owner is not null
                    ? MessageText.Of("KeyBelongsTo", key, owner.Info.Id)
                    : Suggestions.DidYouMean(key, line.Slots.Keys);
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownEvidenceKey, entry.Key.Span,
                    MessageText.Of("UnknownEvidenceKey", line.Info.Id, key, hint, string.Join(", ", line.Slots.Keys), Values.FullWidthHint(key))));
                continue;
            }

            if (entry.Value is ScalarNode { IsNull: true })
            {
                continue; // a key left empty ('~' or nothing) is not given, as if it were not written: warned about below
            }

            // In a revision, a value that fitted the old rule but not the new one (months where quarters are now
            // asked for) is a warning and scores as absent: the evidence was valid when it was collected.
            var reportedBefore = diagnostics.Count;
            ReadValue(entry.Value, slot, MessageText.Quoted($"{line.Info.Id}.{key}"), row, limits, diagnostics, warnings);
            if (reading.Revision && diagnostics.HasErrorsSince(reportedBefore))
            {
                var found = diagnostics.GetRange(reportedBefore, diagnostics.Count - reportedBefore);
                diagnostics.RemoveRange(reportedBefore, found.Count);
                warnings.AddRange(found.Where(d => d.IsError).Select(d => Diagnostic.Warning(DiagnosticCodes.NotInThisVersion, d.Span,
                    MessageText.Of("AsVersionReadsIt", d.Text ?? (object)d.Message, reading.ThisVersion, $"{line.Info.Id}.{key}"))));
            }
        }

        foreach (var criterion in line.Criteria)
        {
            if (criterion.Runtime.Check(row) is not { } problem)
            {
                continue;
            }

            var key = criterion.Slots[problem.SlotPosition].Key;
            var at = keys.Entries.First(e => e.Key.Value == key).Value.Span;
            if (reading.Revision)
            {
                warnings.Add(Diagnostic.Warning(DiagnosticCodes.NotInThisVersion, at,
                    MessageText.Of("ValueIsInVersion", $"{line.Info.Id}.{key}", problem.Message, reading.ThisVersion)));
                row.Clear(criterion.Slots[problem.SlotPosition].Index);
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EvidenceOutOfRange, at, MessageText.Of("ValueIs", $"{line.Info.Id}.{key}", problem.Message)));
            }
        }
    }

    /// <summary>Reads one value into its slot of the row; on any error the slot stays empty and the error is reported.</summary>
    private static void ReadValue(TreeNode node, EvidenceSlot slot, MessageText what, EvidenceRow row, LoadLimits limits, List<Diagnostic> diagnostics, List<Diagnostic> warnings)
    {
        switch (slot.Kind)
        {
            case EvidenceKind.Flag when Values.Bool(node, what, diagnostics) is { } flag:
                row.SetFlag(slot.Index, flag);
                break;
            case EvidenceKind.Months when ReadPeriods(node, what, 12, "month", limits, diagnostics, warnings) is { } months:
                row.SetPeriods(slot.Index, months);
                break;
            case EvidenceKind.Quarters when ReadPeriods(node, what, 4, "quarter", limits, diagnostics, warnings) is { } quarters:
                row.SetPeriods(slot.Index, quarters);
                break;
            case EvidenceKind.Count when ReadNumber(node, slot, what, wholeNumber: true, diagnostics) is { } count:
                row.SetNumber(slot.Index, count);
                break;
            case EvidenceKind.Amount when ReadNumber(node, slot, what, wholeNumber: false, diagnostics) is { } amount:
                row.SetNumber(slot.Index, amount);
                break;
            case EvidenceKind.Percent when ReadPercent(node, slot, what, diagnostics) is { } percent:
                row.SetNumber(slot.Index, percent);
                break;
            case EvidenceKind.Publications when ReadPublications(node, slot, what, limits, diagnostics) is { } publications:
                row.SetPublications(slot.Index, publications);
                break;
            case EvidenceKind.ItemIds when ReadItemIds(node, slot, what, limits, diagnostics, warnings) is { } items:
                row.SetItems(slot.Index, items);
                break;
            case EvidenceKind.Category when ReadCategory(node, slot, what, diagnostics) is { } category:
                row.SetChoice(slot.Index, category.Row, category.Points);
                break;
            case EvidenceKind.Grid when ReadGrid(node, slot, what, limits, diagnostics) is { } entries:
                row.SetGrid(slot.Index, entries);
                break;
        }
    }

    /// <summary>The distinct periods as a bit set (bit p for period p), or null after reporting an error.</summary>
    private static uint? ReadPeriods(TreeNode node, MessageText what, int periods, string noun, LoadLimits limits, List<Diagnostic> diagnostics, List<Diagnostic> warnings)
    {
        // The expected shape is spelled out only for the message, not on every read.
        var expected = node is SequenceNode ? MessageText.None : MessageText.Of(noun == "month" ? "ExpectMonths" : "ExpectQuarterList");
        if (ReadList(node, what, expected, limits, diagnostics) is not { } list)
        {
            return null;
        }

        var seen = 0u;
        List<(string Value, SourceSpan Span)>? repeats = null;
        var valid = true;
        foreach (var item in list.Items)
        {
            // The usual case, a plain 1 to 12, is read directly; anything else takes the way with messages.
            if (item is ScalarNode { Kind: ScalarKind.Plain, Value: { Length: 1 or 2 } text }
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var period) && period >= 1 && period <= periods)
            {
                if ((seen & (1u << period)) != 0)
                {
                    (repeats ??= []).Add((Numbers.Format(period), item.Span));
                }

                seen |= 1u << period;
                continue;
            }

            if (Values.Decimal(item, MessageText.Of(noun == "month" ? "WhatMonthIn" : "WhatQuarterIn", what), diagnostics,
                    MessageText.Of("ExpectWholeFromTo", "1", Numbers.Format(periods))) is not { } number)
            {
                valid = false;
                continue;
            }

            if (number != decimal.Truncate(number) || number < 1 || number > periods)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EvidenceOutOfRange, item.Span,
                    MessageText.Of(noun == "month" ? "NotAMonth" : "NotAQuarter", Numbers.Format(number))));
                valid = false;
                continue;
            }

            var bit = 1u << (int)number;
            if ((seen & bit) != 0)
            {
                (repeats ??= []).Add((Numbers.Format(number), item.Span));
            }

            seen |= bit;
        }

        if (repeats is not null)
        {
            WarnAboutRepeats(repeats, what, MessageText.Of(noun == "month" ? "NounMonth" : "NounQuarter"), warnings);
        }

        return valid ? seen : null;
    }

    private static decimal? ReadNumber(TreeNode node, EvidenceSlot slot, MessageText what, bool wholeNumber, List<Diagnostic> diagnostics)
    {
        if (Values.Decimal(node, what, diagnostics, MessageText.Of(wholeNumber ? "ExpectWhole" : "ExpectDecimal")) is not { } number)
        {
            return null;
        }

        if (wholeNumber && number != decimal.Truncate(number))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EvidenceOutOfRange, node.Span, MessageText.Of("NotWhole", what, Numbers.Format(number))));
            return null;
        }

        if (number < slot.Min || number > slot.Max)
        {
            var range = slot.Max is { } max ? MessageText.Of("RangeFromTo", Numbers.Format(slot.Min), Numbers.Format(max)) : MessageText.Of("RangeAtLeast", Numbers.Format(slot.Min));
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EvidenceOutOfRange, node.Span, MessageText.Of("OutOfRange", what, range, Numbers.Format(number))));
            return null;
        }

        return number;
    }

    /// <summary>A percentage (<c>76.5%</c>) as a ratio within the slot's range, or null after an error.</summary>
    private static decimal? ReadPercent(TreeNode node, EvidenceSlot slot, MessageText what, List<Diagnostic> diagnostics)
    {
        if (Values.Percent(node, what, diagnostics) is not { } ratio)
        {
            return null;
        }

        var max = slot.Max ?? PercentText.MaxRatio;
        if (ratio < slot.Min || ratio > max)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EvidenceOutOfRange, node.Span, MessageText.Of("OutOfRange", what,
                MessageText.Of("RangeFromTo", PercentText.Format(slot.Min), PercentText.Format(max)), PercentText.Format(ratio))));
            return null;
        }

        return ratio;
    }

    private static ImmutableArray<Publication>? ReadPublications(TreeNode node, EvidenceSlot slot, MessageText what, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        if (ReadList(node, what, slot.DescribeText(), limits, diagnostics) is not { } list)
        {
            return null;
        }

        var publications = ImmutableArray.CreateBuilder<Publication>();
        var valid = true;
        foreach (var item in list.Items)
        {
            if (Values.Mapping(item, MessageText.Of("WhatPublicationIn", what), diagnostics) is not { } mapping)
            {
                valid = false;
                continue;
            }

            var reportedBefore = diagnostics.Count;
            var reader = new MappingReader(mapping, MessageText.Of("WhatPublication"), PublicationKeys, diagnostics);
            var name = reader.Text("item");
            var level = reader.Text("level");
            var index = level is null ? -1 : slot.Allowed.IndexOf(level);
            if (level is not null && index < 0)
            {
                var byLabel = slot.AllowedLabels.IsDefault ? -1 : slot.AllowedLabels.IndexOf(level);
                var hint = byLabel >= 0 ? MessageText.Of("WriteLevelFor", slot.Allowed[byLabel], level) : Suggestions.DidYouMean(level, slot.Allowed);
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownEvidenceValue, reader.Node("level", false)!.Span,
                    MessageText.Of("UnknownLevel", level, hint, string.Join(", ", slot.Allowed), Values.FullWidthHint(level))));
            }

            if (diagnostics.Count > reportedBefore || name is null)
            {
                valid = false;
                continue;
            }

            publications.Add(new Publication(name, index));
        }

        return valid ? publications.ToImmutable() : null;
    }

    private static ImmutableArray<string>? ReadItemIds(TreeNode node, EvidenceSlot slot, MessageText what, LoadLimits limits, List<Diagnostic> diagnostics, List<Diagnostic> warnings)
    {
        if (ReadList(node, what, slot.DescribeText(), limits, diagnostics) is not { } list)
        {
            return null;
        }

        var items = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeats = new List<(string Value, SourceSpan Span)>();
        var valid = true;
        foreach (var item in list.Items)
        {
            if (Values.Text(item, MessageText.Of("WhatItemIn", what), diagnostics) is not { } id)
            {
                valid = false;
                continue;
            }

            if (!slot.Allowed.Contains(id))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownEvidenceValue, item.Span,
                    MessageText.Of("UnknownItem", id, what, Suggestions.DidYouMean(id, slot.Allowed), string.Join(", ", slot.Allowed), Values.FullWidthHint(id))));
                valid = false;
                continue;
            }

            if (!seen.Add(id))
            {
                repeats.Add(($"'{id}'", item.Span));
                continue;
            }

            items.Add(id);
        }

        WarnAboutRepeats(repeats, what, MessageText.None, warnings);
        return valid ? [.. items] : null;
    }

    /// <summary>
    /// A category table's row: its id (<c>excellent</c>), or for a row the inspector scores within a range, a mapping
    /// <c>{ category: fail, points: -1.5 }</c> with the points inside the row's range.
    /// </summary>
    private static (int Row, decimal? Points)? ReadCategory(TreeNode node, EvidenceSlot slot, MessageText what, List<Diagnostic> diagnostics)
    {
        var reportedBefore = diagnostics.Count;
        TreeNode idNode = node;
        TreeNode? pointsNode = null;
        if (node is MappingNode mapping)
        {
            var reader = new MappingReader(mapping, what, CategoryKeys, diagnostics);
            if (reader.Node("category", required: true) is not { } named)
            {
                return null;
            }

            idNode = named;
            pointsNode = reader.Node("points", required: false);
        }
        else if (node is not ScalarNode)
        {
            diagnostics.Add(Values.WrongType(node, what, slot.DescribeText()));
            return null;
        }

        if (Values.Text(idNode, what, diagnostics) is not { } id)
        {
            return null;
        }

        var index = slot.Allowed.IndexOf(id);
        if (index < 0)
        {
            var byLabel = slot.AllowedLabels.IsDefault ? -1 : slot.AllowedLabels.IndexOf(id);
            var hint = byLabel >= 0 ? MessageText.Of("WriteLevelFor", slot.Allowed[byLabel], id) : Suggestions.DidYouMean(id, slot.Allowed);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownEvidenceValue, idNode.Span,
                MessageText.Of("UnknownCategory", id, what, hint, string.Join(", ", slot.Allowed), Values.FullWidthHint(id))));
            return null;
        }

        var row = slot.Choices!.Rows[index];
        decimal? points = pointsNode is null ? null : Values.Decimal(pointsNode, MessageText.Quoted("points"), diagnostics);
        if (diagnostics.HasErrorsSince(reportedBefore))
        {
            return null;
        }

        if (row.Min is { } min && row.Max is { } max)
        {
            if (points is not { } chosen)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EvidenceOutOfRange, node.Span,
                    MessageText.Of("CategoryNeedsPoints", what, row.Label, Numbers.Format(min), Numbers.Format(max), id)));
                return null;
            }

            if (chosen < min || chosen > max)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EvidenceOutOfRange, pointsNode!.Span,
                    MessageText.Of("CategoryPointsRange", what, row.Label, Numbers.Format(min), Numbers.Format(max), Numbers.Format(chosen))));
                return null;
            }
        }
        else if (points is not null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EvidenceOutOfRange, pointsNode!.Span,
                MessageText.Of("CategoryFixedPoints", what, row.Label, id)));
            return null;
        }

        return (index, points);
    }

    /// <summary>A grid's entries, each naming a row and a column of the table and a cell that exists.</summary>
    private static ImmutableArray<GridEntry>? ReadGrid(TreeNode node, EvidenceSlot slot, MessageText what, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        if (ReadList(node, what, slot.DescribeText(), limits, diagnostics) is not { } list)
        {
            return null;
        }

        var table = slot.Choices!;
        var columnIds = table.Columns.Select(c => c.Id).ToList();
        var entries = ImmutableArray.CreateBuilder<GridEntry>();
        var valid = true;
        foreach (var item in list.Items)
        {
            var entryWhat = MessageText.Of("WhatGridEntryIn", what);
            if (Values.Mapping(item, entryWhat, diagnostics) is not { } mapping)
            {
                valid = false;
                continue;
            }

            var reportedBefore = diagnostics.Count;
            var reader = new MappingReader(mapping, entryWhat, GridKeys, diagnostics);
            var name = reader.Text("item");
            var rowId = reader.Text("row");
            var columnId = reader.Text("column");
            var row = rowId is null ? -1 : slot.Allowed.IndexOf(rowId);
            var column = columnId is null ? -1 : columnIds.IndexOf(columnId);
            if (rowId is not null && row < 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownEvidenceValue, reader.Node("row", false)!.Span,
                    MessageText.Of("UnknownGridRow", rowId, Suggestions.DidYouMean(rowId, slot.Allowed), string.Join(", ", slot.Allowed), Values.FullWidthHint(rowId))));
            }

            if (columnId is not null && column < 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownEvidenceValue, reader.Node("column", false)!.Span,
                    MessageText.Of("UnknownGridColumn", columnId, Suggestions.DidYouMean(columnId, columnIds), string.Join(", ", columnIds), Values.FullWidthHint(columnId))));
            }
            else if (row >= 0 && column >= 0 && !table.Rows[row].Columns.Contains(column))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownEvidenceValue, reader.Node("column", false)!.Span,
                    MessageText.Of("NoSuchCell", table.Rows[row].Label, rowId!, table.Columns[column].Label, columnId!,
                        string.Join(", ", table.Rows[row].Columns.Select(c => $"{table.Columns[c].Id} ({table.Columns[c].Label})")))));
            }

            if (diagnostics.HasErrorsSince(reportedBefore) || name is null)
            {
                valid = false;
                continue;
            }

            entries.Add(new GridEntry(name, row, column));
        }

        return valid ? entries.ToImmutable() : null;
    }

    /// <summary>
    /// One warning per key, at the first repeat, however often entries repeat: a list with one month written
    /// 9,999 times must not bury the card under 9,998 warnings.
    /// </summary>
    private static void WarnAboutRepeats(List<(string Value, SourceSpan Span)> repeats, MessageText what, MessageText noun, List<Diagnostic> warnings)
    {
        if (repeats.Count == 0)
        {
            return;
        }

        var first = repeats[0];
        var message = repeats.Count == 1
            ? MessageText.Of("ListedTwice", noun, first.Value, what)
            : MessageText.Of("RepeatsEntries", what, Numbers.Format(repeats.Count), noun,
                string.Join(", ", repeats.Select(r => r.Value).Distinct().Take(5)) + (repeats.Select(r => r.Value).Distinct().Count() > 5 ? ", …" : ""));
        warnings.Add(Diagnostic.Warning(DiagnosticCodes.RepeatedPeriod, first.Span, message));
    }

    private static SequenceNode? ReadList(TreeNode node, MessageText what, MessageText expected, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        if (node is not SequenceNode list)
        {
            diagnostics.Add(Values.WrongType(node, what, expected));
            return null;
        }

        if (list.Items.Length > limits.MaxListItems)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, list.Span, MessageText.Of("TooManyEntries", what, Numbers.Format(list.Items.Length), Numbers.Format(limits.MaxListItems))));
            return null;
        }

        return list;
    }

    /// <param name="found">Where the findings go: the warnings, or in strict mode the errors.</param>
    private static void ReportMissing(IReadOnlyList<CompiledLine> lines, EvidenceRow row, Dictionary<string, SourceSpan> lineSpans,
        SourceSpan linesSpan, List<Diagnostic> found, bool strict)
    {
        foreach (var line in lines)
        {
            List<string>? missing = null;
            foreach (var criterion in line.Criteria)
            {
                foreach (var slot in criterion.Slots)
                {
                    if (!slot.MissingIsNone && !row.IsGiven(slot.Index))
                    {
                        (missing ??= []).Add(slot.Key);
                    }
                }
            }

            if (missing is null)
            {
                continue;
            }

            var written = lineSpans.TryGetValue(line.Info.Id, out var at);
            var message = !written
                ? MessageText.Of("NoEvidenceForLine", line.Info.Id)
                : MessageText.Of(missing.Count == 1 ? "NoEvidenceForKey" : "NoEvidenceForKeys", string.Join(", ", missing.Select(k => $"'{line.Info.Id}.{k}'")));
            if (strict)
            {
                var strictMessage = !written
                    ? MessageText.Of("StrictNoEvidenceForLine", line.Info.Id)
                    : MessageText.Of("StrictNoEvidenceForKeys", string.Join(", ", missing.Select(k => $"'{line.Info.Id}.{k}'")));
                found.Add(Diagnostic.Error(DiagnosticCodes.MissingEvidence, written ? at : linesSpan, strictMessage));
                continue;
            }

            found.Add(Diagnostic.Warning(DiagnosticCodes.MissingEvidence, written ? at : linesSpan, message));
        }
    }

    /// <param name="Lenient">Lines and keys this version does not have are warnings, not errors.</param>
    /// <param name="Revision">Values that do not fit this version are warnings too, and score as not given.</param>
    /// <param name="ThisVersion">"version 2023 of rubric 'village'", for messages.</param>
    private sealed record VersionReading(bool Lenient, bool Revision, MessageText ThisVersion);
}

/// <summary>The rubric evidence is read for: its id and version, and whether the evidence was collected for an earlier version.</summary>
/// <param name="PreviousId">The earlier version's rubric id, accepted in the evidence's <c>rubric:</c> in a revision.</param>
/// <param name="IsRevision">True when scoring evidence of the earlier version under this one (impact of a revision).</param>
/// <param name="Strict">Evidence not given is an error (RE0305), not a warning.</param>
internal sealed record EvidenceTarget(string Id, string? Version, string? PreviousId = null, bool IsRevision = false, bool Strict = false);
