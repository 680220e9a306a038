using System.Globalization;
using System.Text.Json;

namespace Ballast.Pricing.Surfaces;

/// <summary>
/// Reads a Deribit option-chain snapshot (the format of shared/data/deribit_btc_chain_2026-05-21.json:
/// <c>{"asset_curve": {"ref_date"}, "inputs": [{"security_type": "spot"|"forward"|"option", "bid", "ask", ...}]}</c>,
/// numbers as strings, inverse options priced in BTC) into per-expiry implied-vol quotes. Pure: text in, data out.
/// </summary>
/// <remarks>
/// Filters, in order (each counted in <see cref="ChainFilterCounts"/>):
/// <list type="number">
/// <item>no two-sided market: bid or ask missing or ≤ 0, or ask &lt; bid;</item>
/// <item>expired: maturity at or before the reference time;</item>
/// <item>no forward: the expiry has no two-sided forward quote (its mid is the F in k = ln(K/F));</item>
/// <item>no implied vol: Deribit's iv_bid/iv_ask are used when 0 &lt; iv_bid ≤ iv_ask (they are the exchange's own
/// vols against its underlying); otherwise the bid, mid and ask prices are inverted with
/// <see cref="ImpliedVolatility.FromUndiscounted"/> on the undiscounted USD price = BTC price × F (Deribit options are
/// inverse and undiscounted: the chain's asset curve is "no_discount_curve"); a quote where any inversion fails is dropped;</item>
/// <item>in-the-money duplicate: where a call and a put share a strike only the out-of-the-money one is kept
/// (put for K &lt; F, call for K ≥ F).</item>
/// </list>
/// Time to expiry is ACT/365 in years from <c>asset_curve.ref_date</c> (or <c>quote_curve.ref_date</c>).
/// </remarks>
public static class DeribitChainLoader
{
    private const double SecondsPerYear = 365.0 * 86400.0;

