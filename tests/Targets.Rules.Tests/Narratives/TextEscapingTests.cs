using System.Text.RegularExpressions;
using Targets.Core.Data;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Targets;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;
using Targets.Rules.Tests.Support;

namespace Targets.Rules.Tests.Narratives;

public sealed partial class TextEscapingTests
{
    private const string Heading = "## ĐÃ ĐẠT TẤT CẢ";
    private const string Script = "<script>alert(1)</script>";
    private const string Link = "[bấm vào đây](javascript:alert(1))";

    [Fact]
    public void PlainText_EveryCharacter_IsReplacedWhenItBreaksALineAndOnlyThen()
    {
        // The breaks looked for: C0 controls, DEL, NEL, the line and paragraph separators. Found, every control character is
        // replaced (C1 ones too); a C1 control alone is left, as it always was.
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            var isBreak = c is <= '\u001F' or '\u007F' or '\u0085' or '\u2028' or '\u2029';

            TextEscaping.PlainText($"a{c}b").ShouldBe(isBreak ? "a b" : $"a{c}b", $"U+{code:X4}");
        }

        TextEscaping.PlainText("\u0090a\n").ShouldBe(" a ");
    }

    [Theory]
    [InlineData("## ĐÃ ĐẠT TẤT CẢ", "\\#\\# ĐÃ ĐẠT TẤT CẢ")]
    [InlineData("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;")]
    [InlineData("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))")]
    [InlineData("a | b", "a \\| b")]
    [InlineData("`code` *em* _u_ ~s~", "\\`code\\` \\*em\\* \\_u\\_ \\~s\\~")]
    [InlineData("dòng 1\n## dòng 2", "dòng 1 \\#\\# dòng 2")]
    [InlineData("- mục giả", "\\- mục giả")]
    [InlineData("1. mục giả", "1\\. mục giả")]
    [InlineData("1.051 vụ", "1.051 vụ")]
    [InlineData("Trường THCS Cẩm Sơn (1 lần)", "Trường THCS Cẩm Sơn (1 lần)")]
    public void Markdown_HostileOrPlainText_ComesOutAsText(string text, string expected)
    {
        TextEscaping.Markdown(text).ShouldBe(expected);
    }

    [Fact]
    public void PlainText_LineBreaksAndControlCharacters_BecomeSpaces()
    {
        TextEscaping.PlainText("quận X\r\nerror: giả\u2028\u001b[31m").ShouldBe("quận X  error: giả  [31m");
    }

    [Fact]
    public void Render_HostileDataAsMarkdown_ForgesNoHeadingNoHtmlNoLinkAndNoTableColumn()
    {
        var markdown = new NarrativeRenderer().Render(HostileAssessment(out var rules), rules, new Dictionary<string, TemplateText>(), NarrativeFormat.Markdown);

        markdown.ShouldNotContain("<script");
        markdown.ShouldNotContain("[bấm vào đây](");
        markdown.ShouldContain("\\[bấm vào đây\\]");
        markdown.Split('\n').ShouldNotContain(line => line.TrimStart().StartsWith("## ĐÃ", StringComparison.Ordinal) || line.Contains("\\## ĐÃ", StringComparison.Ordinal));
        markdown.Split('\n').Where(line => line.StartsWith('|')).ShouldAllBe(line => UnescapedPipe().Count(line) == 5);
        UnescapedBacktick().IsMatch(markdown).ShouldBeFalse();
    }

    [Fact]
    public void Render_HostileDataAsText_StartsNoLineOfItsOwn()
    {
        var text = new NarrativeRenderer().Render(HostileAssessment(out var rules), rules, new Dictionary<string, TemplateText>());

        // Plain text has no markup: the danger is a line break in data making a line of its own.
        text.Split('\n').ShouldNotContain(line => line == Heading || line.StartsWith("error:", StringComparison.Ordinal) || line.StartsWith("## dòng giả", StringComparison.Ordinal));
        text.ShouldContain(Heading + " error: giả"); // the text is still shown, on the line it belongs to
    }

    /// <summary>A per-unit target whose units, lead unit, data note and task note are hostile text.</summary>
    private static Assessment HostileAssessment(out Targets.Rules.Engine.ICompiledRuleSet rules)
    {
        rules = TestRules.Compile(b => b
            .Target("test.plan.h", "1", "không tăng", t => t.Indicator("crime.social-order.cases")
                .Change(new Core.Requirements.Baseline.PreviousYear(), Core.Requirements.ChangeDirection.Increase, Core.Requirements.ChangeMeasure.Absolute, Core.Requirements.Comparison.AtMost, 0)
                .InYear(2023).ForEachUnit("quận, huyện").OnFailure("accountability", "trách nhiệm")
                .Responsible([Heading + "\nerror: giả"], [Script]))
            .Task("test.plan.t", "2", "nhiệm vụ", new Responsibility(["quận `A` | B"], []), "Quý I", ReportingPeriod.Parse("2023-Q1")));
        var units = new[] { Heading, Script, Link, "quận | cột giả", "quận `mã`\n## dòng giả" };
        return rules.Evaluate(new Dataset
        {
            Locality = TestRules.Locality.Code,
            Description = "Ghi chú\n" + Heading + " " + Link,
            Figures = [.. units.SelectMany(unit => new[]
            {
                new Figure(new IndicatorId("crime.social-order.cases"), ReportingPeriod.Year(2022), 10, unit),
                new Figure(new IndicatorId("crime.social-order.cases"), ReportingPeriod.Year(2023), 12, unit, Note: Script),
            })],
            Tasks = [new TaskReport("test.plan.t", null, Heading + " | " + Link)],
        });
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex(@"(?<!\\)`")]
    private static partial Regex UnescapedBacktick();
}
