using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.State;
using Ballast.Engine.Tests.Support;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests;

public class EventSerializationTests
{
    [Fact]
    public void Events_survive_a_json_round_trip_and_replay_to_the_same_hash()
    {
        var v = RandomFlow.Book();
        RandomFlow.Run(v, new Random(11), 60);
        v.Ok(new SetParameter(Governor, "standardSize", 7, v.Now + 10));
        v.Now = Expiry + 60;
        v.Ok(new UpdateSpot(Oracle, 3100, v.Now));
        v.Ok(new SettleBoard(Oracle, Expiry));
        var replayed = new VaultState();
        foreach (var e in v.Events)
        {
            string json = System.Text.Json.JsonSerializer.Serialize<Events.Event>(e);
            replayed.Apply(System.Text.Json.JsonSerializer.Deserialize<Events.Event>(json)!);
        }

        Assert.Equal(v.State.StateHash(), replayed.StateHash());
    }
}
