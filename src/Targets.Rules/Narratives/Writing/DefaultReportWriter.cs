using System.Globalization;
using Targets.Core.Errors;
using Targets.Core.Formatting;
using Targets.Rules.Collections;
using Targets.Rules.Reporting;

namespace Targets.Rules.Narratives.Writing;

/// <summary>
/// Writes, in C#, exactly the text the default templates (<c>Narratives/Templates/*.scriban</c>) write for a report: the
/// same characters, every value escaped for the format where the template prints it, an include's output inserted
/// unescaped with its trailing line breaks dropped, then the renderer's same tidying pass. Through Scriban a report took
/// tens of milliseconds (an include renders to a string copied up six levels, functions and members reached by
/// reflection); written here it takes a fraction of one.
/// </summary>
/// <remarks>
/// <para>
/// One method per template, named after it (<c>ResultLine</c> is <c>result-line.scriban</c>; <see cref="Target"/> is the
/// eight <c>target-&lt;kind&gt;.scriban</c>, which are the same text), in the template's order. <b>A template and its method
/// change together.</b> <c>DefaultReportWriterTests</c> (tests/Targets.Rules.Tests/Narratives/Writing) holds them equal: every
/// shipped plugin's samples, at other as-of dates, with figures removed and with markup in every string, in both formats,
/// give the same text both ways, and every branch of every default template is taken across them.
/// </para>
/// <para>
/// A plugin's templates keep working: at each include, a template the plugin overrides is rendered through Scriban
/// (<see cref="ITemplateOverrides"/>) with the variables the template would see there (<see cref="TemplateScope"/>).
/// </para>
/// </remarks>
internal sealed class DefaultReportWriter
{
    /// <summary>A commune's report is about 50,000 characters before tidying; the buffer grows past this as needed.</summary>
    private const int ExpectedLength = 64 * 1024;

    private readonly Report _report;
    private readonly bool _md;
    private readonly ITemplateOverrides? _overrides;
    private readonly TextBuffer _text;

    // What is in scope at an include (see TemplateScope). The loop variables are cleared when their loop ends; the
    // table's r and figures are assignments, and stay.
    private DocumentSection? _d;
    private ClauseSection? _c;
    private TargetSection? _t;
    private YearResult? _r;
    private YearResult? _tableR;
    private IReadOnlyList<UnusedFigureEntry>? _figures;

    private DefaultReportWriter(Report report, NarrativeFormat format, ITemplateOverrides? overrides, TextBuffer text)
    {
        _report = report;
        _md = format == NarrativeFormat.Markdown;
        _overrides = overrides;
        _text = text;
    }

    /// <summary>Writes the report as the <c>report</c> template would, tidied as the renderer tidies it.</summary>
    /// <param name="report">The report.</param>
    /// <param name="format">Plain text or Markdown.</param>
    /// <param name="overrides">The plugin's templates that replace defaults; null when it has none.</param>
    /// <param name="outputLimit">The most characters the report may take before tidying, as Scriban's output limit.</param>
    /// <exception cref="TemplateException">The report is longer than the limit, or a plugin's template fails.</exception>
    public static string Write(Report report, NarrativeFormat format, ITemplateOverrides? overrides, int outputLimit)
    {
        using var text = new TextBuffer(ExpectedLength, outputLimit, OverLimit);
        new DefaultReportWriter(report, format, overrides, text).Report();
        return NarrativeTidying.TidyInPlace(text.WrittenWithSpare(1));
    }

    private static TemplateException OverLimit(int limit) => new(
        $"template 'report' failed: the report exceeds the output limit of {limit.ToString(CultureInfo.InvariantCulture)} characters",
        new SourceLocation(NarrativeRenderer.DefaultOrigin("report")));

    private YearResult R => _r ?? _tableR ?? throw new InvalidOperationException("no result in scope");

