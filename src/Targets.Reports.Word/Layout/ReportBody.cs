using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Targets.Core.Formatting;
using Targets.Reports.Word.Settings;
using Targets.Rules.Reporting;
using static Targets.Reports.Word.Layout.Blocks;

namespace Targets.Reports.Word.Layout;

/// <summary>
/// The body of the document, in the order Nghị định 30/2020/NĐ-CP, Phụ lục I sets the parts of a report: the heading
/// (issuing body; Quốc hiệu and Tiêu ngữ; number; place and date), the type and trích yếu, the content, the signature
/// with the recipients, then the annex on pages of its own. What the tool cannot know is a visible placeholder.
/// </summary>
internal sealed class ReportBody(Report report, ReportSettings settings)
{
    /// <summary>Quốc hiệu, as the decree writes it.</summary>
    public const string NationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    /// <summary>Tiêu ngữ, as the decree writes it.</summary>
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>The number line: the report's number and the issuer's abbreviation are given when it is registered.</summary>
    public const string NumberPlaceholder = "Số: …/BC-…";

    /// <summary>The date is the signing date, which only the signer knows.</summary>
    public const string DatePlaceholder = "ngày … tháng … năm …";

    /// <summary>Shown where the issuing body goes when none is given.</summary>
    public const string IssuerPlaceholder = "TÊN CƠ QUAN BAN HÀNH";

    /// <summary>Shown where the place name goes when none is given.</summary>
    public const string PlacePlaceholder = "……";

    /// <summary>Shown where the signer's authority and title go.</summary>
    public const string SignerTitlePlaceholder = "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ";

    /// <summary>Under the signer's title: where to sign.</summary>
    public const string SignaturePlaceholder = "(Ký, ghi rõ họ tên)";

    private const int IssuerColumn = Page.HeadingLeftColumn;
    private const int StateColumn = Page.TextWidth - Page.HeadingLeftColumn;

    private static readonly Format Centred = new(JustificationValues.Center, SingleLine: true);
    private static readonly Format SectionHeading = new(JustificationValues.Both, Page.FirstLineIndent, Before: 120, After: 120, KeepNext: true, Outline: 0);
    private static readonly Format DocumentHeading = new(JustificationValues.Both, Page.FirstLineIndent, Before: 60, After: 120, KeepNext: true, Outline: 1);
    private static readonly Format KeepWithNext = new(JustificationValues.Both, Page.FirstLineIndent, After: Page.ParagraphSpacing, KeepNext: true);
    private static readonly Format TableText = new(JustificationValues.Left, SingleLine: true);
    private static readonly Format TableHead = new(JustificationValues.Center, SingleLine: true);

    private static readonly string[] TableHeadings = ["Chỉ tiêu", "Yêu cầu", "Kết quả", "Đánh giá"];
    private static readonly string[] Numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    private int _section;

    public IEnumerable<OpenXmlElement> Elements()
    {
        yield return Heading();
        foreach (var paragraph in Title())
        {
            yield return paragraph;
        }

        // The last paragraph of the content keeps with the signature, so that the signature never stands alone on a page.
        var content = Content().ToList();
        if (content.OfType<Paragraph>().LastOrDefault() is { } last)
        {
            (last.ParagraphProperties ??= new ParagraphProperties()).KeepNext = new KeepNext();
        }

        foreach (var element in content)
        {
            yield return element;
        }

        yield return Signature();
        foreach (var paragraph in Annex())
        {
            yield return paragraph;
        }
    }

    // ---- Heading: ô 1 to ô 4 ----

    private Table Heading()
    {
        var issuer = settings.Issuer?.ToUpperInvariant() ?? IssuerPlaceholder;
        var left = new List<Paragraph>();
        if (settings.ParentIssuer is { } parent)
        {
            left.AddRange(IssuerLines(parent.ToUpperInvariant(), bold: false).Select(line => With(Centred, Text(line, size: Page.Heading))));
        }

        var lines = IssuerLines(issuer);
        left.AddRange(lines.Select(line => With(Centred, Text(line, bold: true, size: Page.Heading))));
        left.Add(Rule(IssuerColumn, Math.Min(lines.Max(line => TextWidth.Twips(line, Page.Heading / 2, bold: true)), IssuerColumn) * 2 / 5));

        var right = new List<Paragraph>
        {
            With(Centred, Text(NationalTitle, bold: true, size: Page.Heading)),
            With(Centred, Text(Motto, bold: true, size: Page.Motto)),
            Rule(StateColumn, TextWidth.Twips(Motto, Page.Motto / 2, bold: true)),
        };

        var numberLine = new Format(JustificationValues.Center, Before: 120, SingleLine: true);
        var rows = new[]
        {
            Row(header: false, [Cell(IssuerColumn, left), Cell(StateColumn, right)]),
            Row(header: false, [
                Cell(IssuerColumn, [With(numberLine, Text(NumberPlaceholder, size: Page.Number))]),
                Cell(StateColumn, [With(numberLine, Text($"{settings.Place ?? PlacePlaceholder}, {DatePlaceholder}", italic: true, size: Page.Body))]),
            ]),
        };
        return Table([IssuerColumn, StateColumn], bordered: false, cellMargin: 0, rows);
    }

