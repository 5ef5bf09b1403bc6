using System.Text;
using Targets.Rules.Reporting;

namespace Targets.Reports.Html;

/// <summary>
/// Renders a <see cref="Report"/> as one self-contained HTML page: the same content as the text report (summary, results
/// table, each document's clauses with one line per target and year, findings, tasks, the view by unit, the annex), a
/// small inline SVG chart beside each target assessed over more than one year, and a print stylesheet for A4. The page
/// loads nothing (no external CSS, scripts, fonts or images; its Content-Security-Policy forbids them), shows every
/// status in words, and escapes every value from the report. The output depends on the report only: the same report
/// gives the same bytes under any culture.
/// </summary>
public static class HtmlReport
{
    /// <summary>The page as a string.</summary>
    /// <param name="report">The report to render.</param>
    public static string Render(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ReportPage(report).Render();
    }

    /// <summary>Writes the page to <paramref name="stream"/> as UTF-8 without a byte order mark.</summary>
    /// <param name="report">The report to render.</param>
    /// <param name="stream">Where to write it.</param>
    public static void Write(Report report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(new UTF8Encoding(false).GetBytes(Render(report)));
    }
}
