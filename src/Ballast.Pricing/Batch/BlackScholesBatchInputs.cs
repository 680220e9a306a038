namespace Ballast.Pricing.Batch;

/// <summary>
/// Struct-of-arrays inputs for <see cref="BatchPricer.BlackScholesMerton"/>: element i of every span describes
/// option i. All spans must have the same length.
/// </summary>
/// <remarks>
/// Units as in <see cref="Ballast.Pricing.BlackScholesMerton"/>: spot and strike in price currency, rates,
/// yields and vols annualised decimals (0.05 = 5 %), time in years. Inputs are not validated (hot path):
/// validate at the boundary with <see cref="PricingInputs"/>; invalid elements give unspecified (possibly NaN)
/// outputs, never an exception.
/// </remarks>
public readonly ref struct BlackScholesBatchInputs
{
    /// <summary>Groups the input spans.</summary>
    /// <param name="types">Call or put per option.</param>
    /// <param name="spots">Spot S &gt; 0 per option.</param>
    /// <param name="strikes">Strike K &gt; 0 per option.</param>
    /// <param name="rates">Risk-free rate r per year, per option.</param>
    /// <param name="dividendYields">Continuous dividend/carry yield q per year, per option.</param>
    /// <param name="times">Time to expiry T ≥ 0 in years, per option.</param>
    /// <param name="vols">Volatility σ ≥ 0 per √year, per option.</param>
    public BlackScholesBatchInputs(
        ReadOnlySpan<OptionType> types,
        ReadOnlySpan<double> spots,
        ReadOnlySpan<double> strikes,
        ReadOnlySpan<double> rates,
        ReadOnlySpan<double> dividendYields,
        ReadOnlySpan<double> times,
        ReadOnlySpan<double> vols)
    {
        Types = types;
        Spots = spots;
        Strikes = strikes;
        Rates = rates;
        DividendYields = dividendYields;
        Times = times;
        Vols = vols;
    }

    /// <summary>Call or put per option.</summary>
    public ReadOnlySpan<OptionType> Types { get; }

    /// <summary>Spot S per option (price currency).</summary>
    public ReadOnlySpan<double> Spots { get; }

    /// <summary>Strike K per option (price currency).</summary>
    public ReadOnlySpan<double> Strikes { get; }

    /// <summary>Risk-free rate r per year.</summary>
    public ReadOnlySpan<double> Rates { get; }

    /// <summary>Dividend/carry yield q per year.</summary>
    public ReadOnlySpan<double> DividendYields { get; }

    /// <summary>Time to expiry T in years.</summary>
    public ReadOnlySpan<double> Times { get; }

    /// <summary>Volatility σ per √year.</summary>
    public ReadOnlySpan<double> Vols { get; }

    /// <summary>Number of options (length of <see cref="Strikes"/>).</summary>
    public int Length => Strikes.Length;

    /// <summary>Throws when the spans' lengths differ (a programming error, not a data error).</summary>
    internal void CheckLengths(string parameterName)
    {
        int n = Strikes.Length;
        if (Types.Length != n || Spots.Length != n || Rates.Length != n || DividendYields.Length != n || Times.Length != n || Vols.Length != n)
        {
            throw new ArgumentException(
                $"all input spans must have the same length (types {Types.Length}, spots {Spots.Length}, strikes {n}, rates {Rates.Length}, " +
                $"yields {DividendYields.Length}, times {Times.Length}, vols {Vols.Length})",
                parameterName);
        }
    }
}
