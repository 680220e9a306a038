using Ballast.Simulation.Randomness;

namespace Ballast.Simulation.Markets;

/// <summary>
/// Perpetual-swap funding rate as an Ornstein-Uhlenbeck process dx = κ(θ − x)dt + σ dW, sampled exactly:
/// x(t+Δ) = θ + (x − θ)e^(−κΔ) + σ√((1 − e^(−2κΔ))/(2κ))·Z (Glasserman 2003, §3.3.1; σ√Δ when κ = 0).
/// Rates are annualised fractions (0.10 = 10% per year), the convention of funding dashboards.
/// </summary>
/// <param name="InitialRate">x(0), per year.</param>
/// <param name="LongRunRate">θ, per year.</param>
/// <param name="MeanReversion">κ, per year, ≥ 0.</param>
/// <param name="Volatility">σ, per year per √year, ≥ 0.</param>
public sealed record OrnsteinUhlenbeckFunding(double InitialRate, double LongRunRate, double MeanReversion, double Volatility)
{
    /// <summary>Checks the parameters; <paramref name="message"/> names the bad one.</summary>
    public MarketModelError Validate(out string message) => ModelChecks.Run(out message,
        [("initial rate", InitialRate), ("long-run rate", LongRunRate), ("mean reversion", MeanReversion), ("volatility", Volatility)],
        (MeanReversion < 0, MarketModelError.NegativeRate, $"mean reversion must be >= 0, got {MeanReversion}"),
        (Volatility < 0, MarketModelError.NegativeVolatility, $"volatility must be >= 0, got {Volatility}"));

    /// <summary>Fills <paramref name="rates"/> (rates[0] = initial) with steps of <paramref name="stepYears"/> years.</summary>
    public void Simulate(Xoshiro256StarStar rng, double stepYears, Span<double> rates)
    {
        if (rates.IsEmpty) return;
        double decay = Math.Exp(-MeanReversion * stepYears);
        double noise = MeanReversion > 0
            ? Volatility * Math.Sqrt((1.0 - decay * decay) / (2.0 * MeanReversion))
            : Volatility * Math.Sqrt(stepYears);
        double rate = InitialRate;
        rates[0] = rate;
        for (int i = 1; i < rates.Length; i++)
        {
            rate = LongRunRate + (rate - LongRunRate) * decay + noise * rng.NextGaussian();
            rates[i] = rate;
        }
    }
}
