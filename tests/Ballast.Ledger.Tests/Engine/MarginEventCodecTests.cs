using System.Text;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Ledger.Engine;

namespace Ballast.Ledger.Tests.Engine;

public class MarginEventCodecTests
{
    private static readonly AccountId Carol = new("carol"), Dave = new("dave");
    private static readonly SeriesId Put = new(1_782_419_200, 2750m, Ballast.Pricing.OptionType.Put);

    public static TheoryData<Event> MarginEvents() => new()
    {
        new LiquidationAuctionStarted(1_780_000_000, Carol, new AccountId("keeper"), Insolvent: false),
        new AuctionBidFilled(1_780_000_060, Carol, Dave, 0.3m, 0.95m, [new LiquidatedPosition(Put, 0.6m)], 312.5m, 0.01m, 120.25m, 0m, 0m, EndsAuction: true),
        new AuctionBidFilled(1_780_000_120, Carol, Dave, 1m, 0m, [new LiquidatedPosition(Put, 2m)], -150m, 0m, 0m, 100m, 42.5m, EndsAuction: true),
        new LiquidationAuctionEnded(1_780_000_180, Carol, 12.75m),
        new InsolvencyCovered(1_780_000_240, Carol, 900m, 100m, 620m, BaseSeized: 0.1m, BaseSeizedValue: 180m),
    };

    [Theory]
    [MemberData(nameof(MarginEvents))]
    public void A_margin_event_round_trips_through_the_ledger_codec(Event e)
    {
        var encoded = VaultEventCodec.Instance.Encode(e);
        Assert.Equal(e.GetType().Name, encoded.EventType);
        Assert.True(VaultEventCodec.Instance.TryDecode(encoded.EventType, encoded.Payload.Span, out var back));
        Assert.IsType(e.GetType(), back);
        // Records compare lists by reference: compare the canonical JSON instead.
        Assert.Equal(Encoding.UTF8.GetString(encoded.Payload.Span), Encoding.UTF8.GetString(VaultEventCodec.Instance.Encode(back!).Payload.Span));
    }

    [Fact]
    public void An_insolvency_cover_written_before_base_seizure_decodes_with_nothing_seized()
    {
        const string old = """{"type":"InsolvencyCovered","Account":{"Value":"carol"},"Shortfall":900,"InsurancePayout":100,"SocialisedLoss":800,"Time":1780000240}""";
        Assert.True(VaultEventCodec.Instance.TryDecode("InsolvencyCovered", Encoding.UTF8.GetBytes(old), out var back));
        var cover = Assert.IsType<InsolvencyCovered>(back);
        Assert.Equal((900m, 100m, 800m, 0m, 0m), (cover.Shortfall, cover.InsurancePayout, cover.SocialisedLoss, cover.BaseSeized, cover.BaseSeizedValue));
    }
}
