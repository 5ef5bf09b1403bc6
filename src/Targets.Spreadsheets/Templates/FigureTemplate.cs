using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Targets.Core.Evaluation;
using Targets.Core.Formatting;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Successions;
using Targets.Rules.Engine;
using Targets.Spreadsheets.Layout;

namespace Targets.Spreadsheets.Templates;

/// <summary>One row of the template: a figure to fill in.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Period">The period.</param>
/// <param name="AdminUnit">The unit, for a target that holds for each unit.</param>
/// <param name="Boundary">For a merged locality: the boundary (null for the unit the documents were written for).</param>
public sealed record TemplateRow(IndicatorId Indicator, ReportingPeriod Period, string? AdminUnit, string? Boundary);

/// <summary>
/// Writes the workbook an office fills in for a locality's targets as of a year: a figures sheet with one row per figure
/// the targets need (Vietnamese name, unit, period; the indicator id in a locked column; the value cells validated:
/// counts ≥ 0, shares 0–100), an info sheet (locality, as-of date) and instructions in Vietnamese. The layout is the one
/// <see cref="Reading.XlsxDatasetReader"/> reads.
/// </summary>
public static class FigureTemplate
{
    private const uint HeaderStyle = 1;
    private const uint InputStyle = 2;
    private const uint LockedStyle = 3;
    private const uint WrappedStyle = 4;

    /// <summary>
    /// The rows for the figures <paramref name="needs"/> names: a share's two counts (and the share itself, for when only
    /// the percentage is known), per unit for targets that hold for each unit, and, for a locality that has merged, the
    /// merged locality's figures after the merger and the joined units' baselines before it (so that a change can be
    /// measured like with like).
    /// </summary>
    public static IReadOnlyList<TemplateRow> Rows(IReadOnlyList<FigureNeed> needs, IndicatorCatalog catalog, IReadOnlyList<string> units, Succession? succession)
    {
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(catalog);
        var rows = new List<TemplateRow>();
        foreach (var need in needs.OrderBy(n => n.Period).ThenBy(n => IndexOf(needs, n.Indicator)))
        {
            IReadOnlyList<string?> forUnits = need.EachUnit ? [.. units] : [null];
            foreach (var unit in forUnits)
            {
                rows.Add(new TemplateRow(need.Indicator, need.Period, unit, null));
                if (succession is null || need.EachUnit)
                {
                    continue;
                }

                if (need.Period.End >= succession.Date)
                {
                    rows.Add(new TemplateRow(need.Indicator, need.Period, unit, Succession.MergedBoundary));
                }
                else if (need.IsBaseline)
                {
                    rows.AddRange(succession.Joined.Select(joined => new TemplateRow(need.Indicator, need.Period, unit, joined.Code)));
                }
            }
        }

        // Counts before the share they make, each figure once.
        return [.. rows.Distinct().OrderBy(r => r.Period).ThenBy(r => r.Boundary is null ? 0 : 1).ThenBy(r => r.Boundary, StringComparer.Ordinal)
            .ThenBy(r => IndexOf(needs, r.Indicator)).ThenBy(r => catalog.Get(r.Indicator).IsShare ? 1 : 0).ThenBy(r => r.AdminUnit, StringComparer.Ordinal)];
    }