    /// <summary><c>report.scriban</c>.</summary>
    private void Report()
    {
        var header = _report.Header;
        Markup("# ");
        Value(header.Title);
        Text(" — ");
        Value(header.UnitName.ToUpperInvariant());
        Text("\n\nSố liệu tính đến ");
        Value(header.AsOfText);
        Text(".");
        if (header.DataNote.Length > 0)
        {
            Text(" ");
            Value(header.DataNote);
        }

        foreach (var note in header.Notes.ByIndex())
        {
            Text(" ");
            Value(note);
        }

        Text("\n\n");
        Markup("## ");
        Text("Tổng hợp\n\n");
        Include("summary", static w => w.Summary());
        Text("\n");
        if (_md && _report.Table.Count > 0)
        {
            Text("\n");
            Include("table", static w => w.Table());
            Text("\n");
        }

        Text("\n");
        Documents(retrospective: false);
        Text("\n");
        Documents(retrospective: true);
        Text("\n");
        Section(_report.Findings.Count > 0, "Trách nhiệm phát sinh\n\n", "findings", static w => w.Findings());
        Text("\n");
        Section(_report.Tasks.Count > 0, "Nhiệm vụ trọng tâm\n\n", "tasks", static w => w.Tasks());
        Text("\n");
        Section(_report.Units.Count > 0, "Kết quả theo đơn vị chủ trì, phối hợp\n\n", "by-unit", static w => w.ByUnit());
        Text("\n");
        if (_report.UnusedFigures.Count > 0)
        {
            _figures = _report.UnusedFigures;
            Section(true, "Số liệu không dùng để đánh giá\n\n", "unused-figures", static w => w.UnusedFigures());
        }

        Text("\n");
        Include("annex", static w => w.Annex());
        Text("\n");
    }

    /// <summary><c>report.scriban</c>: <c>{{ for d in documents }}{{ if [!]d.is_retrospective }}</c>.</summary>
    private void Documents(bool retrospective)
    {
        foreach (var d in _report.Documents.ByIndex())
        {
            _d = d;
            if (d.IsRetrospective == retrospective)
            {
                Text("\n");
                Include("document", static w => w.Document());
                Text("\n");
            }
        }

        _d = null;
    }

    /// <summary><c>report.scriban</c>: a titled section that includes one template, when there is something to list.</summary>
    private void Section(bool shown, string heading, string template, Action<DefaultReportWriter> write)
    {
        if (shown)
        {
            Text("\n");
            Markup("## ");
            Text(heading);
            Include(template, write);
            Text("\n");
        }
    }

    /// <summary><c>summary.scriban</c>.</summary>
    private void Summary()
    {
        foreach (var sentence in _report.Summary.Sentences.ByIndex())
        {
            Markup("- ");
            Value(sentence);
            Text("\n");
        }
    }

    /// <summary><c>table.scriban</c>.</summary>
    private void Table()
    {
        Markup("### ");
        Text("Bảng kết quả ");
        Value(_report.Summary.YearText);
        Text("\n\n| Chỉ tiêu | Yêu cầu | Kết quả | Đánh giá |\n|---|---|---|---|\n");
        foreach (var d in _report.Documents.ByIndex())
        {
            _d = d;
            if (d.IsRetrospective)
            {
                continue;
            }

            foreach (var c in d.Clauses.ByIndex())
            {
                _c = c;
                foreach (var t in c.Targets.ByIndex())
                {
                    _t = t;
                    if (t.Years.Count == 0)
                    {
                        continue;
                    }

                    // {{ r = t.years | array.last }}: an assignment, so r stays in scope after the table.
                    var r = _tableR = t.Years[^1];
                    Text("| ");
                    Value(t.Label);
                    if (t.IsAlternative)
                    {
                        Text(" (cách hiểu thay thế)");
                    }

                    Text(" | ");
                    Value(t.Requirement);
                    Text(", ");
                    Value(t.Schedule);
                    Text(" | ");
                    Include("result-body", static w => w.ResultBody());
                    Text(" | ");
                    Value(r.StatusText);
                    VerdictNote(r);
                    Text(" |\n");
                }
            }
        }

        (_d, _c, _t) = (null, null, null);
    }

