namespace Ballast.Simulation.MarketMaking;

/// <summary>Both strategies of one Avellaneda-Stoikov run, on common random numbers.</summary>
/// <param name="Settings">The settings that produced it.</param>
/// <param name="Inventory">The inventory (reservation-price) strategy.</param>
/// <param name="Symmetric">The symmetric benchmark.</param>
public sealed record AvellanedaStoikovReport(AvellanedaStoikovSettings Settings, StrategySummary Inventory, StrategySummary Symmetric);
