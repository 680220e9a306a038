namespace Ballast.Pricing;

/// <summary>
/// Inverse (coin-margined) options: the payoff is paid in units of the underlying, so the value in
/// base units is the USD value divided by the underlying price (Deribit's BTC options).
/// </summary>
public static class InverseOption
{
    /// <summary>Value in base units (e.g. BTC) of an option whose USD value is <paramref name="usdPrice"/> when the underlying trades at <paramref name="underlying"/> USD.</summary>
    /// <param name="usdPrice">Option value in the quote currency (USD).</param>
    /// <param name="underlying">Underlying price in USD (spot, or the forward when converting Deribit marks).</param>
    public static double ToBaseUnits(double usdPrice, double underlying) => usdPrice / underlying;

    /// <summary>Value in USD of an option quoted in base units.</summary>
    /// <param name="basePrice">Option value in units of the underlying.</param>
    /// <param name="underlying">Underlying price in USD.</param>
    public static double ToUsd(double basePrice, double underlying) => basePrice * underlying;

    /// <summary>Black-76 price in base units of an inverse option: Black76 USD price / F (the forward is the settlement reference).</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="forward">Forward price F in USD.</param>
    /// <param name="strike">Strike K in USD.</param>
    /// <param name="rate">Discount rate r per year.</param>
    /// <param name="time">Time to expiry T in years.</param>
    /// <param name="vol">Black volatility σ per √year.</param>
    public static double Black76PriceInBase(OptionType type, double forward, double strike, double rate, double time, double vol)
        => Black76.Price(type, forward, strike, rate, time, vol) / forward;
}
