namespace Ballast.Cluster.Contracts;

/// <summary>A quote for a size, or why none (the engine's rejection).</summary>
/// <param name="Quoted">True when priced.</param>
/// <param name="Payment">Money for the whole size in the payment asset, rounded in the vault's favour.</param>
/// <param name="Premium">Model premium for the size (quote units).</param>
/// <param name="Fees">Sum of the fee terms (quote units).</param>
/// <param name="Vol">Volatility the series was priced at (annualised, decimal).</param>
/// <param name="StateVersion">State version quoted at.</param>
/// <param name="ExpiresAt">Quote expiry, Unix seconds.</param>
/// <param name="Reason">Rejection reason name when not quoted.</param>
/// <param name="Message">Rejection message when not quoted.</param>
[GenerateSerializer, Immutable]
public sealed record QuoteReply(
    [property: Id(0)] bool Quoted, [property: Id(1)] decimal Payment, [property: Id(2)] double Premium, [property: Id(3)] double Fees,
    [property: Id(4)] double Vol, [property: Id(5)] long StateVersion, [property: Id(6)] long ExpiresAt,
    [property: Id(7)] string? Reason, [property: Id(8)] string? Message);
