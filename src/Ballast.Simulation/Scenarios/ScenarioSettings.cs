using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Simulation.Flow;

namespace Ballast.Simulation.Scenarios;

/// <summary>
/// Everything one simulated vault launch needs: market, schedule, vault parameters, listing policy, order flow and
/// Monte-Carlo size. Immutable; presets in <see cref="ScenarioPresets"/>.
/// </summary>
public sealed record ScenarioSettings
{
    /// <summary>Scenario name (reports).</summary>
    public string Name { get; init; } = "default";
    /// <summary>Market path source.</summary>
    public required IScenarioMarket Market { get; init; }
    /// <summary>Engine market definition (underlying, quote asset, linear/inverse).</summary>
    public MarketDefinition MarketDefinition { get; init; } = new("ETH", "USDC", SettlementStyle.Linear);
    /// <summary>Number of steps after the start.</summary>
    public int Steps { get; init; } = 24 * 90;
    /// <summary>Step length, hours (the simulated clock advances by this).</summary>
    public double StepHours { get; init; } = 1;
    /// <summary>Start of the simulated clock, Unix seconds (default 2026-01-02 08:00 UTC).</summary>
    public long StartTime { get; init; } = 1_767_340_800;
    /// <summary>Monte-Carlo paths.</summary>
    public int Paths { get; init; } = 16;
    /// <summary>Run seed; path i draws from streams derived from (seed, i) only.</summary>
    public ulong Seed { get; init; } = 1;
    /// <summary>Vault governance parameters (engine defaults unless overridden).</summary>
    public VaultParameters Parameters { get; init; } = VaultParameters.Default;
    /// <summary>LP capital deposited at the start, quote units.</summary>
    public decimal InitialCapital { get; init; } = 10_000_000m;
    /// <summary>Tenor of each listed board, hours.</summary>
    public double BoardTenorHours { get; init; } = 28 * 24;
    /// <summary>A new board is listed this often, hours.</summary>
    public double ListEveryHours { get; init; } = 7 * 24;
    /// <summary>Strikes listed on each board as multiples of spot at listing.</summary>
    public IReadOnlyList<double> Moneyness { get; init; } = [0.85, 0.925, 1.0, 1.075, 1.15];
    /// <summary>The vol oracle resets every board's base IV to the market vol this often, hours.</summary>
    public double VolUpdateEveryHours { get; init; } = 24;
    /// <summary>Order flow.</summary>
    public OrderFlowSettings Flow { get; init; } = new();

    /// <summary>The liquidity pool: tranches, LP deposits and withdrawals through the engine's queues, the keeper.</summary>
    public LpFlowSettings Lp { get; init; } = new();

    /// <summary>Margined option sellers and the keeper (off unless a preset turns it on).</summary>
    public MarginFlowSettings Margin { get; init; } = new();

    /// <summary>Step length in seconds of the simulated clock.</summary>
    public long StepSeconds => (long)Math.Round(StepHours * 3600.0);

    /// <summary>Step length in years (365-day year, as the engine).</summary>
    public double StepYears => StepSeconds / VaultParameters.SecondsPerYear;

    /// <summary>Converts hours to a whole number of steps (at least 1).</summary>
    public int StepsFor(double hours) => Math.Max(1, (int)Math.Round(hours / StepHours));

    /// <summary>Checks the whole scenario; <paramref name="message"/> says what is wrong.</summary>
    public ScenarioError Validate(out string message)
    {
        message = "";
        if (Market.Validate(out string marketMessage) != Markets.MarketModelError.None) { message = marketMessage; return ScenarioError.InvalidMarket; }
        if (Steps < 1 || Steps > 10_000_000) { message = $"steps must be in [1, 10000000], got {Steps}"; return ScenarioError.InvalidSchedule; }
        if (!double.IsFinite(StepHours) || StepHours <= 0 || StepHours > 24 * 7 || StepSeconds < 1) { message = $"step must be in (0, 168] hours, got {StepHours}"; return ScenarioError.InvalidSchedule; }
        if (Market is ReplayMarket replay && Steps > replay.Spots.Length - 1) { message = $"steps {Steps} exceed the replay's {replay.Spots.Length - 1}"; return ScenarioError.InvalidSchedule; }
        if (Paths < 1 || Paths > 1_000_000) { message = $"paths must be in [1, 1000000], got {Paths}"; return ScenarioError.InvalidSchedule; }
        if (!(BoardTenorHours >= StepHours) || !(ListEveryHours >= StepHours) || !(VolUpdateEveryHours >= StepHours))
        { message = "board tenor, listing interval and vol update interval must each be at least one step"; return ScenarioError.InvalidSchedule; }
        if (Moneyness.Count == 0 || Moneyness.Any(m => !double.IsFinite(m) || m <= 0)) { message = "moneyness list must be non-empty and positive"; return ScenarioError.InvalidSchedule; }
        if (InitialCapital <= 0 || InitialCapital > 1_000_000_000_000m) { message = $"initial capital must be in (0, 1e12], got {InitialCapital}"; return ScenarioError.InvalidSchedule; }
        if (Parameters.Validate() is { IsValid: false } bad) { message = bad.Message ?? "invalid vault parameters"; return ScenarioError.InvalidVaultParameters; }
        if (Lp.Problem() is { } lpProblem) { message = lpProblem; return ScenarioError.InvalidFlow; }
        if (Margin.Problem() is { } marginProblem) { message = marginProblem; return ScenarioError.InvalidFlow; }
        if (Margin.Traders > 0 && MarketDefinition.Settlement != SettlementStyle.Linear) { message = "margin traders need a linear market"; return ScenarioError.InvalidFlow; }
        foreach (string name in OrderFlowSettings.Names)
        {
            Flow.TryGet(name, out double v);
            if (!double.IsFinite(v) || v < 0) { message = $"flow parameter {name} must be finite and >= 0, got {v}"; return ScenarioError.InvalidFlow; }
        }

        return ScenarioError.None;
    }
}
