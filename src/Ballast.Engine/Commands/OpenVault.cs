using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;

namespace Ballast.Engine.Commands;

/// <summary>Creates the vault's market with its initial parameters (Admin; once, before anything else).</summary>
/// <param name="By">Admin principal.</param>
/// <param name="Market">Underlying, quote asset, settlement style.</param>
/// <param name="Parameters">Initial governance parameters (validated against their bounds).</param>
public sealed record OpenVault(Principal By, MarketDefinition Market, VaultParameters Parameters) : Command(By);
