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
        if (!text.AsSpan().ContainsAny(Breaks))
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

    private static readonly System.Buffers.SearchValues<char> Breaks = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\u0085\u2028\u2029");

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
