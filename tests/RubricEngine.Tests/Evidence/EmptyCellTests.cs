using RubricEngine.Runtime;

namespace RubricEngine.Tests.Evidence;

/// <summary>
/// Parts of the runtime that no shipped function reaches today, but that a new function will: an empty cell read as a
/// list, an unbounded count or amount described, a key without allowed ids published. Each is asserted as a reader sees it.
/// </summary>
public sealed class EmptyCellTests
{
    [Test]
    public void An_empty_cell_reads_as_an_empty_list_not_one_that_throws_when_counted()
    {
        var row = new EvidenceRow(2);  // nothing given: both cells hold their defaults

        row[new PublicationsSlot(0)].Length.Should().Be(0);
        row[new ItemsSlot(1)].Length.Should().Be(0);
    }

    [Test]
    public void A_count_or_amount_without_a_highest_value_is_described_by_its_lowest()
    {
        new EvidenceSlot("k", default, EvidenceValueKind.Count, 1m).Describe().Should().Be("a whole number of at least 1");
        new EvidenceSlot("k", default, EvidenceValueKind.Amount, 0.5m).Describe().Should().Be("a number of at least 0.5");
    }

    [Test]
    public void A_key_without_allowed_ids_is_published_with_empty_lists_not_missing_ones()
    {
        var field = new EvidenceSlot("k", default, EvidenceValueKind.Count, 0m, 10m).ToField();

        // A default ImmutableArray throws when enumerated: a form builder reading these must get two empty lists.
        field.Allowed.Length.Should().Be(0);
        field.AllowedLabels.Length.Should().Be(0);
        field.Description.Should().Be("a whole number from 0 to 10");
    }
}
