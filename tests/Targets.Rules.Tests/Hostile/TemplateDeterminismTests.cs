using System.Globalization;
using Scriban;
using Scriban.Runtime;
using Targets.Core.Errors;
using Targets.Rules.Narratives;
using Targets.Rules.Narratives.Rendering;
using Targets.Rules.Plugins;
using Targets.Rules.Tests.Support;

namespace Targets.Rules.Tests.Hostile;

/// <summary>
/// A report is a function of its input: templates reach no clock, no chance and no machine culture, and one rendering
/// cannot change the next.
/// </summary>
public sealed class TemplateDeterminismTests
{
    [Theory]
    [InlineData("date.now")]
    [InlineData("date.utc_now")]
    [InlineData("math.random")]
    [InlineData("math.uuid")]
    [InlineData("date.parse")]
    public void Builtins_SourcesOfTimeAndChance_AreGone(string member)
    {
        var (owner, name) = (member[..member.IndexOf('.', StringComparison.Ordinal)], member[(member.IndexOf('.', StringComparison.Ordinal) + 1)..]);

        // Scriban has it; the templates' builtins do not.
        ((ScriptObject)TemplateContext.GetDefaultBuiltinObject()[owner]!).ContainsKey(name).ShouldBeTrue();
        ((ScriptObject)DeterministicBuiltins.Instance[owner]!).ContainsKey(name).ShouldBeFalse();
    }

    [Theory]
    [InlineData("{{ date.utc_now.year }}")]
    [InlineData("{{ math.random 1 1000000 }}")]
    [InlineData("{{ date.parse '10:00' | date.to_string '%F' }}")]
    public void RenderTemplate_AskingForTimeOrChance_FailsInsteadOfVaryingTheReport(string text) =>
        Should.Throw<TemplateException>(() => Render(text));

    [Theory]
    [InlineData("{{ date.now }}")]
    [InlineData("{{ math.uuid }}")]
    public void RenderTemplate_NamingAMissingSourceOfTimeOrChance_FailsNamingIt(string text) =>
        // A member the object has not is an error, as a misspelt one is: the same for every rendering.
        Should.Throw<TemplateException>(() => Render(text)).Message.ShouldContain("Cannot get member with name " + text[(text.IndexOf('.') + 1)..^3]);

    [Fact]
    public void RenderTemplate_ChangingTheDateFormat_IsRefusedAndLeavesTheNextRenderingAlone()
    {
        Should.Throw<TemplateException>(() => Render("{{ date.format = '%Y' }}"));

        Render("{{ date.format }}").ShouldBe("%d %b %Y");
    }

    [Theory]
    [InlineData("{{ 'istanbul' | string.capitalize }}", "Istanbul")]
    [InlineData("{{ 'ilk iş' | string.capitalizewords }}", "Ilk Iş")]
    [InlineData("{{ 'iki' | string.upcase }}", "IKI")]
    [InlineData("{{ 'I' | string.downcase }}", "i")]
    [InlineData("{{ 1.5 }}|{{ 1234.5 | math.format 'N1' }}", "1.5|1,234.5")]
    [InlineData("{{ '1.5' | string.to_double }}", "1.5")]
    public void RenderTemplate_UnderTurkishOrVietnameseCulture_WritesAsUnderTheInvariantCulture(string text, string expected)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "tr-TR", "vi-VN", "en-US" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

                Render(text).ShouldBe(expected, culture);
                CultureInfo.CurrentCulture.Name.ShouldBe(culture, "the renderer restores the caller's culture");
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void TemplateText_FromBytesWithAByteOrderMark_DropsTheMark() =>
        TemplateText.FromUtf8([0xEF, 0xBB, 0xBF, .. "Năm"u8], "t.scriban").Text.ShouldBe("Năm");

    private static string Render(string text) =>
        new NarrativeRenderer(SteppingClock.Stopped).RenderTemplate("t", new { }, new Dictionary<string, TemplateText> { ["t"] = new(text, "t.scriban") });
}
