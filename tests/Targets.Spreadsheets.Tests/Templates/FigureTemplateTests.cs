using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Plugins.CanTho;
using Targets.Plugins.HaiPhong;
using Targets.Plugins.QuangNinh;
using Targets.Rules.Engine;
using Targets.Rules.Plugins;
using Targets.Spreadsheets.Reading;
using Targets.Spreadsheets.Templates;

namespace Targets.Spreadsheets.Tests.Templates;

/// <summary>The template an office fills in: a row per figure the targets need, locked ids, validated values, and the round trip.</summary>
public sealed class FigureTemplateTests
{
    private static ICompiledRuleSet Compile(ITargetsPlugin plugin) => new NRulesRuleEngine().Compile(plugin.Locality, plugin.LoadRuleSets());

    private static readonly Lazy<ICompiledRuleSet> QuangNinh = new(() => Compile(new QuangNinhPlugin()));

    private static MemoryStream Template(ICompiledRuleSet rules, int year, params string[] units)
    {
        var stream = new MemoryStream();
        FigureTemplate.Write(stream, rules, year, units);
        stream.Position = 0;
        return stream;
    }

    private static List<string[]> Rows(SpreadsheetDocument document, string sheet)
    {
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!);
        return [.. part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(row => row.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToArray())];
    }

    private static WorksheetPart FiguresPart(SpreadsheetDocument document) =>
        (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);

    [Fact]
    public void Write_CamPha2023_HasARowPerFigureWithLockedIdsAndValidatedValues()
    {
        using var stream = Template(QuangNinh.Value, 2023);
        using var document = SpreadsheetDocument.Open(stream, false);

        document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe(["Số liệu", "Thông tin", "Hướng dẫn"]);
        var rows = Rows(document, "Số liệu");
        rows[0].ShouldBe(["Mã chỉ số", "Chỉ số", "Kỳ", "Số liệu", "Đơn vị tính", "Đơn vị hành chính", "Địa giới", "Ghi chú"]);
        rows.ShouldContain(r => r[0] == "drugs.rehab-dossiers" && r[1] == "Số hồ sơ áp dụng các biện pháp cai nghiện được lập" && r[2] == "2023" && r[4] == "hồ sơ");
        rows.ShouldContain(r => r[0] == "propaganda.conferences" && r[2] == "2022");   // the baseline of 1.4.a
        rows.ShouldContain(r => r[0] == "crime.reports.received" && r[2] == "2023");   // a share's counts ...
        rows.ShouldContain(r => r[0] == "crime.reports.received-share" && r[2] == "2023"); // ... and the share, when only the % is known
        rows.Skip(1).Select(r => (r[0], r[2])).ShouldBeUnique();

        var sheet = FiguresPart(document).Worksheet;
        sheet.GetFirstChild<SheetProtection>()!.Sheet!.Value.ShouldBeTrue();
        var validations = sheet.GetFirstChild<DataValidations>()!.Elements<DataValidation>().ToList();
        validations.ShouldContain(v => v.Operator! == DataValidationOperatorValues.GreaterThanOrEqual && v.Formula1!.Text == "0");
        validations.ShouldContain(v => v.Operator! == DataValidationOperatorValues.Between && v.Formula1!.Text == "0" && v.Formula2!.Text == "100");
        validations.SelectMany(v => v.SequenceOfReferences!.Items.Select(i => i.Value!)).Count().ShouldBe(rows.Count - 1);

        var formats = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var firstRow = sheet.GetFirstChild<SheetData>()!.Elements<Row>().ElementAt(1).Elements<Cell>().ToList();
        formats[(int)firstRow[0].StyleIndex!.Value].Protection?.Locked?.Value.ShouldNotBe(false);   // the id
        formats[(int)firstRow[3].StyleIndex!.Value].Protection!.Locked!.Value.ShouldBeFalse();     // the value
        Rows(document, "Hướng dẫn")[0][0].ShouldStartWith("BIỂU MẪU SỐ LIỆU THỰC HIỆN CÁC CHỈ TIÊU — THÀNH PHỐ CẨM PHẢ, NĂM 2023");
        Rows(document, "Thông tin").ShouldContain(r => r[0] == "Địa phương (mã)" && r[1] == "quang-ninh");
    }

    [Fact]
    public void RoundTrip_TemplateFilledAndRead_IsAssessed()
    {
        using var stream = Template(QuangNinh.Value, 2023);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var catalog = QuangNinh.Value.Catalog;
            foreach (var row in FiguresPart(document).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Skip(1))
            {
                var cells = row.Elements<Cell>().ToList();
                var id = new IndicatorId(cells[0].InlineString!.InnerText);
                if (catalog.Get(id).IsShare)
                {
                    continue;
                }

                cells[3].CellValue = new CellValue(id.Value == "drugs.rehab-dossiers" ? "562" : cells[2].InlineString!.InnerText == "2022" ? "8" : "10");
                cells[3].DataType = CellValues.Number;
            }
        }

        stream.Position = 0;
        var dataset = XlsxDatasetReader.Read("can-pha-2023.xlsx", stream.ToArray());
        var assessment = QuangNinh.Value.Evaluate(dataset);

        dataset.Locality.ShouldBe("quang-ninh");
        assessment.AsOf.ShouldBe(new DateOnly(2023, 12, 31));
        Status(assessment, "quang-ninh.102-kh-ubnd.3.3").ShouldBe(AssessmentStatus.Exceeded);      // 562 against 550 hồ sơ
        Status(assessment, "quang-ninh.102-kh-ubnd.2.1").ShouldBe(AssessmentStatus.Met);           // 10 of 10 tin báo
        Status(assessment, "quang-ninh.102-kh-ubnd.1.4.a").ShouldBe(AssessmentStatus.Exceeded);    // 10 buổi, more than 8 in 2022 (mark: 9)
        Status(assessment, "quang-ninh.102-kh-ubnd.1.3").ShouldBe(AssessmentStatus.NoData);        // per school: no units given
        assessment.UnusedFigures.ShouldBeEmpty();
    }

    private static AssessmentStatus Status(Assessment assessment, string id) => assessment.Results.Single(r => r.Target.Id.Value == id).Status;

    [Fact]
    public void Rows_MergedLocalityIn2025_AskForMergedFiguresAndTheJoinedUnitsBaselines()
    {
        var rules = Compile(new CanThoPlugin());
        var rows = FigureTemplate.Rows(FigureNeeds.OfAll(rules.RuleSets.SelectMany(s => s.Targets), rules.Catalog, 2025), rules.Catalog, [], rules.Locality.Succession);

        var cases = new IndicatorId("crime.social-order.cases");
        rows.ShouldContain(new TemplateRow(cases, ReportingPeriod.Year(2025), null, null));
        rows.ShouldContain(new TemplateRow(cases, ReportingPeriod.Year(2025), null, "merged"));
        rows.ShouldContain(new TemplateRow(cases, ReportingPeriod.Year(2024), null, "soc-trang"));
        rows.ShouldContain(new TemplateRow(cases, ReportingPeriod.Year(2024), null, "hau-giang"));
        rows.ShouldNotContain(new TemplateRow(cases, ReportingPeriod.Year(2023), null, "merged"));
    }

    [Fact]
    public void Rows_PerUnitTarget_HasARowForEachUnitGiven()
    {
        var rules = Compile(new HaiPhongPlugin());
        var rows = FigureTemplate.Rows(FigureNeeds.OfAll(rules.RuleSets.SelectMany(s => s.Targets), rules.Catalog, 2018), rules.Catalog, ["quận Hồng Bàng", "huyện An Lão"], null);

        rows.Where(r => r.Indicator.Value == "drugs.addicts.new").Select(r => (r.Period.StartYear, r.AdminUnit)).ShouldBe(
            [(2017, "huyện An Lão"), (2017, "quận Hồng Bàng"), (2018, "huyện An Lão"), (2018, "quận Hồng Bàng")]);
    }
}
