using Ballast.Simulation.Flow;

namespace Ballast.Simulation.Metrics;

/// <summary>Outcome of one simulated path; all money in quote units.</summary>
public sealed class PathResult
{
    /// <summary>Final PnL: NAV at the end − NAV at the start − LP deposits after the start + LP withdrawals paid.</summary>
    public double Pnl { get; set; }
    /// <summary>LP return: final NAV per unit − 1 (deposits buy units at the NAV per unit of the moment).</summary>
    public double LpReturn { get; set; }
    /// <summary>Annualised Sharpe ratio of per-step unit-price returns (0 when they have no dispersion).</summary>
    public double Sharpe { get; set; }
    /// <summary>Annualised Sortino ratio (downside deviation against 0).</summary>
    public double Sortino { get; set; }
    /// <summary>Largest peak-to-trough fall of the NAV per unit, as a fraction.</summary>
    public double MaxDrawdown { get; set; }
    /// <summary>True when NAV or quote capital went below zero at any step.</summary>
    public bool Insolvent { get; set; }
    /// <summary>Mean of 1 − free liquidity / holdings over steps.</summary>
    public double UtilisationMean { get; set; }
    /// <summary>Largest utilisation seen.</summary>
    public double UtilisationMax { get; set; }
    /// <summary>PnL by <see cref="PnlComponent"/>.</summary>
    public double[] Components { get; } = new double[Enum.GetValues<PnlComponent>().Length];
    /// <summary>Accepted trades by <see cref="TraderType"/>.</summary>
    public long[] Trades { get; } = new long[Enum.GetValues<TraderType>().Length];
    /// <summary>Options traded by <see cref="TraderType"/>.</summary>
    public double[] Volume { get; } = new double[Enum.GetValues<TraderType>().Length];
    /// <summary>Vault markout (quote) of all fills by <see cref="TraderType"/>: fill price against the model value after the markout horizon.</summary>
    public double[] Markout { get; } = new double[Enum.GetValues<TraderType>().Length];
    /// <summary>Rejections (quotes and commands) by engine <c>RejectionReason</c> value (index = enum value).</summary>
    public long[] Rejections { get; } = new long[64];
    /// <summary>LP deposits after the start that entered NAV (processed), quote.</summary>
    public double Deposits { get; set; }
    /// <summary>LP withdrawals paid out (after the pool's withdrawal fee), quote.</summary>
    public double Withdrawals { get; set; }
    /// <summary>Accepted queued LP deposit requests.</summary>
    public long LpDepositRequests { get; set; }
    /// <summary>Accepted queued LP withdrawal requests.</summary>
    public long LpWithdrawalRequests { get; set; }
    /// <summary>Return of each tranche's share price over the run (final / starting − 1), senior first.</summary>
    public double[] TrancheReturns { get; } = new double[2];
    /// <summary>Each tranche's share price at the end, quote per share, senior first.</summary>
    public double[] TrancheSharePrices { get; } = new double[2];
    /// <summary>Fraction of steps that ended with a pool circuit breaker active.</summary>
    public double BreakerTime { get; set; }
    /// <summary>LP deposits still queued at the end, quote.</summary>
    public double LpQueuedAtEnd { get; set; }
    /// <summary>Hedge trades placed.</summary>
    public int HedgeTrades { get; set; }
    /// <summary>Boards settled.</summary>
    public int BoardsSettled { get; set; }
    /// <summary>Vault net delta at the end (options + base holdings), base units.</summary>
    public double FinalNetDelta { get; set; }
    /// <summary>Vault net standard vega at the end.</summary>
    public double FinalNetStandardVega { get; set; }
    /// <summary>Σ |vault position| over live series at the end, options.</summary>
    public double FinalGrossInventory { get; set; }
    /// <summary>Engine state hash at the end (SHA-256, canonical).</summary>
    public string FinalStateHash { get; set; } = "";
    /// <summary>Accepted sells by margin-mode traders.</summary>
    public long MarginTrades { get; set; }
    /// <summary>Times the keeper found an account under maintenance margin.</summary>
    public long MarginCalls { get; set; }
    /// <summary>Accepted incremental liquidation steps.</summary>
    public long Liquidations { get; set; }
    /// <summary>Insolvent accounts closed (an InsolvencyCovered event each).</summary>
    public long Insolvencies { get; set; }
    /// <summary>Liquidation penalties charged, quote.</summary>
    public double LiquidationPenalties { get; set; }
    /// <summary>Insurance fund paid out for insolvent accounts, quote.</summary>
    public double InsuranceFundUsed { get; set; }
    /// <summary>Bad debt socialised to the LPs, quote.</summary>
    public double BadDebt { get; set; }
    /// <summary>Base collateral seized from insolvent accounts, base units.</summary>
    public double BaseSeized { get; set; }
    /// <summary>Insurance fund balance at the end, quote.</summary>
    public double InsuranceFundEnd { get; set; }
    /// <summary>Net money that entered the vault from outside, per asset (index = Asset): deposits − withdrawals.</summary>
    public decimal[] ExternalMoney { get; } = new decimal[2];
    /// <summary>Per-step records (only when the runner asked for them).</summary>
    public TimeSeries? Series { get; set; }
}
