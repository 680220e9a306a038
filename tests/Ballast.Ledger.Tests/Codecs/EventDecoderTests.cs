using System.Text;
using Ballast.Ledger.Codecs;

namespace Ballast.Ledger.Tests.Codecs;

/// <summary>The codec seam: old versions are upcast step by step; newer ones stop replay with a clear error.</summary>
public sealed class EventDecoderTests
{
    /// <summary>A toy codec whose "Deposit" event is at version 3: v1 "amount", v2 "amount;asset", v3 "amount;asset;account".</summary>
    private sealed class DepositCodec : IEventCodec<string>
    {
        public EncodedEvent Encode(string e) => new("Deposit", 3, Encoding.UTF8.GetBytes(e));
        public int? CurrentVersion(string eventType) => eventType == "Deposit" ? 3 : null;

        public bool TryDecode(string eventType, ReadOnlySpan<byte> payload, out string? e)
        {
            e = Encoding.UTF8.GetString(payload);
            return e.Split(';').Length == 3;
        }
    }

    private sealed class AppendField(int from, string field) : IEventUpcaster
    {
        public string EventType => "Deposit";
        public int FromVersion => from;
        public byte[] Upcast(ReadOnlySpan<byte> payload) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(payload) + ";" + field);
    }

    private static LedgerRecord Stored(string type, int version, string payload) =>
        new("vault-1", 42, type, version, Encoding.UTF8.GetBytes(payload), 0, "cmd", 0, new byte[32]);

    private static readonly EventDecoder<string> Decoder =
        new(new DepositCodec(), [new AppendField(1, "USDC"), new AppendField(2, "lp-0")]);

    [Fact]
    public void A_current_version_event_decodes_as_written()
    {
        var codec = new DepositCodec();
        var written = codec.Encode("100;USDC;lp-7");
        var result = Decoder.Decode(Stored(written.EventType, written.EventVersion, "100;USDC;lp-7"));
        Assert.Equal((DecodeError.None, "100;USDC;lp-7"), (result.Error, result.Event));
    }

    [Fact]
    public void An_old_version_is_upcast_through_every_step_to_the_current_shape()
    {
        Assert.Equal("100;USDC;lp-0", Decoder.Decode(Stored("Deposit", 1, "100")).Event);
        Assert.Equal("100;WETH;lp-0", Decoder.Decode(Stored("Deposit", 2, "100;WETH")).Event);
    }

    [Fact]
    public void A_newer_version_than_the_codec_knows_is_an_error_naming_stream_sequence_and_versions()
    {
        var result = Decoder.Decode(Stored("Deposit", 4, "100;USDC;lp-7;extra"));
        Assert.Equal(DecodeError.UnknownNewerVersion, result.Error);
        Assert.Contains("stream 'vault-1', sequence 42, event Deposit v4", result.Message);
        Assert.Contains("up to v3", result.Message);
    }

    [Fact]
    public void A_gap_in_the_upcaster_chain_is_an_error_not_a_guess()
    {
        var decoder = new EventDecoder<string>(new DepositCodec(), [new AppendField(2, "lp-0")]);
        Assert.Equal(DecodeError.MissingUpcaster, decoder.Decode(Stored("Deposit", 1, "100")).Error);
    }

    [Fact]
    public void Unknown_types_and_malformed_payloads_are_errors()
    {
        Assert.Equal(DecodeError.UnknownEventType, Decoder.Decode(Stored("Withdrawal", 1, "1")).Error);
        Assert.Equal(DecodeError.MalformedPayload, Decoder.Decode(Stored("Deposit", 3, "no-separators")).Error);
    }
}
