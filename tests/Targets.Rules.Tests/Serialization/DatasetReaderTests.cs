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

    [Fact]
    public void Read_TaskReportedMilestoneByMilestone_KeepsEachMilestone()
    {
        // Cẩm Phả Phụ lục II, task 4: "Tháng 1 và tháng 6".
        var dataset = DatasetReader.Read("data.json", Encoding.UTF8.GetBytes("""
            { "locality": "test", "figures": [],
              "tasks": [ { "task": "test.plan.pl2.4", "milestones": [
                { "deadline": "2023-01", "completedOn": "2023-01-18" },
                { "deadline": "2023-06", "completedOn": null } ] } ] }
            """));

        var task = dataset.Tasks.ShouldHaveSingleItem();
        task.CompletedOn.ShouldBeNull();
        task.Milestones.Select(m => (m.Deadline, m.CompletedOn)).ShouldBe([
            (ReportingPeriod.Month(2023, 1), (DateOnly?)new DateOnly(2023, 1, 18)), (ReportingPeriod.Month(2023, 6), null)]);
        task.Milestones[1].Source!.Path.ShouldBe("$.tasks[0].milestones[1]");
    }

    [Fact]
    public void Read_TaskGivesBothWholeAndMilestones_IsRefusedNamingTheTask()
    {
        var error = ReadError("""
            { "locality": "test", "figures": [],
              "tasks": [ { "task": "test.plan.pl2.3", "completedOn": "2023-06-15", "milestones": [ { "deadline": "2023-Q1", "completedOn": "2023-03-20" } ] } ] }
            """);

        error.Message.ShouldContain("data.json:2");
        error.Message.ShouldContain("'test.plan.pl2.3' gives both 'completedOn' (the whole task) and 'milestones'");
    }

    [Fact]
    public void Read_MilestoneDeadlineNotAPeriod_NamesThePlace()
    {
        var error = ReadError("""
            { "locality": "test", "figures": [],
              "tasks": [ { "task": "test.plan.pl2.3", "milestones": [ { "deadline": "Quý I", "completedOn": "2023-03-20" } ] } ] }
            """);

        error.Message.ShouldContain("data.json:2");
        error.Message.ShouldContain("Quý I");
    }
}
