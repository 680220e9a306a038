using Ballast.Cluster.Contracts;
using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Volatility;
using Ballast.Ledger;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Hosting;
using Ballast.Pricing;

namespace Ballast.Cluster.Tests;

public sealed class VaultGrainTests(VaultCluster cluster) : IClassFixture<VaultCluster>
{
    private long Now => cluster.Clock.UnixSeconds;

    private async Task<List<VaultCommand>> OpenAndTradeAsync(IVaultGrain vault, int trades, int from = 0)
    {
        var sent = new List<VaultCommand>();
        if (from == 0)
        {
            foreach (var setup in Markets.Setup())
            {
                Assert.Equal(ReplyStatus.Accepted, (await vault.Submit(setup)).Status);
                sent.Add(setup);
            }
        }

        for (int i = from; i < from + trades; i++)
        {
            var trade = Markets.Trade(Now, i);
            var reply = await vault.Submit(trade);
            Assert.True(reply.Succeeded, $"trade {i}: {reply.Reason}: {reply.Message}");
            sent.Add(trade);
        }

        return sent;
    }

    [Fact]
    public async Task Commands_routed_to_a_vault_grain_give_the_same_state_hash_as_the_engine_applied_directly()
    {
        var vault = cluster.Vault("eth-direct");
        var sent = await OpenAndTradeAsync(vault, 20);
        var spot = new PostSpot("oracle", 3050, Now);
        Assert.Equal(ReplyStatus.Accepted, (await vault.Submit(spot)).Status);
        sent.Add(spot);
        sent.Add(Markets.Trade(Now, 20));
        var last = await vault.Submit(sent[^1]);

        var direct = Markets.Direct(sent, Now);
        var status = await vault.Status();
        Assert.True(last.Succeeded, $"the last trade should fill: {last.Message}");
        Assert.Equal(direct.StateHash(), status.StateHash);
        Assert.Equal(direct.Version, status.StateVersion);
    }

    [Fact]
    public async Task A_trade_reply_carries_the_payment_the_quote_promised()
    {
        var vault = cluster.Vault("eth-quote");
        await OpenAndTradeAsync(vault, 0);
        var trade = Markets.Trade(Now, 0);
        var quote = await vault.Quote(trade.Series, trade.Buy, trade.Size);
        var reply = await vault.Submit(trade);

        Assert.True(quote.Quoted, $"{quote.Reason}: {quote.Message}");
        Assert.True(reply.Status == ReplyStatus.Accepted, $"{reply.Reason}: {reply.Message}");
        Assert.Equal(ReplyStatus.Accepted, reply.Status);
        Assert.Equal(quote.Payment, reply.Payment);
    }

    [Fact]
    public async Task Vault_grains_spread_across_the_three_silos()
    {
        var silos = new HashSet<string>();
        for (int v = 0; v < 12; v++)
        {
            var vault = cluster.Vault($"spread-{v}");
            await vault.Submit(new OpenDefaultVault());
            silos.Add((await vault.Status()).Silo);
        }

        Assert.True(silos.Count > 1, $"12 vaults all landed on {string.Join(", ", silos)}");
    }

    [Fact]
    public async Task A_deactivated_vault_grain_recovers_from_the_ledger_with_the_same_hash_and_trades_on()
    {
        var vault = cluster.Vault("eth-deactivate");
        var sent = await OpenAndTradeAsync(vault, 8);
        var before = await vault.Status();

        await cluster.Cluster.DeactivateAsync(vault);
        var after = await vault.Status();
        sent.AddRange(await OpenAndTradeAsync(vault, 4, from: 8));
        var end = await vault.Status();

        Assert.Equal(before.StateHash, after.StateHash);
        Assert.Equal(before.Head, after.Head);
        Assert.Equal(Markets.Direct(sent, Now).StateHash(), end.StateHash);
    }

