using System.Text;
using Targets.Rules.Narratives;

namespace Targets.Reports.Html;

/// <summary>
/// The one escaping of the web page: every string that comes from the report (data, plugin prose, document wording)
/// passes through <see cref="Append"/> before it reaches the page, in text and in attribute values alike.
/// </summary>
internal static class HtmlText
{
    /// <summary>
    /// Appends <paramref name="text"/> so that it can only ever be text: <c>&amp; &lt; &gt; " '</c> become character
    /// references (safe inside elements and inside quoted attributes, including the <c>style</c> element's neighbours and
    /// SVG), control characters and line breaks become spaces as in plain text (<see cref="TextEscaping.PlainText"/>: the
    /// model's strings hold none; data that does cannot break the layout), and a lone surrogate becomes U+FFFD so that
    /// the page stays valid UTF-8.
    /// </summary>
    public static StringBuilder Append(StringBuilder page, string text)
    {
        text = TextEscaping.PlainText(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    page.Append("&amp;");
                    break;
                case '<':
                    page.Append("&lt;");
                    break;
                case '>':
                    page.Append("&gt;");
                    break;
                case '"':
                    page.Append("&quot;");
                    break;
                case '\'':
                    page.Append("&#39;");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        page.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
                    {
                        page.Append('\uFFFD');
                    }
                    else
                    {
                        page.Append(c);
                    }

                    break;
            }
        }

        return page;
    }

    /// <summary>The escaped text as a string (for tests and small pieces).</summary>
    public static string Escape(string text) => Append(new StringBuilder(text.Length + 16), text).ToString();
}
