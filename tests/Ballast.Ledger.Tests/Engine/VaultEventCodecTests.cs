using System.Text;
using System.Text.Json;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Ledger.Codecs;
using Ballast.Ledger.Engine;

namespace Ballast.Ledger.Tests.Engine;

public class VaultEventCodecTests
{
    private static readonly CollateralDeposited Deposit = new(1_780_000_000, new AccountId("alice"), Asset.Quote, 1250.5m);

    [Fact]
    public void An_event_is_stored_under_its_class_name_at_version_1_as_the_engines_polymorphic_json()
    {
        var encoded = VaultEventCodec.Instance.Encode(Deposit);
        Assert.Equal("CollateralDeposited", encoded.EventType);
        Assert.Equal(1, encoded.EventVersion);
        // Exactly what System.Text.Json writes for the engine's Event contract (the server's interim codec writes the same).
        Assert.Equal(JsonSerializer.Serialize<Event>(Deposit), Encoding.UTF8.GetString(encoded.Payload.Span));
        Assert.Equal("""{"type":"CollateralDeposited","Account":{"Value":"alice"},"Asset":0,"Amount":1250.5,"Time":1780000000}""",
            Encoding.UTF8.GetString(encoded.Payload.Span));
    }

    [Fact]
    public async Task Every_event_of_a_seeded_scenario_round_trips_to_an_equal_event()
    {
        await using var ledger = await LedgerFixture.OpenAsync();
        var scenario = await EngineScenario.RunAsync(ledger.Store, "vault-1", seed: 7, steps: 40);
        Assert.Contains(scenario.Events, e => e is TradeExecuted);
        Assert.Contains(scenario.Events, e => e is BoardSettled);
        foreach (var e in scenario.Events)
        {
            var encoded = VaultEventCodec.Instance.Encode(e);
            Assert.True(VaultEventCodec.Instance.TryDecode(encoded.EventType, encoded.Payload.Span, out var back));
            // Records compare lists by reference: compare the encoded bytes instead.
            Assert.Equal(Convert.ToHexString(encoded.Payload.Span), Convert.ToHexString(VaultEventCodec.Instance.Encode(back!).Payload.Span));
        }
    }

    [Fact]
    public void Every_engine_event_type_is_known_and_other_names_are_not()
    {
        // Every concrete event class of the engine, found independently of the codec's own registration.
        var engineEvents = typeof(Event).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Event)) && !t.IsAbstract)
            .Select(t => t.Name)
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(engineEvents, VaultEventCodec.KnownEventTypes.OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(2, VaultEventCodec.Instance.CurrentVersion("TradeExecuted"));
        Assert.Equal(1, VaultEventCodec.Instance.CurrentVersion("CollateralDeposited"));
        Assert.Null(VaultEventCodec.Instance.CurrentVersion("Event"));
        Assert.Null(VaultEventCodec.Instance.CurrentVersion("FeesAccrued"));
    }

    [Fact]
    public void An_unknown_type_a_mismatched_type_or_garbage_is_refused_with_a_clear_error()
    {
        var payload = VaultEventCodec.Instance.Encode(Deposit).Payload;
        var unknown = VaultEventCodec.Decode(new LedgerRecord("v", 3, "FeesAccrued", 1, payload, 0, "k", 0, new byte[32]));
        Assert.Equal(DecodeError.UnknownEventType, unknown.Error);
        Assert.Contains("sequence 3, event FeesAccrued v1: unknown event type", unknown.Message);
        Assert.False(VaultEventCodec.Instance.TryDecode("CollateralWithdrawn", payload.Span, out _));
        Assert.False(VaultEventCodec.Instance.TryDecode("CollateralDeposited", "{\"Amount\":1}"u8, out _));
        Assert.False(VaultEventCodec.Instance.TryDecode("CollateralDeposited", "\u0001\u0002"u8, out _));
        var newer = VaultEventCodec.Decode(new LedgerRecord("v", 4, "CollateralDeposited", 2, payload, 0, "k", 0, new byte[32]));
        Assert.Equal(DecodeError.UnknownNewerVersion, newer.Error);
    }

    [Theory]
    [InlineData("""{"type":"TradeExecuted","Account":{"Value":"bob"},"Series":{"Expiry":1787776000,"Strike":3250,"Type":1,"StrikeKey":{"Expiry":1787776000,"Strike":3250}},"Direction":0,"Size":0.53000000,"Payment":359.280810,"Fees":40.239799,"NewBaseIv":0.80106,"NewSkew":1.000795,"ForceClose":false,"Time":1780000000}""")]
    [InlineData("""{"type":"TradeExecuted","Time":1780000000,"ForceClose":false,"NewSkew":1.000795,"NewBaseIv":0.80106,"Fees":40.239799,"Payment":359.280810,"Size":0.53000000,"Direction":0,"Series":{"Type":1,"Strike":3250,"Expiry":1787776000},"Account":{"Value":"bob"}}""")]
    [InlineData("""{"type":"TradeExecuted","Account":{"Value":"bob"},"Series":{"Expiry":1787776000,"Strike":3250,"Type":1},"Direction":0,"Size":0.53000000,"Payment":359.280810,"Fees":40.239799,"NewBaseIv":0.80106,"NewSkew":1.000795,"ForceClose":false,"Time":1780000000,"Extra":1}""")]
    public void A_trade_decodes_to_the_same_event_whether_or_not_it_takes_the_fast_path(string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var general = JsonSerializer.Deserialize<Event>(bytes);
        var decoded = VaultEventCodec.Decode(V1Trade(bytes)).Event;
        Assert.Equal(Assert.IsType<TradeExecuted>(general), decoded);
        Assert.Equal(0.53000000m.ToString(), ((TradeExecuted)decoded!).Size.ToString()); // scale kept, as the serializer keeps it
    }

    [Fact]
    public void A_trade_with_a_wrong_token_is_refused_by_both_paths()
    {
        var bytes = """{"type":"TradeExecuted","Account":{"Value":"bob"},"Series":{"Expiry":1,"Strike":3250,"Type":1},"Direction":0,"Size":"lots","Payment":1,"Fees":0,"NewBaseIv":0.8,"NewSkew":1,"ForceClose":false,"Time":1}"""u8;
        Assert.Equal(DecodeError.MalformedPayload, VaultEventCodec.Decode(V1Trade(bytes.ToArray())).Error);
        Assert.Equal(DecodeError.MalformedPayload, VaultEventCodec.Decode(V1Trade("trade-1"u8.ToArray())).Error);
        Assert.Equal(DecodeError.MalformedPayload, VaultEventCodec.Decode(V1Trade("{\"type\":\"TradeExecuted\",\"Account\":{\""u8.ToArray())).Error);
        // The v2 reader does not accept JSON, nor v1 bytes under a v2 header.
        Assert.False(VaultEventCodec.Instance.TryDecode("TradeExecuted", bytes, out _));
    }

    private static LedgerRecord V1Trade(byte[] json) => new("v", 1, "TradeExecuted", 1, json, 0, "k", 0, new byte[32]);

    private sealed record Unregistered(long Time) : Event(Time);

    [Fact]
    public void Encoding_an_event_the_engine_did_not_register_is_a_bug()
    {
        var e = Assert.Throws<ArgumentException>(() => VaultEventCodec.Instance.Encode(new Unregistered(1)));
        Assert.Contains("Unregistered", e.Message);
    }
}
