namespace Ballast.Engine.Pool;

/// <summary>
/// One tranche's live state: share supply (including shares waiting in its withdrawal queue) and, for a senior tranche,
/// its target share price, which accrues simple interest at <see cref="TrancheConfig.TargetApr"/> per second:
/// target(t) = base·(1 + APR·(t − since)/year), year = 365 days. The target claim is target(t)·shares.
/// </summary>
public sealed class TrancheState
{
    internal TrancheState(TrancheConfig config, int seniority, long since)
    {
        Config = config;
        Seniority = seniority;
        TargetBasePrice = config.InitialSharePrice;
        TargetSince = since;
    }

    /// <summary>The tranche's configuration.</summary>
    public TrancheConfig Config { get; }

    /// <summary>Name (shortcut for <see cref="TrancheConfig.Name"/>).</summary>
    public string Name => Config.Name;

    /// <summary>0 for the most senior tranche, counting up to the residual tranche.</summary>
    public int Seniority { get; }

    /// <summary>True for the most junior tranche (no target; takes the residual).</summary>
    public bool IsResidual => Config.TargetApr is null;

    /// <summary>Share supply, including queued withdrawals not yet burnt.</summary>
    public decimal Shares { get; internal set; }

    /// <summary>Target share price at <see cref="TargetSince"/>, quote per share.</summary>
    public decimal TargetBasePrice { get; internal set; }

    /// <summary>Unix seconds from which the target accrues.</summary>
    public long TargetSince { get; internal set; }

    /// <summary>Target share price at <paramref name="now"/> (quote per share); for the residual tranche its initial price.</summary>
    /// <param name="now">Unix seconds.</param>
    public decimal TargetSharePrice(long now)
    {
        return Config.TargetApr is null ? Config.InitialSharePrice : TargetBasePrice * AccrualFactor(now);
    }

    /// <summary>1 + APR·(now − since)/year: simple (APR) accrual per second, exact in decimal; 1 for the residual tranche.</summary>
    /// <param name="now">Unix seconds.</param>
    public decimal AccrualFactor(long now) => Config.TargetApr is decimal apr ? SimpleAccrual(apr, now - TargetSince) : 1m;

    /// <summary>1 + APR·elapsed/year (year = 365 days): growth of a claim accruing <paramref name="apr"/> simple interest per second.</summary>
    /// <param name="apr">Simple annual rate (ratio).</param>
    /// <param name="elapsedSeconds">Seconds accrued; negative counts as 0.</param>
    public static decimal SimpleAccrual(decimal apr, long elapsedSeconds) => 1m + apr * Math.Max(0, elapsedSeconds) / PoolParameters.SecondsPerYear;

    /// <summary>A target claim: price · shares rounded toward zero to <see cref="ClaimDecimals"/> places (quote).</summary>
    /// <param name="targetSharePrice">Quote per share.</param>
    /// <param name="shares">Share supply.</param>
    public static decimal RoundTargetClaim(decimal targetSharePrice, decimal shares) =>
        decimal.Round(targetSharePrice * shares, ClaimDecimals, MidpointRounding.ToZero);

    /// <summary>Decimal places of target claims: fixed so that the waterfall's subtractions are exact in decimal (28 significant
    /// digits leave 16 for the integer part).</summary>
    public const int ClaimDecimals = 12;

    /// <summary>Target claim at <paramref name="now"/>: target share price · shares (quote), rounded toward zero to
    /// <see cref="ClaimDecimals"/> places; 0 for the residual tranche.</summary>
    /// <param name="now">Unix seconds.</param>
    public decimal TargetClaim(long now) => IsResidual ? 0 : RoundTargetClaim(TargetSharePrice(now), Shares);

    internal TrancheState Clone() => new(Config, Seniority, TargetSince) { Shares = Shares, TargetBasePrice = TargetBasePrice };
}
