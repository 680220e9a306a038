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
    public void An_empty_vault_has_a_stable_hash() =>
        Assert.Equal(new VaultState().StateHash(), new VaultState().StateHash());
}
