using Targets.Rules.Collections;

namespace Targets.Rules.Tests.Collections;

public sealed class IndexedEnumerationTests
{
    [Fact]
    public void ByIndex_ArrayListAndEmpty_GivesEveryItemInOrder()
    {
        IReadOnlyList<string>[] lists = [new[] { "a", "b", "c" }, new List<string> { "d", "e" }, Array.Empty<string>()];

        var read = lists.Select(list =>
        {
            var items = new List<string>();
            foreach (var item in list.ByIndex())
            {
                items.Add(item);
            }

            return items;
        }).ToList();

        read[0].ShouldBe(["a", "b", "c"]);
        read[1].ShouldBe(["d", "e"]);
        read[2].ShouldBeEmpty();
    }

    [Fact]
    public void ByIndex_Enumerating_AllocatesNothing()
    {
        IReadOnlyList<int> list = new List<int> { 1, 2, 3 };
        var sum = 0;
        foreach (var item in list.ByIndex())
        {
            sum += item;
        }

        // Warmed up above; the loop below is what a report does hundreds of times.
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var item in list.ByIndex())
        {
            sum += item;
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        sum.ShouldBe(12);
    }
}
