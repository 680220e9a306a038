namespace Ballast.Engine.Hedging;

/// <summary>How a hedge is split across venues.</summary>
/// <param name="Allocations">Signed order quantity per venue id (only non-zero entries), in candidate order.</param>
/// <param name="ExpectedCost">Expected all-in cost of the allocations, quote.</param>
/// <param name="Unallocated">Signed part no venue had room for, units of underlying.</param>
public sealed record RoutePlan(IReadOnlyList<KeyValuePair<string, decimal>> Allocations, double ExpectedCost, decimal Unallocated);