    /// <summary><c>document.scriban</c>.</summary>
    private void Document()
    {
        var d = _d!;
        Markup("## ");
        Value(d.Citation);
        Text("\n\n");
        Value(d.Title);
        Text(" (");
        Value(d.PeriodText);
        Text(").");
        if (d.IsRetrospective)
        {
            Text(" Kết quả giai đoạn trước do văn bản nêu lại, trình bày riêng, không tính vào tổng hợp.");
        }

        Text("\n");
        foreach (var c in d.Clauses.ByIndex())
        {
            _c = c;
            Text("\n");
            Include("clause", static w => w.Clause());
            Text("\n");
        }

        _c = null;
    }

    /// <summary><c>clause.scriban</c>.</summary>
    private void Clause()
    {
        var c = _c!;
        Emphasised("**", c.Clause);
        Text(": “");
        Joined(c.Wordings, "” … “");
        Text("”");
        if (c.Targets.Count == 1)
        {
            Text(" — ");
        }
        else
        {
            Text("\n");
            Markup("\n");
        }

        foreach (var t in c.Targets.ByIndex())
        {
            _t = t;
            Include(TargetTemplate(t.Kind), static w => w.Target());
            Text("\n");
            Markup("\n");
        }

        _t = null;
    }

    /// <summary>
    /// <c>target-level.scriban</c>, <c>target-change.scriban</c>, <c>target-range.scriban</c>, <c>target-zero.scriban</c>,
    /// <c>target-deliverable.scriban</c>, <c>target-quota.scriban</c>, <c>target-composite.scriban</c> and
    /// <c>target-expression.scriban</c>: the same text, one template per kind so that a plugin can override one kind.
    /// </summary>
    private void Target()
    {
        var t = _t!;
        Include("target-heading", static w => w.TargetHeading());
        Text("\n");
        Markup("\n");
        if (t.SameAsText.Length == 0)
        {
            foreach (var r in t.Years.ByIndex())
            {
                _r = r;
                Include("result-line", static w => w.ResultLine());
                Text("\n");
            }

            _r = null;
        }

        Include("target-footer", static _ => TargetFooter());
        Text("\n");
    }

    /// <summary><c>target-footer.scriban</c>: nothing, by default (consequences are stated once, under their own heading).</summary>
    private static void TargetFooter()
    {
    }

    /// <summary><c>target-heading.scriban</c>.</summary>
    private void TargetHeading()
    {
        var t = _t!;
        if (_c!.Targets.Count > 1)
        {
            Emphasised("*", t.Label);
            Text(": ");
        }

        Value(t.Requirement);
        Text(", ");
        Value(t.Schedule);
        if (t.IsAlternative)
        {
            Text(" (cách hiểu thay thế, không tính vào tổng hợp)");
        }

        if (t.SameAsText.Length > 0)
        {
            Text(": cùng chỉ tiêu ");
            Value(t.SameAsText);
            Text(", kết quả như đã nêu");
        }

        Text(".\n");
    }

    /// <summary><c>result-line.scriban</c>.</summary>
    private void ResultLine()
    {
        var r = R;
        Markup("- ");
        Include("result-body", static w => w.ResultBody());
        if (r.StatusCode != "noData" || r.MissingText.Length == 0)
        {
            Text(" — ");
            Markup("**");
            Value(r.StatusText);
            Markup("**");
        }

        VerdictNote(r);
        Text(".");
        if (r.DrillDownText.Length > 0)
        {
            Text("\n");
            Markup("  - ");
            ValueUpperFirst(r.DrillDownText);
            Text(".");
        }

        Text("\n");
    }

    /// <summary><c>result-body.scriban</c>.</summary>
    private void ResultBody()
    {
        var r = R;
        ValueUpperFirst(r.PeriodText);
        Text(": ");
        Value(r.Body);
        Text("\n");
    }

