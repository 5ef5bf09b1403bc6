namespace Targets.Reports.Html.Tests;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("<b>", "&lt;b&gt;")]
    [InlineData("\" onload=\"x", "&quot; onload=&quot;x")]
    [InlineData("it's", "it&#39;s")]
    [InlineData("Cần Thơ 1.051; 44,7%", "Cần Thơ 1.051; 44,7%")]
    [InlineData("a\nb\r\tc\u0000d\u001be\u2028f", "a b  c d e f")]
    [InlineData("😀", "😀")]
    public void Escape_Text_IsOnlyEverText(string text, string expected) => HtmlText.Escape(text).ShouldBe(expected);

    [Fact]
    public void Escape_LoneSurrogate_BecomesTheReplacementCharacter() =>
        HtmlText.Escape("x\uD800y\uDC00").ShouldBe("x\uFFFDy\uFFFD");
}
