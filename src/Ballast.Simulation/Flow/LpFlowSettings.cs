namespace Ballast.Simulation.Flow;

/// <summary>
/// The liquidity pool of a simulated launch (issue 8 with issue 5's pool): the initial capital enters as instant deposits
/// split between a senior tranche (priority, capped return) and a junior one (first loss, residual); later LPs queue
/// deposits (<see cref="OrderFlowSettings.DepositsPerYear"/>, <see cref="OrderFlowSettings.DepositSizeFraction"/>) and
/// withdrawals into random tranches, and a keeper fires circuit breakers and processes the queues every step.
/// </summary>
public sealed record LpFlowSettings
{
    /// <summary>Share of the initial capital deposited into the senior tranche (ratio; the rest goes junior).</summary>
    public decimal SeniorShare { get; init; } = 0.5m;
    /// <summary>Senior tranche's target (simple annual) return, ratio per year.</summary>
    public decimal SeniorTargetApr { get; init; } = 0.05m;
    /// <summary>Hours a queued deposit or withdrawal waits before the keeper may process it (Lyra's default is a week).</summary>
    public double QueueDelayHours { get; init; } = 24;
    /// <summary>Withdrawal requests per year (Poisson), each by a random flow LP from a random tranche it holds.</summary>
    public double WithdrawalsPerYear { get; init; } = 12;
    /// <summary>Share of its holding in the tranche an LP asks to withdraw (ratio, (0, 1]).</summary>
    public double WithdrawalFraction { get; init; } = 0.5;
    /// <summary>The keeper fires circuit breakers this often, hours (and processes queues every step something is queued).</summary>
    public double KeeperEveryHours { get; init; } = 4;
    /// <summary>Probability that a flow deposit goes to the senior tranche (else junior).</summary>
    public double SeniorDepositProbability { get; init; } = 0.5;

    /// <summary>Null when valid, else what is wrong.</summary>
    public string? Problem() =>
        SeniorShare is < 0m or > 1m ? $"senior share must be in [0, 1], got {SeniorShare}"
        : SeniorTargetApr is < 0m or > 10m ? $"senior target APR must be in [0, 10], got {SeniorTargetApr}"
        : !double.IsFinite(QueueDelayHours) || QueueDelayHours < 0 || QueueDelayHours >= 365 * 24 ? $"LP queue delay must be in [0, 8760) hours, got {QueueDelayHours}"
        : !double.IsFinite(WithdrawalsPerYear) || WithdrawalsPerYear < 0 ? $"LP withdrawals per year must be finite and >= 0, got {WithdrawalsPerYear}"
        : !(WithdrawalFraction is > 0 and <= 1) ? $"LP withdrawal fraction must be in (0, 1], got {WithdrawalFraction}"
        : !double.IsFinite(KeeperEveryHours) || KeeperEveryHours <= 0 ? $"keeper interval must be > 0 hours, got {KeeperEveryHours}"
        : !(SeniorDepositProbability is >= 0 and <= 1) ? $"senior deposit probability must be in [0, 1], got {SeniorDepositProbability}"
        : null;
}
