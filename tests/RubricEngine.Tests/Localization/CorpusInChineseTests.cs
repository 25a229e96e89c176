using System.Globalization;
using RubricEngine.Tests.Corpus;

namespace RubricEngine.Tests.Localization;

/// <summary>
/// Every diagnostic of the bad-input corpus (every stage, every code) has a message id and reads as Chinese in
/// zh-Hans, with the same file, position and code as in English.
/// </summary>
public sealed class CorpusInChineseTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    [TestCaseSource(typeof(CorpusTests), nameof(CorpusTests.Cases))]
    public void Each_diagnostic_of_the_corpus_reads_in_Chinese(CorpusTests.Case @case)
    {
        foreach (var diagnostic in CorpusTests.Load(@case))
        {
            diagnostic.Text.Should().NotBeNull($"'{diagnostic}' needs a message id to be read in Chinese");
            var chinese = diagnostic.ToString(Chinese);
            var english = diagnostic.ToString();
            var prefix = $"{diagnostic.Span}: ";
            chinese.Should().StartWith(prefix + (diagnostic.IsError ? "错误 " : "警告 ") + diagnostic.Code + ": ");
            english.Should().StartWith(prefix + (diagnostic.IsError ? "error " : "warning ") + diagnostic.Code + ": ");
            diagnostic.Format(Chinese).Should().MatchRegex(@"[\u4e00-\u9fff]", $"'{english}' should read as Chinese");
        }
    }
}
