using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Targets.Spreadsheets.Tests.Support;

/// <summary>
/// Builds small workbooks for tests. A cell is written from its spec: "n:12" a number, "d:45291" a number in a date
/// format, "f:SUM(D2:D3)" a formula, "b:1" a boolean, anything else a text.
/// </summary>
internal static class Workbooks
{
    public static string[] Header { get; } = ["Mã chỉ số", "Chỉ số", "Kỳ", "Số liệu", "Đơn vị tính", "Đơn vị hành chính", "Địa giới", "Ghi chú"];

    public static byte[] Make(params (string Sheet, string[][] Rows)[] sheets) => Make(null, sheets);

    public static byte[] Make(Action<WorkbookPart>? extra, params (string Sheet, string[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill(), new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            uint id = 0;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)r + 1 };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        if (rows[r][c].Length > 0)
                        {
                            row.Append(Cell(rows[r][c], $"{(char)('A' + c)}{r + 1}"));
                        }
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = ++id, Name = name });
            }

            extra?.Invoke(workbook);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A figures sheet with the template's header and these rows, and an info sheet naming the locality.</summary>
    public static byte[] Figures(string locality, params string[][] rows) =>
        Make(("Số liệu", [Header, .. rows]), ("Thông tin", [["Địa phương (mã)", locality]]));

    private static Cell Cell(string spec, string reference) => spec[..Math.Min(2, spec.Length)] switch
    {
        "n:" => new Cell { CellReference = reference, CellValue = new CellValue(spec[2..]), DataType = CellValues.Number },
        "d:" => new Cell { CellReference = reference, CellValue = new CellValue(spec[2..]), StyleIndex = 1 },
        "f:" => new Cell { CellReference = reference, CellFormula = new CellFormula(spec[2..]), CellValue = new CellValue("560") },
        "b:" => new Cell { CellReference = reference, CellValue = new CellValue(spec[2..]), DataType = CellValues.Boolean },
        _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(spec)) },
    };

    public static string Number(decimal value) => "n:" + value.ToString(CultureInfo.InvariantCulture);
}
