using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.State;
using Ballast.Engine.Tests.Support;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests;

public class StateHashTests
{
    [Fact]
    public void Replaying_the_events_gives_the_same_hash_and_version()
    {
        var v = Open();
        v.Buy(Call(3000), 2);
        v.Sell(Put(2750), 1);
        v.Tick(30, 3050);
        v.Ok(new SetParameter(Governor, "standardSize", 7, v.Now + 10));
        var replayed = v.Replay();
        Assert.Equal(v.State.StateHash(), replayed.StateHash());
        Assert.Equal(v.State.Version, replayed.Version);
        Assert.Equal(v.Events.Count, v.State.Version);
    }

    [Fact]
    public void Any_change_changes_the_hash()
    {
        var v = Open();
        string before = v.State.StateHash();
        v.Ok(new DepositCollateral(Bob, Asset.Quote, 0.000001m));
        Assert.NotEqual(before, v.State.StateHash());
    }

    [Fact]
    public void States_at_the_same_version_and_time_that_differ_in_one_balance_spot_or_position_hash_differently()
    {
        // The version is hashed, so "one more event changes the hash" cannot catch a field left out of the hash;
        // these states all have the same version and clock and differ only in content.
        Action<TestVault>[] lastCommand =
        [
            v => v.Ok(new DepositCollateral(Bob, Asset.Quote, 0.000001m)),
            v => v.Ok(new DepositCollateral(Bob, Asset.Quote, 0.000002m)),
            v => v.Ok(new DepositCollateral(Bob, Asset.Base, 0.000001m)),
            v => v.Ok(new DepositCollateral(new Principal(new AccountId("carol"), Role.Trader), Asset.Quote, 0.000001m)),
            v => v.Ok(new DepositCapital(Admin, new AccountId("lp"), Asset.Quote, 1m)),
            v => v.Ok(new DepositCapital(Admin, new AccountId("lp"), Asset.Base, 1m)),
            v => v.Ok(new UpdateSpot(Oracle, 3000.01, v.Now)),
            v => v.Ok(new UpdateSpot(Oracle, 3000.01, v.Now, 0.99)),
            v => v.Buy(Call(3000), 1),
            v => v.Buy(Put(3000), 1),
            v => v.Sell(Call(3000), 1),
            v => v.Buy(Call(3250), 1),
        ];
        var states = lastCommand.Select(run => { var v = Open(); run(v); return v.State; }).ToArray();

        Assert.Single(states.Select(s => (s.Version, s.LastEventTime)).Distinct());
        Assert.Equal(states.Length, states.Select(s => s.StateHash()).Distinct().Count());
    }

    [Fact]
    public void An_empty_vault_has_a_stable_hash() =>
        Assert.Equal(new VaultState().StateHash(), new VaultState().StateHash());
}
