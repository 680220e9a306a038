using Ballast.Engine;
using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.State;
using Ballast.Engine.Volatility;
using Ballast.Ledger;
using Ballast.Ledger.Engine;
using Ballast.Pricing;

namespace Ballast.Cli.Tests;

/// <summary>A small vault (open, fund, list, spot, two trades) appended to a ledger the way a host does, one command per append.</summary>
internal static class SmallVaultScript
{
    public const long T0 = 1_780_000_000;
    public const long Expiry = T0 + 7 * 86_400;

    /// <summary>Appends the script to <paramref name="stream"/>; returns the live state's hash and the event count.</summary>
    public static async Task<(string Hash, int Events)> AppendAsync(IEventStore store, string stream)
    {
        var state = new VaultState();
        int events = 0, commands = 0;
        var admin = new Principal(new AccountId("admin"), Role.Admin);
        var gov = new Principal(new AccountId("gov"), Role.Governor);
        var oracle = new Principal(new AccountId("oracle"), Role.Oracle);
        var alice = new Principal(new AccountId("alice"), Role.Trader);
        Command[] script =
        [
            new OpenVault(admin, new MarketDefinition("ETH", "USDC", SettlementStyle.Linear), VaultParameters.Default),
            new DepositCapital(admin, new AccountId("lp"), Asset.Quote, 1_000_000m),
            new ListBoard(gov, Expiry, 0.8),
            new ListStrike(gov, Expiry, 3000m, 1.0),
            new UpdateSpot(oracle, 3000, T0),
            new DepositCollateral(alice, Asset.Quote, 100_000m),
            new Trade(alice, new SeriesId(Expiry, 3000m, OptionType.Call), TradeDirection.Buy, 2, decimal.MaxValue),
            new Trade(alice, new SeriesId(Expiry, 3000m, OptionType.Put), TradeDirection.Sell, 1, 0m),
        ];
        foreach (var command in script)
        {
            var d = Vault.Decide(state, command, T0);
            Assert.True(d.IsAccepted, d.ToString());
            var records = d.ToArray().Select(e => VaultEventCodec.Instance.Encode(e).ToNewRecord()).ToList();
            Assert.True((await store.AppendAsync(stream, events, records, $"cmd-{++commands}")).IsDurable);
            state.Apply(d);
            events += d.EventCount;
        }

        return (state.StateHash(), events);
    }
}
