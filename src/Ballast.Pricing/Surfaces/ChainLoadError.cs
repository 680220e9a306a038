namespace Ballast.Pricing.Surfaces;

/// <summary>Why a chain document could not be read.</summary>
public enum ChainLoadError
{
    /// <summary>The chain was read.</summary>
    None = 0,

    /// <summary>The text is not valid JSON.</summary>
    MalformedJson,

    /// <summary>A required field is missing or has the wrong JSON type.</summary>
    MissingField,

    /// <summary>A numeric or date field could not be parsed.</summary>
    InvalidValue,

    /// <summary>No expiry had any usable quote.</summary>
    NoUsableQuotes,
}

/// <summary>Outcome of reading a chain: the chain, or a typed error with a one-line message naming the place.</summary>
/// <param name="Chain">The chain when <see cref="Error"/> is <see cref="ChainLoadError.None"/>.</param>
/// <param name="Error">Why reading failed.</param>
/// <param name="Message">One-line description (names the input index and field on errors).</param>
public readonly record struct ChainLoadResult(DeribitChain? Chain, ChainLoadError Error, string Message)
{
    /// <summary>True when the chain was read.</summary>
    public bool IsSuccess => Error == ChainLoadError.None;
}
