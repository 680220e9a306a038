namespace Ballast.Engine;

/// <summary>Why a command or quote was refused. Every refusal leaves the state unchanged.</summary>
public enum RejectionReason
{
    /// <summary>The principal's role may not issue this command (or acts for another account).</summary>
    Unauthorized = 1,
    /// <summary>No vault yet: the first command must be OpenVault.</summary>
    VaultNotOpen,
    /// <summary>OpenVault on an open vault.</summary>
    VaultAlreadyOpen,
    /// <summary>A field is malformed: NaN, non-positive, too many decimals, empty name, bad market definition.</summary>
    InvalidInput,
    /// <summary>Size is NaN, infinite, ≤ 0, too large, or rounds to zero.</summary>
    InvalidSize,
    /// <summary>No such board.</summary>
    UnknownBoard,
    /// <summary>No such series (board or strike not listed).</summary>
    UnknownSeries,
    /// <summary>Listing an existing board or strike.</summary>
    AlreadyListed,
    /// <summary>Delisting a board or strike that still has positions.</summary>
    OpenInterestRemaining,
    /// <summary>The series' expiry has passed.</summary>
    SeriesExpired,
    /// <summary>The board has not expired yet (settlement).</summary>
    NotExpired,
    /// <summary>Inside the trading cutoff before expiry (new risk blocked; closing trades are force-closed).</summary>
    TradingCutoff,
    /// <summary>Call delta outside [minDelta, 1 − minDelta] (new risk blocked; closing trades are force-closed).</summary>
    DeltaOutOfRange,
    /// <summary>The trade would move base IV, skew or vol outside its bounds.</summary>
    VolBoundsBreached,
    /// <summary>The series' net delta would exceed its cap.</summary>
    SeriesDeltaCap,
    /// <summary>The series' net standard vega would exceed its cap.</summary>
    SeriesVegaCap,
    /// <summary>The vault's global net delta would exceed its cap.</summary>
    GlobalDeltaCap,
    /// <summary>The vault's global net standard vega would exceed its cap.</summary>
    GlobalVegaCap,
    /// <summary>Not enough free liquidity in the vault for the new short exposure or the payment.</summary>
    InsufficientLiquidity,
    /// <summary>The trader's free balance does not cover the payment, the collateral or the withdrawal.</summary>
    InsufficientFunds,
    /// <summary>The total is above the trader's max cost (buy) or below its min proceeds (sell).</summary>
    SlippageExceeded,
    /// <summary>The referenced quote expired (or refers to a future state version).</summary>
    QuoteExpired,
    /// <summary>No spot price yet.</summary>
    OracleUnavailable,
    /// <summary>Spot older than the oracle max-age parameter, or observed in the future.</summary>
    OracleStale,
    /// <summary>Oracle confidence below the floor parameter.</summary>
    OracleLowConfidence,
    /// <summary>Spot deviates from the reference feed beyond the bound parameter.</summary>
    OracleDeviation,
    /// <summary>The board's Greek cache is stale (too old, or spot moved too far since refresh).</summary>
    GreekCacheStale,
    /// <summary>A parameter name is unknown or its value out of bounds.</summary>
    InvalidParameter,
    /// <summary>A model computation produced a non-finite number (degenerate inputs).</summary>
    PricingFailed,
    /// <summary>A margin-mode account's initial margin balance after the trade or withdrawal would be negative (the trade adds risk).</summary>
    InsufficientMargin,
    /// <summary>The margin mode cannot change while the account holds option positions.</summary>
    PositionsOpen,
    /// <summary>Liquidation of an account whose maintenance margin balance is ≥ 0 (or that is not in a margin mode, or holds no positions).</summary>
    NotLiquidatable,

    /// <summary>The vault is under-hedged (its venues could not take the last hedge) and the trade would grow its unhedged delta (Lyra v1 <c>canHedge</c>).</summary>
    HedgingUnavailable,
    /// <summary>The account is being auctioned: it may not trade, withdraw or be liquidated incrementally, and no second auction starts.</summary>
    AuctionInProgress,
    /// <summary>No liquidation auction is running for the account.</summary>
    NoAuction,
    /// <summary>The account's maintenance requirement is above the incremental-close threshold: liquidate it by Dutch auction.</summary>
    LiquidationByAuction,

    /// <summary>The liquidity pool is not set up yet (Admin sends OpenPool).</summary>
    PoolNotOpen,

    /// <summary>The liquidity pool is already set up.</summary>
    PoolAlreadyOpen,

    /// <summary>No tranche has that name.</summary>
    UnknownTranche,

    /// <summary>The LP holds fewer free shares than it asked to withdraw.</summary>
    InsufficientShares,

    /// <summary>No queued LP request has that id.</summary>
    UnknownRequest,

    /// <summary>An LP amount is below the pool's minimum deposit/withdrawal.</summary>
    BelowMinimum,

    /// <summary>Instant LP deposits and withdrawals are disabled; use the queues.</summary>
    InstantModeDisabled,

    /// <summary>A pool circuit breaker is active or firing.</summary>
    CircuitBreakerActive,

    /// <summary>The pool's liabilities exceed its assets.</summary>
    PoolInsolvent,

    /// <summary>A deposit cannot be priced fairly: a more senior tranche is below its target, or the tranche is wiped out.</summary>
    TrancheImpaired,

    /// <summary>No LP request is due (or allowed) now; the message says why.</summary>
    NothingToProcess,
}
