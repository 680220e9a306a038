namespace Ballast.Engine;
/// <summary>Marker for the engine assembly (the vault state machine lands here).</summary>
public static class EngineAssembly { }
