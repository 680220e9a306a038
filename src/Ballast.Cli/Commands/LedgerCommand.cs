using System.Buffers;
using System.Text;
using System.Text.Json;
using Ballast.Ledger;
using Ballast.Ledger.Codecs;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Sqlite;
using Ballast.Ledger.Verification;

namespace Ballast.Cli;

/// <summary>
/// <c>ballast ledger export --db PATH [--format jsonl] [--stream ID]</c>: one JSON object per record, for auditors
/// (engine events decoded by <see cref="VaultEventCodec"/> as an <c>event</c> object, other payloads as base64); <c>ballast ledger verify --db PATH [--stream ID]</c>: checks
/// the checksum chain, gaps and heads. The file is opened read-only: nothing is migrated or repaired.
/// Exit codes: 0 sound, 1 corrupt or unreadable ledger, 2 usage error.
/// </summary>
public static class LedgerCommand
{
    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        if (argv.Length == 0 || argv[0] is not ("export" or "verify"))
            throw new CliUsageException("usage: ballast ledger export --db PATH [--format jsonl] [--stream ID] | ballast ledger verify --db PATH [--stream ID]");
        var args = new CliArgs(argv[1..]);
        string db = args.Require("db");
        string? onlyStream = args.Optional("stream");
        if (argv[0] == "export") args.Choice("format", "jsonl", "jsonl");
        args.EnsureAllUsed();
        if (!File.Exists(db)) throw new CliUsageException($"--db: no such file '{db}'");
        return RunAsync(argv[0], db, onlyStream, stdout, stderr).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string action, string db, string? onlyStream, TextWriter stdout, TextWriter stderr)
    {
        var opened = await SqliteEventStore.OpenAsync(new SqliteStoreOptions(db) { ReadOnly = true });
        if (opened.Fault is not null)
        {
            stderr.WriteLine($"error: {opened.Fault.Message}");
            return CliApp.ExitFailure;
        }

        await using var store = opened.RequireStore();
        var streams = onlyStream is null ? await store.ListStreamsAsync() : [onlyStream];
        return action == "export" ? await ExportAsync(store, streams, stdout, stderr) : await VerifyAsync(store, streams, stdout);
    }

    private static async Task<int> ExportAsync(IEventStore store, IReadOnlyList<string> streams, TextWriter stdout, TextWriter stderr)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using var json = new Utf8JsonWriter(buffer);
        foreach (string stream in streams)
        {
            try
            {
                await foreach (var r in store.ReadAsync(stream))
                {
                    buffer.ResetWrittenCount();
                    json.Reset(buffer);
                    json.WriteStartObject();
                    json.WriteString("stream", r.StreamId);
                    json.WriteNumber("sequence", r.Sequence);
                    json.WriteString("type", r.EventType);
                    json.WriteNumber("version", r.EventVersion);
                    json.WriteString("timestamp", r.Timestamp);
                    json.WriteString("idempotencyKey", r.IdempotencyKey);
                    json.WriteNumber("writerEpoch", r.WriterEpoch);
                    json.WriteString("checksum", Convert.ToHexStringLower(r.Checksum));
                    // Engine events are written as the engine's JSON (binary v2 trades included); anything else stays base64.
                    if (VaultEventCodec.Decode(r) is { Error: DecodeError.None, Event: { } decoded })
                    {
                        json.WritePropertyName("event");
                        json.WriteRawValue(VaultEventCodec.ToAuditJson(decoded));
                    }
                    else
                    {
                        json.WriteBase64String("payload", r.Payload.Span);
                    }
                    json.WriteEndObject();
                    json.Flush();
                    stdout.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
                }
            }
            catch (LedgerCorruptionException e)
            {
                // Everything before the damage was exported; nothing after it is trusted.
                stderr.WriteLine($"error: {e.Message}");
                return CliApp.ExitFailure;
            }
        }

        return CliApp.ExitOk;
    }

    private static async Task<int> VerifyAsync(IEventStore store, IReadOnlyList<string> streams, TextWriter stdout)
    {
        bool sound = true;
        foreach (string stream in streams)
        {
            var report = await LedgerVerifier.VerifyAsync(store, stream, new PayloadDigestFold());
            // The fold here digests payloads (no engine decoding), so its hash is not the vault's StateHash:
            // say so, and point to `ballast replay --verify` for the engine's hash and money checks.
            foreach (string line in report.Describe()) stdout.WriteLine(line.Replace(", state hash ", ", payload digest ", StringComparison.Ordinal));
            sound &= report.IsSound;
        }

        stdout.WriteLine(sound ? $"ok: {streams.Count} stream(s) verified" : "CORRUPT: see the problems above");
        return sound ? CliApp.ExitOk : CliApp.ExitFailure;
    }
}
