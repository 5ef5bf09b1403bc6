using System.Collections;
using System.Reflection;
using Scriban;
using Scriban.Runtime;
using Targets.Rules.Narratives;
using Targets.Rules.Narratives.Rendering;
using Targets.Rules.Plugins;
using Targets.Rules.Reporting;
using Targets.Rules.Tests.Narratives.Writing;
using Targets.Tests.Shared;

namespace Targets.Rules.Tests.Narratives.Rendering;

/// <summary>
/// Templates read the report model through <see cref="ReportModelAccessor"/> instead of Scriban's reflection: it must show
/// them the very members Scriban shows, under the same names, with the same values, for every model type.
/// </summary>
public sealed class ReportModelAccessorTests
{
    private static readonly Type[] ModelTypes = [.. typeof(Report).Assembly.GetTypes().Where(ReportModelAccessor.Serves).OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>Up to a few instances of each model type, from every plugin's reports and the reports built for the output formats.</summary>
    private static readonly Lazy<Dictionary<Type, List<object>>> Instances = new(() =>
    {
        var found = ModelTypes.ToDictionary(t => t, _ => new List<object>());
        var reports = SampleReports.Localities.SelectMany(l => ReportCorpus.Of(l).Reports.Select(c => c.Report))
            .Concat([SampleReports.Hostile(), SampleReports.WithFiguresAsKept(), SampleReports.WithPendingDeliverable()]);
        foreach (var report in reports)
        {
            Collect(report, found);
        }

        return found;
    });

    [Fact]
    public void Serves_TheReportModel_EveryRecordOfItAndNothingElse()
    {
        ModelTypes.ShouldContain(typeof(Report));
        ModelTypes.ShouldContain(typeof(YearResult));
        ModelTypes.ShouldContain(typeof(FigureLine));
        ModelTypes.ShouldAllBe(t => t.Namespace == typeof(Report).Namespace && t.IsSealed && !t.IsValueType);
        ReportModelAccessor.Serves(typeof(string)).ShouldBeFalse();
        ReportModelAccessor.Serves(typeof(ScriptObject)).ShouldBeFalse();
        ReportModelAccessor.Serves(typeof(Targets.Core.Evaluation.AssessmentStatus)).ShouldBeFalse();
    }

    [Fact]
    public void Corpus_HasEveryModelType_SoThatEachIsComparedBelow() =>
        Instances.Value.Where(t => t.Value.Count == 0).Select(t => t.Key.Name).ShouldBeEmpty();

    public static TheoryData<string> ModelTypeNames() => [.. ModelTypes.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(ModelTypeNames))]
    public void TryGetValue_EveryMemberOfEveryInstance_IsWhatScribansAccessorReads(string typeName)
    {
        var context = Context();
        var scriban = ScribanContext();
        foreach (var instance in Instances.Value[ModelTypes.Single(t => t.Name == typeName)])
        {
            var ours = context.GetMemberAccessor(instance).ShouldBeOfType<ReportModelAccessor>();
            var theirs = scriban.GetMemberAccessor(instance);

            ours.GetMembers(context, default, instance).ShouldBe(theirs.GetMembers(scriban, default, instance));
            ours.GetMemberCount(context, default, instance).ShouldBe(theirs.GetMemberCount(scriban, default, instance));
            foreach (var member in theirs.GetMembers(scriban, default, instance))
            {
                ours.HasMember(context, default, instance, member).ShouldBeTrue();
                ours.TryGetValue(context, default, instance, member, out var value).ShouldBeTrue();
                theirs.TryGetValue(scriban, default, instance, member, out var expected).ShouldBeTrue();
                SameValue(value, expected).ShouldBeTrue($"{typeName}.{member}: {value} ({value?.GetType()}) against {expected} ({expected?.GetType()})");
            }
        }
    }

    [Fact]
    public void TryGetValue_AMemberTheTypeHasNot_IsNotFoundAsByScriban()
    {
        var result = Instances.Value[typeof(YearResult)][0];
        var context = Context();

        var accessor = context.GetMemberAccessor(result);

        accessor.TryGetValue(context, default, result, "no_such_member", out var value).ShouldBeFalse();
        value.ShouldBeNull();
        accessor.HasMember(context, default, result, "no_such_member").ShouldBeFalse();
        // Nor under the C# name: templates see snake_case only.
        accessor.TryGetValue(context, default, result, nameof(YearResult.ValueText), out _).ShouldBeFalse();
    }

    [Fact]
    public void TrySetValue_AnyMember_IsRefusedAsByScriban()
    {
        var result = Instances.Value[typeof(YearResult)][0];
        var context = Context();

        context.GetMemberAccessor(result).TrySetValue(context, default, result, "value_text", "x").ShouldBeFalse();
        ((YearResult)result).ValueText.ShouldNotBe("x");
    }

    [Fact]
    public void ImportModel_EveryReport_SetsTheGlobalsScribansImportSets()
    {
        var context = Context();
        foreach (var report in Instances.Value[typeof(Report)])
        {
            var ours = new ScriptObject();
            context.ImportModel(ours, report);
            var theirs = new ScriptObject();
            theirs.Import(report, renamer: StandardMemberRenamer.Default);

            ours.Keys.ShouldBe(theirs.Keys);
            foreach (var key in theirs.Keys)
            {
                SameValue(ours[key], theirs[key]).ShouldBeTrue(key);
                ours.CanWrite(key).ShouldBe(theirs.CanWrite(key));
            }
        }
    }

    [Fact]
    public void ImportModel_AnObjectOutsideTheModel_IsImportedByScriban()
    {
        var context = Context();
        var model = new { Name = "một", Count = 2m };

        var globals = new ScriptObject();
        context.ImportModel(globals, model);

        globals.Keys.ShouldBe(["name", "count"]);
        globals["count"].ShouldBe(2m);
    }

    /// <summary>A value read through the accessor is the one reflection reads: the same object, or an equal boxed value of the same type.</summary>
    // A string a member puts together when read (YearResult.Sentence) is a new one each time: equal text is the same value.
    private static bool SameValue(object? value, object? expected) =>
        ReferenceEquals(value, expected)
        || (value is string text && expected is string other && string.Equals(text, other, StringComparison.Ordinal))
        || (value is not null && expected is not null && value.GetType().IsValueType && value.GetType() == expected.GetType() && value.Equals(expected));

    /// <summary>A context as the renderer makes it.</summary>
    private static BoundedTemplateContext Context() =>
        new NarrativeRenderer().SessionFor(new Dictionary<string, TemplateText>()).Context;

    /// <summary>Scriban's own context, with the renderer's naming.</summary>
    private static TemplateContext ScribanContext() => new() { MemberRenamer = StandardMemberRenamer.Default };

    private static void Collect(object? value, Dictionary<Type, List<object>> found)
    {
        switch (value)
        {
            case null or string:
                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    Collect(item, found);
                }

                return;
        }

        if (!found.TryGetValue(value.GetType(), out var instances))
        {
            return;
        }

        if (instances.Count < 4)
        {
            instances.Add(value);
        }

        foreach (var property in Properties(value.GetType()))
        {
            Collect(property.GetValue(value), found);
        }
    }

    private static readonly Dictionary<Type, PropertyInfo[]> PropertiesOf = [];

    private static PropertyInfo[] Properties(Type type)
    {
        if (!PropertiesOf.TryGetValue(type, out var properties))
        {
            PropertiesOf[type] = properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        }

        return properties;
    }
}
