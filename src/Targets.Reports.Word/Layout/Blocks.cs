using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Targets.Reports.Word.Layout;

/// <summary>
/// The few building blocks the report is made of: runs of text (always cleaned by <see cref="WordText"/>), paragraphs
/// in the body format or a special one, short rules, and tables. Properties are set through the SDK's typed properties,
/// which keep the schema's element order.
/// </summary>
internal static class Blocks
{
    /// <summary>A run of text with its type; the text is only ever element content.</summary>
    public static Run Text(string text, bool bold = false, bool italic = false, int size = 0)
    {
        var run = new Run();
        if (bold || italic || size > 0)
        {
            var properties = new RunProperties();
            if (bold)
            {
                properties.Bold = new Bold();
            }

            if (italic)
            {
                properties.Italic = new Italic();
            }

            if (size > 0)
            {
                properties.FontSize = new FontSize { Val = Number(size) };
                properties.FontSizeComplexScript = new FontSizeComplexScript { Val = Number(size) };
            }

            run.RunProperties = properties;
        }

        run.AppendChild(new Text(WordText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>A body paragraph: justified, first line indented 1 cm, 6 pt after (the document's default format).</summary>
    public static Paragraph Body(params Run[] runs) => new(runs);

    /// <summary>A paragraph in a format of its own.</summary>
    public static Paragraph With(Format format, params Run[] runs)
    {
        var paragraph = new Paragraph(runs);
        paragraph.PrependChild(format.Properties());
        return paragraph;
    }

    /// <summary>
    /// A short horizontal rule, centred in a width of <paramref name="within"/> twips and <paramref name="length"/> long: an
    /// empty paragraph one point high whose top border is the rule, indented from both sides. The 3 pt before it keep the
    /// rule clear of the descenders of the line above.
    /// </summary>
    public static Paragraph Rule(int within, int length)
    {
        var side = Math.Max(0, (within - length) / 2);
        var properties = new ParagraphProperties
        {
            ParagraphBorders = new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = Page.RuleWeight, Space = 0, Color = "000000" }),
            SpacingBetweenLines = new SpacingBetweenLines { Before = "60", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact },
            Indentation = new Indentation { Left = Number(side), Right = Number(side), FirstLine = "0" },
            Justification = new Justification { Val = JustificationValues.Center },
        };
        return new Paragraph(properties);
    }

    /// <summary>A table of fixed column widths; bordered (thin single lines) or not (a layout grid).</summary>
    public static Table Table(IReadOnlyList<int> widths, bool bordered, int cellMargin, IEnumerable<TableRow> rows)
    {
        OpenXmlElement Border<T>()
            where T : BorderType, new() => new T { Val = bordered ? BorderValues.Single : BorderValues.Nil, Size = bordered ? 4U : 0U, Space = 0, Color = "000000" };

        var table = new Table(
            new TableProperties(
                new TableWidth { Width = Number(widths.Sum()), Type = TableWidthUnitValues.Dxa },
                new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(), Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>()),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = bordered ? "40" : "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = (short)cellMargin, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = bordered ? "40" : "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = (short)cellMargin, Type = TableWidthValues.Dxa }),
                new TableLook { Val = "0000", FirstRow = false, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true }),
            new TableGrid(widths.Select(w => new GridColumn { Width = Number(w) })));
        table.Append(rows);
        return table;
    }

    /// <summary>A row that is never split across pages; a header row repeats at the top of each page.</summary>
    public static TableRow Row(bool header, IEnumerable<TableCell> cells)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (header)
        {
            properties.Append(new TableHeader());
        }

        var row = new TableRow(properties);
        row.Append(cells);
        return row;
    }

    /// <summary>A cell of the given width holding paragraphs (at least one, as the schema requires).</summary>
    public static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs, bool shaded = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = Number(width), Type = TableWidthUnitValues.Dxa });
        if (shaded)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E7E6E6" });
        }

        var cell = new TableCell(properties);
        var content = paragraphs.ToList();
        cell.Append(content.Count > 0 ? content : [new Paragraph()]);
        return cell;
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A paragraph format other than the body's.</summary>
/// <param name="Alignment">Left, centred, right or justified.</param>
/// <param name="FirstLine">The first-line indent, in twips.</param>
/// <param name="Before">Space before, in twips.</param>
/// <param name="After">Space after, in twips.</param>
/// <param name="KeepNext">Keep with the next paragraph (headings, table titles).</param>
/// <param name="Outline">The outline level of a heading (0 = top), shown in navigation and PDF bookmarks; null for text.</param>
/// <param name="PageBreakBefore">Start a new page.</param>
/// <param name="SingleLine">Single line spacing (the heading blocks) instead of the body's.</param>
internal sealed record Format(
    JustificationValues Alignment, int FirstLine = 0, int Before = 0, int After = 0, bool KeepNext = false, int? Outline = null, bool PageBreakBefore = false, bool SingleLine = false)
{
    public ParagraphProperties Properties()
    {
        var properties = new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines
            {
                Before = Blocks.Number(Before),
                After = Blocks.Number(After),
                Line = Blocks.Number(SingleLine ? 240 : Page.LineSpacing),
                LineRule = LineSpacingRuleValues.Auto,
            },
            Indentation = new Indentation { Left = "0", Right = "0", FirstLine = Blocks.Number(FirstLine) },
            Justification = new Justification { Val = Alignment },
        };
        if (KeepNext)
        {
            properties.KeepNext = new KeepNext();
        }

        if (PageBreakBefore)
        {
            properties.PageBreakBefore = new PageBreakBefore();
        }

        if (Outline is { } level)
        {
            properties.OutlineLevel = new OutlineLevel { Val = level };
        }

        return properties;
    }
}
