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
    private readonly Lazy<T[]> _items;

    /// <summary>A list of what <paramref name="compute"/> gives when first read.</summary>
    public DeferredList(Func<IEnumerable<T>> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        _items = new Lazy<T[]>(() => [.. compute()]);
    }

    /// <inheritdoc />
    public int Count => _items.Value.Length;

    /// <inheritdoc />
    public T this[int index] => _items.Value[index];

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items.Value).GetEnumerator();

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

    bool IList.Contains(object? value) => ((IList)_items.Value).Contains(value);

    int IList.IndexOf(object? value) => ((IList)_items.Value).IndexOf(value);

    void ICollection.CopyTo(Array array, int index) => _items.Value.CopyTo(array, index);

    int IList.Add(object? value) => throw ReadOnly();

    void IList.Clear() => throw ReadOnly();

    void IList.Insert(int index, object? value) => throw ReadOnly();

    void IList.Remove(object? value) => throw ReadOnly();

    void IList.RemoveAt(int index) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("the list is read-only");
}
