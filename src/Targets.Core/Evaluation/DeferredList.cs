using System.Collections;

namespace Targets.Core.Evaluation;

/// <summary>
/// A read-only list worked out when it is first read, once, safely between threads: what an assessment lists beside its
/// results (figures no target read, notes) costs nothing to an evaluation that never looks at it, such as a batch over a
/// whole country's communes.
/// </summary>
/// <typeparam name="T">The items.</typeparam>
public sealed class DeferredList<T> : IReadOnlyList<T>
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
}
