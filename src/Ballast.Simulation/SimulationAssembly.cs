namespace Ballast.Simulation;
/// <summary>Marker for the simulation assembly (market models, order flow and the runner land here).</summary>
public static class SimulationAssembly { }
