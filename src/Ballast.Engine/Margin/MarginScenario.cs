using System.Globalization;

namespace Ballast.Engine.Margin;

/// <summary>One portfolio-margin scenario: a relative spot move, a vol shock direction and a loss weight.</summary>
/// <param name="SpotMove">Relative spot move (−0.18 = spot × 0.82). Must be &gt; −1.</param>
/// <param name="Vol">Vol shock direction.</param>
/// <param name="Weight">Weight applied to the scenario's PnL (1 for the core grid; &lt; 1 dampens tail moves, CME SPAN style).</param>
public readonly record struct MarginScenario(double SpotMove, VolShockDirection Vol, double Weight)
{
    /// <summary>
    /// Canonical total order used to break exact PnL ties, so the reported worst scenario does not depend on the
    /// order in which scenarios are listed: by spot move, then vol direction, then weight.
    /// </summary>
    public static int CanonicalCompare(in MarginScenario a, in MarginScenario b)
    {
        int c = a.SpotMove.CompareTo(b.SpotMove);
        if (c != 0) return c;
        c = ((int)a.Vol).CompareTo((int)b.Vol);
        return c != 0 ? c : a.Weight.CompareTo(b.Weight);
    }

    /// <summary>Human-readable description, e.g. "spot −18.0 %, vol up".</summary>
    public string Describe()
    {
        string vol = Vol switch { VolShockDirection.Up => "vol up", VolShockDirection.Down => "vol down", _ => "vol unchanged" };
        string weight = Weight == 1.0 ? "" : string.Create(CultureInfo.InvariantCulture, $", weight {Weight:0.###}");
        return string.Create(CultureInfo.InvariantCulture, $"spot {SpotMove * 100:+0.0;-0.0;0.0} %, {vol}{weight}");
    }
}
