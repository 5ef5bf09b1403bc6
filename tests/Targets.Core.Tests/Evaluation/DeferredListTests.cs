using System.Collections;
using Targets.Core.Evaluation;

namespace Targets.Core.Tests.Evaluation;

public sealed class DeferredListTests
{
    [Fact]
    public void DeferredList_NeverRead_IsNeverWorkedOut()
    {
        var computed = 0;

        _ = new DeferredList<int>(() =>
        {
            computed++;
            return [1];
        });

        computed.ShouldBe(0);
    }

    [Fact]
    public void DeferredList_ReadAgainAndAgain_IsWorkedOutOnceInItsOrder()
    {
        var computed = 0;
        var list = new DeferredList<int>(() =>
        {
            computed++;
            return [3, 1, 2];
        });

        list.Count.ShouldBe(3);
        list[1].ShouldBe(1);
        list.ShouldBe([3, 1, 2]);
        computed.ShouldBe(1);
    }

    [Fact]
    public void DeferredList_OneFunctionForManyStates_WorksOutEachListFromItsOwnStateOnce()
    {
        var computed = new List<string>();
        Func<object?, IEnumerable<string>> lines = state =>
        {
            computed.Add((string)state!);
            return [(string)state!, (string)state! + "!"];
        };
        var first = new DeferredList<string>("a", lines);
        var second = new DeferredList<string>("b", lines);

        computed.ShouldBeEmpty();
        second.ShouldBe(["b", "b!"]);
        first.ShouldBe(["a", "a!"]);
        first.Count.ShouldBe(2);
        computed.ShouldBe(["b", "a"]);
    }

    [Fact]
    public void DeferredList_ReadFromManyThreadsAtOnce_IsWorkedOutOnce()
    {
        for (var round = 0; round < 50; round++)
        {
            var computed = 0;
            var list = new DeferredList<int>(() =>
            {
                Interlocked.Increment(ref computed);
                return Enumerable.Range(0, 100);
            });

            var sums = new int[8];
            Parallel.For(0, sums.Length, new ParallelOptions { MaxDegreeOfParallelism = sums.Length }, i => sums[i] = list.Sum());

            computed.ShouldBe(1);
            sums.ShouldAllBe(sum => sum == 4950);
        }
    }

    [Fact]
    public void DeferredList_WhoseWorkFails_FailsAgainWhenReadAgain()
    {
        var list = new DeferredList<int>(() => throw new InvalidOperationException("broken"));

        Should.Throw<InvalidOperationException>(() => list.Count);
        Should.Throw<InvalidOperationException>(() => list.Count).Message.ShouldBe("broken");
    }

    [Fact]
    public void AsNonGenericList_ReadByATemplateEngine_CountsIndexesAndFindsItsItems()
    {
        // Scriban treats only a non-generic IList as a list: its `size` and indexing go through it.
        IList list = new DeferredList<string>(() => ["một", "hai"]);

        list.Count.ShouldBe(2);
        list[1].ShouldBe("hai");
        list.Contains("một").ShouldBeTrue();
        list.IndexOf("hai").ShouldBe(1);
        list.IsReadOnly.ShouldBeTrue();
        list.IsFixedSize.ShouldBeTrue();
        var copy = new object?[3];
        list.CopyTo(copy, 1);
        copy.ShouldBe(new object?[] { null, "một", "hai" });
    }

    [Fact]
    public void AsNonGenericList_Changed_IsRefused()
    {
        IList list = new DeferredList<string>(() => ["một"]);

        Should.Throw<NotSupportedException>(() => list.Add("hai"));
        Should.Throw<NotSupportedException>(() => list.Insert(0, "hai"));
        Should.Throw<NotSupportedException>(() => list.Remove("một"));
        Should.Throw<NotSupportedException>(() => list.RemoveAt(0));
        Should.Throw<NotSupportedException>(list.Clear);
        Should.Throw<NotSupportedException>(() => list[0] = "hai");
        list.Count.ShouldBe(1);
    }
}
