using System.Buffers;
using System.Globalization;

namespace Targets.Rules.Narratives.Writing;

/// <summary>
/// The text of one report as it is written: characters in an array rented from the shared pool, so that a batch of
/// reports reuses a few arrays instead of growing a builder per report. Bounded: text beyond the limit is an error, never
/// cut short.
/// </summary>
/// <remarks>Not thread-safe. Dispose returns the array; the buffer is not used after.</remarks>
internal sealed class TextBuffer : IDisposable
{
    private readonly int _limit;
    private readonly Func<int, Exception> _overLimit;
    private char[] _chars;
    private int _length;

    /// <param name="capacity">The characters expected (the array grows past it as needed).</param>
    /// <param name="limit">The most characters the text may hold.</param>
    /// <param name="overLimit">The error to throw, given the limit, when a write would go beyond it.</param>
    public TextBuffer(int capacity, int limit, Func<int, Exception> overLimit)
    {
        _limit = limit;
        _overLimit = overLimit;
        _chars = ArrayPool<char>.Shared.Rent(Math.Min(capacity, limit));
    }

    /// <summary>How many characters are written.</summary>
    public int Length => _length;

    /// <summary>The text written, with <paramref name="spare"/> characters more after it, to be rewritten in place.</summary>
    public Span<char> WrittenWithSpare(int spare)
    {
        if (spare > _chars.Length - _length)
        {
            Grow(spare, limited: false);
        }

        return _chars.AsSpan(0, _length + spare);
    }

    public void Append(string text) => Append(text.AsSpan());

    public void Append(ReadOnlySpan<char> text)
    {
        // The pool may hand out more than was asked: the limit, not the array, bounds the text.
        if (text.Length > Math.Min(_chars.Length, _limit) - _length)
        {
            Grow(text.Length, limited: true);
        }

        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    public void Append(int value)
    {
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        Append(digits[..written]);
    }

    /// <summary>
    /// Drops the line breaks the text ends with, back to <paramref name="start"/> at most: what an include does to the
    /// included template's output.
    /// </summary>
    public void TrimEndLineBreaks(int start)
    {
        while (_length > start && _chars[_length - 1] is '\n' or '\r')
        {
            _length--;
        }
    }

    public void Dispose()
    {
        var chars = _chars;
        _chars = [];
        _length = 0;
        if (chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private void Grow(int more, bool limited)
    {
        var needed = (long)_length + more;
        if (limited && needed > _limit)
        {
            throw _overLimit(_limit);
        }

        var larger = ArrayPool<char>.Shared.Rent((int)Math.Max(Math.Min(Math.Max(needed, 2L * _chars.Length), _limit), needed));
        _chars.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = larger;
    }
}
