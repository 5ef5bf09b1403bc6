using Targets.Rules.Narratives.Writing;

namespace Targets.Rules.Tests.Narratives.Writing;

public sealed class TextBufferTests
{
    private static InvalidOperationException OverLimit(int limit) => new($"over {limit}");

    [Fact]
    public void Append_PastItsCapacity_GrowsAndKeepsTheText()
    {
        using var text = new TextBuffer(2, 100, OverLimit);
        text.Append("một ");
        text.Append(2025);
        text.Append(" hai");

        new string(text.WrittenWithSpare(0)).ShouldBe("một 2025 hai");
    }

    [Fact]
    public void Append_BeyondTheLimit_IsTheErrorGivenNotACut()
    {
        using var text = new TextBuffer(4, 6, OverLimit);
        text.Append("abcdef");

        Should.Throw<InvalidOperationException>(() => text.Append("g")).Message.ShouldBe("over 6");
        text.Length.ShouldBe(6);
    }

    [Fact]
    public void WrittenWithSpare_TextAtTheLimit_GivesTheSpareAfterIt()
    {
        // The spare is room to rewrite the text in place (tidying adds a final newline), not more text: the limit stands.
        using var text = new TextBuffer(6, 6, OverLimit);
        text.Append("abcdef");

        var spared = text.WrittenWithSpare(1);

        spared.Length.ShouldBe(7);
        new string(spared[..6]).ShouldBe("abcdef");
    }
}