    /// <summary>Writes the template for a compiled locality as of the end of <paramref name="year"/>.</summary>
    /// <param name="output">Where the .xlsx goes.</param>
    /// <param name="rules">The locality's compiled rule sets.</param>
    /// <param name="year">The year the figures are for (the assessment's as-of year).</param>
    /// <param name="units">The units that report, for targets that hold for each unit.</param>
    /// <returns>The rows written.</returns>
    public static IReadOnlyList<TemplateRow> Write(Stream output, ICompiledRuleSet rules, int year, IReadOnlyList<string> units)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var needs = FigureNeeds.OfAll(rules.RuleSets.SelectMany(set => set.Targets), rules.Catalog, year);
        var rows = Rows(needs, rules.Catalog, units, rules.Locality.Succession);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        AddStyles(workbook);
        AddSheet(workbook, FigureSheet.Name, FiguresSheet(rows, rules));
        AddSheet(workbook, FigureSheet.InfoSheet, InfoSheet(rules, year));
        AddSheet(workbook, FigureSheet.InstructionsSheet, InstructionsSheet(rules, year, needs.Any(n => n.EachUnit) && units.Count == 0));
        workbook.Workbook.Save();
        return rows;
    }

    private static int IndexOf(IReadOnlyList<FigureNeed> needs, IndicatorId indicator)
    {
        for (var i = 0; i < needs.Count; i++)
        {
            if (needs[i].Indicator == indicator)
            {
                return i;
            }
        }

        return needs.Count;
    }

    private static Worksheet FiguresSheet(IReadOnlyList<TemplateRow> rows, ICompiledRuleSet rules)
    {
        var catalog = rules.Catalog;
        var data = new SheetData(Numbered(new Row(FigureSheet.Columns.Select(c => Text(c.Header, HeaderStyle))) { RowIndex = 1 }));
        var counts = new List<string>();
        var shares = new List<string>();
        uint number = 1;
        foreach (var row in rows)
        {
            number++;
            var indicator = catalog.Get(row.Indicator);
            var valueCell = string.Create(CultureInfo.InvariantCulture, $"D{number}");
            (indicator.IsShare ? shares : counts).Add(valueCell);
            var note = indicator.IsShare
                ? $"Chỉ điền khi không có số đếm ({indicator.Numerator} và {indicator.Denominator})"
                : catalog.StockOrFlowOf(row.Indicator) == StockOrFlow.Stock ? "Số tại thời điểm cuối kỳ" : "Số phát sinh trong kỳ";
            var cells = new Row(
                Text(row.Indicator.Value, LockedStyle),
                Text(indicator.Name, WrappedStyle),
                Text(row.Period.ToString(), LockedStyle),
                new Cell { StyleIndex = InputStyle },
                Text(indicator.Unit.Symbol, LockedStyle),
                Text(row.AdminUnit ?? string.Empty, LockedStyle),
                Text(row.Boundary ?? string.Empty, LockedStyle),
                new Cell { StyleIndex = InputStyle, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(note)) })
            { RowIndex = number };
            data.Append(Numbered(cells));
        }

        var validations = new DataValidations();
        if (counts.Count > 0)
        {
            validations.Append(Validation(counts, DataValidationOperatorValues.GreaterThanOrEqual, "0", null, "Số đếm là số không âm (0, 1, 2, ...)."));
        }

        if (shares.Count > 0)
        {
            validations.Append(Validation(shares, DataValidationOperatorValues.Between, "0", "100", "Tỷ lệ là số phần trăm từ 0 đến 100."));
        }

        var sheet = new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            new Columns(
                Width(1, 42), Width(2, 70), Width(3, 12), Width(4, 14), Width(5, 14), Width(6, 26), Width(7, 14), Width(8, 48)),
            data,
            new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false, Sort = false, AutoFilter = false });
        if (validations.HasChildren)
        {
            validations.Count = (uint)validations.ChildElements.Count;
            sheet.Append(validations);
        }

        return sheet;
    }

    private static DataValidation Validation(List<string> cells, DataValidationOperatorValues comparison, string first, string? second, string error)
    {
        var validation = new DataValidation
        {
            Type = DataValidationValues.Decimal,
            Operator = comparison,
            AllowBlank = true,
            ShowErrorMessage = true,
            ShowInputMessage = true,
            ErrorTitle = "Số liệu không hợp lệ",
            Error = error,
            PromptTitle = "Số liệu",
            Prompt = error + " Để trống nếu chưa có.",
            SequenceOfReferences = new ListValue<StringValue> { InnerText = string.Join(' ', cells) },
            Formula1 = new Formula1(first),
        };
        if (second is not null)
        {
            validation.Formula2 = new Formula2(second);
        }

        return validation;
    }

    private static Worksheet InfoSheet(ICompiledRuleSet rules, int year)
    {
        var locality = rules.Locality;
        string[][] rows =
        [
            [FigureSheet.LocalityLabel, locality.Code],
            ["Tên địa phương", locality.UnitName ?? locality.Name],
            [FigureSheet.AsOfLabel, string.Create(CultureInfo.InvariantCulture, $"{year}-12-31")],
            [FigureSheet.DescriptionLabel, string.Create(CultureInfo.InvariantCulture, $"Số liệu năm {year} của {locality.UnitName ?? locality.Name}")],
        ];
        var data = new SheetData();
        uint number = 0;
        foreach (var row in rows)
        {
            number++;
            var editable = row[0] is FigureSheet.AsOfLabel or FigureSheet.DescriptionLabel;
            data.Append(Numbered(new Row(Text(row[0], HeaderStyle), Text(row[1], editable ? InputStyle : LockedStyle)) { RowIndex = number }));
        }

        return new Worksheet(new Columns(Width(1, 40), Width(2, 60)), data, new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
    }

    private static Worksheet InstructionsSheet(ICompiledRuleSet rules, int year, bool unitsMissing)
    {
        var locality = rules.Locality;
        var name = locality.UnitName ?? locality.Name;
        var lines = new List<string>
        {
            $"BIỂU MẪU SỐ LIỆU THỰC HIỆN CÁC CHỈ TIÊU — {name.ToUpperInvariant()}, NĂM {year.ToString(CultureInfo.InvariantCulture)}",
            string.Empty,
            $"1. Mỗi dòng ở trang “{FigureSheet.Name}” là một số liệu mà các chỉ tiêu của địa phương cần để đánh giá đến hết năm {year.ToString(CultureInfo.InvariantCulture)} (kể cả số liệu các năm trước dùng làm kỳ gốc so sánh).",
            "2. Chỉ điền cột “Số liệu” (và “Ghi chú” nếu cần). Không sửa các cột khác: cột “Mã chỉ số” được khóa để phần mềm nhận đúng chỉ số.",
            "3. Ghi số như 1051 hoặc 44.7 (dấu chấm ngăn phần thập phân, không dùng dấu ngăn cách hàng nghìn). Không dùng công thức: nhập chính con số.",
            "4. Số đếm (vụ, người, hồ sơ, xã...) là số không âm. Tỷ lệ (%) từ 0 đến 100. Tỷ lệ nên cho bằng hai số đếm (tử số và mẫu số, mỗi số một dòng); chỉ điền dòng tỷ lệ khi không có số đếm.",
            "5. Kỳ: “2025” là cả năm; “2025-H1”, “2025-H2” là 6 tháng đầu, cuối năm; “2025-Q1” đến “2025-Q4” là các quý; “2021/2025” là cả giai đoạn.",
            "6. Chỉ số “phát sinh trong kỳ” (số vụ, số hồ sơ...): nếu không có số cả năm, số các quý hoặc 6 tháng được cộng lại thành cả năm. Chỉ số “tại thời điểm cuối kỳ” (số người nghiện, số xã...): lấy số cuối kỳ, không cộng. Nếu cho cả số cả năm và số từng quý thì hai số phải khớp nhau.",
            "7. Số liệu chưa có thì để trống: chỉ tiêu liên quan được ghi “chưa có số liệu”, không bị coi là không đạt.",
            $"8. Trang “{FigureSheet.InfoSheet}”: kiểm tra mã địa phương và ghi thời điểm số liệu (năm-tháng-ngày, ví dụ {year.ToString(CultureInfo.InvariantCulture)}-12-31).",
            "9. Số liệu theo từng đơn vị (xã, phường, trường học...): ghi tên đơn vị ở cột “Đơn vị hành chính”. Khi không có số của cả địa phương, số các đơn vị được cộng lại (tỷ lệ được tính lại từ số đếm đã cộng, không lấy trung bình).",
            "10. Trang được khóa để tránh sửa nhầm; khi cần thêm dòng (ví dụ số liệu từng đơn vị, từng quý), bỏ khóa trang (Review → Unprotect Sheet), thêm dòng với đủ mã chỉ số, kỳ và số liệu.",
        };
        if (locality.Succession is { } succession)
        {
            lines.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"11. Địa giới: từ ngày {VietnameseFormat.ShortDate(succession.Date)}, {succession.MergedName} gồm {string.Join(", ", succession.Parts.Select(succession.NameOf))}. Các chỉ tiêu được đặt cho {succession.FormerName}. Cột “Địa giới” để trống là số liệu của {succession.FormerName}; “{Succession.MergedBoundary}” là số liệu của {succession.MergedName}; {string.Join("; ", succession.Joined.Select(j => $"“{j.Code}” là số liệu của {j.Name}"))}. Khi chỉ có số liệu sau hợp nhất, chỉ tiêu so sánh được đánh giá cùng địa giới: số liệu sau hợp nhất so với tổng số liệu kỳ gốc của các đơn vị hợp nhất."));
        }

        if (unitsMissing)
        {
            lines.Add("Lưu ý: có chỉ tiêu áp dụng cho từng đơn vị nhưng biểu mẫu chưa có danh sách đơn vị; tạo lại biểu mẫu với --units <tệp danh sách đơn vị>, mỗi dòng một đơn vị.");
        }

        lines.Add(string.Empty);
        lines.Add("Đánh giá: targets assess --data <tệp này>.xlsx (thêm --format md hoặc --format json nếu cần).");
        var data = new SheetData();
        uint number = 0;
        foreach (var line in lines)
        {
            number++;
            data.Append(Numbered(new Row(Text(line, number == 1 ? HeaderStyle : WrappedStyle)) { RowIndex = number }));
        }

        return new Worksheet(new Columns(Width(1, 140)), data);
    }

    private static void AddSheet(WorkbookPart workbook, string name, Worksheet worksheet)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" })),
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF2CC" }) { PatternType = PatternValues.Solid }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9D9D9" }) { PatternType = PatternValues.Solid })),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat(),
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, FillId = 3, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
                new CellFormat(new Protection { Locked = false }) { FillId = 2, ApplyFill = true, ApplyProtection = true },
                new CellFormat(new Protection { Locked = true }) { ApplyProtection = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }));
    }

    /// <summary>The row with each cell's reference (A1, B1, ...) written, as Excel expects.</summary>
    private static Row Numbered(Row row)
    {
        var column = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            cell.CellReference = string.Create(CultureInfo.InvariantCulture, $"{FigureSheet.Letters(column++)}{row.RowIndex!.Value}");
        }

        return row;
    }

    private static Cell Text(string text, uint style) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)), StyleIndex = style };

    private static Column Width(uint column, double width) => new() { Min = column, Max = column, Width = width, CustomWidth = true };
}
