namespace Ballast.Engine.MarketMaking;

/// <summary>Validation shared by the quote models; the first failing input wins, in parameter order.</summary>
public static class MarketMakingInputs
{
    /// <summary>
    /// Checks the inputs of <see cref="AvellanedaStoikov"/>, <see cref="GueantLehalleFernandezTapia"/> and
    /// <see cref="SymmetricQuoting"/>. Pass <paramref name="arrivalIntensity"/> = null when the model does not use A.
    /// </summary>
    /// <param name="mid">Mid price s (price units), must be &gt; 0.</param>
    /// <param name="inventory">Inventory q (units of the asset, signed), any finite value.</param>
    /// <param name="volatility">σ, absolute: price units per √(time unit), must be ≥ 0.</param>
    /// <param name="riskAversion">γ, per price unit, must be &gt; 0.</param>
    /// <param name="intensityDecay">k, per price unit, must be &gt; 0.</param>
    /// <param name="arrivalIntensity">A, fills per time unit, must be &gt; 0 when given.</param>
    /// <param name="timeLeft">T − t in time units, must be ≥ 0.</param>
    /// <param name="message">Reason naming the input, empty when valid.</param>
    public static MarketMakingInputError Validate(double mid, double inventory, double volatility, double riskAversion,
        double intensityDecay, double? arrivalIntensity, double timeLeft, out string message)
    {
        // Explicit checks rather than a table so the validated quote path allocates nothing.
        string? notFinite = !double.IsFinite(mid) ? "mid"
            : !double.IsFinite(inventory) ? "inventory"
            : !double.IsFinite(volatility) ? "sigma"
            : !double.IsFinite(riskAversion) ? "gamma"
            : !double.IsFinite(intensityDecay) ? "k"
            : arrivalIntensity is { } a && !double.IsFinite(a) ? "A"
            : !double.IsFinite(timeLeft) ? "time-left"
            : null;
        if (notFinite is not null)
        {
            message = $"{notFinite} must be a finite number";
            return MarketMakingInputError.NotFinite;
        }

        (MarketMakingInputError Error, string Message) failure =
            mid <= 0 ? (MarketMakingInputError.NonPositiveMid, $"mid must be > 0, got {mid}")
            : volatility < 0 ? (MarketMakingInputError.NegativeVolatility, $"sigma must be >= 0, got {volatility}")
            : riskAversion <= 0 ? (MarketMakingInputError.NonPositiveRiskAversion, $"gamma must be > 0, got {riskAversion}")
            : intensityDecay <= 0 ? (MarketMakingInputError.NonPositiveIntensityDecay, $"k must be > 0, got {intensityDecay}")
            : arrivalIntensity <= 0 ? (MarketMakingInputError.NonPositiveArrivalIntensity, $"A must be > 0, got {arrivalIntensity}")
            : timeLeft < 0 ? (MarketMakingInputError.NegativeTimeLeft, $"time-left must be >= 0, got {timeLeft}")
            : (MarketMakingInputError.None, "");
        message = failure.Message;
        return failure.Error;
    }
}
