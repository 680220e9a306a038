namespace Ballast.Server.Auth;

/// <summary>What an API key may do. Engine roles plus <see cref="Lp"/> (capital provider).</summary>
public enum ApiRole
{
    Trader,
    Lp,
    Oracle,
    Governor,
    Admin,
    /// <summary>Liquidates margin accounts under maintenance margin (engine role Keeper).</summary>
    Keeper,
}
