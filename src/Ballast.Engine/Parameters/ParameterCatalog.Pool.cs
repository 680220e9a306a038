namespace Ballast.Engine.Parameters;

/// <summary>
/// Catalog entries of the liquidity pool's governed parameters (issue 5). Bounds are Lyra v1's
/// (<c>LiquidityPool.setLiquidityPoolParameters</c>/<c>setCircuitBreakerParameters</c>: delays &lt; 365 days, fee &lt; 0.2,
/// liquidity threshold &lt; 1, breaker timeouts &lt; 60 days, settlement timeout &lt; 10 days), made inclusive one unit
/// inside (a second, or 0.0001 of a ratio); the variance thresholds have Ballast's bound [0, 10] as in <c>PoolParameters</c>.
/// </summary>
public static partial class ParameterCatalog
{
    private static void AddPoolEntries(List<Entry> list, VaultParameters defaults)
    {
        void Add(string name, double min, double max, string unit, string description,
            Func<VaultParameters, double> get, Func<VaultParameters, double, VaultParameters> set, bool isInteger = false)
            => list.Add(new Entry(new ParameterSpec(name, min, max, get(defaults), unit, description) { IsInteger = isInteger }, get, set));

        const double LastSecondOfYear = 365 * Day - 1;
        Add("poolDepositDelay", 0, LastSecondOfYear, "seconds", "Queued LP deposits wait this long. Lyra default 1 week; Lyra bound < 365 days.",
            p => p.PoolDepositDelay, (p, v) => p with { PoolDepositDelay = v }, isInteger: true);
        Add("poolWithdrawalDelay", 0, LastSecondOfYear, "seconds", "Queued LP withdrawals wait this long. Lyra default 1 week; Lyra bound < 365 days.",
            p => p.PoolWithdrawalDelay, (p, v) => p with { PoolWithdrawalDelay = v }, isInteger: true);
        Add("poolWithdrawalFee", 0, 0.1999, "ratio", "Share of a withdrawal kept by the pool while boards are live. Lyra default 0.01; Lyra bound < 0.2.",
            p => p.PoolWithdrawalFee, (p, v) => p with { PoolWithdrawalFee = v });
        Add("poolGuardianDelay", 0, LastSecondOfYear, "seconds", "After this the guardian may force a request through breakers. Lyra default 2 weeks; Lyra bound < 365 days.",
            p => p.PoolGuardianDelay, (p, v) => p with { PoolGuardianDelay = v }, isInteger: true);
        Add("poolLiquidityBreakerThreshold", 0, 0.9999, "ratio of NAV", "Liquidity breaker fires below this free liquidity / NAV. Lyra default 0.01; Lyra bound < 1.",
            p => p.PoolLiquidityBreakerThreshold, (p, v) => p with { PoolLiquidityBreakerThreshold = v });
        Add("poolLiquidityBreakerTimeout", 0, 60 * Day - 1, "seconds", "Liquidity breaker timeout. Lyra default 3 days; Lyra bound < 60 days.",
            p => p.PoolLiquidityBreakerTimeout, (p, v) => p with { PoolLiquidityBreakerTimeout = v }, isInteger: true);
        Add("poolIvVarianceBreakerThreshold", 0, 10, "vol (annualised)", "IV-variance breaker fires above this |GWAV IV − IV|. Lyra default 0.1; Ballast bound [0, 10].",
            p => p.PoolIvVarianceBreakerThreshold, (p, v) => p with { PoolIvVarianceBreakerThreshold = v });
        Add("poolIvVarianceBreakerTimeout", 0, 60 * Day - 1, "seconds", "IV-variance breaker timeout. Lyra default 12 h; Lyra bound < 60 days.",
            p => p.PoolIvVarianceBreakerTimeout, (p, v) => p with { PoolIvVarianceBreakerTimeout = v }, isInteger: true);
        Add("poolSkewVarianceBreakerThreshold", 0, 10, "skew", "Skew-variance breaker fires above this |GWAV skew − skew|. Lyra default 0.35; Ballast bound [0, 10].",
            p => p.PoolSkewVarianceBreakerThreshold, (p, v) => p with { PoolSkewVarianceBreakerThreshold = v });
        Add("poolSkewVarianceBreakerTimeout", 0, 60 * Day - 1, "seconds", "Skew-variance breaker timeout. Lyra default 12 h; Lyra bound < 60 days.",
            p => p.PoolSkewVarianceBreakerTimeout, (p, v) => p with { PoolSkewVarianceBreakerTimeout = v }, isInteger: true);
        Add("poolBoardSettlementBreakerTimeout", 0, 10 * Day - 1, "seconds", "Queues pause this long after a board settles. Lyra default 6 h; Lyra bound < 10 days.",
            p => p.PoolBoardSettlementBreakerTimeout, (p, v) => p with { PoolBoardSettlementBreakerTimeout = v }, isInteger: true);
    }
}
