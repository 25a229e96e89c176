using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using RubricEngine.Reporting;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Reporting;

/// <summary>The card's JSON for other systems: compact or indented, to a string, a stream or a writer, one contract.</summary>
public sealed class ScoreCardJsonTests
{
    private static ScoreCard Bailong()
    {
        Repo.Rubric("village").TryScore(Repo.PathOf("samples/village-bailong.yaml"), out var card, out _).Should().BeTrue();
        return card!;
    }

    [Test]
    public void Compact_json_is_one_line_with_the_same_content_as_indented()
    {
        var compact = ScoreCardJson.Write(Bailong(), indented: false);
        var indented = ScoreCardJson.Write(Bailong());
        compact.Should().NotContain("\n").And.StartWith(
            "{\"rubric\":\"village\",\"title\":\"西乡县村（社区）新时代文明实践站建设工作考核细则（试行）\",\"version\":\"2022\",\"effective\":\"2022-05-05\",\"unit\":\"白龙村\",\"year\":2022,\"base_total\":75,");
        ScoreCardJson.Write(Bailong(), "b.yaml", indented: false).Should().Be("{\"file\":\"b.yaml\"," + compact[1..]);
        indented.Should().Contain("\n  \"unit\": \"白龙村\",\n");
        JToken.DeepEquals(JToken.Parse(compact), JToken.Parse(indented)).Should().BeTrue();
    }

    [Test]
    public void Numbers_keep_no_trailing_zeros_and_exact_fractions()
    {
        Repo.Rubric("town").TryScore(Repo.PathOf("samples/town-yanghe.yaml"), out var card, out _).Should().BeTrue();
        var json = JObject.Parse(ScoreCardJson.Write(card!));
        var lectures = json["lines"]!.Single(l => (string)l["id"]! == "lectures");
        // The raw text of every number: no "15.00", no exponent.
        ScoreCardJson.Write(card!).Should().NotMatchRegex(@":\s*-?\d+\.\d*0[,\s\n}]").And.NotContain("E+");
        ((decimal)lectures["points"]!).Should().Be(6m);
        ((decimal)lectures["score"]!).Should().Be(5m); // 2 + 4 × 9 months ÷ 12 = 2 + 3
    }

    [Test]
    public void A_stream_gets_the_same_bytes_as_the_string()
    {
        using var stream = new MemoryStream();
        ScoreCardJson.WriteTo(Bailong(), stream, indented: false);
        Encoding.UTF8.GetString(stream.ToArray()).Should().Be(ScoreCardJson.Write(Bailong(), indented: false));
        stream.CanWrite.Should().BeTrue("the caller's stream stays open");
    }

    [Test]
    public void A_writer_gets_the_card_as_one_value_among_the_callers_own()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("batch", "2022-q4");
            writer.WritePropertyName("card");
            ScoreCardJson.WriteTo(Bailong(), writer);
            writer.WriteEndObject();
        }

        var text = Encoding.UTF8.GetString(stream.ToArray());
        text.Should().Be("{\"batch\":\"2022-q4\",\"card\":" + ScoreCardJson.Write(Bailong(), indented: false) + "}");
    }

    [Test]
    public void Warnings_from_a_file_have_no_path_key()
    {
        var text = Repo.Read("samples/village-bailong.yaml").Replace("  archives: { archive_quality: 6.5 }\n", "", StringComparison.Ordinal);
        Repo.Rubric("village").TryScoreText(text, "no-archives.yaml", out var card, out _).Should().BeTrue();
        var warning = JObject.Parse(ScoreCardJson.Write(card!))["warnings"]!.Single();
        ((JObject)warning).Properties().Select(p => p.Name).Should().Equal("code", "severity", "file", "line", "column", "message");
    }
}
