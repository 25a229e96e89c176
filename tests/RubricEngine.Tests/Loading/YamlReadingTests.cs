using System.Text;
using RubricEngine.Diagnostics;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Loading;

/// <summary>YAML features rubric and evidence files do not need, malformed YAML, encodings and limits: each a positioned error.</summary>
public sealed class YamlReadingTests
{
    private static Rubric Village => Repo.Rubric("village");

    private static string ErrorOf(string text, string file = "e.yaml") =>
        EvidenceText.Errors(Village, text, file).Where(d => d.IsError).Should().ContainSingle().Subject.ToString();

    [TestCase("rubric: village\nunit: &u 白龙村\nlines: {}\n", "e.yaml(2,7): error RE0005: anchors ('&u') are not allowed; write each value out in full")]
    [TestCase("rubric: village\nunit: *u\nlines: {}\n", "e.yaml(2,7): error RE0005: aliases ('*u') are not allowed; write the value out in full")]
    [TestCase("rubric: village\nunit: !!str 白龙村\nlines: {}\n", "e.yaml(2,7): error RE0005: tags ('tag:yaml.org,2002:str') are not allowed; remove it")]
    [TestCase("rubric: village\nunit: x\nlines:\n  <<: { organization: {} }\n", "e.yaml(4,3): error RE0005: merge keys ('<<') are not allowed; write the keys out in full")]
    [TestCase("rubric: village\nunit: x\nunit: y\nlines: {}\n", "e.yaml(3,1): error RE0006: duplicate key 'unit' (first given at line 2); keep one of them")]
    [TestCase("rubric: village\nunit: x\nlines: {}\n---\nrubric: town\n", "e.yaml(4,1): error RE0008: the file holds a second YAML document; put everything in one document (remove the '---' line)")]
    [TestCase("", "e.yaml(1,1): error RE0008: the file is empty")]
    [TestCase("# only a comment\n", "e.yaml(1,1): error RE0008: the file is empty")]
    [TestCase("- rubric: village\n", "e.yaml(1,1): error RE0012: an evidence file must be a mapping of keys to values, not a list")]
    [TestCase("rubric: village\nunit: \"白龙村\nlines: {}\n", "e.yaml(2,7): error RE0004: malformed YAML: While scanning a multi-line double-quoted scalar, found wrong indentation; is the closing quote missing?")]
    [TestCase("rubric: village\nunit: x\nlines: { organization: { leading_group: true }\n", "e.yaml(4,1): error RE0004: malformed YAML: While parsing a flow mapping,  did not find expected ',' or '}'")]
    public void Refused_yaml_features_and_malformed_yaml(string text, string expected)
    {
        ErrorOf(text).Should().Be(expected);
    }

    [Test]
    public void A_tab_in_the_indentation_is_named()
    {
        ErrorOf("rubric: village\nunit: x\nlines:\n\torganization: {}\n").Should()
            .Be("e.yaml(4,1): error RE0004: malformed YAML: While scanning a mapping, found invalid tab as indentation; the line contains a tab: indent with spaces");
    }

    [Test]
    public void A_full_width_colon_is_named()
    {
        ErrorOf("rubric: village\nunit: x\nlines:\n  organization：{}\n  rules: {}\n").Should().Contain("full-width colon '：'");
    }

    [Test]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        var path = WriteBytes([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("rubric: village\nunit: 白龙村\nlines: {}\n")]);
        Village.TryScore(path, out var card, out _).Should().BeTrue();
        card!.Unit.Should().Be("白龙村");
    }

    [Test]
    public void Utf16_is_refused_with_what_to_do()
    {
        var path = WriteBytes(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("rubric: village\n")).ToArray());
        Village.TryScore(path, out _, out var diagnostics).Should().BeFalse();
        diagnostics.Single().ToString().Should().Be($"{path}(1,1): error RE0003: the file is UTF-16 (byte order mark at byte offset 0); save it as UTF-8");
    }

    [Test]
    public void Gbk_is_refused_with_the_byte_offset()
    {
        // "unit: 白龙村" in GBK: 白 = B0 D7, 龙 = C1 FA, 村 = B4 E5; the first bad UTF-8 byte is at offset 22.
        byte[] gbk = [.. Encoding.ASCII.GetBytes("rubric: village\nunit: "), 0xB0, 0xD7, 0xC1, 0xFA, 0xB4, 0xE5, (byte)'\n'];
        var path = WriteBytes(gbk);
        Village.TryScore(path, out _, out var diagnostics).Should().BeFalse();
        diagnostics.Single().ToString().Should().Be(
            $"{path}(2,7): error RE0003: the file is not valid UTF-8 at byte offset 22 (is it saved as GBK or another legacy encoding?); save it as UTF-8");
    }

    [Test]
    public void Deep_nesting_stops_at_the_depth_limit()
    {
        var text = "rubric: village\nunit: x\nlines: " + new string('[', 100_000) + "\n";
        ErrorOf(text).Should().Be("e.yaml(3,39): error RE0007: the file nests deeper than 32 levels, the limit");
    }

    [Test]
    public void Deep_json_nesting_stops_at_the_depth_limit()
    {
        var text = "{\"rubric\": \"village\", \"lines\": " + new string('[', 100_000);
        ErrorOf(text, "e.json").Should().Be("e.json(1,63): error RE0007: the file nests deeper than 32 levels, the limit");
    }

    [Test]
    public void An_alias_bomb_is_refused_at_its_first_alias_before_anything_expands()
    {
        var bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            bomb.Append($"{(char)('a' + i)}: &{(char)('a' + i)} [" + string.Join(", ", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 9)) + "]\n");
        }

        ErrorOf(bomb.ToString()).Should().Be("e.yaml(1,4): error RE0005: anchors ('&a') are not allowed; write each value out in full");
    }

    [Test]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var path = WriteBytes(new byte[5 * 1024 * 1024]);
        Village.TryScore(path, out _, out var diagnostics).Should().BeFalse();
        diagnostics.Single().ToString().Should().Be($"{path}(1,1): error RE0002: the file has 5242880 bytes, more than the limit of 4194304 bytes");
    }

    [Test]
    public void Too_many_values_stop_at_the_node_limit()
    {
        var limits = new LoadLimits { MaxNodes = 100 };
        Rubric.TryLoadText(RubricText.OneRule("present(4)"), "test.yaml", out var rubric, out _, limits).Should().BeTrue();
        var text = "rubric: test\nunit: x\nlines:\n  only: { k: true }\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"x{i}: 1\n"));
        rubric!.TryScoreText(text, "e.yaml", out _, out var diagnostics).Should().BeFalse();
        diagnostics.Single().ToString().Should().Be("e.yaml(49,6): error RE0007: the file has more than 100 values, the limit");
    }

    private static string WriteBytes(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rubric-test-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
