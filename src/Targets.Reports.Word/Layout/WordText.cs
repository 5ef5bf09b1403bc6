using System.Text;
using Targets.Rules.Narratives;

namespace Targets.Reports.Word.Layout;

/// <summary>
/// The one cleaning of text bound for the document. Every string reaches the XML as the content of a <c>w:t</c> element,
/// written by the Open XML SDK's XML writer, which escapes markup: a value can never become a run, a field or any other
/// element. What the writer cannot escape (characters XML 1.0 forbids) is replaced here, so that no value makes the
/// document invalid: control characters and line breaks become spaces as in plain text
/// (<see cref="TextEscaping.PlainText"/>; the model's strings hold none) and lone surrogates or non-characters become
/// U+FFFD.
/// </summary>
internal static class WordText
{
    public static string Clean(string text)
    {
        text = TextEscaping.PlainText(text);
        if (!text.Any(c => char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF'))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                clean.Append('\uFFFD');
            }
            else
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }
}
