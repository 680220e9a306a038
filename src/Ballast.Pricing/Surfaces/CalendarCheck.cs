namespace Ballast.Pricing.Surfaces;

/// <summary>
/// Result of the calendar-spread check of a surface: the most negative change of total variance between consecutive
/// expiries at fixed log-moneyness, w(k, Tᵢ₊₁) − w(k, Tᵢ), over a k grid (Gatheral-Jacquier 2014, Lemma 2.1:
/// no calendar arbitrage iff ∂w/∂T ≥ 0 at every k).
/// </summary>
/// <param name="WorstIncrease">Smallest w(k, Tᵢ₊₁) − w(k, Tᵢ) found (total variance, dimensionless); ≥ 0 means no arbitrage.</param>
/// <param name="AtLogMoneyness">The k where it occurs.</param>
/// <param name="EarlierSlice">Index of the earlier expiry of the pair where it occurs (−1 when the surface has one slice).</param>
public readonly record struct CalendarCheck(double WorstIncrease, double AtLogMoneyness, int EarlierSlice)
{
    /// <summary>True when total variance never decreases with expiry on the grid.</summary>
    public bool IsArbitrageFree => WorstIncrease >= 0;
}
