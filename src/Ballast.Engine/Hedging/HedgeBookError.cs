namespace Ballast.Engine.Hedging;

/// <summary>Why an event cannot be applied to a <see cref="HedgeBook"/>.</summary>
public enum HedgeBookError
{
    /// <summary>The event is valid.</summary>
    None = 0,
    /// <summary>The venue id is empty.</summary>
    MissingVenue,
    /// <summary>A fill of zero quantity.</summary>
    ZeroQuantity,
    /// <summary>A fill price that is zero or negative.</summary>
    NonPositivePrice,
    /// <summary>A negative fee.</summary>
    NegativeFee,
    /// <summary>An event the book does not know (a bug in the caller).</summary>
    UnknownEvent,
}
