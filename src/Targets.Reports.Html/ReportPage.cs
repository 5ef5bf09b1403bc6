using System.Text;
using Targets.Core.Formatting;
using Targets.Reports.Html.Charts;
using Targets.Rules.Reporting;

namespace Targets.Reports.Html;

/// <summary>
/// Writes the page. Markup comes only from the literals in this class and in <see cref="SvgChart"/>; every string from
/// the report goes through <see cref="Text"/> (that is, <see cref="HtmlText.Append"/>), whether it lands in an element
/// or in an attribute.
/// </summary>
internal sealed class ReportPage(Report report)
{
    private readonly StringBuilder _page = new(64 * 1024);
    private readonly Dictionary<string, ChartSeries> _charts = report.Charts.ToDictionary(c => c.TargetId, StringComparer.Ordinal);

    public string Render()
    {
        var header = report.Header;
        Markup("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
        Markup("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        Markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        Text($"{header.Title} — {header.UnitName} — {report.Summary.YearText}");
        Markup("</title>\n<style>\n").Markup(Stylesheet.Css).Markup("</style>\n</head>\n<body>\n<main>\n");

        Markup("<header class=\"report-head\">\n<h1>");
        Text($"{header.Title} — {header.UnitName.ToUpperInvariant()}");
        Markup("</h1>\n<p class=\"as-of\">");
        Text($"Số liệu tính đến {header.AsOfText}.");
        if (header.DataNote.Length > 0)
        {
            Markup(" <span class=\"data-note\">").Text(header.DataNote).Markup("</span>");
        }

        foreach (var note in header.Notes)
        {
            Markup(" <span class=\"note\">").Text(note).Markup("</span>");
        }

        Markup("</p>\n</header>\n");
        Summary();
        foreach (var document in report.Documents)
        {
            Document(document);
        }

        List("Trách nhiệm phát sinh", "findings", report.Findings, f => Text(f.Sentence));
        List("Nhiệm vụ trọng tâm", "tasks", report.Tasks, Task);
        List("Kết quả theo đơn vị chủ trì, phối hợp", "units", report.Units, u => Markup("<strong>").Text(u.Unit).Markup("</strong>: ").Text(u.Sentence).Markup("."));
        List("Số liệu không dùng để đánh giá", "so-lieu-khong-dung", report.UnusedFigures, f => Text($"{f.Sentence}."));
        Annex();
        Markup("</main>\n</body>\n</html>\n");
        return _page.ToString();
    }

    private ReportPage Markup(string markup)
    {
        _page.Append(markup);
        return this;
    }

    private ReportPage Text(string text)
    {
        HtmlText.Append(_page, text);
        return this;
    }

    private void Summary()
    {
        Markup("<section id=\"tong-hop\">\n<h2>Tổng hợp</h2>\n<ul class=\"summary\">\n");
        foreach (var sentence in report.Summary.Sentences)
        {
            Markup("<li>").Text(sentence).Markup("</li>\n");
        }

        Markup("</ul>\n");
        if (report.Table.Count > 0)
        {
            Markup("<table class=\"results\">\n<caption>").Text($"Bảng kết quả {report.Summary.YearText}").Markup("</caption>\n");
            Markup("<thead><tr><th scope=\"col\">Chỉ tiêu</th><th scope=\"col\">Yêu cầu</th><th scope=\"col\">Kết quả</th><th scope=\"col\">Đánh giá</th></tr></thead>\n<tbody>\n");
            foreach (var row in report.Table)
            {
                Markup(row.IsAlternative ? "<tr class=\"alternative\">" : "<tr>");
                Markup("<th scope=\"row\">").Text(row.Label).Markup("</th><td>").Text(row.Requirement).Markup("</td><td>").Text(row.Result);
                Markup("</td><td class=\"verdict ").Markup(StatusStyle.Of(row.Status)).Markup("\">").Text(row.Verdict).Markup("</td></tr>\n");
            }

            Markup("</tbody>\n</table>\n");
        }

        Markup("</section>\n");
    }

    private void Document(DocumentSection document)
    {
        Markup(document.IsRetrospective ? "<section class=\"document retrospective\">\n<h2>" : "<section class=\"document\">\n<h2>");
        Text(document.Citation).Markup("</h2>\n<p class=\"doc-title\">").Text($"{document.Title} ({document.PeriodText}).");
        if (document.IsRetrospective)
        {
            Text(" Kết quả giai đoạn trước do văn bản nêu lại, trình bày riêng, không tính vào tổng hợp.");
        }

        Markup("</p>\n");
        foreach (var clause in document.Clauses)
        {
            Markup("<div class=\"clause\">\n<p class=\"wording\"><strong>").Text(clause.Clause).Markup("</strong>: ");
            Text($"“{string.Join("” … “", clause.Wordings)}”").Markup("</p>\n");
            foreach (var target in clause.Targets)
            {
                Target(clause, target);
            }

            Markup("</div>\n");
        }

        Markup("</section>\n");
    }

    private void Target(ClauseSection clause, TargetSection target)
    {
        Markup(target.IsAlternative ? "<div class=\"target alternative\">\n<p class=\"target-head\">" : "<div class=\"target\">\n<p class=\"target-head\">");
        if (target.Label != clause.Clause)
        {
            Markup("<em>").Text(target.Label).Markup("</em>: ").Text($"yêu cầu {target.Requirement}, đánh giá {target.Schedule}");
        }
        else
        {
            Text($"Yêu cầu {target.Requirement}, đánh giá {target.Schedule}");
        }

        if (target.IsAlternative)
        {
            Text($" (cách hiểu thay thế của {target.AlternativeOfLabel}, không tính vào tổng hợp)");
        }

        if (target.SameAsText.Length > 0)
        {
            Text($" (cùng chỉ tiêu {target.SameAsText}, tính một lần)");
        }

        Markup(".</p>\n<ul class=\"years\">\n");
        foreach (var year in target.Years)
        {
            Markup("<li>").Text($"{VietnameseFormat.UpperFirst(year.PeriodText)}: {year.Body} — ");
            Markup("<strong class=\"status ").Markup(StatusStyle.Of(year.Status)).Markup("\">").Text(year.StatusText).Markup("</strong>");
            if (year.VerdictNote.Length > 0)
            {
                Text($" ({year.VerdictNote})");
            }

            Markup(".");
            if (year.DrillDownText.Length > 0)
            {
                Markup("<ul class=\"drill-down\"><li>").Text($"{VietnameseFormat.UpperFirst(year.DrillDownText)}.").Markup("</li></ul>");
            }

            Markup("</li>\n");
        }

        Markup("</ul>\n");
        if (_charts.TryGetValue(target.Id, out var series))
        {
            SvgChart.Append(_page, series);
        }

        Markup("</div>\n");
    }

    private void Task(TaskEntry task)
    {
        if (task.RepeatsPrevious)
        {
            Text($"{task.Label}: như trên");
        }
        else
        {
            Text($"{task.Label}: {task.Wording} — chủ trì: {string.Join(", ", task.Lead)}");
            if (task.Supporting.Count > 0)
            {
                Text($"; phối hợp: {string.Join(", ", task.Supporting)}");
            }
        }

        Text($"; thời hạn: {task.DeadlineText} (đến {task.DueText}); ");
        Markup("<strong class=\"status ").Markup(StatusStyle.OfTask(task.StatusCode)).Markup("\">").Text(task.StatusText).Markup("</strong>");
        if (task.CompletedText.Length > 0)
        {
            Text($" (ngày {task.CompletedText})");
        }

        if (task.MilestonesText.Length > 0)
        {
            Text($"; {task.MilestonesText}");
        }

        if (task.Note.Length > 0)
        {
            Text($"; {task.Note}");
        }

        Markup(".");
    }

    private void List<T>(string heading, string id, IReadOnlyList<T> items, Action<T> item)
    {
        if (items.Count == 0)
        {
            return;
        }

        Markup("<section id=\"").Markup(id).Markup("\">\n<h2>").Text(heading).Markup("</h2>\n<ul>\n");
        foreach (var entry in items)
        {
            Markup("<li>");
            item(entry);
            Markup("</li>\n");
        }

        Markup("</ul>\n</section>\n");
    }

    private void Annex()
    {
        var annex = report.Annex;
        Markup("<section id=\"phu-luc\" class=\"annex\">\n<h2>").Text(annex.Title.ToUpperInvariant()).Markup("</h2>\n");
        if (annex.Readings.Count > 0)
        {
            Markup("<h3>Cách hiểu chỉ tiêu</h3>\n<ol class=\"readings\">\n");
            foreach (var reading in annex.Readings)
            {
                Markup("<li value=\"").Markup(reading.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Markup("\">");
                Text($"{string.Join("; ", reading.Labels)}: {reading.Text}").Markup("</li>\n");
            }

            Markup("</ol>\n");
        }

        Markup("<h3>Phương pháp đánh giá</h3>\n<ul>\n");
        foreach (var method in annex.Methods)
        {
            Markup("<li>").Text(method).Markup("</li>\n");
        }

        Markup("</ul>\n");
        if (annex.FiguresNotNeeded.Count > 0)
        {
            Markup("<h3>Số liệu không cần cho đánh giá</h3>\n<ul>\n");
            foreach (var figures in annex.FiguresNotNeeded)
            {
                Markup("<li>").Text($"{figures.Sentence}.").Markup("</li>\n");
            }

            Markup("</ul>\n");
        }

        if (report.Goals.Count > 0)
        {
            Markup("<h3>Mục tiêu định tính (không đánh giá bằng số liệu)</h3>\n<ul>\n");
            foreach (var goal in report.Goals)
            {
                Markup("<li>").Text($"{goal.Label} ({goal.DocumentShort}): “{goal.Wording}” — {goal.Reason}").Markup("</li>\n");
            }

            Markup("</ul>\n");
        }

        Markup("</section>\n");
    }
}
