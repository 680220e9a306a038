namespace Ballast.Pricing.Surfaces;

/// <summary>One expiry of a <see cref="VolSurface"/>: its time, forward and SVI smile.</summary>
/// <param name="Time">Time to expiry T &gt; 0 in years.</param>
/// <param name="Forward">Forward F &gt; 0 in quote currency for this expiry.</param>
/// <param name="Smile">Raw SVI total variance as a function of k = ln(K/F).</param>
public readonly record struct SurfaceSlice(double Time, double Forward, SviSlice Smile);
