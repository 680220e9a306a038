namespace Ballast.Simulation.Flow;

/// <summary>
/// Order arrival intensity as a function of the quoted edge, λ(edge) = A·e^(−k·edge) — Avellaneda &amp; Stoikov (2008),
/// "High-frequency trading in a limit order book", eq. (10), with the distance δ to the mid measured relative to the
/// option's model mid so one k serves options of any price.
/// </summary>
public static class ArrivalIntensity
{
    /// <summary>λ = A·e^(−k·edge), arrivals per hour when <paramref name="baseIntensity"/> is per hour.</summary>
    /// <param name="baseIntensity">A, arrivals per unit time at zero edge, ≥ 0.</param>
    /// <param name="decay">k per unit of relative edge, ≥ 0.</param>
    /// <param name="edge">Relative edge (total per option − mid)/mid for a buy, (mid − total per option)/mid for a sell.</param>
    public static double Of(double baseIntensity, double decay, double edge) => baseIntensity * Math.Exp(-decay * edge);

    /// <summary>
    /// Probability that a candidate arriving at the ceiling rate A becomes an order: e^(−k·max(edge, 0)). Thinning a
    /// Poisson process of rate A by this probability gives a Poisson process of rate λ(edge) (Lewis &amp; Shedler 1979)
    /// whenever edge ≥ 0; a quote better than mid (edge &lt; 0) is capped at A — noise traders do not arrive faster
    /// than their ceiling rate, that is what arbitrageurs are for.
    /// </summary>
    public static double AcceptProbability(double decay, double edge) => Math.Exp(-decay * Math.Max(edge, 0.0));

    /// <summary>Relative edge of a fill for the vault: positive when the trader pays above (or receives below) the mid.</summary>
    /// <param name="totalPerOption">Trader's payment (buy) or proceeds (sell) per option, quote units.</param>
    /// <param name="mid">Model mid per option, quote units, &gt; 0.</param>
    /// <param name="traderBuys">True when the trader buys.</param>
    public static double Edge(double totalPerOption, double mid, bool traderBuys) =>
        mid <= 0 ? double.PositiveInfinity : (traderBuys ? totalPerOption - mid : mid - totalPerOption) / mid;
}
