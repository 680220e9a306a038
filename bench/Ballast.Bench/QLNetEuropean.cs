using QLNet;

namespace Ballast.Bench;

/// <summary>
/// QLNet 1.13.2's analytic European pricing set up once, the way a user would reuse it: one process (spot,
/// dividend and rate curves, constant vol) and one instrument per strike; only the spot quote changes.
/// </summary>
public sealed class QLNetEuropean
{
    private static readonly DayCounter DayCounter = new Actual365Fixed();

    public QLNetEuropean(double spot, double rate, double yield, double vol, int days, IReadOnlyList<(Option.Type Type, double Strike)> contracts)
    {
        Date today = new(25, Month.November, 2026);
        Settings.setEvaluationDate(today);
        Spot = new SimpleQuote(spot);
        Process = new BlackScholesMertonProcess(
            new Handle<Quote>(Spot),
            new Handle<YieldTermStructure>(new FlatForward(today, yield, DayCounter)),
            new Handle<YieldTermStructure>(new FlatForward(today, rate, DayCounter)),
            new Handle<BlackVolTermStructure>(new BlackConstantVol(today, new NullCalendar(), vol, DayCounter)));
        var exercise = new EuropeanExercise(today + days);
        var engine = new AnalyticEuropeanEngine(Process);
        Options = contracts.Select(c =>
        {
            var option = new EuropeanOption(new PlainVanillaPayoff(c.Type, c.Strike), exercise);
            option.setPricingEngine(engine);
            return option;
        }).ToArray();
        YearFraction = days / 365.0;
    }

    public SimpleQuote Spot { get; }

    public BlackScholesMertonProcess Process { get; }

    public EuropeanOption[] Options { get; }

    /// <summary>Time to expiry in years (Actual/365 Fixed).</summary>
    public double YearFraction { get; }
}
