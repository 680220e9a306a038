using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Ledger.Hosting;

namespace Ballast.Server.Api;

/// <summary>
/// Lock-free lookup of listed series by name for request validation and quotes: a dictionary hit instead of parsing
/// the name (date and strike) and scanning the boards under the host's read lock on every request. Rebuilt only when
/// listings change; a miss falls back to the state. The engine still checks that the series is listed.
/// </summary>
public sealed class SeriesCatalog
{
    private readonly VaultHost _host;
    private volatile Snapshot _snapshot;

    private sealed record Snapshot(string Underlying, Dictionary<string, SeriesId> ByName);

    public SeriesCatalog(VaultHost host)
    {
        _host = host;
        _snapshot = Build(host);
        host.Committed += batch =>
        {
            foreach (var (_, e) in batch.Events)
            {
                if (e is VaultOpened or BoardListed or StrikeListed or BoardDelisted or StrikeDelisted or BoardSettled)
                {
                    _snapshot = Build(host);
                    return;
                }
            }
        };
    }

    /// <summary>The market's underlying (empty before the vault opens).</summary>
    public string Underlying => _snapshot.Underlying;

    public bool TryResolve(string name, out SeriesId series)
    {
        if (_snapshot.ByName.TryGetValue(name, out series)) return true;
        var found = _host.Read(name, static (s, n) => s.TryResolveSeries(n, out var id) ? id : (SeriesId?)null);
        series = found ?? default;
        return found is not null;
    }

    private static Snapshot Build(VaultHost host) => host.Read(static s =>
    {
        var byName = new Dictionary<string, SeriesId>(StringComparer.OrdinalIgnoreCase);
        string u = s.Market?.Underlying ?? "";
        foreach (var v in VaultViews.Series(s))
        {
            if (s.TryResolveSeries(v.Name, out var id)) byName[v.Name] = id;
        }

        return new Snapshot(u, byName);
    });
}
