namespace Targets.Reports.Html;

/// <summary>
/// The page's only stylesheet, inline. Fonts are the reader's own (no web fonts); print is A4 with the margins of an
/// administrative document (Nghị định 30/2020/NĐ-CP: top and bottom 20 mm, left 30 mm, right 15 mm) in Times New Roman.
/// Colours mark statuses only beside their words, and print in black where ink would lose them.
/// </summary>
internal static class Stylesheet
{
    public const string Css = """
        :root { --ink: #1a1a1a; --muted: #555; --rule: #b8b8b8; --met: #1b6e20; --exceeded: #0b5394; --notmet: #b00020; --risk: #8a5a00; --nodata: #5f5f5f; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
        h1 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 .5rem; }
        h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
        p, li { overflow-wrap: anywhere; }
        .as-of { color: var(--muted); margin: 0; }
        .data-note { font-style: italic; }
        ul, ol { padding-left: 1.5rem; }
        li { margin: .2rem 0; }
        table.results { width: 100%; border-collapse: collapse; margin: 1rem 0; font-size: .9rem; }
        table.results caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        table.results th, table.results td { border: 1px solid var(--rule); padding: .35rem .5rem; vertical-align: top; text-align: left; }
        table.results thead th { background: #f0f0f0; }
        table.results tbody th { font-weight: 600; width: 18%; }
        table.results td.verdict { width: 20%; }
        tr.alternative th, tr.alternative td, .target.alternative { color: var(--muted); }
        .clause { margin: 1rem 0 1.25rem; }
        .wording { margin: .25rem 0; }
        .target { margin: .5rem 0 .5rem 1rem; }
        .target-head { margin: .25rem 0; }
        .years { margin: .25rem 0; }
        .status { font-weight: 700; }
        .st-met { color: var(--met); }
        .st-exceeded { color: var(--exceeded); }
        .st-notmet { color: var(--notmet); }
        .st-ontrack { color: var(--met); }
        .st-atrisk { color: var(--risk); }
        .st-pending { color: var(--muted); }
        .st-nodata { color: var(--nodata); }
        figure.chart { margin: .5rem 0 1rem; max-width: 30rem; }
        figure.chart svg { display: block; width: 100%; height: auto; }
        figure.chart figcaption { font-size: .85rem; color: var(--muted); }
        .annex { border-top: 2px solid var(--rule); margin-top: 2.5rem; }
        @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
        @media print {
          :root { --ink: #000; --muted: #333; --rule: #000; }
          body { font: 13pt/1.3 "Times New Roman", "Liberation Serif", "Nimbus Roman", serif; }
          main { max-width: none; padding: 0; }
          h1 { font-size: 14pt; text-align: center; }
          .as-of { text-align: center; }
          h2 { font-size: 13pt; border-bottom: none; break-after: avoid; page-break-after: avoid; }
          h3 { font-size: 13pt; break-after: avoid; page-break-after: avoid; }
          p, li { orphans: 2; widows: 2; }
          table.results { font-size: 11pt; }
          table.results thead { display: table-header-group; }
          table.results tr, figure.chart, .target-head { break-inside: avoid; page-break-inside: avoid; }
          table.results thead th { background: none; }
          .status, .verdict { color: #000; }
          figure.chart { max-width: 110mm; }
          .annex { border-top: none; break-before: page; page-break-before: always; }
        }

        """;
}
