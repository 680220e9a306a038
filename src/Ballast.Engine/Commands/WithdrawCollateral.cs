using Ballast.Engine.Markets;

namespace Ballast.Engine.Commands;

/// <summary>A trader takes free (unlocked) money out of its account (Trader).</summary>
/// <param name="By">Trader principal.</param>
/// <param name="Asset">Quote or base.</param>
/// <param name="Amount">Amount, &gt; 0, at most the free balance.</param>
public sealed record WithdrawCollateral(Principal By, Asset Asset, decimal Amount) : Command(By);
