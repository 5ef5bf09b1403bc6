using System.Buffers;

namespace Targets.Rules.Narratives;

/// <summary>The last pass over a rendered report, whichever way it was rendered.</summary>
internal static class NarrativeTidying
{
    /// <summary>
    /// Collapses the blank lines templates leave behind, so output is stable whatever the template spacing: lines
    /// right-trimmed, runs of blank lines kept to one, none at either end, one final newline.
    /// </summary>
    public static string Tidy(ReadOnlySpan<char> text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text.Length + 1);
        try
        {
            text.CopyTo(buffer);
            return TidyInPlace(buffer.AsSpan(0, text.Length + 1));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// <see cref="Tidy(ReadOnlySpan{char})"/> over a text in <paramref name="buffer"/>, all of it but the last character, a
    /// spare one for the final newline: tidied where it lies, then copied once into the string (a report is tens of
    /// thousands of characters; a batch writes thousands).
    /// </summary>
    public static string TidyInPlace(Span<char> buffer)
    {
        // Every line written is a line read, right-trimmed, with the one line break that followed it; a blank line kept is
        // one read. So what is written never reaches what is still to read, and the result is never longer than the
        // text and a final newline: the spare character.
        var length = 0;
        var pendingBlank = false;
        var lines = new Lines(buffer[..^1]);
        while (lines.Next(out var raw))
        {
            var line = raw.TrimEnd();
            if (line.IsEmpty)
            {
                pendingBlank = length > 0;
                continue;
            }

            if (pendingBlank)
            {
                buffer[length++] = '\n';
                pendingBlank = false;
            }

            line.CopyTo(buffer[length..]);
            length += line.Length;
            buffer[length++] = '\n';
        }

        return length == 0 ? "\n" : new string(buffer[..length]);
    }

    /// <summary>
    /// The lines of a text, split where <see cref="MemoryExtensions.EnumerateLines(ReadOnlySpan{char})"/> splits them
    /// (CR, LF, CRLF, FF, NEL, LS, PS). That enumerator looks for all six at once with a test that is slow on every
    /// non-ASCII character; a report has none of the three non-ASCII breaks (printed values are escaped), so once a scan
    /// finds none the ASCII ones are looked for alone.
    /// </summary>
    private ref struct Lines(ReadOnlySpan<char> text)
    {
        private static readonly SearchValues<char> Breaks = SearchValues.Create("\r\n\f\u0085\u2028\u2029");

        private readonly bool _asciiBreaksOnly = text.IndexOfAny('\u0085', '\u2028', '\u2029') < 0;
        private ReadOnlySpan<char> _rest = text;
        private bool _done;

        public bool Next(out ReadOnlySpan<char> line)
        {
            if (_done)
            {
                line = default;
                return false;
            }

            var end = _asciiBreaksOnly ? _rest.IndexOfAny('\r', '\n', '\f') : _rest.IndexOfAny(Breaks);
            if (end < 0)
            {
                line = _rest;
                _done = true;
                return true;
            }

            line = _rest[..end];
            var width = _rest[end] == '\r' && end + 1 < _rest.Length && _rest[end + 1] == '\n' ? 2 : 1;
            _rest = _rest[(end + width)..];
            return true;
        }
    }
}
