using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Targets.Core.Errors;
using Targets.Core.Periods;
using Targets.Plugins.QuangNinh;
using Targets.Rules.Engine;
using Targets.Spreadsheets.Reading;
using Targets.Spreadsheets.Tests.Support;

namespace Targets.Spreadsheets.Tests.Reading;

/// <summary>
/// Workbooks are read with the checks a JSON dataset gets, every error one line naming the sheet and cell; hostile
/// workbooks (not a zip, a zip bomb, too many shared strings, formulas, dates where numbers belong) are refused the same way.
/// </summary>
public sealed class XlsxDatasetReaderTests
{
    private static readonly Lazy<ICompiledRuleSet> QuangNinh = new(() =>
    {
        var plugin = new QuangNinhPlugin();
        return new NRulesRuleEngine().Compile(plugin.Locality, plugin.LoadRuleSets());
    });

    private static string Refused(byte[] workbook) =>
        Should.Throw<DataException>(() => QuangNinh.Value.Evaluate(XlsxDatasetReader.Read("so-lieu.xlsx", workbook))).Message;

    [Fact]
    public void Read_FilledRows_GiveTheFiguresWithTheirCells()
    {
        var dataset = XlsxDatasetReader.Read("so-lieu.xlsx", Workbooks.Make(
            ("Số liệu", [Workbooks.Header, ["drugs.rehab-dossiers", "Số hồ sơ", "2023-H1", "n:300"], ["drugs.rehab-dossiers", "", "2023-H2", "260", "hồ sơ", "", "", "6 tháng cuối"], ["drugs.addiction-assessments", "", "2023"]]),
            ("Thông tin", [["Địa phương (mã)", "quang-ninh"], ["Thời điểm số liệu (năm-tháng-ngày)", "2023-12-31"], ["Mô tả số liệu", "Số liệu minh họa"]])));

        dataset.Locality.ShouldBe("quang-ninh");
        dataset.AsOf.ShouldBe(new DateOnly(2023, 12, 31));
        dataset.Description.ShouldBe("Số liệu minh họa");
        dataset.Figures.Select(f => (f.Period, f.Value, f.Note)).ShouldBe([(ReportingPeriod.Half(2023, 1), 300m, (string?)null), (ReportingPeriod.Half(2023, 2), 260m, "6 tháng cuối")]);
        dataset.Figures[1].Source!.ToString().ShouldBe("so-lieu.xlsx (Số liệu!D3)");
    }

    [Fact]
    public void Read_AsOfAsADateCell_IsTheDate()
    {
        var dataset = XlsxDatasetReader.Read("so-lieu.xlsx", Workbooks.Make(
            ("Số liệu", [Workbooks.Header, ["drugs.rehab-dossiers", "", "2023", "n:1"]]),
            ("Thông tin", [["Địa phương (mã)", "quang-ninh"], ["Thời điểm số liệu (năm-tháng-ngày)", "d:45291"]])));

        dataset.AsOf.ShouldBe(new DateOnly(2023, 12, 31));
    }

    [Fact]
    public void Read_NegativeCount_IsRefusedNamingTheCell()
    {
        Refused(Workbooks.Figures("quang-ninh", ["drugs.rehab-dossiers", "", "2023", "n:12"], ["drugs.addiction-assessments", "", "2023", "n:-5"]))
            .ShouldBe("so-lieu.xlsx (Số liệu!D3): 'drugs.addiction-assessments' for 2023 is negative (-5): counts and shares cannot be below zero");
    }

    [Fact]
    public void Read_ShareAbove100_IsRefusedNamingTheCell()
    {
        Refused(Workbooks.Figures("quang-ninh", ["crime.reports.received-share", "", "2023", "n:101"]))
            .ShouldBe("so-lieu.xlsx (Số liệu!D2): share 'crime.reports.received-share' for 2023 is 101%, above 100%");
    }

    [Fact]
    public void Read_UnknownIndicator_SuggestsTheNearest()
    {
        Refused(Workbooks.Figures("quang-ninh", ["drugs.rehab-dosiers", "", "2023", "n:12"]))
            .ShouldBe("so-lieu.xlsx (Số liệu!D2): unknown indicator 'drugs.rehab-dosiers' (did you mean 'drugs.rehab-dossiers'?)");
    }

    [Theory]
    [InlineData("năm trăm", "so-lieu.xlsx (Số liệu!D2): 'năm trăm' is not a number: write digits with '.' for decimals and no thousands separators (1051, 44.7)")]
    [InlineData("1.051,5", "so-lieu.xlsx (Số liệu!D2): '1.051,5' is not a number: write digits with '.' for decimals and no thousands separators (1051, 44.7)")]
    [InlineData("f:SUM(D3:D4)", "so-lieu.xlsx (Số liệu!D2): the cell holds a formula (=SUM(D3:D4)); enter the figure itself (copy, then paste as values)")]
    [InlineData("d:45000", "so-lieu.xlsx (Số liệu!D2): the cell is formatted as a date (45000); a figure is a number: format the cell as a number")]
    [InlineData("b:1", "so-lieu.xlsx (Số liệu!D2): the cell holds TRUE, not a number")]
    public void Read_ValueCellThatIsNotANumber_IsRefusedNamingTheCell(string cell, string error)
    {
        Should.Throw<DataException>(() => XlsxDatasetReader.Read("so-lieu.xlsx", Workbooks.Figures("quang-ninh", ["drugs.rehab-dossiers", "", "2023", cell])))
            .Message.ShouldBe(error);
    }

