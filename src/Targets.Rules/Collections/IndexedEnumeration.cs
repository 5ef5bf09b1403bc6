namespace Targets.Rules.Collections;

/// <summary>
/// <c>foreach</c> over a read-only list by index. A <c>foreach</c> over an <see cref="IReadOnlyList{T}"/> itself boxes the
/// list's enumerator: a report reads a few hundred lists, and a national batch writes 3,321 reports, so those enumerators
/// were tens of megabytes a batch.
/// </summary>
internal static class IndexedEnumeration
{
    /// <summary>The list's items in order, read by index, without an enumerator on the heap.</summary>
    public static IndexedItems<T> ByIndex<T>(this IReadOnlyList<T> list) => new(list);
}

/// <summary>A read-only list's items, enumerated by index (<see cref="IndexedEnumeration.ByIndex{T}"/>).</summary>
/// <typeparam name="T">The items.</typeparam>
internal readonly struct IndexedItems<T>(IReadOnlyList<T> list)
{
    /// <summary>The enumerator <c>foreach</c> uses.</summary>
    public Enumerator GetEnumerator() => new(list);

    /// <summary>Reads the list by index; a list changed while it is read is read as it stands at each step.</summary>
    public struct Enumerator(IReadOnlyList<T> list)
    {
        private int _index = -1;

        /// <summary>The item at the current index.</summary>
        public readonly T Current => list[_index];

        /// <summary>Steps to the next index, if there is one.</summary>
        public bool MoveNext() => ++_index < list.Count;
    }
}
