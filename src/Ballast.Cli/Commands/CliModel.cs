namespace Ballast.Cli;

/// <summary>Pricing model selectable from the command line or a CSV <c>model</c> column.</summary>
public enum CliModel
{
    /// <summary>Generalized Black-Scholes-Merton (European, spot and yield).</summary>
    Bsm,
    /// <summary>Black-76 (European, forward and discount rate).</summary>
    Black76,
    /// <summary>Barone-Adesi-Whaley American approximation.</summary>
    Baw,
    /// <summary>Bjerksund-Stensland (2002 two-step boundary) American approximation.</summary>
    Bjs,
}
