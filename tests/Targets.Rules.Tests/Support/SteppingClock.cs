namespace Targets.Rules.Tests.Support;

/// <summary>
/// A clock that moves only when read, by a fixed step: a limit on time is then reached after a known number of readings,
/// whatever the machine's speed or load. A step of zero is a stopped clock.
/// </summary>
internal sealed class SteppingClock(TimeSpan step) : TimeProvider
{
    private long _now;

    public static SteppingClock Stopped => new(TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _now += step.Ticks;
}
