using System.Text;

namespace Targets.Rules.Narratives;

/// <summary>
/// How data is made safe in each output format, applied in one place: where a template prints a value. Report strings
/// hold no markup, so escaping them never removes formatting; the templates' own text carries the layout.
/// </summary>
public static class TextEscaping
{
    /// <summary>The escaping of a format.</summary>
    public static Func<string, string> For(NarrativeFormat format) => format == NarrativeFormat.Markdown ? Markdown : PlainText;

    /// <summary>
    /// Plain text: control characters and line or paragraph separators become spaces, so that a value never starts a
    /// line of its own (a unit name cannot forge a heading or a second line of the report).
    /// </summary>
    public static string PlainText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasBreak(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(IsBreak(c) ? ' ' : c);
        }

        return result.ToString();
    }

    /// <summary>
    /// Markdown (CommonMark and GitHub tables): line breaks become spaces; characters that start emphasis, code, links,
    /// images, headings, tables or HTML are escaped (<c>\*</c>, <c>\[</c>, <c>&amp;lt;</c> …), and so is a leading list or
    /// block marker. The rendered page shows the data's text exactly, and nothing in it becomes markup.
    /// </summary>
    public static string Markdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = PlainText(text);
        var marker = ListMarker(plain);
        if (marker < 0 && !plain.AsSpan().ContainsAny(MarkdownSpecial))
        {
            return plain;
        }

        var result = new StringBuilder(plain.Length + 8);
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            switch (c)
            {
                case '<':
                    result.Append("&lt;");
                    break;
                case '>':
                    result.Append("&gt;");
                    break;
                case '&':
                    result.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~' or '!':
                    result.Append('\\').Append(c);
                    break;
                default:
                    if (i == marker)
                    {
                        result.Append('\\');
                    }

                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> MarkdownSpecial = System.Buffers.SearchValues.Create("<>&\\`*_[]|#~!");

    /// <summary>
    /// Whether the text holds a C0 control, DEL, NEL or a line or paragraph separator. Three vectorised scans: one set of
    /// them all (SearchValues) falls back to a probabilistic test on every non-ASCII character, and Vietnamese text is full
    /// of them; that test was a third of writing a report.
    /// </summary>
    private static bool HasBreak(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\u0000', '\u001F') >= 0 || text.IndexOfAny('\u007F', '\u0085') >= 0 || text.IndexOfAny('\u2028', '\u2029') >= 0;

    private static bool IsBreak(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    /// <summary>
    /// Where the text would open a list item if it started a line (<c>- </c>, <c>+ </c>, <c>1. </c>, <c>1) </c>): the
    /// position of the marker character to escape, or -1.
    /// </summary>
    private static int ListMarker(string text)
    {
        if (text.Length >= 2 && text[0] is '-' or '+' && text[1] == ' ')
        {
            return 0;
        }

        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < text.Length && text[digits] is '.' or ')' && (digits + 1 == text.Length || text[digits + 1] == ' ')
            ? digits
            : -1;
    }
}
