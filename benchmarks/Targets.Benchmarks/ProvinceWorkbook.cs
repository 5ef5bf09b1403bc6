using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Targets.Core.Data;

namespace Targets.Benchmarks;

/// <summary>
/// One province's figures as a filled-in workbook, in the layout of <c>targets template</c>: the national dataset's 3,321
/// communes all held to one locality's rule sets, each commune a unit (<c>Đơn vị hành chính</c>) of that province, every
/// figure a row. Written as Excel writes: shared strings, numbers as numbers.
/// </summary>
public static class ProvinceWorkbook
{
    /// <summary>
    /// The national dataset, every commune held to the first shipped locality (can-tho), as one province's rows: the
    /// figures of <paramref name="onlyYear"/> (a year's report), or every year the dataset holds (2020–2025).
    /// </summary>
    public static (byte[] Workbook, int Figures, string Locality) Generate(int? onlyYear = null)
    {
        var canTho = NationalDataset.LoadShipped().Take(1).ToList();
        var national = NationalDataset.Generate(canTho);
        var figures = national.Communes
            .SelectMany(commune => commune.Data.Figures.Where(f => onlyYear is not { } year || f.Period.EndYear == year).Select(f => (Commune: $"Xã {commune.Index + 1:0000}", Figure: f)))
            .ToList();
        return (Write(figures, canTho[0].Rules.Locality.Code), figures.Count, canTho[0].Rules.Locality.Code);
    }

    private static byte[] Write(List<(string Commune, Figure Figure)> figures, string locality)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        int Shared(string text)
        {
            if (!strings.TryGetValue(text, out var index))
            {
                strings[text] = index = strings.Count;
            }

            return index;
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, 1, ["Mã chỉ số", "Chỉ số", "Kỳ", "Số liệu", "Đơn vị tính", "Đơn vị hành chính", "Địa giới", "Ghi chú"], null, Shared);
                var row = 1;
                foreach (var (commune, figure) in figures)
                {
                    WriteRow(writer, ++row, [figure.Indicator.Value, string.Empty, figure.Period.ToString(), null, string.Empty, commune], figure.Value, Shared);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            var info = workbook.AddNewPart<WorksheetPart>();
            info.Worksheet = new Worksheet(new SheetData(new Row(
                new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue(Shared("Địa phương (mã)")) },
                new Cell { CellReference = "B1", DataType = CellValues.SharedString, CellValue = new CellValue(Shared(locality)) }) { RowIndex = 1 }));
            var table = workbook.AddNewPart<SharedStringTablePart>();
            table.SharedStringTable = new SharedStringTable(strings.OrderBy(s => s.Value).Select(s => new SharedStringItem(new Text(s.Key))));
            workbook.Workbook.Sheets!.Append(
                new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Số liệu" },
                new Sheet { Id = workbook.GetIdOfPart(info), SheetId = 2, Name = "Thông tin" });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static void WriteRow(OpenXmlWriter writer, int row, string?[] texts, decimal? value, Func<string, int> shared)
    {
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, row.ToString(CultureInfo.InvariantCulture))]);
        for (var column = 0; column < texts.Length; column++)
        {
            var reference = $"{(char)('A' + column)}{row.ToString(CultureInfo.InvariantCulture)}";
            if (column == 3 && value is { } number)
            {
                writer.WriteElement(new Cell { CellReference = reference, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) });
            }
            else if (texts[column] is { Length: > 0 } text)
            {
                writer.WriteElement(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(shared(text)) });
            }
        }

        writer.WriteEndElement();
    }
}
