namespace Ballast.Engine.Hedging;

/// <summary>
/// Everything a hedge policy may look at: the vault's option Greeks, its current hedge, the market and the cost of
/// trading. Signs are the vault's: a vault short calls has negative <see cref="NetOptionDelta"/>.
/// </summary>
/// <param name="NetOptionDelta">Net delta of the vault's option book, units of underlying (base) per unit of spot move.</param>
/// <param name="CurrentHedge">Current signed hedge position across venues, units of underlying (long &gt; 0).</param>
/// <param name="NetGamma">Net gamma of the book, units of underlying per quote unit of spot (∂Δ/∂S).</param>
/// <param name="NetVega">Net vega of the book, quote per 1.00 (100 vol points) of volatility.</param>
/// <param name="Spot">Spot price, quote per unit of underlying, &gt; 0.</param>
/// <param name="Volatility">Annualised volatility (0.8 = 80 %), ≥ 0.</param>
/// <param name="SecondsSinceLastHedge">Seconds since the last hedge order; <see cref="double.PositiveInfinity"/> = never hedged.</param>
/// <param name="TimeToExpiryYears">Gamma-weighted time to expiry of the book, years, ≥ 0 (discounts the Whalley-Wilmott band).</param>
/// <param name="RiskFreeRate">Continuously compounded risk-free rate, per year.</param>
/// <param name="ProportionalCost">
/// λ: expected all-in cost of trading one unit of underlying as a fraction of its notional (fee + half-spread +
/// typical impact), ratio ≥ 0 (0.0007 = 7 bp).
/// </param>
public readonly record struct HedgeContext(
    double NetOptionDelta,
    double CurrentHedge,
    double NetGamma,
    double NetVega,
    double Spot,
    double Volatility,
    double SecondsSinceLastHedge,
    double TimeToExpiryYears,
    double RiskFreeRate,
    double ProportionalCost)
{
    /// <summary>Hedge that offsets the book's delta exactly, −<see cref="NetOptionDelta"/>, units of underlying.</summary>
    public double FullHedge => -NetOptionDelta;

    /// <summary>Checks the context; the first failing input wins; <paramref name="message"/> names it.</summary>
    public HedgeInputError Validate(out string message)
    {
        string? notFinite = !double.IsFinite(NetOptionDelta) ? "net option delta"
            : !double.IsFinite(CurrentHedge) ? "current hedge"
            : !double.IsFinite(NetGamma) ? "net gamma"
            : !double.IsFinite(NetVega) ? "net vega"
            : !double.IsFinite(Spot) ? "spot"
            : !double.IsFinite(Volatility) ? "volatility"
            : double.IsNaN(SecondsSinceLastHedge) || double.IsNegativeInfinity(SecondsSinceLastHedge) ? "seconds since last hedge"
            : !double.IsFinite(TimeToExpiryYears) ? "time to expiry"
            : !double.IsFinite(RiskFreeRate) ? "risk-free rate"
            : !double.IsFinite(ProportionalCost) ? "proportional cost"
            : null;
        if (notFinite is not null)
        {
            message = $"{notFinite} must be a finite number";
            return HedgeInputError.NotFinite;
        }

        (HedgeInputError Error, string Message) failure =
            Spot <= 0 ? (HedgeInputError.NonPositiveSpot, $"spot must be > 0, got {Spot}")
            : Volatility < 0 ? (HedgeInputError.NegativeVolatility, $"volatility must be >= 0, got {Volatility}")
            : SecondsSinceLastHedge < 0 ? (HedgeInputError.NegativeElapsedTime, $"seconds since last hedge must be >= 0, got {SecondsSinceLastHedge}")
            : TimeToExpiryYears < 0 ? (HedgeInputError.NegativeTimeToExpiry, $"time to expiry must be >= 0, got {TimeToExpiryYears}")
            : ProportionalCost < 0 ? (HedgeInputError.NegativeCost, $"proportional cost must be >= 0, got {ProportionalCost}")
            : (HedgeInputError.None, "");
        message = failure.Message;
        return failure.Error;
    }
}
