namespace Ballast.Engine.MarketMaking;

/// <summary>Why a market-making quote model refused its inputs.</summary>
public enum MarketMakingInputError
{
    /// <summary>Inputs are valid.</summary>
    None = 0,

    /// <summary>An input is NaN or infinite.</summary>
    NotFinite,

    /// <summary>The mid price is zero or negative.</summary>
    NonPositiveMid,

    /// <summary>The volatility σ is negative.</summary>
    NegativeVolatility,

    /// <summary>The risk aversion γ is zero or negative (the models divide by γ).</summary>
    NonPositiveRiskAversion,

    /// <summary>The order-book decay k (fill intensity A·e^(−kδ)) is zero or negative.</summary>
    NonPositiveIntensityDecay,

    /// <summary>The base arrival intensity A is zero or negative (GLFT divides by A).</summary>
    NonPositiveArrivalIntensity,

    /// <summary>The time left to the horizon, T − t, is negative.</summary>
    NegativeTimeLeft,

    /// <summary>The inputs are valid one by one but the quote overflows (a bid, ask, reservation or spread is not finite).</summary>
    QuoteNotFinite,
}
