namespace Ballast.Engine.Hedging;

/// <summary>Which hedge policy a vault runs (chosen per vault; governance wires the choice).</summary>
public enum HedgePolicyKind
{
    /// <summary>Lyra v1 PoolHedger: capped full hedge after an interaction delay, earlier when the gap exceeds a threshold.</summary>
    Lyra = 1,
    /// <summary>Whalley-Wilmott (1997) no-trade band around the target; rebalance to the band edge.</summary>
    WhalleyWilmott,
    /// <summary>Rebalance fully to the target every fixed number of seconds.</summary>
    TimeBased,
    /// <summary>Whalley-Wilmott band that hedges less (wider band, partial hedge) while the book is long gamma.</summary>
    GammaAware,
}
