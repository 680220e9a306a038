using Ballast.Engine.Parameters;

namespace Ballast.Engine.Governance;

/// <summary>Validation of a whole parameter set (used when a vault is opened).</summary>
public static class ParameterRules
{
    /// <summary>Null when every parameter is within its bounds, else the first problem.</summary>
    public static string? Validate(VaultParameters p) => p is null ? "parameters are required" : p.Validate().Message;
}
