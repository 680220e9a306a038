namespace Ballast.Engine.Quoting;

/// <summary>
/// Everything <see cref="FeeSchedule.Compute"/> needs about one trade (or one piece of a split order), in Lyra v1's
/// units (derivexyz/v1-core <c>OptionMarketPricer.getTradeResult</c> and <c>OptionGreekCache</c>). All values are
/// post-trade where Lyra uses post-trade values.
/// </summary>
/// <param name="Premium">Total premium of the trade in quote currency: option price at the post-trade vol × amount
/// (Lyra <c>premium = optionPrice · amount</c>; for a force close, the force-close price × amount).</param>
/// <param name="Spot">Spot price of the underlying (quote per unit of underlying).</param>
/// <param name="Amount">Options traded (units of underlying, &gt; 0).</param>
/// <param name="TimeToExpiryYears">Time to expiry in years of 365 days (compared with the fee 1x/2x points in seconds).</param>
/// <param name="OptionVega">Black-Scholes vega of ONE option at the post-trade vol, per 1.00 (100 vol points) of vol,
/// in quote currency (Lyra <c>BlackScholes._vega</c> = √T·φ(d1)·S; not standardised).</param>
/// <param name="NewVol">Post-trade vol baseIv·skew (annualised decimal; Lyra <c>volTraded</c>).</param>
/// <param name="NewSkew">Post-trade strike skew.</param>
/// <param name="PreTradeNetStdVega">The VAULT's global net standard vega before the trade (quote per vol point, see
/// <see cref="StandardVega"/>; Lyra <c>preTradeAmmNetStdVega</c>).</param>
/// <param name="PostTradeNetStdVega">The vault's global net standard vega after the trade.</param>
/// <param name="Nav">Vault net asset value in quote currency (Lyra <c>liquidity.NAV</c>).</param>
/// <param name="IvVariance">|GWAV base IV over varianceIvGwavPeriod − base IV|, both after the trade's base-IV
/// update (Lyra <c>boardCache.ivVariance</c>), annualised decimal.</param>
/// <param name="IsForceClose">True for force closes and liquidations: the variance fee uses the force-close coefficient.</param>
public readonly record struct FeeInputs(
    double Premium,
    double Spot,
    double Amount,
    double TimeToExpiryYears,
    double OptionVega,
    double NewVol,
    double NewSkew,
    double PreTradeNetStdVega,
    double PostTradeNetStdVega,
    double Nav,
    double IvVariance,
    bool IsForceClose);
