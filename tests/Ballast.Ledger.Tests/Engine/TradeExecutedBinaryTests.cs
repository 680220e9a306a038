using System.Buffers.Binary;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Volatility;
using Ballast.Ledger.Codecs;
using Ballast.Ledger.Engine;
using Ballast.Pricing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ballast.Ledger.Tests.Engine;

/// <summary>TradeExecuted v2 (binary) and the way ledgers holding v1 (JSON) trades keep replaying.</summary>
public sealed class TradeExecutedBinaryTests
{
    private static readonly TradeExecuted Sample = new(1_780_000_123, new AccountId("bob-€"), new SeriesId(1_787_776_000, 3250.50m, OptionType.Put),
        TradeDirection.Sell, 0.53000000m, 359.280810m, 40.239799m, 0.80106, 1.000795, ForceClose: true);

    private static LedgerRecord Record(string type, int version, byte[] payload, long sequence = 1) =>
        new("v", sequence, type, version, payload, 0, "k", 0, new byte[32]);

    private static byte[] V1(Event e) => VaultEventCodec.ToAuditJson(e);

    [Property(MaxTest = 300)]
    public Property Every_trade_round_trips_exactly_including_decimal_scale(
        long time, NonEmptyString account, int strikeUnits, byte scale, bool call, bool buy, decimal size, decimal payment, decimal fees, NormalFloat baseIv, NormalFloat skew, bool forceClose)
    {
        var trade = new TradeExecuted(time, new AccountId(account.Get), new SeriesId(time ^ 77, new decimal(strikeUnits, 0, 0, false, (byte)(scale % 29)), call ? OptionType.Call : OptionType.Put),
            buy ? TradeDirection.Buy : TradeDirection.Sell, size, payment, fees, baseIv.Get, skew.Get, forceClose);
        var encoded = VaultEventCodec.Instance.Encode(trade);
        bool ok = VaultEventCodec.Instance.TryDecode(encoded.EventType, encoded.Payload.Span, out var back);
        var t = back as TradeExecuted;
        return (ok && encoded.EventVersion == 2 && t == trade
                && t.Size.ToString() == size.ToString() && t.Payment.ToString() == payment.ToString() && t.Series.Strike.ToString() == trade.Series.Strike.ToString()
                && BitConverter.DoubleToInt64Bits(t.NewBaseIv) == BitConverter.DoubleToInt64Bits(baseIv.Get))
            .Label($"{trade}");
    }

    [Fact]
    public void A_v1_json_trade_and_its_v2_bytes_decode_to_the_same_event_by_both_decoder_paths()
    {
        var v2 = VaultEventCodec.Instance.Encode(Sample);
        Assert.Equal(2, v2.EventVersion);
        Assert.True(v2.Payload.Length * 2 < V1(Sample).Length, $"binary {v2.Payload.Length} B vs JSON {V1(Sample).Length} B");
        var fast = VaultEventCodec.Decode(Record("TradeExecuted", 1, V1(Sample)));
        var upcast = VaultEventCodec.CreateDecoder().Decode(Record("TradeExecuted", 1, V1(Sample)));
        var binary = VaultEventCodec.Decode(Record("TradeExecuted", 2, v2.Payload.ToArray()));
        Assert.Equal(Sample, fast.Event);
        Assert.Equal(Sample, upcast.Event);
        Assert.Equal(Sample, binary.Event);
        Assert.Equal(Convert.ToHexString(v2.Payload.Span), Convert.ToHexString(new TradeExecutedJsonToBinary().Upcast(V1(Sample))));
    }

    [Fact]
    public async Task A_ledger_written_with_json_trades_replays_to_the_same_state_hash_as_one_written_with_binary_trades()
    {
        await using var ledger = await LedgerFixture.OpenAsync();
        var scenario = await EngineScenario.RunAsync(ledger.Store, "vault-v2", seed: 21, steps: 80);
        var binary = new VaultReplayFold();
        var json = new VaultReplayFold();
        long sequence = 0;
        foreach (var e in scenario.Events)
        {
            sequence++;
            var encoded = VaultEventCodec.Instance.Encode(e);
            binary.Apply(Record(encoded.EventType, encoded.EventVersion, encoded.Payload.ToArray(), sequence));
            // What a ledger written before v2 holds: every event as JSON v1.
            json.Apply(Record(encoded.EventType, 1, V1(e), sequence));
        }

        Assert.Null(binary.Fault);
        Assert.Null(json.Fault);
        Assert.True(json.Money.Holds);
        Assert.Equal(scenario.State.StateHash(), binary.State.StateHash());
        Assert.Equal(scenario.State.StateHash(), json.State.StateHash());
    }

    [Fact]
    public void Bytes_that_are_not_a_valid_v2_trade_are_refused()
    {
        byte[] good = VaultEventCodec.Instance.Encode(Sample).Payload.ToArray();
        int tail = good.Length - 91; // start of the fixed part after the account
        Assert.False(Decodes(good[..^1]));
        Assert.False(Decodes([.. good, 0]));
        Assert.False(Decodes(Patch(good, tail + 24, 7)));                  // option type
        Assert.False(Decodes(Patch(good, tail + 25, 9)));                  // direction
        Assert.False(Decodes(Patch(good, tail + 90, 2)));                  // force-close flag
        Assert.False(Decodes(Patch(good, tail + 26 + 14, 29)));            // size scale 29 (> 28)
        var nan = (byte[])good.Clone();
        BinaryPrimitives.WriteDoubleLittleEndian(nan.AsSpan(tail + 74), double.NaN);
        Assert.False(Decodes(nan));                                        // NaN never enters state
        Assert.False(Decodes(Patch(good, 10, 0xFF)));                      // invalid UTF-8 in the account
        Assert.True(Decodes(good));

        static bool Decodes(byte[] bytes) => VaultEventCodec.Instance.TryDecode("TradeExecuted", bytes, out _);
        static byte[] Patch(byte[] bytes, int at, byte value)
        {
            var copy = (byte[])bytes.Clone();
            copy[at] = value;
            return copy;
        }
    }

    [Fact]
    public void Ledger_export_shows_a_binary_trade_as_the_engines_json()
    {
        var json = System.Text.Encoding.UTF8.GetString(VaultEventCodec.ToAuditJson(Sample));
        Assert.StartsWith("""{"type":"TradeExecuted","Account":{"Value":"bob-\u20AC"}""", json);
        Assert.Contains("\"Size\":0.53000000", json);
        Assert.Equal(Sample, VaultEventCodec.Decode(Record("TradeExecuted", 1, VaultEventCodec.ToAuditJson(Sample))).Event);
    }
}
