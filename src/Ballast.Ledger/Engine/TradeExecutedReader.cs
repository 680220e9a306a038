using System.Text.Json;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Volatility;
using Ballast.Pricing;

namespace Ballast.Ledger.Engine;

/// <summary>
/// Fast path for the event that is ~90 % of every ledger: reads a <see cref="TradeExecuted"/> payload in the exact
/// shape System.Text.Json writes it, with one <see cref="Utf8JsonReader"/> pass and no reflection. Anything else — a
/// missing, repeated, reordered-discriminator or unknown property, a wrong token type — returns false, and the
/// codec falls back to the general serializer, which stays the authority on what a valid payload is.
/// </summary>
internal static class TradeExecutedReader
{
    private const int AllFields = (1 << 10) - 1;

    public static bool TryRead(ReadOnlySpan<byte> json, out TradeExecuted? trade)
    {
        try
        {
            return TryReadCore(json, out trade);
        }
        catch (JsonException)
        {
            // Not JSON at all: the reader throws on malformed input; the general path reports it the same way.
            trade = null;
            return false;
        }
    }

    private static bool TryReadCore(ReadOnlySpan<byte> json, out TradeExecuted? trade)
    {
        trade = null;
        var r = new Utf8JsonReader(json);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return false;
        // The engine's discriminator comes first (System.Text.Json requires it there too).
        if (!r.Read() || !r.ValueTextEquals("type"u8) || !r.Read() || !r.ValueTextEquals("TradeExecuted"u8)) return false;
        string? account = null;
        long expiry = 0, time = 0;
        decimal strike = 0, size = 0, payment = 0, fees = 0;
        int type = 0, direction = 0, seen = 0;
        double baseIv = 0, skew = 0;
        bool forceClose = false;
        while (r.Read())
        {
            if (r.TokenType == JsonTokenType.EndObject) break;
            if (r.TokenType != JsonTokenType.PropertyName) return false;
            int field;
            if (r.ValueTextEquals("Account"u8)) field = 0;
            else if (r.ValueTextEquals("Series"u8)) field = 1;
            else if (r.ValueTextEquals("Direction"u8)) field = 2;
            else if (r.ValueTextEquals("Size"u8)) field = 3;
            else if (r.ValueTextEquals("Payment"u8)) field = 4;
            else if (r.ValueTextEquals("Fees"u8)) field = 5;
            else if (r.ValueTextEquals("NewBaseIv"u8)) field = 6;
            else if (r.ValueTextEquals("NewSkew"u8)) field = 7;
            else if (r.ValueTextEquals("ForceClose"u8)) field = 8;
            else if (r.ValueTextEquals("Time"u8)) field = 9;
            else return false;
            if ((seen & (1 << field)) != 0 || !r.Read()) return false;
            seen |= 1 << field;
            bool ok = field switch
            {
                0 => ReadAccount(ref r, out account),
                1 => ReadSeries(ref r, out expiry, out strike, out type),
                2 => r.TokenType == JsonTokenType.Number && r.TryGetInt32(out direction),
                3 => r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out size),
                4 => r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out payment),
                5 => r.TokenType == JsonTokenType.Number && r.TryGetDecimal(out fees),
                6 => r.TokenType == JsonTokenType.Number && r.TryGetDouble(out baseIv),
                7 => r.TokenType == JsonTokenType.Number && r.TryGetDouble(out skew),
                8 => ReadBool(ref r, out forceClose),
                _ => r.TokenType == JsonTokenType.Number && r.TryGetInt64(out time),
            };
            if (!ok) return false;
        }

        if (seen != AllFields || r.TokenType != JsonTokenType.EndObject || r.Read()) return false;
        trade = new TradeExecuted(time, new AccountId(account!), new SeriesId(expiry, strike, (OptionType)type),
            (TradeDirection)direction, size, payment, fees, baseIv, skew, forceClose);
        return true;
    }

    private static bool ReadBool(ref Utf8JsonReader r, out bool value)
    {
        value = r.TokenType == JsonTokenType.True;
        return r.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    private static bool ReadAccount(ref Utf8JsonReader r, out string? account)
    {
        account = null;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        if (!r.Read() || !r.ValueTextEquals("Value"u8) || !r.Read() || r.TokenType != JsonTokenType.String) return false;
        account = r.GetString();
        return r.Read() && r.TokenType == JsonTokenType.EndObject;
    }

    /// <summary>SeriesId as written: Expiry, Strike, Type, then the derived StrikeKey (ignored on read, as the serializer does).</summary>
    private static bool ReadSeries(ref Utf8JsonReader r, out long expiry, out decimal strike, out int type)
    {
        expiry = 0; strike = 0; type = 0;
        if (r.TokenType != JsonTokenType.StartObject) return false;
        if (!r.Read() || !r.ValueTextEquals("Expiry"u8) || !r.Read() || !r.TryGetInt64(out expiry)) return false;
        if (!r.Read() || !r.ValueTextEquals("Strike"u8) || !r.Read() || r.TokenType != JsonTokenType.Number || !r.TryGetDecimal(out strike)) return false;
        if (!r.Read() || !r.ValueTextEquals("Type"u8) || !r.Read() || r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out type)) return false;
        if (!r.Read()) return false;
        if (r.TokenType == JsonTokenType.PropertyName)
        {
            if (!r.ValueTextEquals("StrikeKey"u8) || !r.Read() || r.TokenType != JsonTokenType.StartObject || !r.TrySkip() || !r.Read()) return false;
        }

        return r.TokenType == JsonTokenType.EndObject;
    }
}
