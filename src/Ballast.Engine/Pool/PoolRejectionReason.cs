namespace Ballast.Engine.Pool;

/// <summary>Why the pool refused a request. Every refusal leaves the pool unchanged.</summary>
public enum PoolRejectionReason
{
    /// <summary>Amount or share count is zero, negative, or has more decimals than the asset/share allows.</summary>
    InvalidAmount = 1,
    /// <summary>Below <see cref="PoolParameters.MinDepositWithdraw"/>.</summary>
    BelowMinimum,
    /// <summary>No tranche with that name.</summary>
    UnknownTranche,
    /// <summary>Withdrawing more shares than the LP holds (free of queued withdrawals).</summary>
    InsufficientShares,
    /// <summary>No queued request with that id.</summary>
    UnknownRequest,
    /// <summary>The request belongs to another account.</summary>
    NotRequestOwner,
    /// <summary>The account name is empty.</summary>
    InvalidAccount,
    /// <summary>The supplied market inputs are invalid (NaN, negative, invalid NAV or liquidity).</summary>
    InvalidMarket,
    /// <summary>Time is before the pool's last event.</summary>
    TimeWentBackwards,
    /// <summary>Instant deposits/withdrawals are disabled (<see cref="PoolParameters.InstantMode"/>).</summary>
    InstantModeDisabled,
    /// <summary>A circuit breaker is active.</summary>
    CircuitBreakerActive,
    /// <summary>The Greek cache is stale, so NAV cannot be trusted.</summary>
    GreekCacheStale,
    /// <summary>Not enough unlocked liquidity for the payout.</summary>
    InsufficientLiquidity,
    /// <summary>The pool is insolvent: no share changes hands at a price of zero.</summary>
    Insolvent,
    /// <summary>The tranche has shares but its claim is below one quote unit (wiped out): a deposit would mint absurd share counts.</summary>
    ZeroSharePrice,
    /// <summary>A more senior tranche is below its target: new money would repay it first, so deposits wait.</summary>
    SeniorTrancheImpaired,
}
