using System.Collections.Immutable;
using System.Numerics;

namespace RubricEngine.Runtime;

/// <summary>One publication of a <c>tiered</c> list: the item and the index of its level, lowest first.</summary>
internal sealed record Publication(string Item, int LevelIndex);

/// <summary>One entry of a grid: the thing placed (a report), and the indexes of its row and column in the table.</summary>
internal sealed record GridEntry(string Item, int Row, int Column);

/// <summary>
/// A handle on a slot holding true or false. Handles are typed by what the slot holds, so a function reads its
/// evidence through the handle it declared and cannot read another kind: no casts, and nothing to check at run time.
/// </summary>
internal readonly record struct FlagSlot(int Index);

/// <summary>A handle on a slot holding distinct months or quarters.</summary>
internal readonly record struct PeriodsSlot(int Index);

/// <summary>A handle on a slot holding a number: a count or an amount.</summary>
internal readonly record struct NumberSlot(int Index);

/// <summary>A handle on a slot holding publications.</summary>
internal readonly record struct PublicationsSlot(int Index);

/// <summary>A handle on a slot holding item ids, distinct, in the order written.</summary>
internal readonly record struct ItemsSlot(int Index);

/// <summary>A handle on a slot holding a category table's row, and the points an inspector chose for a range row.</summary>
internal readonly record struct CategorySlot(int Index);

/// <summary>A handle on a slot holding grid entries.</summary>
internal readonly record struct GridSlot(int Index);

/// <summary>
/// A unit's evidence, checked, in the compiled rubric's slot order: one array of cells, written by the evidence
/// reader and read by the criteria through typed handles. Scoring a unit reads it and allocates nothing else.
/// </summary>
internal sealed class EvidenceRow(int slots)
{
    private readonly Cell[] cells = new Cell[slots];

    public int Length => cells.Length;

    /// <summary>The unit's type: its index in the rubric's <c>unit_types</c>, 0 when the rubric declares none.</summary>
    public int UnitType { get; set; }

    /// <summary>The vetoes the evidence raised: bit i for the rubric's veto i.</summary>
    public ulong Vetoes { get; set; }

    public bool IsGiven(int slot) => cells[slot].IsGiven;

    public bool this[FlagSlot slot] => cells[slot.Index].Flag;

    /// <summary>How many distinct periods were given.</summary>
    public int this[PeriodsSlot slot] => BitOperations.PopCount(cells[slot.Index].Periods);

    public decimal this[NumberSlot slot] => cells[slot.Index].Number;

    // An empty cell reads as an empty list, never as a default array that throws when counted.
    public ImmutableArray<Publication> this[PublicationsSlot slot] => cells[slot.Index].Publications.IsDefault ? [] : cells[slot.Index].Publications;

    public ImmutableArray<string> this[ItemsSlot slot] => cells[slot.Index].Items.IsDefault ? [] : cells[slot.Index].Items;

    /// <summary>The chosen row's index, and the points given with it (null when the row's points are fixed).</summary>
    public (int Row, decimal? Points) this[CategorySlot slot] => (cells[slot.Index].Choice, cells[slot.Index].HasNumber ? cells[slot.Index].Number : null);

    public ImmutableArray<GridEntry> this[GridSlot slot] => cells[slot.Index].Grid.IsDefault ? [] : cells[slot.Index].Grid;

    /// <summary>Makes a slot not given again (a revision's impact drops a value the new rule cannot use).</summary>
    public void Clear(int slot) => cells[slot] = default;

    public void SetFlag(int slot, bool value) => cells[slot] = new Cell { IsGiven = true, Flag = value };

    /// <summary>Periods as a bit set: bit p for period p (1–12).</summary>
    public void SetPeriods(int slot, uint periods) => cells[slot] = new Cell { IsGiven = true, Periods = periods };

    public void SetNumber(int slot, decimal value) => cells[slot] = new Cell { IsGiven = true, Number = value };

    public void SetPublications(int slot, ImmutableArray<Publication> value) => cells[slot] = new Cell { IsGiven = true, Publications = value };

    public void SetItems(int slot, ImmutableArray<string> value) => cells[slot] = new Cell { IsGiven = true, Items = value };

    public void SetChoice(int slot, int row, decimal? points) =>
        cells[slot] = new Cell { IsGiven = true, Choice = row, Number = points ?? 0m, HasNumber = points is not null };

    public void SetGrid(int slot, ImmutableArray<GridEntry> value) => cells[slot] = new Cell { IsGiven = true, Grid = value };

    private struct Cell
    {
        public int Choice;
        public bool HasNumber;
        public ImmutableArray<GridEntry> Grid;
        public bool IsGiven;
        public bool Flag;
        public uint Periods;
        public decimal Number;
        public ImmutableArray<Publication> Publications;
        public ImmutableArray<string> Items;
    }
}