    /// <summary>Parses a chain document.</summary>
    /// <param name="json">The whole JSON text.</param>
    public static ChainLoadResult Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return new ChainLoadResult(null, ChainLoadError.MalformedJson, "malformed JSON: " + OneLine(e.Message));
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement);
            }
            catch (ChainFormatException e)
            {
                return new ChainLoadResult(null, e.Error, e.Message);
            }
        }
    }

    private static ChainLoadResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new ChainFormatException(ChainLoadError.MissingField, "the document is not a JSON object");
        DateTimeOffset reference = ReadReferenceTime(root);
        if (!root.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array)
            throw new ChainFormatException(ChainLoadError.MissingField, "missing array 'inputs'");

        double? spot = null;
        var forwards = new Dictionary<DateTimeOffset, double>();
        var options = new List<(int Index, DateTimeOffset Maturity, double Strike, OptionType Type, double Bid, double Ask, double? IvBid, double? IvAsk)>();
        int notTwoSided = 0, expired = 0, noForward = 0, noVol = 0, duplicate = 0;
        int index = -1;
        foreach (var input in inputs.EnumerateArray())
        {
            index++;
            if (input.ValueKind != JsonValueKind.Object) throw new ChainFormatException(ChainLoadError.MissingField, $"inputs[{index}] is not an object");
            string kind = RequireString(input, "security_type", index);
            double? bid = Number(input, "bid", index), ask = Number(input, "ask", index);
            bool twoSided = bid > 0 && ask >= bid;
            switch (kind)
            {
                case "spot":
                    if (twoSided) spot = 0.5 * (bid!.Value + ask!.Value);
                    break;
                case "forward":
                    if (twoSided) forwards[Date(input, "maturity", index)] = 0.5 * (bid!.Value + ask!.Value);
                    break;
                case "option":
                    var maturity = Date(input, "maturity", index);
                    double strike = Number(input, "strike", index) ?? throw new ChainFormatException(ChainLoadError.MissingField, $"inputs[{index}]: missing 'strike'");
                    if (!(strike > 0)) throw new ChainFormatException(ChainLoadError.InvalidValue, $"inputs[{index}].strike: must be > 0");
                    var type = RequireString(input, "option_type", index) switch
                    {
                        "call" => OptionType.Call,
                        "put" => OptionType.Put,
                        var other => throw new ChainFormatException(ChainLoadError.InvalidValue, $"inputs[{index}].option_type: '{other}' is not call|put"),
                    };
                    if (!twoSided) { notTwoSided++; break; }
                    if (maturity <= reference) { expired++; break; }
                    options.Add((index, maturity, strike, type, bid!.Value, ask!.Value, Number(input, "iv_bid", index), Number(input, "iv_ask", index)));
                    break;
            }
        }

        var expiries = new List<ExpiryQuotes>();
        foreach (var group in options.GroupBy(o => o.Maturity).OrderBy(g => g.Key))
        {
            if (!forwards.TryGetValue(group.Key, out double forward)) { noForward += group.Count(); continue; }
            double time = (group.Key - reference).TotalSeconds / SecondsPerYear;
            var byStrike = new SortedDictionary<double, SmileQuote>();
            foreach (var o in group)
            {
                if (!TryVols(o.Type, o.Bid, o.Ask, o.IvBid, o.IvAsk, forward, o.Strike, time, out double bidVol, out double midVol, out double askVol)) { noVol++; continue; }
                var quote = new SmileQuote(o.Strike, Math.Log(o.Strike / forward), midVol, bidVol, askVol, o.Type);
                if (byStrike.TryGetValue(o.Strike, out var existing))
                {
                    duplicate++;
                    var outOfTheMoney = o.Strike < forward ? OptionType.Put : OptionType.Call;
                    if (existing.Type == outOfTheMoney) continue;
                }

                byStrike[o.Strike] = quote;
            }

            if (byStrike.Count > 0) expiries.Add(new ExpiryQuotes(group.Key, time, forward, byStrike.Values.ToArray()));
        }

        var counts = new ChainFilterCounts(notTwoSided, expired, noForward, noVol, duplicate);
        if (expiries.Count == 0)
            return new ChainLoadResult(null, ChainLoadError.NoUsableQuotes, $"no usable option quotes ({counts.Total} skipped)");
        int kept = expiries.Sum(e => e.Quotes.Count);
        return new ChainLoadResult(new DeribitChain(reference, spot, expiries, counts), ChainLoadError.None, $"{kept} quotes in {expiries.Count} expiries, {counts.Total} skipped");
    }

    private static bool TryVols(OptionType type, double bid, double ask, double? ivBid, double? ivAsk, double forward, double strike, double time, out double bidVol, out double midVol, out double askVol)
    {
        if (ivBid > 0 && ivAsk >= ivBid)
        {
            bidVol = ivBid.Value; askVol = ivAsk.Value; midVol = 0.5 * (bidVol + askVol);
            return true;
        }

        // Inverse option: USD value = BTC price × F, undiscounted (Deribit settles at expiry without a discount curve).
        var b = ImpliedVolatility.FromUndiscounted(type, bid * forward, forward, strike, time);
        var m = ImpliedVolatility.FromUndiscounted(type, 0.5 * (bid + ask) * forward, forward, strike, time);
        var a = ImpliedVolatility.FromUndiscounted(type, ask * forward, forward, strike, time);
        bidVol = b.Vol; midVol = m.Vol; askVol = a.Vol;
        return b.IsSuccess && m.IsSuccess && a.IsSuccess && midVol > 0;
    }

    private static DateTimeOffset ReadReferenceTime(JsonElement root)
    {
        foreach (string curve in (string[])["asset_curve", "quote_curve"])
        {
            if (root.TryGetProperty(curve, out var c) && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("ref_date", out var d) && d.ValueKind == JsonValueKind.String)
            {
                if (DateTimeOffset.TryParse(d.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t.ToUniversalTime();
                throw new ChainFormatException(ChainLoadError.InvalidValue, $"{curve}.ref_date: '{d.GetString()}' is not an ISO-8601 date");
            }
        }

        throw new ChainFormatException(ChainLoadError.MissingField, "missing reference time 'asset_curve.ref_date'");
    }

    private static string RequireString(JsonElement input, string name, int index)
    {
        if (input.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString()!;
        throw new ChainFormatException(ChainLoadError.MissingField, $"inputs[{index}]: missing string '{name}'");
    }

    private static DateTimeOffset Date(JsonElement input, string name, int index)
    {
        string text = RequireString(input, name, index);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t.ToUniversalTime();
        throw new ChainFormatException(ChainLoadError.InvalidValue, $"inputs[{index}].{name}: '{text}' is not an ISO-8601 date");
    }

    // Deribit writes numbers as strings; plain JSON numbers are accepted too. Absent or null → null.
    private static double? Number(JsonElement input, string name, int index)
    {
        if (!input.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        double d;
        bool ok = v.ValueKind switch
        {
            JsonValueKind.String => double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d),
            JsonValueKind.Number => v.TryGetDouble(out d),
            _ => (d = 0) != 0,
        };
        if (!ok || !double.IsFinite(d)) throw new ChainFormatException(ChainLoadError.InvalidValue, $"inputs[{index}].{name}: '{v.GetRawText()}' is not a finite number");
        return d;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private sealed class ChainFormatException(ChainLoadError error, string message) : Exception(message)
    {
        public ChainLoadError Error { get; } = error;
    }
}
