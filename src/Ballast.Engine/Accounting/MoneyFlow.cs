namespace Ballast.Engine.Accounting;

/// <summary>Which way money moves relative to the vault; decides the rounding direction.</summary>
public enum MoneyFlow
{
    /// <summary>The vault receives: round up.</summary>
    ToVault,

    /// <summary>The vault pays: round down.</summary>
    FromVault,
}
