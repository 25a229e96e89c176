using System.Globalization;
using System.Text.Json.Nodes;

namespace RubricEngine.Loading;

/// <summary>
/// A document tree as a JSON value, for tools that edit evidence rather than score it: mappings become objects,
/// lists arrays, quoted scalars text, and plain scalars what YAML's core schema makes of them (null, a boolean, a
/// number, else text). Depth is bounded by the reader's limits before a tree gets here.
/// </summary>
internal static class TreeJson
{
    private const NumberStyles Number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static JsonNode? Of(TreeNode node)
    {
        switch (node)
        {
            case MappingNode mapping:
                var json = new JsonObject();
                foreach (var entry in mapping.Entries)
                {
                    json[entry.Key.Value] = Of(entry.Value);
                }

                return json;
            case SequenceNode sequence:
                return new JsonArray([.. sequence.Items.Select(Of)]);
            case ScalarNode { IsNull: true }:
                return null;
            case ScalarNode { Kind: ScalarKind.Quoted } quoted:
                return JsonValue.Create(quoted.Value);
            case ScalarNode plain:
                return plain.Value switch
                {
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    _ when decimal.TryParse(plain.Value, Number, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
                    _ => JsonValue.Create(plain.Value),
                };
            default:
                return null;
        }
    }
}
