using Ballast.Engine.Markets;

namespace Ballast.Engine.Pool.Events;

/// <summary>
/// The liquidity pool was set up (engine command <c>OpenPool</c>). The NAV present at opening is owned from then on:
/// <paramref name="SeedShares"/> of the most junior tranche go to <paramref name="SeedOwner"/>.
/// </summary>
/// <param name="Time">Unix seconds (senior targets accrue from here).</param>
/// <param name="Tranches">Tranches, any order.</param>
/// <param name="Parameters">Pool parameters.</param>
/// <param name="SeedOwner">Owner of the seed shares.</param>
/// <param name="SeedNav">Pool NAV at opening, quote (already in the vault's capital; no money moves).</param>
/// <param name="SeedShares">⌊SeedNav / junior initial price⌋ to the share decimals; 0 when NAV is 0.</param>
public sealed record PoolOpened(long Time, IReadOnlyList<TrancheConfig> Tranches, PoolParameters Parameters, AccountId SeedOwner,
    decimal SeedNav, decimal SeedShares) : PoolEvent(Time);
