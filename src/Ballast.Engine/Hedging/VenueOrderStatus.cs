namespace Ballast.Engine.Hedging;

/// <summary>Final state of an order at a venue.</summary>
public enum VenueOrderStatus
{
    /// <summary>The whole quantity filled.</summary>
    Filled = 0,
    /// <summary>Part filled; the rest was cancelled (IOC) or not matched.</summary>
    PartiallyFilled,
    /// <summary>Nothing filled, no error (e.g. a maker order nobody hit).</summary>
    Unfilled,
    /// <summary>Refused or failed; see the error.</summary>
    Failed,
}
