namespace Ballast.Pricing.Batch;

/// <summary>
/// Struct-of-arrays inputs for <see cref="BatchPricer.Black76"/>: element i of every span describes option i
/// on a forward. All spans must have the same length.
/// </summary>
/// <remarks>
/// Units as in <see cref="Ballast.Pricing.Black76"/>: forward and strike in price currency, rate and vol
/// annualised decimals, time in years. Inputs are not validated (hot path); see <see cref="PricingInputs"/>.
/// </remarks>
public readonly ref struct Black76BatchInputs
{
    /// <summary>Groups the input spans.</summary>
    /// <param name="types">Call or put per option.</param>
    /// <param name="forwards">Forward F &gt; 0 per option.</param>
    /// <param name="strikes">Strike K &gt; 0 per option.</param>
    /// <param name="rates">Discount rate r per year, per option.</param>
    /// <param name="times">Time to expiry T ≥ 0 in years, per option.</param>
    /// <param name="vols">Black volatility σ ≥ 0 per √year, per option.</param>
    public Black76BatchInputs(
        ReadOnlySpan<OptionType> types,
        ReadOnlySpan<double> forwards,
        ReadOnlySpan<double> strikes,
        ReadOnlySpan<double> rates,
        ReadOnlySpan<double> times,
        ReadOnlySpan<double> vols)
    {
        Types = types;
        Forwards = forwards;
        Strikes = strikes;
        Rates = rates;
        Times = times;
        Vols = vols;
    }

    /// <summary>Call or put per option.</summary>
    public ReadOnlySpan<OptionType> Types { get; }

    /// <summary>Forward F per option (price currency).</summary>
    public ReadOnlySpan<double> Forwards { get; }

    /// <summary>Strike K per option (price currency).</summary>
    public ReadOnlySpan<double> Strikes { get; }

    /// <summary>Discount rate r per year.</summary>
    public ReadOnlySpan<double> Rates { get; }

    /// <summary>Time to expiry T in years.</summary>
    public ReadOnlySpan<double> Times { get; }

    /// <summary>Black volatility σ per √year.</summary>
    public ReadOnlySpan<double> Vols { get; }

    /// <summary>Number of options (length of <see cref="Strikes"/>).</summary>
    public int Length => Strikes.Length;

    /// <summary>
    /// The same options as BSM inputs with S = F and q = r, which the shared kernel prices identically
    /// (ln(F/K) + (r − r)T = ln(F/K) exactly).
    /// </summary>
    internal BlackScholesBatchInputs AsBlackScholes() => new(Types, Forwards, Strikes, Rates, Rates, Times, Vols);
}
