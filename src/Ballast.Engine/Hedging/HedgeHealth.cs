namespace Ballast.Engine.Hedging;

/// <summary>The vault's hedge state as the trade limits see it.</summary>
/// <param name="Status">Hedged or under-hedged.</param>
/// <param name="Reason">Why under-hedged; <see cref="UnderHedgeReason.None"/> when hedged.</param>
/// <param name="UnhedgedQuantity">Signed part of the last hedge order that could not be placed, units of underlying.</param>
/// <param name="Message">Human-readable detail (venues tried and their errors); empty when hedged.</param>
public sealed record HedgeHealth(HedgeStatus Status, UnderHedgeReason Reason, decimal UnhedgedQuantity, string Message)
{
    /// <summary>The fully-hedged state.</summary>
    public static HedgeHealth Hedged { get; } = new(HedgeStatus.Hedged, UnderHedgeReason.None, 0m, "");

    /// <summary>True when under-hedged.</summary>
    public bool IsUnderHedged => Status == HedgeStatus.UnderHedged;
}
