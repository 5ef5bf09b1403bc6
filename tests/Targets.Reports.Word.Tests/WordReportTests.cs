using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Targets.Reports.Word.Settings;
using Targets.Core.Formatting;
using Targets.Rules.Reporting;
using Targets.Tests.Shared;

namespace Targets.Reports.Word.Tests;

public sealed class WordReportTests
{
    private static readonly ReportSettings CanTho = new()
    {
        Issuer = "Ban Chỉ đạo 138 thành phố Cần Thơ",
        ParentIssuer = "Ủy ban nhân dân thành phố Cần Thơ",
        Place = "Cần Thơ",
        Recipients = ["Ban Chỉ đạo 138 Chính phủ", "Thường trực Thành ủy"],
    };

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);

    private static byte[] Render(Report report, ReportSettings? settings = null) => WordReport.Render(report, settings ?? CanTho);

    private static List<ValidationErrorInfo> Validate(byte[] bytes)
    {
        using var document = Open(bytes);
        return [.. new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)];
    }

    private static string Describe(IEnumerable<ValidationErrorInfo> errors) =>
        string.Join("\n", errors.Take(5).Select(e => $"{e.Path?.XPath}: {e.Description}"));

    [Theory]
    [MemberData(nameof(SampleReports.EachLocality), MemberType = typeof(SampleReports))]
    public void Write_EachLocalitySample_IsAValidDocument(string locality)
    {
        var errors = Validate(Render(SampleReports.For(locality)));

        errors.ShouldBeEmpty(Describe(errors));
    }

    [Fact]
    public void Write_NoSettings_IsValidWithVisiblePlaceholders()
    {
        var bytes = Render(SampleReports.For("hai-phong"), ReportSettings.Empty);

        Validate(bytes).ShouldBeEmpty();
        using var document = Open(bytes);
        var heading = document.MainDocumentPart!.Document.Body!.Elements<Table>().First().InnerText;
        heading.ShouldContain("TÊN CƠ QUAN BAN HÀNH");
        heading.ShouldContain("……, ngày … tháng … năm …");
    }

    [Fact]
    public void Write_Page_IsA4WithTheDecreesMargins()
    {
        using var document = Open(Render(SampleReports.For("can-tho")));
        var section = document.MainDocumentPart!.Document.Body!.GetFirstChild<SectionProperties>()!;
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;

        ((int)size.Width!.Value).ShouldBe(11906);
        ((int)size.Height!.Value).ShouldBe(16838);
        margin.Top!.Value.ShouldBeInRange(1134, 1417, "top 20–25 mm");
        margin.Bottom!.Value.ShouldBeInRange(1134, 1417, "bottom 20–25 mm");
        ((int)margin.Left!.Value).ShouldBeInRange(1701, 1984, "left 30–35 mm");
        ((int)margin.Right!.Value).ShouldBeInRange(850, 1134, "right 15–20 mm");
        section.GetFirstChild<TitlePage>().ShouldNotBeNull("no page number on the first page");
    }

    [Fact]
    public void Write_Type_IsTimesNewRomanWithA14PointBody()
    {
        using var document = Open(Render(SampleReports.For("can-tho")));
        var defaults = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;

        defaults.RunFonts!.Ascii!.Value.ShouldBe("Times New Roman");
        defaults.RunFonts.HighAnsi!.Value.ShouldBe("Times New Roman");
        int.Parse(defaults.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(26, 28, "body 13–14 pt");
        var body = document.MainDocumentPart.Document.Body!;
        body.Descendants<RunFonts>().ShouldBeEmpty("no run sets another font");
        var sizes = body.Descendants<FontSize>().Select(s => int.Parse(s.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        sizes.ShouldBeSubsetOf([22, 24, 26, 28], "11 pt recipients, 12 pt heading and table, 13 pt motto and number, 14 pt body");
    }

    [Fact]
    public void Write_Heading_HoldsIssuerNationalTitleMottoNumberPlaceAndDate()
    {
        using var document = Open(Render(SampleReports.For("can-tho")));
        var heading = document.MainDocumentPart!.Document.Body!.Elements<Table>().First();
        var cells = heading.Descendants<TableCell>().ToList();

        cells.Count.ShouldBe(4);
        cells[0].Elements<Paragraph>().Select(p => p.InnerText).Take(4).ShouldBe(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ", "BAN CHỈ ĐẠO 138", "THÀNH PHỐ CẦN THƠ"]);
        cells[0].Descendants<Run>().Take(4).Select(IsBold).ShouldBe([false, false, true, true], "the body above the issuer is not bold, the issuer is");
        cells[1].InnerText.ShouldBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc");
        cells[1].Descendants<Run>().ShouldAllBe(r => r.RunProperties!.Bold != null);
        cells[2].InnerText.ShouldBe("Số: …/BC-…");
        cells[3].InnerText.ShouldBe("Cần Thơ, ngày … tháng … năm …");
        cells[3].Descendants<Run>().Single().RunProperties!.Italic.ShouldNotBeNull();

        // A rule under the issuer and one under the motto: paragraphs with a top border only.
        cells[0].Descendants<TopBorder>().Count().ShouldBe(1);
        cells[1].Descendants<TopBorder>().Count().ShouldBe(1);
    }

    [Fact]
    public void Write_Title_IsBaoCaoWithItsTrichYeu()
    {
        using var document = Open(Render(SampleReports.For("quang-ninh")));
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

        paragraphs[0].ShouldBe("BÁO CÁO");
        paragraphs[1].ShouldBe("Kết quả thực hiện các chỉ tiêu năm 2023 trên địa bàn thành phố Cẩm Phả");
    }

    [Fact]
    public void Write_ResultsTable_HasTheFourColumnsAndARowPerResult()
    {
        var report = SampleReports.For("can-tho");
        using var document = Open(Render(report));
        var table = document.MainDocumentPart!.Document.Body!.Elements<Table>().Single(t => t.InnerText.StartsWith("Chỉ tiêuYêu cầuKết quảĐánh giá", StringComparison.Ordinal));
        var rows = table.Elements<TableRow>().ToList();

        rows.Count.ShouldBe(report.Table.Count + 1);
        rows[0].TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull("the header row repeats on every page");
        rows[1].InnerText.ShouldBe(report.Table[0].Label + report.Table[0].Requirement + report.Table[0].Result + report.Table[0].Verdict);
        table.GetFirstChild<TableProperties>()!.TableBorders!.GetFirstChild<InsideHorizontalBorder>()!.Val!.Value.ShouldBe(BorderValues.Single);
    }

    [Fact]
    public void Write_Content_HasOneLinePerTargetYearAndTheSectionsPresent()
    {
        var report = SampleReports.For("quang-ninh");
        using var document = Open(Render(report));
        var text = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

        var year = report.Documents[0].Clauses[0].Targets[0].Years[0];
        text.ShouldContain($"- Năm 2023: {year.Body} — {year.StatusText}{(year.VerdictNote.Length > 0 ? $" ({year.VerdictNote})" : string.Empty)}.");
        text.ShouldContain("I. TỔNG HỢP");
        text.ShouldContain("II. BẢNG KẾT QUẢ NĂM 2023");
        text.ShouldContain(t => t.EndsWith(". NHIỆM VỤ TRỌNG TÂM", StringComparison.Ordinal));
        text.ShouldContain(t => t.EndsWith(". KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ, PHỐI HỢP", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_DeliverablePendingAndTaskMilestones_AreWrittenAsTheTextIs()
    {
        var report = SampleReports.WithPendingDeliverable();
        using var document = Open(Render(report));
        var text = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

        text.ShouldContain("- Đến năm 2023: chưa có mô hình nào — chưa hoàn thành, chưa đến hạn.");
        text.ShouldContain(t => t.Contains("1 chưa hoàn thành (chưa đến hạn)", StringComparison.Ordinal));
        var periodic = report.Tasks.Single(t => t.Label == "V.2 (định kỳ)");
        text.ShouldContain(t => t.StartsWith("- V.2 (định kỳ): ", StringComparison.Ordinal) && t.Contains("; " + periodic.MilestonesText, StringComparison.Ordinal));
        text.ShouldContain(t => t.StartsWith("- V.2 (tổng kết): như trên; thời hạn: ", StringComparison.Ordinal));
        Validate(Render(report)).ShouldBeEmpty();
    }

    [Fact]
    public void Write_FiguresAsKept_ShowsTheNoteTheUnitsBelowTheBarAndTheFiguresNotRead()
    {
        var report = SampleReports.WithFiguresAsKept();
        var bytes = Render(report);
        var errors = Validate(bytes);
        errors.ShouldBeEmpty(Describe(errors));
        using var document = Open(bytes);
        var text = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

        text.ShouldContain(t => t.StartsWith("Số liệu tính đến", StringComparison.Ordinal) && t.EndsWith(report.Header.Notes[0], StringComparison.Ordinal));
        var year = report.Documents[0].Clauses[0].Targets[0].Years[0];
        var line = text.FindIndex(t => t.StartsWith($"- {VietnameseFormat.UpperFirst(year.PeriodText)}: {year.Body}", StringComparison.Ordinal));
        text[line + 1].ShouldBe("+ Đơn vị chưa đạt: huyện Phong Điền (10/40 xã, bằng 25,0%).");
        var section = text.FindIndex(t => t.EndsWith(". SỐ LIỆU KHÔNG DÙNG ĐỂ ĐÁNH GIÁ", StringComparison.Ordinal));
        text[section + 1].ShouldBe($"- {report.UnusedFigures[0].Sentence}.");
        var annex = text.FindIndex(t => t.EndsWith(". Số liệu không cần cho đánh giá", StringComparison.Ordinal));
        text[annex + 1].ShouldBe($"- {report.Annex.FiguresNotNeeded[0].Sentence}.");
    }

    [Fact]
    public void Write_RetrospectiveAccount_IsASectionOfItsOwnAfterThePlan()
    {
        var report = SampleReports.For("tay-ninh");
        report = report with { Documents = [report.Documents[0] with { IsRetrospective = true }, .. report.Documents.Skip(1)] };
        using var document = Open(Render(report));
        var text = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

        var plan = text.FindIndex(t => t.EndsWith(". KẾT QUẢ THỰC HIỆN TỪNG CHỈ TIÊU", StringComparison.Ordinal));
        var earlier = text.FindIndex(t => t.EndsWith(". KẾT QUẢ GIAI ĐOẠN TRƯỚC DO VĂN BẢN NÊU LẠI (KHÔNG TÍNH VÀO TỔNG HỢP)", StringComparison.Ordinal));
        plan.ShouldBeGreaterThan(0);
        earlier.ShouldBeGreaterThan(plan);
        text[earlier + 1].ShouldBe($"1. {report.Documents[0].Citation}");
    }

    [Fact]
    public void Write_SignatureAndRecipients_FollowTheContentWithPlaceholders()
    {
        using var document = Open(Render(SampleReports.For("can-tho")));
        var signature = document.MainDocumentPart!.Document.Body!.Elements<Table>().Last();
        var cells = signature.Descendants<TableCell>().ToList();

        cells[0].Elements<Paragraph>().Select(p => p.InnerText).ShouldBe(["Nơi nhận:", "- Ban Chỉ đạo 138 Chính phủ;", "- Thường trực Thành ủy;", "- Lưu: VT, …."]);
        var label = cells[0].Descendants<Run>().First().RunProperties!;
        (label.Bold, label.Italic).ShouldSatisfyAllConditions(p => p.Bold.ShouldNotBeNull(), p => p.Italic.ShouldNotBeNull());
        cells[1].InnerText.ShouldContain("QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ(Ký, ghi rõ họ tên)");
        var last = signature.PreviousSibling<Paragraph>()!;
        last.ParagraphProperties!.KeepNext.ShouldNotBeNull("the signature never stands alone on a page");
    }

    [Fact]
    public void Write_Annex_StartsAPageWithItsTitle()
    {
        using var document = Open(Render(SampleReports.For("can-tho")));
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        var annex = paragraphs.FindIndex(p => p.ParagraphProperties?.PageBreakBefore is not null);

        annex.ShouldBeGreaterThan(0);
        paragraphs[annex].InnerText.ShouldBe("Phụ lục");
        paragraphs[annex + 1].InnerText.ShouldBe("CÁCH HIỂU CHỈ TIÊU VÀ PHƯƠNG PHÁP ĐÁNH GIÁ");
        paragraphs[annex + 2].InnerText.ShouldBe("(Kèm theo Báo cáo số …/BC-… ngày … tháng … năm … của Ban Chỉ đạo 138 thành phố Cần Thơ)");
    }

    [Fact]
    public void Write_PageNumber_IsTheOnlyFieldAndSitsInTheHeader()
    {
        using var document = Open(Render(SampleReports.For("can-tho")));
        var main = document.MainDocumentPart!;

        main.Document.Body!.Descendants<SimpleField>().ShouldBeEmpty();
        main.Document.Body.Descendants<FieldCode>().ShouldBeEmpty();
        main.HeaderParts.SelectMany(h => h.Header!.Descendants<SimpleField>()).Select(f => f.Instruction!.Value).ShouldBe([" PAGE "]);
    }

    [Fact]
    public void Write_HostileStrings_StayTextInAValidDocument()
    {
        var bytes = Render(SampleReports.Hostile(), CanTho with { Recipients = ["Sở \u0001<w:r>"] });

        var errors = Validate(bytes);
        errors.ShouldBeEmpty(Describe(errors));
        using var document = Open(bytes);
        var body = document.MainDocumentPart!.Document.Body!;
        body.Descendants<SimpleField>().ShouldBeEmpty("no field is injected");
        body.Descendants<FieldCode>().ShouldBeEmpty();
        body.Descendants<Hyperlink>().ShouldBeEmpty();
        var texts = body.Descendants<Text>().Select(t => t.Text).ToList();
        texts.ShouldContain(t => t.Contains(SampleReports.Field, StringComparison.Ordinal), "the markup stays literal text");
        texts.ShouldContain(t => t.Contains("a b c [31md e  f g\uFFFDh\uFFFDi", StringComparison.Ordinal), "control characters become spaces, lone surrogates U+FFFD");
        string.Concat(texts).ShouldNotContain("\u0001");
        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = reader.ReadToEnd();
        xml.ShouldContain("&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:fldSimple");
        xml.ShouldNotContain("<w:fldSimple");
    }

    [Fact]
    public void Render_TwiceAndUnderOtherCultures_GivesTheSameBytes()
    {
        var report = SampleReports.For("can-tho");
        var first = SampleReports.UnderCulture("en-US", () => Render(report));

        Render(report).ShouldBe(first);
        SampleReports.UnderCulture("tr-TR", () => Render(report)).ShouldBe(first);
        SampleReports.UnderCulture("vi-VN", () => Render(report)).ShouldBe(first);
    }

    [Fact]
    public void Render_ZipEntries_CarryOneFixedTimeAndNoProperties()
    {
        using var zip = new ZipArchive(new MemoryStream(Render(SampleReports.For("tay-ninh"))));

        zip.Entries.ShouldAllBe(e => e.LastWriteTime.Year == 1980 && e.LastWriteTime.Month == 1 && e.LastWriteTime.Day == 1);
        zip.Entries.Select(e => e.FullName).ShouldNotContain("docProps/core.xml", "no creation or modification time is written");
    }

    private static bool IsBold(Run run) => run.RunProperties?.Bold is not null;
}
