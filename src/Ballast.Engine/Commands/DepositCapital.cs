using Ballast.Engine.Markets;

namespace Ballast.Engine.Commands;

/// <summary>
/// Money enters the vault's own capital (Admin). The liquidity-pool issue replaces this with LP deposits through
/// queues and tranches; <paramref name="Provider"/> is the seam.
/// </summary>
/// <param name="By">Admin principal.</param>
/// <param name="Provider">Who provided the capital.</param>
/// <param name="Asset">Quote or base.</param>
/// <param name="Amount">Amount, &gt; 0, with at most the asset's decimals.</param>
public sealed record DepositCapital(Principal By, AccountId Provider, Asset Asset, decimal Amount) : Command(By);
