using System.Text;
using Targets.Core.Errors;
using Targets.Core.Periods;
using Targets.Rules.Serialization;

namespace Targets.Rules.Tests.Serialization;

public sealed class DatasetReaderTests
{
    private static DataException ReadError(string json) =>
        Should.Throw<DataException>(() => DatasetReader.Read("data.json", Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Read_ValidDataset_KeepsEachFiguresLine()
    {
        var dataset = DatasetReader.Read("data.json", Encoding.UTF8.GetBytes("""
            {
              "locality": "test",
              "figures": [
                { "indicator": "crime.social-order.cases", "period": "2023", "value": 1020, "note": "minh họa" },
                { "indicator": "crime.social-order.cases", "period": "2016/2020", "value": 5100 }
              ]
            }
            """));

        dataset.Figures.Count.ShouldBe(2);
        dataset.Figures[1].Period.ShouldBe(ReportingPeriod.Span(2016, 2020));
        dataset.Figures[1].Source!.Line.ShouldBe(5);
        dataset.Figures[0].Note.ShouldBe("minh họa");
    }

    [Fact]
    public void Read_StringWhereANumberGoes_NamesThePlace()
    {
        var error = ReadError("""
            { "locality": "test",
              "figures": [ { "indicator": "crime.social-order.cases", "period": "2023", "value": "1020" } ] }
            """);

        error.Message.ShouldContain("data.json:2");
        error.Message.ShouldContain("'value' must be a number");
    }

    [Fact]
    public void Read_NegativeCount_IsRefused()
    {
        ReadError("""
            { "locality": "test", "figures": [ { "indicator": "crime.social-order.cases", "period": "2023", "value": -1 } ] }
            """).Message.ShouldContain("negative");
    }

    [Fact]
    public void Read_Truncated_IsMalformedWithItsLine()
    {
        var error = ReadError("{ \"locality\": \"test\",\n  \"figures\": [ { \"indicator\": \"x.y\"");

        error.Message.ShouldContain("malformed JSON");
        error.Message.ShouldStartWith("data.json:2:");
    }

    [Fact]
    public void Read_TopLevelArray_IsRefused()
    {
        ReadError("[]").Message.ShouldContain("must be a JSON object");
    }
}
