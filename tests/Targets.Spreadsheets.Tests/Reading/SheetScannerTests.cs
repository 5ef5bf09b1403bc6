using System.Text;
using Targets.Core.Errors;
using Targets.Spreadsheets.Reading;

namespace Targets.Spreadsheets.Tests.Reading;

/// <summary>The sheet scanner reads what SpreadsheetML writes (prefixes, entities, CDATA, rich text) and refuses the rest.</summary>
public sealed class SheetScannerTests
{
    private static List<(int Row, List<SheetCell> Cells)> Scan(string xml)
    {
        var rows = new List<(int, List<SheetCell>)>();
        new SheetScanner(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "so-lieu.xlsx", "Số liệu").ReadRows(["shared"], [], (number, cells) => rows.Add((number, [.. cells])));
        return rows;
    }

    [Fact]
    public void ReadRows_PrefixesEntitiesCdataAndRichText_AreRead()
    {
        var rows = Scan(
            "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"urn:x\"><x:sheetData>" +
            "<x:row r=\"3\"><x:c r=\"B3\" t=\"inlineStr\"><x:is><x:t>a &amp; b &#7841;</x:t></x:is></x:c><x:c r=\"D3\" s=\"0\"><x:v>12</x:v></x:c><x:c r=\"E3\" t=\"s\"><x:v>0</x:v></x:c></x:row>" +
            "<!-- a comment with <row> in it -->" +
            "<x:row><x:c t=\"inlineStr\"><x:is><x:r><x:t>x</x:t></x:r><x:r><x:t><![CDATA[<y>]]></x:t></x:r><x:rPh><x:t>skip</x:t></x:rPh></x:is></x:c><x:c t=\"str\"><x:f>A1</x:f><x:v>1</x:v></x:c></x:row>" +
            "<x:row r=\"9\"/></x:sheetData></x:worksheet>");

        rows.Select(r => r.Row).ShouldBe([3, 4, 9]);
        rows[0].Cells.ShouldBe([SheetCell.Empty, new SheetCell(CellKind.Text, "a & b ạ"), SheetCell.Empty, new SheetCell(CellKind.Number, "12"), new SheetCell(CellKind.Text, "shared")]);
        rows[1].Cells.ShouldBe([new SheetCell(CellKind.Text, "x<y>"), new SheetCell(CellKind.Formula, "A1")]);
        rows[2].Cells.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("<!DOCTYPE lol [<!ENTITY lol \"lol\">]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol;</t></is></c></row></sheetData></worksheet>", "a document type declaration")]
    [InlineData("<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol;</t></is></c></row></sheetData></worksheet>", "the entity &lol; (only the five XML entities are allowed)")]
    [InlineData("<worksheet><sheetData><row r=\"2\"><c><v>1</v></c>", "the element row is not closed")]
    [InlineData("<worksheet><sheetData><row r=\"2\"><c r=\"A2\"><v>1</v></row></sheetData></worksheet>", "a cell is not closed")]
    public void ReadRows_MalformedOrHostileXml_IsRefused(string xml, string problem)
    {
        var error = Should.Throw<DataException>(() => Scan(xml));

        error.Message.ShouldStartWith("so-lieu.xlsx (Số liệu");
        error.Message.ShouldContain(problem);
    }
}
