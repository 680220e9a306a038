namespace Ballast.Engine.Pool;

/// <summary>One tranche's part of a NAV.</summary>
/// <param name="Tranche">Tranche name.</param>
/// <param name="Shares">Share supply.</param>
/// <param name="TargetClaim">What a senior tranche is owed (quote); 0 for the residual tranche.</param>
/// <param name="Claim">Quote allocated by the waterfall, ≥ 0.</param>
/// <param name="SharePrice">Claim / shares, or the defined price of an empty tranche (quote per share), ≥ 0.</param>
public readonly record struct TrancheClaim(string Tranche, decimal Shares, decimal TargetClaim, decimal Claim, decimal SharePrice);
