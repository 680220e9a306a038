namespace Ballast.Pricing;

/// <summary>
/// Price and first-order sensitivities of one option, all in the option's price currency.
/// </summary>
/// <param name="Price">Present value of one option (price currency per unit of underlying).</param>
/// <param name="Delta">∂Price/∂Spot (for Black-76: ∂Price/∂Forward).</param>
/// <param name="Gamma">∂²Price/∂Spot² (for Black-76: ∂²Price/∂Forward²).</param>
/// <param name="Vega">∂Price/∂σ per 1.00 (100 vol points) change in volatility.</param>
/// <param name="Theta">−∂Price/∂T per year of calendar time passing (divide by 365 for per-day).</param>
/// <param name="Rho">∂Price/∂r per 1.00 (10,000 bp) change in the risk-free rate, carry yield held fixed.</param>
/// <param name="DividendRho">∂Price/∂q per 1.00 change in the dividend/carry yield (zero for Black-76).</param>
public readonly record struct OptionGreeks(
    double Price,
    double Delta,
    double Gamma,
    double Vega,
    double Theta,
    double Rho,
    double DividendRho);
