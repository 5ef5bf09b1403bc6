using System.Collections;

namespace Targets.Core.Evaluation;

/// <summary>
/// A read-only list worked out when it is first read, once, safely between threads: what an assessment lists beside its
/// results (figures no target read, notes) costs nothing to an evaluation that never looks at it, such as a batch over a
/// whole country's communes.
/// </summary>
/// <remarks>
/// It is also a read-only non-generic <see cref="IList"/>, because template engines (Scriban) treat only that as a list:
/// without it, a template's <c>figures.size</c> would read nothing rather than the count.
/// </remarks>
/// <typeparam name="T">The items.</typeparam>
public sealed class DeferredList<T> : IReadOnlyList<T>, IList
{
    // Made when the list is first read, not with it: most lists of a batch are never read, so each costs one object.
    private Func<object?, IEnumerable<T>>? _compute;
    private object? _state;
    private T[]? _items;
    private Lock? _lock;

    /// <summary>A list of what <paramref name="compute"/> gives when first read.</summary>
    public DeferredList(Func<IEnumerable<T>> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        _compute = static state => ((Func<IEnumerable<T>>)state!)();
        _state = compute;
    }

    /// <summary>
    /// A list of what <paramref name="compute"/> gives for <paramref name="state"/> when first read. One function can serve
    /// many lists, so that each list is one object rather than a list, a closure and a delegate.
    /// </summary>
    public DeferredList(object? state, Func<object?, IEnumerable<T>> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        _compute = compute;
        _state = state;
    }

    /// <inheritdoc />
    public int Count => Items.Length;

    /// <inheritdoc />
    public T this[int index] => Items[index];

    private T[] Items => Volatile.Read(ref _items) ?? Compute();

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    bool IList.IsFixedSize => true;

    bool IList.IsReadOnly => true;

    bool ICollection.IsSynchronized => false;

    object ICollection.SyncRoot => this;

    object? IList.this[int index]
    {
        get => this[index];
        set => throw ReadOnly();
    }

    bool IList.Contains(object? value) => ((IList)Items).Contains(value);

    int IList.IndexOf(object? value) => ((IList)Items).IndexOf(value);

    void ICollection.CopyTo(Array array, int index) => Items.CopyTo(array, index);

    int IList.Add(object? value) => throw ReadOnly();

    void IList.Clear() => throw ReadOnly();

    void IList.Insert(int index, object? value) => throw ReadOnly();

    void IList.Remove(object? value) => throw ReadOnly();

    void IList.RemoveAt(int index) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("the list is read-only");

    /// <summary>Works the list out, once however many threads read it first; what it was worked out from is let go.</summary>
    private T[] Compute()
    {
        Interlocked.CompareExchange(ref _lock, new Lock(), null);
        lock (_lock)
        {
            if (_items is { } items)
            {
                return items;
            }

            items = [.. _compute!(_state)];
            Volatile.Write(ref _items, items);
            (_compute, _state) = (null, null);
            return items;
        }
    }
}
