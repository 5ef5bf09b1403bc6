using System.Text;
using Targets.Core.Errors;
using Targets.Core.Periods;
using Targets.Plugins.QuangNinh;
using Targets.Rules.Engine;
using Targets.Spreadsheets.Reading;

namespace Targets.Spreadsheets.Tests.Reading;

public sealed class CsvDatasetReaderTests
{
    private static readonly Lazy<ICompiledRuleSet> QuangNinh = new(() =>
    {
        var plugin = new QuangNinhPlugin();
        return new NRulesRuleEngine().Compile(plugin.Locality, plugin.LoadRuleSets());
    });

    private static Targets.Core.Data.Dataset Read(string csv, string? locality = "quang-ninh") =>
        CsvDatasetReader.Read("so-lieu.csv", Encoding.UTF8.GetBytes(csv), locality);

    [Fact]
    public void Read_VietnameseHeadersAndSemicolons_GiveTheFigures()
    {
        var dataset = Read("\uFEFFMã chỉ số;Kỳ;Số liệu;Ghi chú\ndrugs.rehab-dossiers;2023-H1;300;\ndrugs.rehab-dossiers;2023-H2;260;\"cuối năm; đã rà soát\"\n");

        dataset.Figures.Select(f => (f.Period, f.Value)).ShouldBe([(ReportingPeriod.Half(2023, 1), 300m), (ReportingPeriod.Half(2023, 2), 260m)]);
        dataset.Figures[1].Note.ShouldBe("cuối năm; đã rà soát");
        QuangNinh.Value.Evaluate(dataset with { AsOf = new DateOnly(2023, 12, 31) }).Results
            .Single(r => r.Target.Id.Value == "quang-ninh.102-kh-ubnd.3.3").Status.ShouldBe(Targets.Core.Evaluation.AssessmentStatus.Exceeded);
    }

    [Fact]
    public void Read_NegativeCount_IsRefusedNamingTheLine()
    {
        var dataset = Read("indicator,period,value\ndrugs.rehab-dossiers,2023,12\ndrugs.addiction-assessments,2023,-5\n");

        Should.Throw<DataException>(() => QuangNinh.Value.Evaluate(dataset)).Message
            .ShouldBe("so-lieu.csv:3 (column 'value'): 'drugs.addiction-assessments' for 2023 is negative (-5): counts and shares cannot be below zero");
    }

    [Fact]
    public void Read_NumberWithAThousandsSeparator_IsRefusedNamingTheLine()
    {
        Should.Throw<DataException>(() => Read("indicator,period,value\ndrugs.rehab-dossiers,2023,\"1,051\"\n"))
            .Message.ShouldBe("so-lieu.csv:2 (column 'value'): '1,051' is not a number: write digits with '.' for decimals and no thousands separators (1051, 44.7)");
    }

    [Fact]
    public void Read_UnterminatedQuote_IsRefusedAsMalformed()
    {
        Should.Throw<DataException>(() => Read("indicator,period,value,note\ndrugs.rehab-dossiers,2023,1,\"never closed\n"))
            .Message.ShouldStartWith("so-lieu.csv:2: malformed CSV");
    }

    [Fact]
    public void Read_WithoutALocality_IsRefused()
    {
        Should.Throw<DataException>(() => Read("indicator,period,value\n", locality: null))
            .Message.ShouldBe("so-lieu.csv: a CSV file does not say which locality its figures are for: give --locality");
    }

    [Fact]
    public void Read_NotUtf8_IsRefused()
    {
        Should.Throw<DataException>(() => CsvDatasetReader.Read("so-lieu.csv", new byte[] { 0x69, 0x6E, 0x64, 0xFF, 0xFE, 0x0A }, "quang-ninh"))
            .Message.ShouldBe("so-lieu.csv: the file is not UTF-8 text; save the CSV as UTF-8");
    }
}
