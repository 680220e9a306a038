namespace Ballast.Simulation.Scenarios;

/// <summary>Why a scenario cannot run (typed; the CLI maps every value to one error line and exit code 2).</summary>
public enum ScenarioError
{
    /// <summary>Valid.</summary>
    None = 0,
    /// <summary>The market model or replay has a bad parameter (negative vol, non-positive spot, ...).</summary>
    InvalidMarket,
    /// <summary>Steps, step length, paths or schedule out of range.</summary>
    InvalidSchedule,
    /// <summary>Vault parameters fail the engine's own validation.</summary>
    InvalidVaultParameters,
    /// <summary>A flow parameter is negative or not finite.</summary>
    InvalidFlow,
    /// <summary>A sweep axis is empty, unknown or repeated.</summary>
    InvalidSweep,
}
