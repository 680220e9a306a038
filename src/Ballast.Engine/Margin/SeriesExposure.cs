namespace Ballast.Engine.Margin;

/// <summary>Net holding of one option series (strike, expiry, vol) as scenario pricing sees it: calls and puts kept apart.</summary>
/// <param name="Strike">Strike K (quote per unit of underlying).</param>
/// <param name="TimeToExpiryYears">Time to expiry T in years.</param>
/// <param name="Vol">Black-Scholes vol of the series (annualised).</param>
/// <param name="CallQuantity">Net calls held (options; negative = short).</param>
/// <param name="PutQuantity">Net puts held (options; negative = short).</param>
public readonly record struct SeriesExposure(double Strike, double TimeToExpiryYears, double Vol, double CallQuantity, double PutQuantity);
