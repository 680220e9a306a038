namespace Ballast.Engine.Pool;

/// <summary>
/// Net asset value of the pool, or an explicit insolvency: <see cref="Nav"/> is never negative; when liabilities exceed
/// assets it is 0, <see cref="IsInsolvent"/> is true and <see cref="Deficit"/> says by how much (quote).
/// </summary>
/// <param name="Nav">max(assets − liabilities, 0), quote.</param>
/// <param name="Deficit">max(liabilities − assets, 0), quote.</param>
/// <param name="Assets">quote + base·spot + hedge value + max(−option liability, 0), quote.</param>
/// <param name="Liabilities">settlements + queued deposits + max(option liability, 0), quote.</param>
/// <param name="Error">Why the inputs were refused; <see cref="NavInputError.None"/> when computed.</param>
/// <param name="Message">Human explanation of <paramref name="Error"/>, null when computed.</param>
public readonly record struct NavResult(decimal Nav, decimal Deficit, decimal Assets, decimal Liabilities, NavInputError Error, string? Message)
{
    /// <summary>True when the inputs were valid.</summary>
    public bool IsValid => Error == NavInputError.None;

    /// <summary>True when liabilities exceed assets (and the inputs were valid).</summary>
    public bool IsInsolvent => IsValid && Deficit > 0;

    /// <summary>A solvent NAV with no breakdown (tests, CLI): assets = <paramref name="nav"/>, liabilities 0.</summary>
    /// <param name="nav">NAV in quote, ≥ 0.</param>
    public static NavResult Solvent(decimal nav) =>
        nav >= 0 ? new(nav, 0, nav, 0, NavInputError.None, null) : throw new ArgumentOutOfRangeException(nameof(nav), nav, "NAV must be ≥ 0");

    internal static NavResult Invalid(NavInputError error, string message) => new(0, 0, 0, 0, error, message);
}
