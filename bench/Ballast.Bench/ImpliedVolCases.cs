using Ballast.Pricing;

namespace Ballast.Bench;

/// <summary>
/// The same options solved for implied vol by Ballast and by QLNet: one spot, rate and yield (QLNet's process
/// holds them), 182-day expiry, strikes 70–130, true vols 10 %–150 %; target prices from Ballast's scalar BSM.
/// </summary>
public sealed class ImpliedVolCases
{
    /// <summary>QLNet's solver accuracy (absolute, in vol) — far tighter than its default 1e-4, to ask for equal accuracy.</summary>
    public const double QLNetAccuracy = 1e-12;

    private const double Spot = 100.0, Rate = 0.03, Yield = 0.01;
    private const int Days = 182;

    private readonly QLNetEuropean _qlnet;
    private readonly OptionType[] _types;
    private readonly double[] _strikes, _trueVols, _prices;

    public ImpliedVolCases(int count)
    {
        _types = new OptionType[count];
        _strikes = new double[count];
        _trueVols = new double[count];
        _prices = new double[count];
        var contracts = new (QLNet.Option.Type, double)[count];
        double time = Days / 365.0;
        for (int i = 0; i < count; i++)
        {
            _types[i] = i % 2 == 0 ? OptionType.Call : OptionType.Put;
            _strikes[i] = 70.0 + 60.0 * ((i * 37) % count) / count;
            _trueVols[i] = 0.10 + 1.40 * i / count;
            _prices[i] = BlackScholesMerton.Price(_types[i], Spot, _strikes[i], Rate, Yield, time, _trueVols[i]);
            contracts[i] = (_types[i] == OptionType.Call ? QLNet.Option.Type.Call : QLNet.Option.Type.Put, _strikes[i]);
        }

        _qlnet = new QLNetEuropean(Spot, Rate, Yield, 0.3, Days, contracts);
    }

    public int Count => _strikes.Length;

    /// <summary>Solves every case with Ballast; returns the sum of vols (keeps the work observable) and fills recovered vols if asked.</summary>
    public double SolveWithBallast(double[]? recovered)
    {
        double sum = 0;
        for (int i = 0; i < _strikes.Length; i++)
        {
            double vol = ImpliedVolatility.ForBlackScholes(_types[i], _prices[i], Spot, _strikes[i], Rate, Yield, _qlnet.YearFraction).Vol;
            if (recovered is not null) recovered[i] = vol;
            sum += vol;
        }

        return sum;
    }

    /// <summary>Solves every case with QLNet's <c>impliedVolatility</c> (Brent, accuracy <see cref="QLNetAccuracy"/>, ≤ 100 evaluations).</summary>
    public double SolveWithQLNet(double[]? recovered)
    {
        double sum = 0;
        for (int i = 0; i < _strikes.Length; i++)
        {
            double vol = _qlnet.Options[i].impliedVolatility(_prices[i], _qlnet.Process, QLNetAccuracy, 100, 1e-7, 4.0);
            if (recovered is not null) recovered[i] = vol;
            sum += vol;
        }

        return sum;
    }

    /// <summary>Largest |σ_recovered − σ_true| over the cases for each library.</summary>
    public (double Ballast, double QLNet) MaxErrors()
    {
        var ballast = new double[Count];
        var qlnet = new double[Count];
        SolveWithBallast(ballast);
        SolveWithQLNet(qlnet);
        double MaxError(double[] vols) => vols.Select((v, i) => Math.Abs(v - _trueVols[i])).Max();
        return (MaxError(ballast), MaxError(qlnet));
    }
}