    [Fact]
    public async Task An_activation_fenced_by_a_newer_writer_appends_nothing_and_the_next_call_recovers_the_ledger()
    {
        const string id = "eth-fence";
        var vault = cluster.Vault(id);
        await OpenAndTradeAsync(vault, 3);

        // A second writer on the same stream (what a split membership view could create) claims a newer epoch.
        var (rogue, error) = await VaultHost.OpenAsync(cluster.Store, id, cluster.Clock);
        Assert.True(rogue is not null, error);
        var rogueTrade = new Trade(new Principal(new AccountId("trader-0"), Role.Trader),
            new SeriesId(Markets.NearExpiry(Now), 3000m, OptionType.Call), TradeDirection.Buy, 1, 1_000_000m);
        var rogueOutcome = await rogue!.SubmitAsync(rogueTrade);
        long headAfterRogue = rogue.Head;
        await rogue.DisposeAsync();

        var fenced = await vault.Submit(Markets.Trade(Now, 3));
        var headAfterFenced = (await cluster.Store.GetHeadAsync(id)).Sequence;
        var recovered = await vault.Status();
        var replay = await VaultRecovery.RecoverAsync(cluster.Store, id);

        Assert.Equal(CommandStatus.Accepted, rogueOutcome.Status);
        Assert.Equal(ReplyStatus.Unavailable, fenced.Status);
        Assert.Equal(headAfterRogue, headAfterFenced);
        Assert.Equal(replay.State.StateHash(), recovered.StateHash);
        Assert.Equal(replay.LastSequence, recovered.Head);
        Assert.True((await vault.Submit(Markets.Trade(Now, 4))).Succeeded, "the re-activated grain is the writer again");
    }

    [Fact]
    public async Task Two_writers_at_the_same_expected_version_cannot_both_append()
    {
        const string id = "eth-cas";
        await OpenAndTradeAsync(cluster.Vault(id), 1);
        await cluster.Cluster.DeactivateAsync(cluster.Vault(id));
        long head = (await cluster.Store.GetHeadAsync(id)).Sequence;
        var records = await LedgerInspection.RecordsAsync(cluster.Store, id);
        var copy = records.Where(LedgerInspection.IsTrade).Select(r => new NewRecord(r.EventType, r.EventVersion, r.Payload)).First();

        // Both writers hold the same (newest) epoch, so only the expected version can tell them apart.
        long epoch = (await cluster.Store.ClaimWriterEpochAsync(id))!.Value;

        var first = await cluster.Store.AppendAsync(id, head, [copy], "writer-a", epoch);
        var second = await cluster.Store.AppendAsync(id, head, [copy], "writer-b", epoch);

        Assert.Equal(AppendOutcome.Appended, first.Outcome);
        Assert.Equal(AppendOutcome.ConcurrencyConflict, second.Outcome);
        Assert.Equal(head + 1, (await cluster.Store.GetHeadAsync(id)).Sequence);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_retried_command_with_the_same_key_is_written_once_even_when_the_activation_was_lost_in_between(bool activationLost)
    {
        string id = activationLost ? "eth-lost-reply" : "eth-retry";
        var vault = cluster.Vault(id);
        foreach (var setup in Markets.Setup(key: "setup")) await vault.Submit(setup);
        var trade = Markets.Trade(Now, 1, key: "order-1");
        var first = await vault.Submit(trade);

        // As with a killed silo: the activation goes away before the caller saw the reply, and the caller retries.
        if (activationLost) await cluster.Cluster.DeactivateAsync(vault);
        var retry = await vault.Submit(trade);
        var openAgain = await vault.Submit(Markets.Setup(key: "setup")[0]);
        var setupAgain = await vault.Submit(Markets.Setup(key: "setup")[1]);
        var misuse = await vault.Submit(trade with { Size = trade.Size + 1 });
        var trades = (await LedgerInspection.RecordsAsync(cluster.Store, id)).Count(LedgerInspection.IsTrade);

        Assert.Equal(ReplyStatus.Accepted, first.Status);
        Assert.Equal(ReplyStatus.Replayed, retry.Status);
        Assert.Equal(first.LastSequence, retry.LastSequence);
        Assert.Equal(ReplyStatus.Replayed, openAgain.Status);
        Assert.Equal(ReplyStatus.Replayed, setupAgain.Status);
        Assert.Equal(ReplyStatus.KeyReused, misuse.Status);
        Assert.Equal(1, trades);
    }

    [Fact]
    public async Task Opening_a_vault_twice_is_refused_and_writes_nothing()
    {
        var vault = cluster.Vault("eth-open-twice");
        await OpenAndTradeAsync(vault, 0);
        long head = (await vault.Status()).Head;

        var again = await vault.Submit(new OpenDefaultVault());

        Assert.Equal(ReplyStatus.Rejected, again.Status);
        Assert.Equal(head, (await vault.Status()).Head);
    }
}
