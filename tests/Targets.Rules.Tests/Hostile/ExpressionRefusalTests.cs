using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Periods;
using Targets.Rules.Engine;
using Targets.Rules.RuleSets;

namespace Targets.Rules.Tests.Hostile;

/// <summary>
/// Rule expressions that reach for what a rule must not have (reflection, files, the environment, processes, unbounded
/// allocation) are refused when the rule set compiles, with an error naming the plugin, the file and the rule; nothing of
/// them ever runs. Every case is checked on both execution paths.
/// </summary>
public sealed class ExpressionRefusalTests
{
    private const string RuleId = "test.hostile.evil";
    private const string Origin = "evil.rules.cs";

    public static TheoryData<RuleExecution> Executions => [RuleExecution.CompiledDelegates, RuleExecution.Workflow];

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_ReflectionOnTheMeasurement_IsRefused(RuleExecution execution) =>
        Refused("m.GetType().Assembly != null", execution).ShouldContain("it reads Type.Assembly");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_GetTypeOnAValue_IsRefused(RuleExecution execution) =>
        Refused("m.Value.GetType() != null", execution).ShouldContain("it calls Object.GetType");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_TypeGetMethod_IsRefused(RuleExecution execution) =>
        Refused("m.GetType().GetMethod(\"get_Value\") != null", execution).ShouldContain("GetMethod");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_Typeof_IsRefused(RuleExecution execution) =>
        Refused("typeof(string) != null", execution).ShouldContain("does not compile");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_TypeGetType_IsRefused(RuleExecution execution) =>
        Refused("Type.GetType(\"System.IO.File\") != null", execution).ShouldContain("Type 'Type' not found");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_FileExists_IsRefused(RuleExecution execution) =>
        Refused("System.IO.File.Exists(\"x\")", execution).ShouldContain("Type 'System.IO.File' not found");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_EnvironmentVariable_IsRefused(RuleExecution execution) =>
        Refused("Environment.GetEnvironmentVariable(\"PATH\") != null", execution).ShouldContain("Type 'Environment' not found");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_ProcessStart_IsRefused(RuleExecution execution) =>
        Refused("System.Diagnostics.Process.Start(\"sh\") != null", execution).ShouldContain("Type 'System.Diagnostics.Process' not found");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_AppDomain_IsRefused(RuleExecution execution) =>
        Refused("AppDomain.CurrentDomain != null", execution).ShouldContain("Type 'AppDomain' not found");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_ActivatorCreateInstance_IsRefused(RuleExecution execution) =>
        Refused("Activator.CreateInstance(\"x\") != null", execution).ShouldContain("does not compile");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_StringPadLeftAllocatingAGigabyte_IsRefused(RuleExecution execution) =>
        Refused("\"a\".PadLeft(1000000000) != null", execution).ShouldContain("it calls String.PadLeft");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_NewString_IsRefused(RuleExecution execution) =>
        Refused("new string('a', 1000000000) != null", execution).ShouldContain("does not compile");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_StringConcatenation_IsRefused(RuleExecution execution) =>
        Refused("\"a\" + \"b\" == \"ab\"", execution).ShouldContain("it calls String.Concat");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_EnumerableRange_IsRefused(RuleExecution execution) =>
        Refused("Enumerable.Range(0, 1000000000).Count() > 0", execution).ShouldContain("not allowed");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_ToStringOnTheMeasurement_IsRefused(RuleExecution execution) =>
        Refused("m.ToString().Length > 0", execution).ShouldContain("not allowed");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_ClockRead_IsRefused(RuleExecution execution) =>
        Refused("DateTime.Now.Year > 2000", execution).ShouldContain("it reads DateTime");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_LongChainOfOperations_IsRefusedBeforeTheCompilerOverflowsTheStack(RuleExecution execution)
    {
        // Chained additions compile to a tree as deep as the chain; 10,000 of them used to overflow the stack and end the
        // process. 120 fit within the length bound and still exceed the depth bound.
        var expression = string.Join("+", Enumerable.Repeat("m.Value", 120)) + ">0";

        Refused(expression, execution).ShouldContain("it nests operations more than 100 deep");
    }

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_ExpressionLongerThanTheBound_IsRefusedBeforeParsing(RuleExecution execution) =>
        Refused(string.Join(" + ", Enumerable.Repeat("m.Value", 10_000)) + " > 0", execution).ShouldContain("a rule has at most 1000");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_LongChainOfNegations_IsRefusedBeforeTheCompilerOverflowsTheStack(RuleExecution execution) =>
        Refused(new string('!', 300) + "(m.Value > 0)", execution).ShouldContain("it nests operations more than 100 deep");

    [Theory]
    [MemberData(nameof(Executions))]
    public void Compile_ArithmeticComparisonsAndMath_AreAllowed(RuleExecution execution)
    {
        // The allow-list is not a block-list of everything: what the authoring guide promises still compiles and runs.
        var rules = Compile("m.Value >= 2 && m.Value <= 10 && Math.Abs(m.Change) <= 100 && (m.HasBaseline ? m.RelativeChange < 50 : true) && m.Year >= 2021", execution);

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
        // The parser overflows the stack at about 2,000 nested brackets. RuleSetReader applies this check to every JSON rule;
        // RulesEngineRuleEngine should apply it too before it parses (see the report of issue 4), which covers C# rule sets.
        ExpressionAllowList.CheckText(new string('(', 65) + "m.Value" + new string(')', 65) + " > 0").ShouldBe("its brackets nest more than 64 deep");
        ExpressionAllowList.CheckText(new string('(', 64) + "m.Value" + new string(')', 64) + " > 0").ShouldBeNull();
        ExpressionAllowList.CheckText("m.Value > 0 && \"((((\" != \"x\"").ShouldBeNull();
        ExpressionAllowList.CheckText(new string(' ', 1001)).ShouldBe("it is 1001 characters long; a rule has at most 1000");
    }

    /// <summary>Compiles one expression rule and returns the refusal's message, checking it names the rule, plugin and file.</summary>
    private static string Refused(string expression, RuleExecution execution)
    {
        var error = TimeGuard.Within(() => Should.Throw<RuleSetException>(() => Compile(expression, execution)));

        error.RuleId.ShouldBe(RuleId);
        error.Message.ShouldContain($"rule '{RuleId}'");
        error.Message.ShouldContain($"plugin '{HostilePlan.Locality.Code}'");
        error.Message.ShouldStartWith(Origin);
        return error.Message;
    }

    private static ICompiledRuleSet Compile(string expression, RuleExecution execution)
    {
        var set = RuleSetBuilder.For(HostilePlan.Document)
            .Target(RuleId, "1", "w", t => t.Indicator("areas.hotspots.transformed").Expression(expression, "một quy tắc của tỉnh").InYear(2023))
            .Build(Origin);
        return new RulesEngineRuleEngine(execution).Compile(HostilePlan.Locality, [set]);
    }
}
