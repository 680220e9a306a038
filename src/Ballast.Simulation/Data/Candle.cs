namespace Ballast.Simulation.Data;

/// <summary>One OHLCV bar. Prices in quote units per base unit (e.g. USD per BTC); volumes as in the file.</summary>
/// <param name="OpenTimeUtc">Start of the bar, UTC.</param>
/// <param name="Open">First trade price.</param>
/// <param name="High">Highest trade price.</param>
/// <param name="Low">Lowest trade price.</param>
/// <param name="Close">Last trade price.</param>
/// <param name="VolumeBase">Traded volume in base units (e.g. BTC).</param>
/// <param name="VolumeQuote">Traded volume in quote units (e.g. USD).</param>
public readonly record struct Candle(DateTime OpenTimeUtc, double Open, double High, double Low, double Close,
    double VolumeBase, double VolumeQuote);
