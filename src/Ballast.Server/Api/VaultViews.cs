using System.Globalization;
using Ballast.Engine.Events;
using Ballast.Engine.Greeks;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.State;
using Ballast.Pricing;

namespace Ballast.Server.Api;

/// <summary>Read models of the vault state for the API, dashboard and metrics. Called under the host's read lock.</summary>
public static class VaultViews
{
    /// <summary>A board's name: its expiry date, <c>yyyyMMdd</c> (as in series names).</summary>
    public static string BoardName(long expiry) => DateTimeOffset.FromUnixTimeSeconds(expiry).UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static bool TryResolveBoard(VaultState s, string? name, out BoardState board)
    {
        board = null!;
        if (string.IsNullOrEmpty(name)) return false;
        foreach (var b in s.Boards.Values)
        {
            if (BoardName(b.Expiry) == name || b.Expiry.ToString(CultureInfo.InvariantCulture) == name)
            {
                board = b;
                return true;
            }
        }

        return false;
    }

    public static GreeksView Greeks(in GreekExposure e) => new(e.Delta, e.Gamma, e.Vega, e.StandardVega, e.Theta, e.Value);

    /// <summary>NAV in quote units: capital and fees at spot plus the book at cached vols plus the hedge's price P&amp;L (the engine's fee NAV seam).</summary>
    public static double Nav(VaultState s) => s.HoldingsValue(Asset.Quote) + s.HoldingsValue(Asset.Base) * s.Spot + s.Exposure.Value + s.HedgeValue(s.Spot);

    public static MarketView Market(VaultState s) =>
        new(s.Market?.Underlying ?? "", s.Market?.QuoteAsset ?? "", s.Market?.Settlement.ToString().ToLowerInvariant() ?? "",
            s.Spot, s.SpotObservedAt, s.BoardsByExpiry().Select(b => BoardName(b.Expiry)).ToArray());

    public static BoardView Board(VaultState s, BoardState b, long now, VaultParameters p) =>
        new(BoardName(b.Expiry), b.Expiry, b.BaseIv, s.IsBoardCacheStale(b, now, p), Greeks(b.Exposure),
            b.Strikes.OrderBy(k => k.Strike).Select(k => new StrikeView(k.Strike, k.Skew, k.Vol, k.VaultCallPosition, k.VaultPutPosition, Greeks(k.Exposure))).ToArray());

    public static IReadOnlyList<SeriesView> Series(VaultState s)
    {
        var list = new List<SeriesView>();
        if (s.Market is null) return list;
        foreach (var b in s.BoardsByExpiry())
        {
            foreach (var k in b.Strikes.OrderBy(k => k.Strike))
            {
                foreach (var type in new[] { OptionType.Call, OptionType.Put })
                {
                    var id = new SeriesId(b.Expiry, k.Strike, type);
                    list.Add(new SeriesView(id.Name(s.Market.Underlying), BoardName(b.Expiry), k.Strike, type == OptionType.Call ? "call" : "put", k.Vol, k.VaultPosition(type)));
                }
            }
        }

        return list;
    }

    public static IReadOnlyList<BreakerView> Breakers(VaultState s, long now, VaultParameters p, string? hostFault)
    {
        long age = s.HasSpot ? now - s.SpotObservedAt : long.MaxValue;
        bool oracleStale = !s.HasSpot || age > p.MaxOracleAge;
        bool lowConfidence = s.HasSpot && s.SpotConfidence < p.MinOracleConfidence;
        int staleBoards = s.Boards.Values.Count(b => s.IsBoardCacheStale(b, now, p));
        return
        [
            new("oracle-stale", oracleStale, s.HasSpot ? $"spot age {age} s (max {p.MaxOracleAge} s)" : "no spot yet"),
            new("oracle-low-confidence", lowConfidence, $"confidence {s.SpotConfidence} (min {p.MinOracleConfidence})"),
            new("greek-cache-stale", staleBoards > 0, $"{staleBoards} of {s.Boards.Count} boards stale"),
            new("ledger-halted", hostFault is not null, hostFault ?? "ledger healthy"),
        ];
    }

    public static VaultStatusView Status(VaultState s, long now, long head, string? hostFault)
    {
        var p = s.ParametersAt(now, out _);
        return new VaultStatusView(now, s.Version, head, s.Spot, Nav(s), s.FreeLiquidity,
            s.Capital(Asset.Quote), s.Capital(Asset.Base), s.AccruedFees(Asset.Quote), s.AccruedFees(Asset.Base),
            Greeks(s.Exposure), s.BoardsByExpiry().Select(b => Board(s, b, now, p)).ToArray(), Breakers(s, now, p, hostFault));
    }

    public static AccountView Account(VaultState s, string account)
    {
        var a = s.AccountOrNull(new AccountId(account));
        if (a is null) return new AccountView(account, 0, 0, 0, 0, []);
        string u = s.Market?.Underlying ?? "";
        var positions = a.Positions.Where(kv => kv.Value != 0m).OrderBy(kv => kv.Key.Expiry).ThenBy(kv => kv.Key.Strike).ThenBy(kv => kv.Key.Type)
            .Select(kv => new PositionView(kv.Key.Name(u), kv.Value)).ToArray();
        return new AccountView(account, a.Free(Asset.Quote), a.Locked(Asset.Quote), a.Free(Asset.Base), a.Locked(Asset.Base), positions);
    }

    public static IReadOnlyList<ParameterView> Parameters(VaultState s, long now)
    {
        var p = s.ParametersAt(now, out _);
        return ParameterCatalog.All.Select(spec => new ParameterView(spec.Name, p.TryGet(spec.Name, out double v) ? v : spec.Default, spec.Min, spec.Max, spec.Default, spec.Unit, spec.Description)).ToArray();
    }

    public static TradeView Trade(string underlying, long sequence, TradeExecuted t) =>
        new(sequence, t.Time, t.Account.Value, t.Series.Name(underlying), t.Direction.ToString().ToLowerInvariant(), t.Size, t.Payment, t.Fees, t.NewBaseIv, t.NewSkew, t.ForceClose);
}
