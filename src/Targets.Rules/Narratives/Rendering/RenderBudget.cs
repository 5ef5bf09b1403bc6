using System.Globalization;
using Scriban.Syntax;

namespace Targets.Rules.Narratives.Rendering;

/// <summary>
/// The work one report may take, shared by every template it renders: a count of evaluation steps and a deadline on an
/// injected clock. A report is one budget, so forty slow templates stop where one would, not forty times later.
/// </summary>
/// <remarks>Not thread-safe: one rendering, on one thread, spends it.</remarks>
internal sealed class RenderBudget
{
    /// <summary>
    /// The clock is read once every this many steps: a report takes tens of thousands of steps, and reading the clock on
    /// each one cost more than the step. The deadline is still kept within a few microseconds' work.
    /// </summary>
    private const int StepsPerClockReading = 64;

    private readonly TimeProvider _clock;
    private readonly long _deadline;
    private readonly long _limit;
    private long _steps;

    /// <summary>Starts a budget now.</summary>
    /// <param name="limits">The steps and time allowed.</param>
    /// <param name="clock">The clock the deadline is read from.</param>
    public RenderBudget(RenderLimits limits, TimeProvider clock)
    {
        Limits = limits;
        _limit = limits.Steps;
        _clock = clock;
        _deadline = clock.GetTimestamp() + (long)(limits.Time.TotalSeconds * clock.TimestampFrequency);
    }

    /// <summary>The limits this budget enforces.</summary>
    public RenderLimits Limits { get; }

    /// <summary>The steps taken so far.</summary>
    public long Steps => _steps;

    /// <summary>
    /// Gives back the steps taken since <paramref name="steps"/> were: a rendering abandoned to be done again from its start
    /// (<see cref="Direct.DirectTemplate"/>), so that the second rendering spends the budget as the first would have alone.
    /// </summary>
    public void RewindTo(long steps) => _steps = Math.Min(_steps, steps);

    /// <summary>Takes one evaluation step, or fails at <paramref name="node"/> when the budget is spent.</summary>
    /// <exception cref="ScriptRuntimeException">The steps or the time are used up.</exception>
    public void Spend(ScriptNode? node)
    {
        if (++_steps > _limit)
        {
            throw new ScriptRuntimeException(node?.Span ?? default, $"the report exceeds {Limits.Steps.ToString(CultureInfo.InvariantCulture)} evaluation steps");
        }

        if (_steps % StepsPerClockReading == 0 && _clock.GetTimestamp() > _deadline)
        {
            throw new ScriptRuntimeException(node?.Span ?? default, $"the report takes longer than {Limits.Time.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s to render");
        }
    }
}

/// <summary>The work one report may take.</summary>
/// <param name="Steps">
/// Evaluation steps. Loops and recursion have their own limits, but a few functions that each call the one before twice
/// make 2^30 calls without breaking either; a whole report takes a few hundred thousand.
/// </param>
/// <param name="Time">Time on the renderer's clock: the last guard, for work no count catches (a string rebuilt in a loop).</param>
internal sealed record RenderLimits(long Steps, TimeSpan Time)
{
    /// <summary>The limits of every report.</summary>
    public static RenderLimits Default { get; } = new(2_000_000, TimeSpan.FromSeconds(5));
}
