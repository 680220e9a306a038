namespace Ballast.Engine.Greeks;

/// <summary>Value and Greeks of one option (one unit of underlying), quote units, at the cache's spot, vol and time.</summary>
/// <param name="Price">Model value, quote per option.</param>
/// <param name="Delta">∂Price/∂Spot.</param>
/// <param name="Gamma">∂²Price/∂Spot².</param>
/// <param name="Vega">∂Price/∂σ per 1.00 of vol.</param>
/// <param name="StandardVega">Lyra's standardised vega: vega·sqrt(30/max(days, 7))/100 (per vol point, 30-day normalised).</param>
/// <param name="Theta">−∂Price/∂T per year.</param>
public readonly record struct UnitGreeks(double Price, double Delta, double Gamma, double Vega, double StandardVega, double Theta);
