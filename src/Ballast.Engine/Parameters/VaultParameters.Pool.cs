using Ballast.Engine.Pool;

namespace Ballast.Engine.Parameters;

/// <summary>
/// Liquidity-pool governance parameters (issue 5: "thresholds and timeouts are governance parameters"): queue delays,
/// guardian delay, withdrawal fee and the circuit breakers' thresholds and timeouts. Defaults and bounds are Lyra v1's
/// (<see cref="PoolParameters"/>). <c>OpenPool</c>'s <see cref="PoolParameters"/> seeds them when the pool opens
/// (applying <c>PoolOpened</c>); from then on only <c>SetParameter</c>'s time-locked changes move them, and the pool reads
/// the values in force at the decision time (<see cref="GovernPool"/>).
/// </summary>
public sealed partial record VaultParameters
{
    /// <summary>Seconds a queued LP deposit waits (Lyra depositDelay). Default 1 week.</summary>
    public double PoolDepositDelay { get; init; } = PoolParameters.Default.DepositDelay;
    /// <summary>Seconds a queued LP withdrawal waits (Lyra withdrawalDelay). Default 1 week.</summary>
    public double PoolWithdrawalDelay { get; init; } = PoolParameters.Default.WithdrawalDelay;
    /// <summary>Fraction of a withdrawal's value kept by the pool while boards are live (ratio, Lyra withdrawalFee). Default 0.01.</summary>
    public double PoolWithdrawalFee { get; init; } = (double)PoolParameters.Default.WithdrawalFee;
    /// <summary>Seconds after a request when the guardian may force it through (Lyra guardianDelay). Default 2 weeks.</summary>
    public double PoolGuardianDelay { get; init; } = PoolParameters.Default.GuardianDelay;
    /// <summary>Liquidity breaker threshold on free liquidity / NAV (ratio, Lyra liquidityCBThreshold). Default 0.01.</summary>
    public double PoolLiquidityBreakerThreshold { get; init; } = (double)PoolParameters.Default.LiquidityCircuitBreakerThreshold;
    /// <summary>Seconds the liquidity breaker stays active (Lyra liquidityCBTimeout). Default 3 days.</summary>
    public double PoolLiquidityBreakerTimeout { get; init; } = PoolParameters.Default.LiquidityCircuitBreakerTimeout;
    /// <summary>IV-variance breaker threshold (annualised vol, Lyra ivVarianceCBThreshold). Default 0.1.</summary>
    public double PoolIvVarianceBreakerThreshold { get; init; } = PoolParameters.Default.IvVarianceCircuitBreakerThreshold;
    /// <summary>Seconds the IV-variance breaker stays active (Lyra ivVarianceCBTimeout). Default 12 h.</summary>
    public double PoolIvVarianceBreakerTimeout { get; init; } = PoolParameters.Default.IvVarianceCircuitBreakerTimeout;
    /// <summary>Skew-variance breaker threshold (Lyra skewVarianceCBThreshold). Default 0.35.</summary>
    public double PoolSkewVarianceBreakerThreshold { get; init; } = PoolParameters.Default.SkewVarianceCircuitBreakerThreshold;
    /// <summary>Seconds the skew-variance breaker stays active (Lyra skewVarianceCBTimeout). Default 12 h.</summary>
    public double PoolSkewVarianceBreakerTimeout { get; init; } = PoolParameters.Default.SkewVarianceCircuitBreakerTimeout;
    /// <summary>Seconds the queues pause after a board settles (Lyra boardSettlementCBTimeout). Default 6 h.</summary>
    public double PoolBoardSettlementBreakerTimeout { get; init; } = PoolParameters.Default.BoardSettlementCircuitBreakerTimeout;

    /// <summary>Each governed pool value: its catalog name, how to read it from and write it to <see cref="PoolParameters"/>.</summary>
    private static readonly (string Name, Func<PoolParameters, double> From, Func<PoolParameters, double, PoolParameters> To)[] GovernedPool =
    [
        ("poolDepositDelay", q => q.DepositDelay, (q, v) => q with { DepositDelay = (long)v }),
        ("poolWithdrawalDelay", q => q.WithdrawalDelay, (q, v) => q with { WithdrawalDelay = (long)v }),
        ("poolWithdrawalFee", q => (double)q.WithdrawalFee, (q, v) => q with { WithdrawalFee = (decimal)v }),
        ("poolGuardianDelay", q => q.GuardianDelay, (q, v) => q with { GuardianDelay = (long)v }),
        ("poolLiquidityBreakerThreshold", q => (double)q.LiquidityCircuitBreakerThreshold, (q, v) => q with { LiquidityCircuitBreakerThreshold = (decimal)v }),
        ("poolLiquidityBreakerTimeout", q => q.LiquidityCircuitBreakerTimeout, (q, v) => q with { LiquidityCircuitBreakerTimeout = (long)v }),
        ("poolIvVarianceBreakerThreshold", q => q.IvVarianceCircuitBreakerThreshold, (q, v) => q with { IvVarianceCircuitBreakerThreshold = v }),
        ("poolIvVarianceBreakerTimeout", q => q.IvVarianceCircuitBreakerTimeout, (q, v) => q with { IvVarianceCircuitBreakerTimeout = (long)v }),
        ("poolSkewVarianceBreakerThreshold", q => q.SkewVarianceCircuitBreakerThreshold, (q, v) => q with { SkewVarianceCircuitBreakerThreshold = v }),
        ("poolSkewVarianceBreakerTimeout", q => q.SkewVarianceCircuitBreakerTimeout, (q, v) => q with { SkewVarianceCircuitBreakerTimeout = (long)v }),
        ("poolBoardSettlementBreakerTimeout", q => q.BoardSettlementCircuitBreakerTimeout, (q, v) => q with { BoardSettlementCircuitBreakerTimeout = (long)v }),
    ];

    /// <summary>The pool parameters <paramref name="pool"/> with the governed values of this set (the rest, such as decimals and
    /// collateral scaling, stay as the pool was opened).</summary>
    /// <param name="pool">The pool's own parameters.</param>
    public PoolParameters GovernPool(PoolParameters pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        foreach (var (name, _, to) in GovernedPool)
        {
            TryGet(name, out double value);
            pool = to(pool, value);
        }

        return pool;
    }

    /// <summary>This set with the governed pool values taken from <paramref name="pool"/>, unchecked (applying a
    /// <c>PoolOpened</c> that was validated by <see cref="TrySeedPool"/> when it was decided).</summary>
    /// <param name="pool">The pool parameters of <c>OpenPool</c>.</param>
    public VaultParameters SeedPool(PoolParameters pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var p = this;
        foreach (var (name, from, _) in GovernedPool)
        {
            ParameterCatalog.TryGetEntry(name, out var entry);
            p = entry.Set(p, from(pool));
        }

        return p;
    }

    /// <summary>
    /// This set with the governed pool values taken from <paramref name="pool"/> (what <c>OpenPool</c> asked for), each
    /// checked against its catalog bounds; the first value out of bounds is the rejection.
    /// </summary>
    /// <param name="pool">The pool parameters of <c>OpenPool</c>.</param>
    /// <param name="seeded">The new set, or this instance when rejected.</param>
    public ParameterValidation TrySeedPool(PoolParameters pool, out VaultParameters seeded)
    {
        ArgumentNullException.ThrowIfNull(pool);
        seeded = this;
        var p = this;
        foreach (var (name, from, _) in GovernedPool)
        {
            var result = p.TryWith(name, from(pool), out p);
            if (!result.IsValid) return result;
        }

        seeded = p;
        return ParameterValidation.Valid;
    }
}
