using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Tests.Support;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests;

public class GovernanceTests
{
    [Fact]
    public void The_governor_changes_a_parameter_at_once_when_no_time_is_given()
    {
        var v = Open();
        var d = v.Ok(new SetParameter(Governor, "standardSize", 10, 0));
        Assert.IsType<ParameterChangeScheduled>(d[0]);
        Assert.IsType<ParametersActivated>(d[1]);
        Assert.Equal(10, v.State.Parameters.StandardSize);
    }

    [Fact]
    public void A_value_outside_its_bounds_is_rejected()
    {
        var v = Open();
        v.Rejected(new SetParameter(Governor, "standardSize", -1, 0), RejectionReason.InvalidParameter);
        v.Rejected(new SetParameter(Governor, "noSuchThing", 1, 0), RejectionReason.InvalidParameter);
        v.Rejected(new SetParameter(Governor, "standardSize", double.NaN, 0), RejectionReason.InvalidParameter);
    }

    [Fact]
    public void A_scheduled_change_takes_effect_at_its_time_with_the_next_accepted_command()
    {
        var v = Open();
        v.Ok(new SetParameter(Governor, "standardSize", 10, v.Now + 100));
        Assert.Equal(5, v.State.Parameters.StandardSize);
        Assert.Single(v.State.PendingParameterChanges);
        v.Now += 100;
        // Quotes at the effective time already use the new value: 10 options now move base IV by one vol point.
        Assert.Equal(0.81, v.Quote(Call(3000), Volatility.TradeDirection.Buy, 10).NewBaseIv, 12);
        var d = v.Ok(new UpdateSpot(Oracle, 3000, v.Now));
        Assert.IsType<ParametersActivated>(d[0]);
        Assert.Equal(10, v.State.Parameters.StandardSize);
        Assert.Empty(v.State.PendingParameterChanges);
    }
}
