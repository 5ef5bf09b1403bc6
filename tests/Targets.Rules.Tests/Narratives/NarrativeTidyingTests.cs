using System.Text;
using CsCheck;
using Targets.Rules.Narratives;

namespace Targets.Rules.Tests.Narratives;

public sealed class NarrativeTidyingTests
{
    [Theory]
    [InlineData("", "\n")]
    [InlineData("\n\n", "\n")]
    [InlineData("a", "a\n")]
    [InlineData("\n\na  \n\n\n b\t\r\n\r\nc\n\n", "a\n\n b\n\nc\n")]
    [InlineData("a\u2028\u2028b\fc\u0085d\re", "a\n\nb\nc\nd\ne\n")]
    public void Tidy_BlankLinesAndTrailingSpaces_CollapsedAndTrimmed(string text, string expected) =>
        NarrativeTidying.Tidy(text).ShouldBe(expected);

    [Fact]
    public void Tidy_AnyText_SplitsLinesWhereEnumerateLinesDoes()
    {
        // Tidy finds line breaks itself (EnumerateLines' own search was slow on Vietnamese text): it must split where
        // EnumerateLines splits, CRLF and the non-ASCII breaks included.
        Gen.Char["ab \t\r\n\f\u0085\u2028\u2029ă"].Array[0, 40].Select(chars => new string(chars))
            .Sample(text => NarrativeTidying.Tidy(text).ShouldBe(Reference(text)), iter: 20_000);
    }

    /// <summary>Tidy as it was written over <see cref="MemoryExtensions.EnumerateLines(ReadOnlySpan{char})"/>.</summary>
    private static string Reference(string text)
    {
        var result = new StringBuilder();
        var pendingBlank = false;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.TrimEnd();
            if (line.IsEmpty)
            {
                pendingBlank = result.Length > 0;
                continue;
            }

            if (pendingBlank)
            {
                result.Append('\n');
                pendingBlank = false;
            }

            result.Append(line).Append('\n');
        }

        return result.Length == 0 ? "\n" : result.ToString();
    }
}
