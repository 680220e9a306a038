namespace Ballast.Engine.Hedging;

/// <summary>
/// A hedge policy: a pure function of the <see cref="HedgeContext"/> to a <see cref="HedgeDecision"/>. No clock, no
/// randomness, no state: the time since the last hedge is part of the context, so the engine decides and replays.
/// </summary>
public interface IHedgePolicy
{
    /// <summary>Which policy this is.</summary>
    HedgePolicyKind Kind { get; }

    /// <summary>Decides whether and how much to trade; rejects an invalid context with a typed error.</summary>
    HedgeDecision Decide(in HedgeContext context);
}
