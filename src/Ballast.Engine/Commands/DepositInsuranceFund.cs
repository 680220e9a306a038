namespace Ballast.Engine.Commands;

/// <summary>Money enters the insurance fund that covers insolvent margin accounts before the LPs do (Admin).</summary>
/// <param name="By">Admin principal.</param>
/// <param name="Amount">Quote amount, &gt; 0, with at most the quote asset's decimals.</param>
public sealed record DepositInsuranceFund(Principal By, decimal Amount) : Command(By);
