using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Targets.Reports.Word.Layout;
using Targets.Reports.Word.Packaging;
using Targets.Reports.Word.Settings;
using Targets.Rules.Reporting;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Targets.Reports.Word;

/// <summary>
/// Renders a <see cref="Report"/> as a Word document (.docx) laid out as a Vietnamese administrative report under Nghị
/// định 30/2020/NĐ-CP: A4 with the decree's margins, Times New Roman, the heading table (issuing body; Quốc hiệu and
/// Tiêu ngữ; number; place and date), “BÁO CÁO” and its trích yếu, the content with the results table, the recipients and
/// signature blocks, and the annex. The number, the date and the signer are left as visible placeholders. The file
/// depends on the report and settings only: no clock, no random ids, fixed zip entry times.
/// </summary>
public static class WordReport
{
    /// <summary>Writes the document to <paramref name="stream"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="settings">The issuing body, place and recipients; <see cref="ReportSettings.Empty"/> for placeholders.</param>
    /// <param name="stream">Where to write the .docx bytes.</param>
    public static void Write(Report report, ReportSettings settings, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stream);
        using var package = new MemoryStream();
        using (var document = WordprocessingDocument.Create(package, WordprocessingDocumentType.Document))
        {
            // Every relationship id is given, never generated, so that two runs write the same parts.
            var main = document.AddMainDocumentPart();
            document.ChangeIdOfPart(main, "rIdMain");
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = Styles();
            main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = new W.Settings(
                new DefaultTabStop { Val = Page.FirstLineIndent },
                new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));
            main.AddNewPart<HeaderPart>("rIdPageNumber").Header = PageNumberHeader();
            main.AddNewPart<HeaderPart>("rIdFirstPage").Header = new Header(new Paragraph());

            var body = new Body(new ReportBody(report, settings).Elements());
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdPageNumber" },
                new HeaderReference { Type = HeaderFooterValues.First, Id = "rIdFirstPage" },
                new PageSize { Width = Page.Width, Height = Page.Height },
                new PageMargin
                {
                    Top = Page.MarginTop,
                    Right = Page.MarginRight,
                    Bottom = Page.MarginBottom,
                    Left = Page.MarginLeft,
                    Header = Page.HeaderDistance,
                    Footer = Page.HeaderDistance,
                    Gutter = 0,
                },
                new TitlePage()));
            main.Document = new Document(body);
        }

        StablePackage.Copy(package, stream);
    }

    /// <summary>The document's bytes.</summary>
    /// <param name="report">The report.</param>
    /// <param name="settings">The issuing body, place and recipients.</param>
    public static byte[] Render(Report report, ReportSettings settings)
    {
        using var output = new MemoryStream();
        Write(report, settings, output);
        return output.ToArray();
    }

    /// <summary>
    /// Times New Roman, black, 14 pt and Vietnamese by default; the body paragraph justified, its first line indented
    /// 1 cm, 6 pt after, 1,15 lines apart, with widow control.
    /// </summary>
    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Page.Font, HighAnsi = Page.Font, ComplexScript = Page.Font, EastAsia = Page.Font },
                new Color { Val = "000000" },
                new FontSize { Val = Blocks.Number(Page.Body) },
                new FontSizeComplexScript { Val = Blocks.Number(Page.Body) },
                new Languages { Val = "vi-VN", EastAsia = "vi-VN", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = Blocks.Number(Page.ParagraphSpacing), Line = Blocks.Number(Page.LineSpacing), LineRule = LineSpacingRuleValues.Auto }))),
        new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(
                new WidowControl(),
                new SpacingBetweenLines { After = Blocks.Number(Page.ParagraphSpacing), Line = Blocks.Number(Page.LineSpacing), LineRule = LineSpacingRuleValues.Auto },
                new Indentation { FirstLine = Blocks.Number(Page.FirstLineIndent) },
                new Justification { Val = JustificationValues.Both }))
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        });

    /// <summary>The page number: centred in the top margin, 13 pt, from page 2 on (the first page's header is empty).</summary>
    private static Header PageNumberHeader()
    {
        var properties = new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            Indentation = new Indentation { FirstLine = "0" },
            Justification = new Justification { Val = JustificationValues.Center },
        };
        var field = new SimpleField { Instruction = " PAGE " };
        field.Append(Blocks.Text("2", size: Page.Number));
        return new Header(new Paragraph(properties, field));
    }
}
