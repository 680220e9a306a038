namespace Ballast.Engine.Margin;

/// <summary>What one position contributes to an account's margin (model numbers, quote currency, whole position).</summary>
/// <param name="PositionIndex">Index in <see cref="TraderAccount.Positions"/>.</param>
/// <param name="InitialRequirement">Standard: the position's isolated IM requirement (0 for longs). Portfolio: imFactor × its loss in the worst IM scenario plus its naked-short contingency share.</param>
/// <param name="MaintenanceRequirement">Standard: isolated MM requirement (0 for longs). Portfolio: mmFactor × its loss in the worst scenario plus its naked-short charge share. Negative = the position offsets others.</param>
/// <param name="WorstScenarioPnl">Standard: settlement PnL at the binding max-loss price of its expiry (0 when the isolated sum binds). Portfolio: weighted PnL in the worst scenario.</param>
public readonly record struct PositionContribution(int PositionIndex, double InitialRequirement, double MaintenanceRequirement, double WorstScenarioPnl);
