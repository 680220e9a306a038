using System.Globalization;
using Ballast.Pricing;

namespace Ballast.Engine.Markets;

/// <summary>
/// One option series of a vault: its board's expiry, its strike and call/put. Readable name
/// <c>UNDERLYING-YYYYMMDD-STRIKE-C|P</c>, e.g. <c>ETH-20260626-3000-C</c> (date of expiry in UTC, strike in quote units
/// without trailing zeros).
/// </summary>
/// <param name="Expiry">Expiry of the board, Unix seconds (UTC).</param>
/// <param name="Strike">Strike in quote units (exact).</param>
/// <param name="Type">Call or put.</param>
public readonly record struct SeriesId(long Expiry, decimal Strike, OptionType Type)
{
    /// <summary>The (board, strike) pair this series belongs to.</summary>
    public StrikeKey StrikeKey => new(Expiry, Strike);

    /// <summary>The readable name, e.g. <c>ETH-20260626-3000-C</c>.</summary>
    public string Name(string underlying) => string.Create(CultureInfo.InvariantCulture,
        $"{underlying}-{DateTimeOffset.FromUnixTimeSeconds(Expiry).UtcDateTime:yyyyMMdd}-{Canonical(Strike)}-{(Type == OptionType.Call ? 'C' : 'P')}");

    /// <summary>Splits a readable name into its parts; false when it is not of the form <c>U-YYYYMMDD-K-C|P</c>.</summary>
    public static bool TryParseName(string? name, out string underlying, out DateOnly expiryDate, out decimal strike, out OptionType type)
    {
        underlying = ""; expiryDate = default; strike = 0; type = OptionType.Call;
        if (name is null) return false;
        string[] parts = name.Split('-');
        if (parts.Length != 4 || parts[0].Length == 0) return false;
        if (!DateOnly.TryParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out expiryDate)) return false;
        if (!decimal.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out strike) || strike <= 0) return false;
        switch (parts[3])
        {
            case "C" or "c": type = OptionType.Call; break;
            case "P" or "p": type = OptionType.Put; break;
            default: return false;
        }

        underlying = parts[0];
        return true;
    }

    /// <summary>The value without trailing zeros, invariant culture ("3000", "2500.5").</summary>
    public static string Canonical(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}

/// <summary>Identifies one strike of one board: the call and the put share it.</summary>
/// <param name="Expiry">Expiry of the board, Unix seconds (UTC).</param>
/// <param name="Strike">Strike in quote units.</param>
public readonly record struct StrikeKey(long Expiry, decimal Strike);
