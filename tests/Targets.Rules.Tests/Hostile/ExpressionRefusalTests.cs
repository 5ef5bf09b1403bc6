using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Periods;
using Targets.Rules.Engine;
using Targets.Rules.RuleSets;

namespace Targets.Rules.Tests.Hostile;

/// <summary>
/// Rule expressions that reach for what a rule must not have (reflection, files, the environment, processes, unbounded
/// allocation) are refused when the rule set compiles, with an error naming the plugin, the file and the rule; nothing of
/// them ever runs.
/// </summary>
public sealed class ExpressionRefusalTests
{
    private const string RuleId = "test.hostile.evil";
    private const string Origin = "evil.rules.cs";

    [Fact]
    public void Compile_ReflectionOnTheMeasurement_IsRefused() =>
        Refused("m.GetType().Assembly != null").ShouldContain("it reads Type.Assembly");

    [Fact]
    public void Compile_GetTypeOnAValue_IsRefused() =>
        Refused("m.Value.GetType() != null").ShouldContain("it calls Object.GetType");

    [Fact]
    public void Compile_TypeGetMethod_IsRefused() =>
        Refused("m.GetType().GetMethod(\"get_Value\") != null").ShouldContain("GetMethod");

    [Fact]
    public void Compile_Typeof_IsRefused() =>
        Refused("typeof(string) != null").ShouldContain("does not compile");

    [Fact]
    public void Compile_TypeGetType_IsRefused() =>
        Refused("Type.GetType(\"System.IO.File\") != null").ShouldContain("Type 'Type' not found");

    [Fact]
    public void Compile_FileExists_IsRefused() =>
        Refused("System.IO.File.Exists(\"x\")").ShouldContain("Type 'System.IO.File' not found");

    [Fact]
    public void Compile_EnvironmentVariable_IsRefused() =>
        Refused("Environment.GetEnvironmentVariable(\"PATH\") != null").ShouldContain("Type 'Environment' not found");

    [Fact]
    public void Compile_ProcessStart_IsRefused() =>
        Refused("System.Diagnostics.Process.Start(\"sh\") != null").ShouldContain("Type 'System.Diagnostics.Process' not found");

    [Fact]
    public void Compile_AppDomain_IsRefused() =>
        Refused("AppDomain.CurrentDomain != null").ShouldContain("Type 'AppDomain' not found");

    [Fact]
    public void Compile_ActivatorCreateInstance_IsRefused() =>
        Refused("Activator.CreateInstance(\"x\") != null").ShouldContain("does not compile");

    [Fact]
    public void Compile_StringPadLeftAllocatingAGigabyte_IsRefused() =>
        Refused("\"a\".PadLeft(1000000000) != null").ShouldContain("it calls String.PadLeft");

    [Fact]
    public void Compile_NewString_IsRefused() =>
        Refused("new string('a', 1000000000) != null").ShouldContain("does not compile");

    [Fact]
    public void Compile_StringConcatenation_IsRefused() =>
        Refused("\"a\" + \"b\" == \"ab\"").ShouldContain("it calls String.Concat");

    [Fact]
    public void Compile_EnumerableRange_IsRefused() =>
        Refused("Enumerable.Range(0, 1000000000).Count() > 0").ShouldContain("not allowed");

    [Fact]
    public void Compile_ToStringOnTheMeasurement_IsRefused() =>
        Refused("m.ToString().Length > 0").ShouldContain("not allowed");

    [Fact]
    public void Compile_ClockRead_IsRefused() =>
        Refused("DateTime.Now.Year > 2000").ShouldContain("it reads DateTime");

    [Fact]
    public void Compile_LongChainOfOperations_IsRefusedBeforeTheCompilerOverflowsTheStack()
    {
        // Chained additions compile to a tree as deep as the chain; 10,000 of them used to overflow the stack and end the
        // process. 120 fit within the length bound and still exceed the depth bound.
        var expression = string.Join("+", Enumerable.Repeat("m.Value", 120)) + ">0";

        Refused(expression).ShouldContain("it nests operations more than 100 deep");
    }

    [Fact]
    public void Compile_ExpressionLongerThanTheBound_IsRefusedBeforeParsing() =>
        Refused(string.Join(" + ", Enumerable.Repeat("m.Value", 10_000)) + " > 0").ShouldContain("a rule has at most 1000");

    [Fact]
    public void Compile_LongChainOfNegations_IsRefusedBeforeTheCompilerOverflowsTheStack() =>
        Refused(new string('!', 300) + "(m.Value > 0)").ShouldContain("it nests operations more than 100 deep");

    [Fact]
    public void Compile_ArithmeticComparisonsAndMath_AreAllowed()
    {
        // The allow-list is not a block-list of everything: what the authoring guide promises still compiles and runs.
        var rules = Compile("m.Value >= 2 && m.Value <= 10 && Math.Abs(m.Change) <= 100 && (m.HasBaseline ? m.RelativeChange < 50 : true) && m.Year >= 2021");

        var assessment = rules.Evaluate(new Core.Data.Dataset
        {
            Locality = HostilePlan.Locality.Code,
            Figures = [new(new("areas.hotspots.transformed"), ReportingPeriod.Year(2023), 5)],
        });

        assessment.Results.ShouldHaveSingleItem().Status.ShouldBe(AssessmentStatus.Met);
    }

    [Fact]
    public void CheckText_DeepBrackets_AreRefusedBeforeParsing()
    {
        // The parser overflows the stack at about 2,000 nested brackets. RuleSetReader applies this check to every JSON rule,
        // and the engine again before it parses, which covers rule sets built in C#.
        ExpressionAllowList.CheckText(new string('(', 65) + "m.Value" + new string(')', 65) + " > 0").ShouldBe("its brackets nest more than 64 deep");
        ExpressionAllowList.CheckText(new string('(', 64) + "m.Value" + new string(')', 64) + " > 0").ShouldBeNull();
        ExpressionAllowList.CheckText("m.Value > 0 && \"((((\" != \"x\"").ShouldBeNull();
        ExpressionAllowList.CheckText(new string(' ', 1001)).ShouldBe("it is 1001 characters long; a rule has at most 1000");
    }

    /// <summary>Compiles one expression rule and returns the refusal's message, checking it names the rule, plugin and file.</summary>
    private static string Refused(string expression)
    {
        var error = Should.Throw<RuleSetException>(() => Compile(expression));

        error.RuleId.ShouldBe(RuleId);
        error.Message.ShouldContain($"rule '{RuleId}'");
        error.Message.ShouldContain($"plugin '{HostilePlan.Locality.Code}'");
        error.Message.ShouldStartWith(Origin);
        return error.Message;
    }

    private static ICompiledRuleSet Compile(string expression)
    {
        var set = RuleSetBuilder.For(HostilePlan.Document)
            .Target(RuleId, "1", "w", t => t.Indicator("areas.hotspots.transformed").Expression(expression, "một quy tắc của tỉnh").InYear(2023))
            .Build(Origin);
        return new NRulesRuleEngine().Compile(HostilePlan.Locality, [set]);
    }
}
