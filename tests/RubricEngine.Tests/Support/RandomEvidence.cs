using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using RubricEngine.Runtime;

namespace RubricEngine.Tests.Support;

/// <summary>
/// Valid evidence for a compiled rubric, generated from its evidence slots, and written out as YAML in any order:
/// lines, keys and list items shuffled by a seed, so that the same evidence can be written many ways.
/// </summary>
internal static class RandomEvidence
{
    /// <summary>One value per evidence key, as YAML text, grouped by line; items of lists kept apart so they can be shuffled.</summary>
    public sealed record Evidence(string RubricId, IReadOnlyList<(string Line, IReadOnlyList<(string Key, string[]? Items, string? Scalar)> Keys)> Lines)
    {
        public string ToYaml(int seed)
        {
            var random = new Random(seed);
            var text = new StringBuilder($"rubric: {RubricId}\nunit: 测试单位\nyear: 2022\nlines:\n");
            foreach (var (line, keys) in Lines.OrderBy(_ => random.Next()))
            {
                text.Append($"  {line}:\n");
                foreach (var (key, items, scalar) in keys.OrderBy(_ => random.Next()))
                {
                    var value = items is null ? scalar : "[" + string.Join(", ", items.OrderBy(_ => random.Next())) + "]";
                    text.Append($"    {key}: {value}\n");
                }
            }

            return text.ToString();
        }
    }

    public static Gen<Evidence> For(Rubric rubric) =>
        Gen.CollectToList(rubric.CompiledLines.Select(line =>
                Gen.CollectToList(line.Criteria.Select(Criterion))
                    .Select(criteria => (line.Info.Id, (IReadOnlyList<(string, string[]?, string?)>)criteria.SelectMany(c => c).ToList()))))
            .Select(lines => new Evidence(rubric.Id, lines.Select(l => (l.Id, l.Item2)).ToList()));

    private static Gen<List<(string Key, string[]? Items, string? Scalar)>> Criterion(CompiledCriterion criterion)
    {
        var slots = criterion.Slots;
        if (slots.Length == 2)
        {
            // A ratio: the part never exceeds the total, and the total is at least 1.
            return from total in Gen.Choose(1, 40)
                   from part in Gen.Choose(0, total)
                   select new List<(string, string[]?, string?)> { (slots[0].Key, null, Int(part)), (slots[1].Key, null, Int(total)) };
        }

        return Value(slots[0]).Select(v => new List<(string, string[]?, string?)> { (slots[0].Key, v.Items, v.Scalar) });
    }

    private static Gen<(string[]? Items, string? Scalar)> Value(EvidenceSlot slot) => slot.Kind switch
    {
        EvidenceKind.Flag => Gen.Elements("true", "false").Select(s => ((string[]?)null, (string?)s)),
        EvidenceKind.Months => Periods(12),
        EvidenceKind.Quarters => Periods(4),
        EvidenceKind.Count => Gen.Choose((int)slot.Min, (int)Math.Min(slot.Max ?? 40, 40)).Select(n => ((string[]?)null, (string?)Int(n))),
        EvidenceKind.Amount => Gen.Choose(0, (int)((Math.Min(slot.Max ?? 10, 10) - slot.Min) * 100))
            .Select(n => ((string[]?)null, (string?)(slot.Min + n / 100m).ToString(CultureInfo.InvariantCulture))),
        EvidenceKind.Percent => Gen.Choose(0, 12_000).Select(n => ((string[]?)null, (string?)((n / 100m).ToString(CultureInfo.InvariantCulture) + "%"))),
        EvidenceKind.Publications => Gen.ListOf(
                from item in Gen.Elements("tea-lecture", "clean-village", "reading-month")
                from level in Gen.Elements(slot.Allowed.ToArray())
                select $"{{ item: {item}, level: {level} }}")
            .Select(p => ((string[]?)p.ToArray(), (string?)null)),
        EvidenceKind.ItemIds => Gen.SubListOf(slot.Allowed.ToArray()).Select(ids => ((string[]?)ids.ToArray(), (string?)null)),
        _ => throw new InvalidOperationException(slot.Kind.ToString()),
    };

    private static Gen<(string[]? Items, string? Scalar)> Periods(int count) =>
        Gen.SubListOf(Enumerable.Range(1, count).ToArray()).Select(p => ((string[]?)p.Select(Int).ToArray(), (string?)null));

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);
}
