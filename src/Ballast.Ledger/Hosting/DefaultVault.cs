using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;

namespace Ballast.Ledger.Hosting;

/// <summary>
/// The vault a fresh ledger starts with, modelled on <c>samples/vault.json</c>: ETH/USDC linear, 10,000,000 USDC
/// of capital, spot 3000, two boards (28 and 63 days out, at 08:00 UTC) with strikes around spot and a gentle skew.
/// Expressed as ordinary commands so it obeys every engine rule and lands in the ledger like any other history.
/// </summary>
public static class DefaultVault
{
    /// <summary>Spot the vault opens at.</summary>
    public const double OpeningSpot = 3000;

    private static readonly Principal Admin = new(new AccountId("bootstrap"), Role.Admin);
    private static readonly Principal Governor = Admin with { Role = Role.Governor };
    private static readonly Principal Oracle = Admin with { Role = Role.Oracle };

    /// <summary>The commands, in order, for a vault opened at <paramref name="now"/> (Unix seconds).</summary>
    public static IReadOnlyList<Command> Commands(long now)
    {
        var p = VaultParameters.Default;
        p.TryWith("standardSize", 5, out p, out _);
        var list = new List<Command>
        {
            new OpenVault(Admin, new MarketDefinition("ETH", "USDC", SettlementStyle.Linear), p),
            new DepositCapital(Admin, new AccountId("seed-lp"), Asset.Quote, 10_000_000m),
        };
        var boards = new (int Days, double BaseIv, (decimal Strike, double Skew)[] Strikes)[]
        {
            (28, 0.80, [(2500m, 1.10), (2750m, 1.04), (3000m, 1.00), (3250m, 0.98), (3500m, 0.99)]),
            (63, 0.75, [(2500m, 1.08), (2750m, 1.03), (3000m, 1.00), (3250m, 0.99), (3500m, 0.98)]),
        };
        long day = now - now % 86_400;
        foreach (var (days, baseIv, strikes) in boards)
        {
            long expiry = day + days * 86_400L + 8 * 3_600L;
            list.Add(new ListBoard(Governor, expiry, baseIv));
            foreach (var (strike, skew) in strikes) list.Add(new ListStrike(Governor, expiry, strike, skew));
        }

        list.Add(new UpdateSpot(Oracle, OpeningSpot, now, 1.0, OpeningSpot));
        return list;
    }
}
