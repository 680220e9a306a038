namespace Ballast.Engine.Parameters;

/// <summary>
/// The documented contract of one governance parameter: its name (as used in governance commands and
/// vault files), inclusive bounds, default, unit and meaning.
/// </summary>
/// <param name="Name">camelCase name, matched case-insensitively by <see cref="VaultParameters.TryWith(string, double, out VaultParameters, out string?)"/>.</param>
/// <param name="Min">Smallest accepted value (inclusive).</param>
/// <param name="Max">Largest accepted value (inclusive).</param>
/// <param name="Default">Value in <see cref="VaultParameters.Default"/>.</param>
/// <param name="Unit">Unit of the value, e.g. "seconds", "ratio", "options".</param>
/// <param name="Description">What the parameter does and where its default and bounds come from.</param>
public sealed record ParameterSpec(string Name, double Min, double Max, double Default, string Unit, string Description)
{
    /// <summary>True when only whole numbers are accepted (e.g. <c>iterations</c>).</summary>
    public bool IsInteger { get; init; }
}
