using System.Text;

namespace Ballast.Ledger.Sqlite;

/// <summary>
/// Turns UTF-8 column bytes into strings, reusing the string when the bytes equal the last ones seen: event types
/// repeat from a handful of names and a command's records share one idempotency key, so most rows allocate no string.
/// </summary>
internal sealed class Utf8StringCache(int capacity)
{
    private readonly (byte[] Bytes, string Text)[] _entries = new (byte[], string)[capacity];
    private int _count;
    private int _next;

    public string Get(ReadOnlySpan<byte> utf8)
    {
        for (int i = 0; i < _count; i++)
        {
            if (utf8.SequenceEqual(_entries[i].Bytes)) return _entries[i].Text;
        }

        // Round-robin replacement: the cache is a few entries, so a scan beats hashing the bytes.
        var entry = (utf8.ToArray(), Encoding.UTF8.GetString(utf8));
        _entries[_next] = entry;
        _next = (_next + 1) % _entries.Length;
        if (_count < _entries.Length) _count++;
        return entry.Item2;
    }
}
