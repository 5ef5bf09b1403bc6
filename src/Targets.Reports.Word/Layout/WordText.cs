using System.Text;

namespace Targets.Reports.Word.Layout;

/// <summary>
/// The one cleaning of text bound for the document. Every string reaches the XML as the content of a <c>w:t</c> element,
/// written by the Open XML SDK's XML writer, which escapes markup: a value can never become a run, a field or any other
/// element. What the writer cannot escape (characters XML 1.0 forbids) is replaced here, so that no value makes the
/// document invalid: control characters and line breaks become spaces (the model's strings hold none) and lone
/// surrogates or non-characters become U+FFFD.
/// </summary>
internal static class WordText
{
    public static string Clean(string text)
    {
        if (!NeedsCleaning(text))
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
            else if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                clean.Append(' ');
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

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF')
            {
                return true;
            }
        }

        return false;
    }
}