    /// <summary><c>findings.scriban</c>.</summary>
    private void Findings()
    {
        foreach (var finding in _report.Findings.ByIndex())
        {
            Markup("- ");
            Value(finding.Sentence);
            Text("\n");
        }
    }

    /// <summary><c>tasks.scriban</c>.</summary>
    private void Tasks()
    {
        foreach (var k in _report.Tasks.ByIndex())
        {
            Markup("- ");
            Value(k.Label);
            Text(": ");
            if (k.RepeatsPrevious)
            {
                Text("như trên");
            }
            else
            {
                Value(k.Wording);
                Text(" — chủ trì: ");
                Value(string.Join(", ", k.Lead));
                if (k.Supporting.Count > 0)
                {
                    Text("; phối hợp: ");
                    Value(string.Join(", ", k.Supporting));
                }
            }

            Text("; thời hạn: ");
            Value(k.DeadlineText);
            Text(" (đến ");
            Value(k.DueText);
            Text("); ");
            Markup("**");
            Value(k.StatusText);
            Markup("**");
            if (k.CompletedText.Length > 0)
            {
                Text(" (ngày ");
                Value(k.CompletedText);
                Text(")");
            }

            if (k.MilestonesText.Length > 0)
            {
                Text("; ");
                Value(k.MilestonesText);
            }

            if (k.Note.Length > 0)
            {
                Text("; ");
                Value(k.Note);
            }

            // string.ends_with is String.EndsWith under the invariant culture Scriban renders with, not an ordinal test: a
            // note whose "." is followed by a character the culture ignores (a zero-width joiner) ends with "." all the same.
            if (!(k.Note.Length > 0 && CultureInfo.InvariantCulture.CompareInfo.IsSuffix(k.Note, ".")))
            {
                Text(".");
            }

            Text("\n");
        }
    }

    /// <summary><c>by-unit.scriban</c>.</summary>
    private void ByUnit()
    {
        foreach (var unit in _report.Units.ByIndex())
        {
            Markup("- ");
            Emphasised("**", unit.Unit);
            Text(": ");
            Value(unit.Sentence);
            Text(".\n");
        }
    }

    /// <summary><c>unused-figures.scriban</c>.</summary>
    private void UnusedFigures()
    {
        foreach (var entry in _figures!.ByIndex())
        {
            Markup("- ");
            Value(entry.Sentence);
            Text(".\n");
        }
    }

    /// <summary><c>annex.scriban</c>.</summary>
    private void Annex()
    {
        var annex = _report.Annex;
        Markup("## ");
        Value(annex.Title.ToUpperInvariant());
        Text("\n\n");
        Markup("### ");
        Text("Cách hiểu chỉ tiêu\n\n");
        foreach (var reading in annex.Readings.ByIndex())
        {
            // A number prints as its digits, which no escaping changes.
            _text.Append(reading.Number);
            Text(". ");
            Joined(reading.Labels, "; ");
            Text(": ");
            Value(reading.Text);
            Text("\n");
        }

        Text("\n");
        Markup("### ");
        Text("Phương pháp đánh giá\n\n");
        foreach (var method in annex.Methods.ByIndex())
        {
            Markup("- ");
            Value(method);
            Text("\n");
        }

        if (annex.FiguresNotNeeded.Count > 0)
        {
            Text("\n");
            Markup("### ");
            Text("Số liệu không cần cho đánh giá\n\n");
            _figures = annex.FiguresNotNeeded;
            Include("unused-figures", static w => w.UnusedFigures());
            Text("\n");
        }

        if (_report.Goals.Count > 0)
        {
            Text("\n");
            Markup("### ");
            Text("Mục tiêu định tính (không đánh giá bằng số liệu)\n\n");
            Include("goals", static w => w.Goals());
            Text("\n");
        }
    }

