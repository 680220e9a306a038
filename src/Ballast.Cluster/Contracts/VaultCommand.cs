namespace Ballast.Cluster.Contracts;

/// <summary>
/// A command on the wire. Engine commands are not serialized directly (they carry engine value types that Orleans
/// would need attributes on); each wire command maps to exactly one engine command in <see cref="Grains.CommandMapper"/>.
/// </summary>
/// <param name="IdempotencyKey">Optional key; a retry with the same key and the same command is answered from the ledger, not re-executed.</param>
[GenerateSerializer, Immutable]
public abstract record VaultCommand([property: Id(0)] string? IdempotencyKey);

/// <summary>Opens the vault with the ledger's default set-up (<c>DefaultVault</c>): market, capital, two boards, opening spot.</summary>
/// <param name="IdempotencyKey">See <see cref="VaultCommand"/>.</param>
[GenerateSerializer, Immutable]
public sealed record OpenDefaultVault(string? IdempotencyKey = null) : VaultCommand(IdempotencyKey);

/// <summary>A trader buys or sells a series (engine <c>Trade</c>).</summary>
/// <param name="Account">The trader's account.</param>
/// <param name="Series">The series.</param>
/// <param name="Buy">True when the trader buys.</param>
/// <param name="Size">Options (units of underlying), &gt; 0.</param>
/// <param name="LimitPrice">Buy: most paid; sell: least accepted (payment-asset money for the whole size).</param>
/// <param name="IdempotencyKey">See <see cref="VaultCommand"/>.</param>
[GenerateSerializer, Immutable]
public sealed record PlaceTrade(
    [property: Id(1)] string Account, [property: Id(2)] SeriesRef Series, [property: Id(3)] bool Buy, [property: Id(4)] double Size,
    [property: Id(5)] decimal LimitPrice, string? IdempotencyKey = null) : VaultCommand(IdempotencyKey);

/// <summary>An oracle spot update (engine <c>UpdateSpot</c>).</summary>
/// <param name="Oracle">The oracle's account.</param>
/// <param name="Spot">Spot in quote units, &gt; 0.</param>
/// <param name="ObservedAt">Observation time, Unix seconds.</param>
/// <param name="IdempotencyKey">See <see cref="VaultCommand"/>.</param>
[GenerateSerializer, Immutable]
public sealed record PostSpot(
    [property: Id(1)] string Oracle, [property: Id(2)] double Spot, [property: Id(3)] long ObservedAt, string? IdempotencyKey = null)
    : VaultCommand(IdempotencyKey);

/// <summary>Capital enters the vault (engine <c>DepositCapital</c>, in the quote asset).</summary>
/// <param name="Admin">The admin account.</param>
/// <param name="Provider">Who provides the capital.</param>
/// <param name="Amount">Quote-asset amount, &gt; 0.</param>
/// <param name="IdempotencyKey">See <see cref="VaultCommand"/>.</param>
[GenerateSerializer, Immutable]
public sealed record DepositQuoteCapital(
    [property: Id(1)] string Admin, [property: Id(2)] string Provider, [property: Id(3)] decimal Amount, string? IdempotencyKey = null)
    : VaultCommand(IdempotencyKey);

/// <summary>A trader deposits quote-asset collateral into its own account at the vault (engine <c>DepositCollateral</c>).</summary>
/// <param name="Account">The trader.</param>
/// <param name="Amount">Quote-asset amount, &gt; 0.</param>
/// <param name="IdempotencyKey">See <see cref="VaultCommand"/>.</param>
[GenerateSerializer, Immutable]
public sealed record DepositTraderCollateral([property: Id(1)] string Account, [property: Id(2)] decimal Amount, string? IdempotencyKey = null)
    : VaultCommand(IdempotencyKey);
