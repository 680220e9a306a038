namespace Ballast.Engine.Pool;

/// <summary>
/// Splits a NAV between tranches, senior first: each senior tranche is owed its target claim (principal accrued at its
/// APR) and is paid min(remaining, target); the residual goes to the most junior tranche that has shares, so losses hit
/// the most junior first and seniors lose only once everything below them is gone. The sum of claims equals the NAV
/// exactly whenever some tranche has shares. This is the classic senior/junior (CDO-style) priority-of-payments waterfall,
/// written from its definition; the arithmetic is exact decimal.
/// </summary>
public static class TrancheWaterfall
{
    /// <summary>Allocates <paramref name="nav"/> to tranches given in seniority order (most senior first).</summary>
    /// <param name="nav">NAV in quote, ≥ 0 (an insolvent pool passes 0).</param>
    /// <param name="shares">Share supply per tranche, ≥ 0, in seniority order.</param>
    /// <param name="targetClaims">Target claim per tranche (quote, ≥ 0), in the same order; the last entry is ignored (residual).</param>
    /// <param name="claims">Receives the claim per tranche (quote, ≥ 0); same length as <paramref name="shares"/>.</param>
    /// <returns>NAV that no tranche can hold because no tranche has shares (0 otherwise).</returns>
    public static decimal Allocate(decimal nav, ReadOnlySpan<decimal> shares, ReadOnlySpan<decimal> targetClaims, Span<decimal> claims)
    {
        if (nav < 0) throw new ArgumentOutOfRangeException(nameof(nav), nav, "NAV must be ≥ 0; report insolvency instead");
        if (targetClaims.Length != shares.Length || claims.Length != shares.Length) throw new ArgumentException("spans must have the same length");
        claims.Clear();
        int residual = -1;
        for (int i = shares.Length - 1; i >= 0; i--)
        {
            if (shares[i] > 0) { residual = i; break; }
        }

        if (residual < 0) return nav;
        decimal remaining = nav;
        for (int i = 0; i < residual; i++)
        {
            decimal target = shares[i] > 0 ? targetClaims[i] : 0;
            decimal claim = target < remaining ? target : remaining;
            claims[i] = claim;
            remaining -= claim;
        }

        claims[residual] = remaining;
        return 0;
    }

    /// <summary>Share price = claim / shares, or <paramref name="priceWhenEmpty"/> when the tranche has no shares.</summary>
    /// <param name="claim">Tranche claim, quote.</param>
    /// <param name="shares">Share supply.</param>
    /// <param name="priceWhenEmpty">Defined price of an empty tranche, quote per share.</param>
    public static decimal SharePrice(decimal claim, decimal shares, decimal priceWhenEmpty) => shares > 0 ? claim / shares : priceWhenEmpty;
}