    /// <summary>
    /// The issuing body (or the body above it, not bold) on as many lines as its column needs, broken where a clerk would break it: before the name of the
    /// locality (“BAN CHỈ ĐẠO 138” / “THÀNH PHỐ CẦN THƠ”), never inside it, which Word's own wrapping does (“CẦN” / “THƠ”).
    /// </summary>
    internal static IReadOnlyList<string> IssuerLines(string issuer, bool bold = true)
    {
        if (Fits(issuer))
        {
            return [issuer];
        }

        foreach (var prefix in LocalityPrefixes)
        {
            var at = issuer.IndexOf(" " + prefix + " ", StringComparison.Ordinal);
            if (at > 0 && Fits(issuer[..at]) && Fits(issuer[(at + 1)..]))
            {
                return [issuer[..at], issuer[(at + 1)..]];
            }
        }

        // No locality name to break before: the fewest lines, filled word by word.
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in issuer.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (current.Length > 0 && !Fits(candidate))
            {
                lines.Add(current);
                candidate = word;
            }

            current = candidate;
        }

        lines.Add(current);
        return lines;

        bool Fits(string line) => TextWidth.Twips(line, Page.Heading / 2, bold) <= IssuerColumn;
    }

    /// <summary>The words a Vietnamese locality's name starts with, longest first (“THỊ XÃ” before “XÃ”).</summary>
    private static readonly string[] LocalityPrefixes = ["THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "TỈNH", "QUẬN", "HUYỆN", "PHƯỜNG", "XÃ", "ĐẶC KHU"];

    // ---- Ô 5a: type and trích yếu ----

    private IEnumerable<Paragraph> Title()
    {
        var summary = $"Kết quả thực hiện các chỉ tiêu {report.Summary.YearText} trên địa bàn {report.Header.UnitName}";
        yield return With(new Format(JustificationValues.Center, Before: 360, SingleLine: true, KeepNext: true), Text("BÁO CÁO", bold: true, size: Page.Body));
        yield return With(new Format(JustificationValues.Center, SingleLine: true, KeepNext: true), Text(summary, bold: true, size: Page.Body));
        yield return Rule(Page.TextWidth, Math.Min(TextWidth.Twips(summary, Page.Body / 2, bold: true), Page.TextWidth) * 2 / 5);
        yield return With(new Format(JustificationValues.Center, SingleLine: true, After: 240));
    }

    // ---- Ô 6: content ----

    private IEnumerable<OpenXmlElement> Content()
    {
        var header = report.Header;
        var citations = report.Documents.Where(d => !d.IsRetrospective).Select(d => d.Citation).Distinct(StringComparer.Ordinal).ToList();
        var who = settings.Issuer is { } issuer ? $" {issuer}" : string.Empty;
        yield return Body(Text(
            $"Thực hiện {Join(citations)},{who} báo cáo kết quả thực hiện các chỉ tiêu {report.Summary.YearText} trên địa bàn {header.UnitName} ({header.PlanPeriodText}) như sau:"));
        yield return Body(Text($"Số liệu tính đến {header.AsOfText}.{(header.DataNote.Length > 0 ? " " + header.DataNote : string.Empty)}{string.Concat(header.Notes.Select(n => " " + n))}", italic: true));

        yield return Section("Tổng hợp");
        foreach (var sentence in report.Summary.Sentences)
        {
            yield return Body(Text("- " + sentence));
        }

        if (report.Table.Count > 0)
        {
            yield return Section($"Bảng kết quả {report.Summary.YearText}");
            yield return ResultsTable();
            yield return With(new Format(JustificationValues.Left, SingleLine: true, After: 120));
        }

        var current = report.Documents.Where(d => !d.IsRetrospective).ToList();
        var earlier = report.Documents.Where(d => d.IsRetrospective).ToList();
        if (current.Count > 0)
        {
            yield return Section("Kết quả thực hiện từng chỉ tiêu");
            foreach (var element in Documents(current))
            {
                yield return element;
            }
        }

        if (earlier.Count > 0)
        {
            yield return Section("Kết quả giai đoạn trước do văn bản nêu lại (không tính vào tổng hợp)");
            foreach (var element in Documents(earlier))
            {
                yield return element;
            }
        }

        if (report.Findings.Count > 0)
        {
            yield return Section("Trách nhiệm phát sinh");
            foreach (var finding in report.Findings)
            {
                yield return Body(Text("- " + finding.Sentence));
            }
        }

        if (report.Tasks.Count > 0)
        {
            yield return Section("Nhiệm vụ trọng tâm");
            foreach (var task in report.Tasks)
            {
                yield return Task(task);
            }
        }

        if (report.Units.Count > 0)
        {
            yield return Section("Kết quả theo đơn vị chủ trì, phối hợp");
            foreach (var unit in report.Units)
            {
                yield return Body(Text("- "), Text(unit.Unit, bold: true), Text($": {unit.Sentence}."));
            }
        }

        if (report.UnusedFigures.Count > 0)
        {
            yield return Section("Số liệu không dùng để đánh giá");
            foreach (var figures in report.UnusedFigures)
            {
                yield return Body(Text($"- {figures.Sentence}."));
            }
        }
    }

    private Paragraph Section(string title) =>
        With(SectionHeading, Text($"{Roman(++_section)}. {title.ToUpperInvariant()}", bold: true));

    private static IEnumerable<Paragraph> Documents(IReadOnlyList<DocumentSection> documents)
    {
        var number = 0;
        foreach (var document in documents)
        {
            yield return With(DocumentHeading, Text($"{++number}. {document.Citation}", bold: true));
            yield return Body(Text($"{document.Title} ({document.PeriodText})."));
            foreach (var clause in document.Clauses)
            {
                yield return With(KeepWithNext, Text(clause.Clause, bold: true), Text($": “{string.Join("” … “", clause.Wordings)}”", italic: true));
                foreach (var target in clause.Targets)
                {
                    yield return TargetHeading(clause, target);
                    foreach (var year in target.Years)
                    {
                        yield return Body(
                            Text($"- {VietnameseFormat.UpperFirst(year.PeriodText)}: {year.Body} — "),
                            Text(year.StatusText, bold: true),
                            Text(year.VerdictNote.Length > 0 ? $" ({year.VerdictNote})." : "."));
                        if (year.DrillDownText.Length > 0)
                        {
                            yield return Body(Text($"+ {VietnameseFormat.UpperFirst(year.DrillDownText)}."));
                        }
                    }
                }
            }
        }
    }

    private static Paragraph TargetHeading(ClauseSection clause, TargetSection target)
    {
        var notes = (target.IsAlternative ? $" (cách hiểu thay thế của {target.AlternativeOfLabel}, không tính vào tổng hợp)" : string.Empty)
            + (target.SameAsText.Length > 0 ? $" (cùng chỉ tiêu {target.SameAsText}, tính một lần)" : string.Empty);
        return target.Label != clause.Clause
            ? With(KeepWithNext, Text(target.Label, italic: true), Text($": yêu cầu {target.Requirement}, đánh giá {target.Schedule}{notes}."))
            : With(KeepWithNext, Text($"Yêu cầu {target.Requirement}, đánh giá {target.Schedule}{notes}."));
    }

    private Table ResultsTable()
    {
        int[] widths = [1750, 1900, 3405, 2300];
        Paragraph Cell(string text, bool bold = false) => With(TableText, Text(text, bold: bold, size: Page.Table));
        var rows = new List<TableRow>
        {
            Row(header: true, TableHeadings.Select((h, i) => Blocks.Cell(widths[i], [With(TableHead, Text(h, bold: true, size: Page.Table))], shaded: true))),
        };
        rows.AddRange(report.Table.Select(row => Row(header: false, [
            Blocks.Cell(widths[0], [Cell(row.Label, bold: true)]),
            Blocks.Cell(widths[1], [Cell(row.Requirement)]),
            Blocks.Cell(widths[2], [Cell(row.Result)]),
            Blocks.Cell(widths[3], [Cell(row.Verdict)]),
        ])));
        return Table(widths, bordered: true, cellMargin: 80, rows);
    }

    private static Paragraph Task(TaskEntry task)
    {
        var runs = new List<Run>
        {
            Text("- "),
            Text(task.Label, bold: true),
            Text(task.RepeatsPrevious
                ? $": như trên; thời hạn: {task.DeadlineText} (đến {task.DueText}); "
                : $": {task.Wording} — chủ trì: {string.Join(", ", task.Lead)}{(task.Supporting.Count > 0 ? $"; phối hợp: {string.Join(", ", task.Supporting)}" : string.Empty)}; thời hạn: {task.DeadlineText} (đến {task.DueText}); "),
            Text(task.StatusText, bold: true),
            Text($"{(task.CompletedText.Length > 0 ? $" (ngày {task.CompletedText})" : string.Empty)}{(task.MilestonesText.Length > 0 ? $"; {task.MilestonesText}" : string.Empty)}{(task.Note.Length > 0 ? $"; {task.Note}" : string.Empty)}."),
        };
        return Body([.. runs]);
    }

    // ---- Ô 7 and ô 9: signature and recipients ----

    private Table Signature()
    {
        var half = Page.TextWidth / 2;
        var recipientLine = new Format(JustificationValues.Left, SingleLine: true);
        var recipients = new List<Paragraph> { With(new Format(JustificationValues.Left, Before: 240, SingleLine: true), Text("Nơi nhận:", bold: true, italic: true, size: Page.RecipientsLabel)) };
        recipients.AddRange((settings.Recipients.Count > 0 ? settings.Recipients : ["…"]).Select(r => With(recipientLine, Text($"- {r};", size: Page.Recipients))));
        recipients.Add(With(recipientLine, Text("- Lưu: VT, ….", size: Page.Recipients)));

        var signer = new List<Paragraph>
        {
            With(new Format(JustificationValues.Center, Before: 240, SingleLine: true), Text(SignerTitlePlaceholder, bold: true, size: Page.Body)),
            With(Centred, Text(SignaturePlaceholder, italic: true, size: Page.Body)),
        };
        signer.AddRange(Enumerable.Range(0, 4).Select(_ => With(Centred)));
        signer.Add(With(Centred, Text("……………………", bold: true, size: Page.Body)));
        return Table([half, Page.TextWidth - half], bordered: false, cellMargin: 0, [Row(header: false, [Cell(half, recipients), Cell(Page.TextWidth - half, signer)])]);
    }

    // ---- Phụ lục ----

    private IEnumerable<Paragraph> Annex()
    {
        var annex = report.Annex;
        var split = annex.Title.IndexOf(": ", StringComparison.Ordinal);
        var (label, name) = split > 0 ? (annex.Title[..split], annex.Title[(split + 2)..]) : ("Phụ lục", annex.Title);
        yield return With(new Format(JustificationValues.Center, PageBreakBefore: true, SingleLine: true, Outline: 0), Text(VietnameseFormat.UpperFirst(label), bold: true, size: Page.Body));
        yield return With(new Format(JustificationValues.Center, SingleLine: true), Text(name.ToUpperInvariant(), bold: true, size: Page.Body));
        var of = settings.Issuer is { } issuer ? $" của {issuer}" : string.Empty;
        yield return With(new Format(JustificationValues.Center, SingleLine: true, After: 240), Text($"(Kèm theo Báo cáo số …/BC-… ngày … tháng … năm …{of})", italic: true, size: Page.Body));

        var part = 0;
        if (annex.Readings.Count > 0)
        {
            yield return With(DocumentHeading, Text($"{++part}. Cách hiểu chỉ tiêu", bold: true));
            foreach (var reading in annex.Readings)
            {
                yield return Body(Text($"({Blocks.Number(reading.Number)}) "), Text(string.Join("; ", reading.Labels), italic: true), Text($": {reading.Text}"));
            }
        }

        yield return With(DocumentHeading, Text($"{++part}. Phương pháp đánh giá", bold: true));
        foreach (var method in annex.Methods)
        {
            yield return Body(Text("- " + method));
        }

        if (annex.FiguresNotNeeded.Count > 0)
        {
            yield return With(DocumentHeading, Text($"{++part}. Số liệu không cần cho đánh giá", bold: true));
            foreach (var figures in annex.FiguresNotNeeded)
            {
                yield return Body(Text($"- {figures.Sentence}."));
            }
        }

        if (report.Goals.Count > 0)
        {
            yield return With(DocumentHeading, Text($"{++part}. Mục tiêu định tính (không đánh giá bằng số liệu)", bold: true));
            foreach (var goal in report.Goals)
            {
                yield return Body(Text("- "), Text($"{goal.Label} ({goal.DocumentShort})", italic: true), Text($": “{goal.Wording}” — {goal.Reason}"));
            }
        }
    }

    private static string Join(List<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} và {items[^1]}",
    };

    private static string Roman(int number) => number <= Numerals.Length ? Numerals[number - 1] : Blocks.Number(number);
}
