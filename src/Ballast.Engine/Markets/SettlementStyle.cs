namespace Ballast.Engine.Markets;

/// <summary>How options of a market pay out and are paid for.</summary>
public enum SettlementStyle
{
    /// <summary>Premium and payoff in the quote asset (e.g. USDC): payoff = max(S − K, 0) per call.</summary>
    Linear,

    /// <summary>
    /// Premium and payoff in the base asset (Deribit style): payoff = max(S − K, 0) / S base per call. Its value in
    /// quote equals the linear option's, so the Greek cache (kept in quote units) is the same for both styles.
    /// </summary>
    Inverse,
}
