namespace Ballast.Pricing;

/// <summary>Why a set of pricing inputs is not acceptable.</summary>
public enum PricingInputError
{
    /// <summary>The inputs are valid.</summary>
    None = 0,

    /// <summary>An input is NaN or infinite.</summary>
    NotFinite,

    /// <summary>The spot (or forward) is not strictly positive.</summary>
    NonPositiveUnderlying,

    /// <summary>The strike is not strictly positive.</summary>
    NonPositiveStrike,

    /// <summary>The time to expiry is negative.</summary>
    NegativeTime,

    /// <summary>The volatility is negative.</summary>
    NegativeVol,
}

/// <summary>Boundary validation of pricing inputs; the formulas themselves do not validate (hot path).</summary>
public static class PricingInputs
{
    /// <summary>Validates spot/forward, strike, rate, yield, time (years) and vol; returns the first problem found, naming the argument.</summary>
    /// <param name="underlying">Spot or forward price.</param>
    /// <param name="strike">Strike.</param>
    /// <param name="rate">Risk-free rate per year.</param>
    /// <param name="dividendYield">Dividend/carry yield per year (pass 0 for Black-76).</param>
    /// <param name="time">Time to expiry in years.</param>
    /// <param name="vol">Volatility per √year.</param>
    /// <param name="argument">Name of the offending argument, or null when valid.</param>
    public static PricingInputError Validate(double underlying, double strike, double rate, double dividendYield, double time, double vol, out string? argument)
    {
        (double value, string name)[] all = [(underlying, "spot"), (strike, "strike"), (rate, "rate"), (dividendYield, "div"), (time, "time"), (vol, "vol")];
        foreach (var (value, name) in all)
        {
            if (!double.IsFinite(value)) { argument = name; return PricingInputError.NotFinite; }
        }

        argument = null;
        if (!(underlying > 0)) { argument = "spot"; return PricingInputError.NonPositiveUnderlying; }
        if (!(strike > 0)) { argument = "strike"; return PricingInputError.NonPositiveStrike; }
        if (time < 0) { argument = "time"; return PricingInputError.NegativeTime; }
        if (vol < 0) { argument = "vol"; return PricingInputError.NegativeVol; }
        return PricingInputError.None;
    }
}