    /// <summary><c>goals.scriban</c>.</summary>
    private void Goals()
    {
        foreach (var goal in _report.Goals.ByIndex())
        {
            Markup("- ");
            Value(goal.Label);
            Text(" (");
            Value(goal.DocumentShort);
            Text("): “");
            Value(goal.Wording);
            Text("” — ");
            Value(goal.Reason);
            Text("\n");
        }
    }

    /// <summary><c>{{ if r.verdict_note != "" }} ({{ r.verdict_note }}){{ end }}</c>, in the result line and the table.</summary>
    private void VerdictNote(YearResult r)
    {
        if (r.VerdictNote.Length > 0)
        {
            Text(" (");
            Value(r.VerdictNote);
            Text(")");
        }
    }

    /// <summary>
    /// <c>{{ include 'name' }}</c>: the default template written here, or the plugin's rendered through Scriban; either way
    /// without the line breaks it ends with.
    /// </summary>
    private void Include(string name, Action<DefaultReportWriter> writeDefault)
    {
        var start = _text.Length;
        if (_overrides is not null && _overrides.Overrides(name))
        {
            _text.Append(_overrides.Render(name, new TemplateScope(_d, _c, _t, _r ?? _tableR, _figures)));
        }
        else
        {
            writeDefault(this);
        }

        _text.TrimEndLineBreaks(start);
    }

    /// <summary><c>'target-' + t.kind</c>, without building the name for every target.</summary>
    private static string TargetTemplate(string kind) => kind switch
    {
        "level" => "target-level",
        "change" => "target-change",
        "range" => "target-range",
        "zero" => "target-zero",
        "deliverable" => "target-deliverable",
        "quota" => "target-quota",
        "composite" => "target-composite",
        "expression" => "target-expression",
        _ => throw new InvalidOperationException($"no default template for a target of kind '{kind}'"),
    };

    /// <summary>The templates' own text.</summary>
    private void Text(string text) => _text.Append(text);

    /// <summary>Template text printed only in Markdown (<c>{{ if md }}…{{ end }}</c>).</summary>
    private void Markup(string markup)
    {
        if (_md)
        {
            _text.Append(markup);
        }
    }

    /// <summary><c>{{ if md }}**{{ x }}**{{ else }}{{ x }}{{ end }}</c>.</summary>
    private void Emphasised(string marks, string value)
    {
        Markup(marks);
        Value(value);
        Markup(marks);
    }

    /// <summary>A value printed (<c>{{ x }}</c>): escaped for the format, as <c>BoundedTemplateContext.Write</c> escapes it.</summary>
    private void Value(string value) => _text.Append(_md ? TextEscaping.Markdown(value) : TextEscaping.PlainText(value));

    /// <summary>
    /// <c>{{ items | array.join separator }}</c>. In plain text each item is escaped apart, which is the same text (escaping
    /// maps character by character) without the joined string; Markdown escapes a list marker at the start of the whole value,
    /// so there the items are joined first.
    /// </summary>
    private void Joined(IReadOnlyList<string> items, string separator)
    {
        if (_md)
        {
            Value(string.Join(separator, items));
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                Value(separator);
            }

            Value(items[i]);
        }
    }

    /// <summary>
    /// <c>{{ x | vi.upper_first }}</c> without a string per line: the escaped value with its first character in upper case.
    /// The same text, as escaping never changes a letter and what it puts first (a space, <c>\</c>, <c>&amp;</c>) has no case.
    /// </summary>
    private void ValueUpperFirst(string value)
    {
        var escaped = _md ? TextEscaping.Markdown(value) : TextEscaping.PlainText(value);
        if (escaped.Length == 0 || char.IsUpper(escaped[0]))
        {
            _text.Append(escaped);
            return;
        }

        var first = char.ToUpperInvariant(escaped[0]);
        _text.Append(new ReadOnlySpan<char>(in first));
        _text.Append(escaped.AsSpan(1));
    }
}
