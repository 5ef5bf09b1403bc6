using System.Collections;
using Targets.Core.Evaluation;

namespace Targets.Core.Tests.Evaluation;

public sealed class DeferredListTests
{
    [Fact]
    public void Count_ReadTwice_ComputesTheItemsOnce()
    {
        var computed = 0;
        var list = new DeferredList<int>(() =>
        {
            computed++;
            return [1, 2, 3];
        });

        computed.ShouldBe(0);
        list.Count.ShouldBe(3);
        list[2].ShouldBe(3);
        computed.ShouldBe(1);
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
