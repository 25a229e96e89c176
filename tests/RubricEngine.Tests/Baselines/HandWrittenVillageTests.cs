using FsCheck;
using FsCheck.Fluent;
using RubricEngine.Benchmarks.Baselines;
using RubricEngine.Reporting;
using RubricEngine.Tests.Support;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RubricEngine.Tests.Baselines;

/// <summary>
/// The benchmarks compare the engine with a scorer written by hand for the village rubric. That comparison is
/// only fair if both compute the same thing: this proves it on random evidence, every number and every reason text.
/// </summary>
public sealed class HandWrittenVillageTests
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    [Test]
    public void The_hand_written_scorer_gives_the_engines_card_and_numbers_on_random_evidence()
    {
        var rubric = Repo.Rubric("village");
        var compared = 0;
        var property = Prop.ForAll(Arb.From(RandomEvidence.For(rubric)), Arb.From(Gen.Choose(0, int.MaxValue - 1)), (evidence, seed) =>
        {
            var text = evidence.ToYaml(seed);
            rubric.TryScoreText(text, "random.yaml", out var engine, out var diagnostics).Should().BeTrue(string.Join("\n", diagnostics));
            var typed = Yaml.Deserialize<VillageEvidence>(text);

            ScoreCardJson.Write(HandWrittenVillage.Card(typed)).Should().Be(ScoreCardJson.Write(engine!), text);

            var numbers = HandWrittenVillage.Numbers(typed);
            for (var i = 0; i < engine!.Lines.Length; i++)
            {
                numbers.Lines[i].Should().Be(engine.Lines[i].Score, $"line {engine.Lines[i].Id} of\n{text}");
            }

            numbers.Bonus.Should().Be(engine.BonusTotal);
            numbers.BaseTotal.Should().Be(engine.BaseTotal);
            numbers.Total.Should().Be(engine.Total);
            Interlocked.Increment(ref compared);
            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500).WithQuietOnSuccess(true), property);
        compared.Should().Be(500);
    }

    [Test]
    public void The_hand_written_scorer_gives_the_engines_card_for_the_shipped_sample()
    {
        var text = Repo.Read("samples/village-bailong.yaml");
        Repo.Rubric("village").TryScoreText(text, "bailong.yaml", out var engine, out _).Should().BeTrue();
        var card = HandWrittenVillage.Card(Yaml.Deserialize<VillageEvidence>(text));
        card.Total.Should().Be(75m); // README: 基础分 75 + 加分 0 = 总分 75
        // The sample gives every key, so the engine's card has no warnings and the two agree in full.
        ScoreCardJson.Write(card).Should().Be(ScoreCardJson.Write(engine!));
    }
}
