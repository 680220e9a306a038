using Ballast.Engine.Markets;

namespace Ballast.Engine.Commands;

/// <summary>A trader moves money into its own account at the vault (Trader).</summary>
/// <param name="By">Trader principal.</param>
/// <param name="Asset">Quote or base.</param>
/// <param name="Amount">Amount, &gt; 0, with at most the asset's decimals.</param>
public sealed record DepositCollateral(Principal By, Asset Asset, decimal Amount) : Command(By);
