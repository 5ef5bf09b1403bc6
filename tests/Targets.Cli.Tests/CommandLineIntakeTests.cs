using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Targets.Cli.Tests;

/// <summary>Issue 10 on the command line: the template, spreadsheet and CSV data, --strict, and "did you mean".</summary>
public sealed class CommandLineIntakeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("targets-intake-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name) => Path.Combine(_folder, name);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static void ShouldFailWithOneLine((int Exit, string Out, string Err) run, string expected)
    {
        run.Exit.ShouldBe(2);
        run.Err.Trim().Split('\n').Length.ShouldBe(1, "one readable line");
        run.Err.ShouldNotContain("   at ");
        run.Err.ShouldContain(expected);
    }

    [Fact]
    public void Template_ThenFilledAndAssessed_GivesTheVerdict()
    {
        var path = File("cam-pha.xlsx");
        var written = Run("template", "--locality", "quang-ninh", "--year", "2023", "--output", path);
        written.Exit.ShouldBe(0, written.Err);
        written.Out.ShouldContain("figures to fill in for thành phố Cẩm Phả, 2023");

        using (var document = SpreadsheetDocument.Open(path, true))
        {
            var sheet = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            var row = sheet.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().First(r => r.Elements<Cell>().First().InnerText == "drugs.rehab-dossiers");
            var value = row.Elements<Cell>().ElementAt(3);
            value.CellValue = new CellValue("562");
            value.DataType = CellValues.Number;
        }

        var (exit, output, error) = Run("assess", "--data", path);

        exit.ShouldBe(0, error);
        output.ShouldContain("Năm 2023: 562 hồ sơ");
    }

    [Fact]
    public void Assess_CsvByHalfYear_IsExceeded()
    {
        var csv = File("cam-pha.csv");
        System.IO.File.WriteAllText(csv, "indicator,period,value\ndrugs.rehab-dossiers,2023-H1,300\ndrugs.rehab-dossiers,2023-H2,260\n", Encoding.UTF8);

        var (exit, output, _) = Run("assess", "--data", csv, "--locality", "quang-ninh", "--year", "2023");

        exit.ShouldBe(0);
        output.ShouldContain("Năm 2023: 560 hồ sơ");
        output.ShouldContain("vượt");
    }

    [Fact]
    public void Assess_CsvErrorAtALine_IsOneLineNamingIt()
    {
        var csv = File("bad.csv");
        System.IO.File.WriteAllText(csv, "indicator,period,value\ndrugs.rehab-dossiers,2023,-3\n", Encoding.UTF8);

        ShouldFailWithOneLine(Run("assess", "--data", csv, "--locality", "quang-ninh"), "bad.csv:2 (column 'value'): 'drugs.rehab-dossiers' for 2023 is negative");
    }

    [Fact]
    public void Assess_StrictWithAFigureNoTargetReads_Fails()
    {
        var csv = File("extra.csv");
        System.IO.File.WriteAllText(csv, "indicator,period,value\ndrugs.rehab-dossiers,2023,562\ndrugs.rehab-dossiers,2021,400\n", Encoding.UTF8);

        Run("assess", "--data", csv, "--locality", "quang-ninh", "--year", "2023").Exit.ShouldBe(0);
        ShouldFailWithOneLine(Run("assess", "--data", csv, "--locality", "quang-ninh", "--year", "2023", "--strict"),
            "extra.csv:3 (column 'value'): --strict: no target reads 'drugs.rehab-dossiers' for 2021");
    }

    [Fact]
    public void Assess_UnknownLocality_SuggestsTheNearest()
    {
        ShouldFailWithOneLine(Run("assess", "--locality", "tay-nin"), "unknown locality 'tay-nin' (did you mean 'tay-ninh'?)");
    }

    [Fact]
    public void Template_WithUnits_HasARowPerUnitForPerUnitTargets()
    {
        var units = File("quan-huyen.txt");
        System.IO.File.WriteAllLines(units, ["# quận, huyện", "quận Hồng Bàng", "", "huyện An Lão"]);
        var path = File("hai-phong.xlsx");

        Run("template", "--locality", "hai-phong", "--year", "2018", "--units", units, "--output", path).Exit.ShouldBe(0);

        using var document = SpreadsheetDocument.Open(path, false);
        var sheet = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        sheet.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().ToList())
            .Where(c => c[0].InnerText == "drugs.addicts.new")
            .Select(c => (c[2].InnerText, c[5].InnerText))
            .ShouldBe([("2017", "huyện An Lão"), ("2017", "quận Hồng Bàng"), ("2018", "huyện An Lão"), ("2018", "quận Hồng Bàng")]);
    }

    [Theory]
    [InlineData("23")]
    [InlineData("0")]
    public void Template_YearOutOfRange_IsOneLine(string year)
    {
        ShouldFailWithOneLine(Run("template", "--locality", "quang-ninh", "--year", year, "--output", File("x.xlsx")), "outside the years an assessment may stand at (1900 to 2100)");
    }
}
