namespace Ballast.Pricing.Surfaces;

/// <summary>Why an SVI slice could not be fitted to a smile.</summary>
public enum SviFitError
{
    /// <summary>No error: the slice was fitted and passed the butterfly check.</summary>
    None = 0,

    /// <summary>Fewer than five quotes (raw SVI has five parameters).</summary>
    TooFewQuotes,

    /// <summary>A log-moneyness, volatility or weight was NaN or infinite.</summary>
    NotFinite,

    /// <summary>Time to expiry was not strictly positive.</summary>
    NonPositiveTime,

    /// <summary>A market volatility was not strictly positive, or a weight was negative or all weights were zero.</summary>
    InvalidQuote,

    /// <summary>The input spans had different lengths.</summary>
    LengthMismatch,

    /// <summary>Every candidate fit had g(k) &lt; 0 somewhere on the check grid; the best candidate is returned for inspection.</summary>
    ButterflyArbitrage,
}
