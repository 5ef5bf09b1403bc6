using Microsoft.Extensions.DependencyInjection;
using NRules.Fluent.Dsl;
using Targets.Core.Evaluation;
using Targets.Plugins.CanTho;
using Targets.Rules.DependencyInjection;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;

using var services = new ServiceCollection()
    .AddTargets(targets => targets
        .AddCanTho()                                               // the Cần Thơ plugin (package Targets.Plugins.CanTho)
        .AddRules("can-tho", typeof(ReviewEveryTargetNotMet)))     // your own NRules.Fluent rule, beside the plugin's
    .BuildServiceProvider();

var registry = services.GetRequiredService<LocalityRegistry>();
var plugin = registry.Get("can-tho");
var rules = registry.Compile("can-tho");                           // compiled once, cached, thread-safe
var figures = plugin.LoadSample();                                 // the bundled, illustrative figures; your own:
                                                                   // Targets.Rules.Serialization.DatasetReader.ReadFile(path)
var assessment = rules.Evaluate(figures);                          // one NRules session

var text = services.GetRequiredService<NarrativeRenderer>()
    .Render(assessment, rules, plugin.LoadTemplates(), NarrativeFormat.Text);
Console.WriteLine(text);
Console.WriteLine($"Chỉ tiêu cần xem xét nguyên nhân: {assessment.Findings.Count(f => f.Kind == "review")}");

/// <summary>A rule of your own, over the same facts as the plugin's: every target not met is to be reviewed.</summary>
public sealed class ReviewEveryTargetNotMet : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        Verdict verdict = null!;
        When().Match(() => verdict, v => v.Status == AssessmentStatus.NotMet);
        Then().Do(context => context.Insert(Review(verdict)));
    }

    private static Finding Review(Verdict verdict) =>
        new(verdict.Target, verdict.Period, "review", "Xem xét nguyên nhân chưa đạt", []);
}
