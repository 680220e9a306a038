#pragma warning disable CS1591
namespace Ballast.Engine.Volatility;
// TEMPORARY STUB
public sealed class GwavOracle
{
    private readonly List<(double Value, long Time)> _obs = new();
    public IReadOnlyList<(double Value, long Time)> Observations => _obs;
    public void Observe(double value, long timeSeconds) => _obs.Add((value, timeSeconds));
    public double Average(long fromSeconds, long toSeconds) => _obs[^1].Value;
    public GwavOracle Copy() { var g = new GwavOracle(); g._obs.AddRange(_obs); return g; }
}
