using System.Globalization;
using System.Text;
using Targets.Core.Errors;
using Targets.Rules.Serialization;

namespace Targets.Rules.Tests.Serialization;

/// <summary>
/// Locating a dataset's figures is linear in its size however it is laid out: a 32 MB dataset written on one line took
/// nearly four minutes, because each figure's column was counted again from the start of the line. The work is measured
/// in bytes examined, not in time.
/// </summary>
public sealed class JsonLocatorTests
{
    private const int FigureCount = 40_000;

    [Fact]
    public void LocateElements_DatasetOnOneLine_ExaminesEachByteAFewTimesAtMost()
    {
        var (json, starts) = MinifiedDataset("2023");
        var input = JsonInput.FromBytes("big.json", json, problem => new DataException(problem, null));

        var found = JsonLocator.LocateElements(input, "figures", out var scanned);

        found.Count.ShouldBe(FigureCount);
        found[^1].ShouldBe(new SourceLocation("big.json", 1, starts[^1] + 1, $"$.figures[{FigureCount - 1}]"));
        found[1234].Column.ShouldBe(starts[1234] + 1);
        scanned.ShouldBeLessThanOrEqualTo(3L * json.Length, "quadratic: each figure recounted its line from the start");
    }

    [Fact]
    public void LocateElements_ManyLines_CountsLinesAndColumnsInCharacters()
    {
        var json = "{\n  \"figures\": [\n    1,\n    { \"note\": \"Cần Thơ\" }, 3\n  ]\n}"u8.ToArray();
        var input = JsonInput.FromBytes("lines.json", json, problem => new DataException(problem, null));

        var found = JsonLocator.LocateElements(input, "figures");

        found.Select(l => (l.Line, l.Column)).ShouldBe([(3L, 5L), (4L, 5L), (4L, 28L)]);
    }

    [Fact]
    public void ReadDataset_LargeDatasetOnOneLineWithAnErrorNearTheEnd_NamesItsLineAndColumn()
    {
        // A period the schema lets through (four digits) but that is out of range: found only while reading the figures,
        // through their located positions.
        var (json, starts) = MinifiedDataset("1800");

        var error = Should.Throw<DataException>(() => DatasetReader.Read("big.json", json));

        error.Location.ShouldBe(new SourceLocation("big.json", 1, starts[^1] + 1, $"$.figures[{FigureCount - 1}]"));
    }

    /// <summary>
    /// A dataset of <see cref="FigureCount"/> figures on one line (about 4 MB), the last with <paramref name="lastPeriod"/>,
    /// and the character offset at which each figure starts, counted independently of the locator.
    /// </summary>
    private static (byte[] Json, List<long> Starts) MinifiedDataset(string lastPeriod)
    {
        var text = new StringBuilder("{\"locality\":\"thu-nghiem\",\"description\":\"Số liệu — một dòng\",\"figures\":[");
        var starts = new List<long>(FigureCount);
        for (var i = 0; i < FigureCount; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            starts.Add(text.Length);
            var period = i == FigureCount - 1 ? lastPeriod : "2023";
            text.Append(CultureInfo.InvariantCulture, $"{{\"indicator\":\"crime.social-order.cases\",\"period\":\"{period}\",\"value\":{i},\"adminUnit\":\"Phường {i}\",\"note\":\"ghi chú dài để dòng dài hơn, có dấu tiếng Việt\"}}");
        }

        text.Append("]}");
        return (Encoding.UTF8.GetBytes(text.ToString()), starts);
    }
}