    [Fact]
    public void Read_PeriodThatIsNotAPeriod_IsRefusedNamingTheCell()
    {
        Should.Throw<DataException>(() => XlsxDatasetReader.Read("so-lieu.xlsx", Workbooks.Figures("quang-ninh", ["drugs.rehab-dossiers", "", "Quý 2/2023", "n:1"])))
            .Message.ShouldStartWith("so-lieu.xlsx (Số liệu!C2): 'Quý 2/2023' is not a period");
    }

    [Fact]
    public void Read_AsOfYear23_IsRefusedNamingTheCell()
    {
        Should.Throw<DataException>(() => XlsxDatasetReader.Read("so-lieu.xlsx", Workbooks.Make(
            ("Số liệu", [Workbooks.Header]),
            ("Thông tin", [["Địa phương (mã)", "quang-ninh"], ["x", "y"], ["Thời điểm số liệu (năm-tháng-ngày)", "0023-12-31"]]))))
            .Message.ShouldStartWith("so-lieu.xlsx (Thông tin!B3): the as-of date (0023-12-31) is outside the years an assessment may stand at (1900 to 2100)");
    }

    [Fact]
    public void Read_WrongSheet_IsRefusedNamingTheSheetsThereAre()
    {
        Should.Throw<DataException>(() => XlsxDatasetReader.Read("so-lieu.xlsx", Workbooks.Make(("Sheet1", [Workbooks.Header]))))
            .Message.ShouldBe("so-lieu.xlsx: the workbook has no sheet 'Số liệu' (its sheets: 'Sheet1'); fill in the template that 'targets template' writes");
    }

    [Fact]
    public void Read_HeaderWithoutTheValueColumn_IsRefused()
    {
        Should.Throw<DataException>(() => XlsxDatasetReader.Read("so-lieu.xlsx", Workbooks.Make(("Số liệu", [["Mã chỉ số", "Kỳ"], ["drugs.rehab-dossiers", "2023"]]))))
            .Message.ShouldStartWith("so-lieu.xlsx (Số liệu!A1): the header row has no column 'Số liệu'");
    }

    [Fact]
    public void Read_NoLocalityAnywhere_IsRefused()
    {
        Should.Throw<DataException>(() => XlsxDatasetReader.Read("so-lieu.xlsx", Workbooks.Make(("Số liệu", [Workbooks.Header]))))
            .Message.ShouldContain("does not say which locality it is for");
        XlsxDatasetReader.Read("so-lieu.xlsx", Workbooks.Make(("Số liệu", [Workbooks.Header])), "quang-ninh").Locality.ShouldBe("quang-ninh");
    }

    [Fact]
    public void Read_NotAZip_IsRefused()
    {
        Should.Throw<DataException>(() => XlsxDatasetReader.Read("so-lieu.xlsx", Encoding.UTF8.GetBytes("indicator,period,value\n")))
            .Message.ShouldBe("so-lieu.xlsx: the file is not an .xlsx workbook (an .xlsx file is a zip archive, and this one is not)");
    }

    [Fact]
    public void Read_EncryptedOrOldWorkbook_IsRefused()
    {
        Should.Throw<DataException>(() => XlsxDatasetReader.Read("so-lieu.xlsx", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
            .Message.ShouldContain("encrypted workbook or an old .xls file");
    }

    [Fact]
    public void Read_ZipOfSomethingElse_IsRefused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            entry.Write("hello");
        }

        Should.Throw<DataException>(() => XlsxDatasetReader.Read("so-lieu.xlsx", stream.ToArray())).Message.ShouldBe("so-lieu.xlsx: the file is a zip archive but not a workbook (it has no workbook part)");
    }

    [Fact]
    public void Read_ZipBomb_IsRefusedBeforeItExpands()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            for (var i = 0; i < 40; i++)
            {
                entry.Write(block);
            }
        }

        stream.Length.ShouldBeLessThan(1_000_000);
        Should.Throw<DataException>(() => XlsxDatasetReader.Read("so-lieu.xlsx", stream.ToArray()))
            .Message.ShouldContain("looks like a zip bomb");
    }

    [Fact]
    public void Read_TooManySharedStrings_IsRefused()
    {
        var workbook = Workbooks.Make(
            part =>
            {
                var strings = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
                strings.Insert(strings.Length, "<si/>", SpreadsheetLimits.MaxSharedStrings + 1).Append("</sst>");
                using var data = new MemoryStream(Encoding.UTF8.GetBytes(strings.ToString()));
                part.AddNewPart<SharedStringTablePart>().FeedData(data);
            },
            ("Số liệu", [Workbooks.Header]));

        Should.Throw<DataException>(() => XlsxDatasetReader.Read("so-lieu.xlsx", workbook))
            .Message.ShouldBe("so-lieu.xlsx (sharedStrings): the workbook holds more than 2,000,000 shared strings");
    }

    [Fact]
    public void Read_CellLongerThanExcelAllows_IsRefusedNamingTheCell()
    {
        Should.Throw<DataException>(() => XlsxDatasetReader.Read("so-lieu.xlsx", Workbooks.Figures("quang-ninh", ["drugs.rehab-dossiers", "", "2023", "n:1", "", "", "", new string('x', 40_000)])))
            .Message.ShouldBe("so-lieu.xlsx (Số liệu!H2): the cell holds 40,000 characters; a cell holds at most 32,767");
    }
}
