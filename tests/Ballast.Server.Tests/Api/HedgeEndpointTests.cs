using Ballast.Engine.Commands;
using Ballast.Engine.Hedging;
using Ballast.Engine.Markets;
using Ballast.Ledger.Hosting;
using Ballast.Server.Tests.Support;

namespace Ballast.Server.Tests.Api;

/// <summary>GET /v1/hedges shows the hedge positions the vault booked.</summary>
public sealed class HedgeEndpointTests
{
    private static readonly Principal Hedger = new(new AccountId("hedger"), Role.Keeper);

    [Fact]
    public async Task Hedge_positions_show_each_venue_the_net_position_costs_and_health()
    {
        using var factory = new BallastFactory();
        var empty = await Http.JsonOf(await factory.CreateClient().GetAsync("/v1/hedges"));
        Assert.Equal(0m, empty.GetProperty("netPosition").GetDecimal());
        Assert.Equal("hedged", empty.GetProperty("status").GetString());
        Assert.Equal(0, empty.GetProperty("venues").GetArrayLength());

        var host = factory.Host;
        Assert.Equal(CommandStatus.Accepted, (await host.SubmitAsync(new BookHedgeFill(Hedger, "perp-a", "a-1", 2.5m, 3000m, 3.75m))).Status);
        Assert.Equal(CommandStatus.Accepted, (await host.SubmitAsync(new BookHedgeFill(Hedger, "perp-b", "b-1", -1m, 3010m, 1.505m))).Status);
        Assert.Equal(CommandStatus.Accepted, (await host.SubmitAsync(new BookHedgeFunding(Hedger, "perp-a", 0.5m, 0.1))).Status);
        Assert.Equal(CommandStatus.Accepted, (await host.SubmitAsync(
            new ReportHedgeHealth(Hedger, HedgeStatus.UnderHedged, UnderHedgeReason.PartialFills, 0.25m, "perp-a: partial"))).Status);

        var hedges = await Http.JsonOf(await factory.CreateClient().GetAsync("/v1/hedges"));

        Assert.Equal(1.5m, hedges.GetProperty("netPosition").GetDecimal());
        Assert.Equal(5.255m, hedges.GetProperty("feesPaid").GetDecimal());
        Assert.Equal(0.5m, hedges.GetProperty("netFundingPaid").GetDecimal());
        Assert.Equal("under-hedged", hedges.GetProperty("status").GetString());
        Assert.Equal("partial-fills", hedges.GetProperty("reason").GetString());
        Assert.Equal(hedges.GetProperty("optionDelta").GetDouble() + 1.5, hedges.GetProperty("netDelta").GetDouble(), 9);
        var venues = hedges.GetProperty("venues").EnumerateArray().ToArray();
        Assert.Equal(["perp-a", "perp-b"], venues.Select(v => v.GetProperty("venue").GetString()));
        Assert.Equal(2.5m, venues[0].GetProperty("quantity").GetDecimal());
        Assert.Equal(3010m, venues[1].GetProperty("averageEntryPrice").GetDecimal());
    }
}
