namespace Ballast.Engine.Greeks;

/// <summary>
/// Net Greeks of a set of positions from the vault's side (vault long = positive), quote units: the sum of
/// position × <see cref="UnitGreeks"/>. Used per strike, per board and globally.
/// </summary>
/// <param name="Delta">Net delta, base units.</param>
/// <param name="Gamma">Net gamma, base units per quote unit of spot.</param>
/// <param name="Vega">Net vega, quote per 1.00 vol.</param>
/// <param name="StandardVega">Net standard vega, quote per vol point (30-day normalised).</param>
/// <param name="Theta">Net theta, quote per year.</param>
/// <param name="Value">Net option value, quote.</param>
public readonly record struct GreekExposure(double Delta, double Gamma, double Vega, double StandardVega, double Theta, double Value)
{
    /// <summary>No exposure.</summary>
    public static GreekExposure Zero => default;

    /// <summary>Exposure of <paramref name="position"/> options with Greeks <paramref name="g"/>.</summary>
    public static GreekExposure Of(double position, in UnitGreeks g) =>
        new(position * g.Delta, position * g.Gamma, position * g.Vega, position * g.StandardVega, position * g.Theta, position * g.Price);

    /// <summary>Component-wise sum.</summary>
    public static GreekExposure operator +(GreekExposure a, GreekExposure b) =>
        new(a.Delta + b.Delta, a.Gamma + b.Gamma, a.Vega + b.Vega, a.StandardVega + b.StandardVega, a.Theta + b.Theta, a.Value + b.Value);

    /// <summary>Component-wise difference.</summary>
    public static GreekExposure operator -(GreekExposure a, GreekExposure b) =>
        new(a.Delta - b.Delta, a.Gamma - b.Gamma, a.Vega - b.Vega, a.StandardVega - b.StandardVega, a.Theta - b.Theta, a.Value - b.Value);
}
