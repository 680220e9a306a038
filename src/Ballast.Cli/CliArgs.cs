using System.Globalization;

namespace Ballast.Cli;

/// <summary>
/// Parses <c>--name value</c> options and <c>--flag</c> switches for one sub-command. Every problem is a
/// <see cref="CliUsageException"/> naming the argument; <see cref="EnsureAllUsed"/> rejects unknown options.
/// </summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <param name="args">Arguments after the sub-command name.</param>
    /// <param name="flags">Names (without dashes) of options that take no value.</param>
    public CliArgs(IReadOnlyList<string> args, params string[] flags)
    {
        var flagSet = new HashSet<string>(flags, StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
                throw new CliUsageException($"unexpected argument '{a}' (options look like --name value)");
            string name = a[2..];
            string? value = null;
            int eq = name.IndexOf('=');
            if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
            else if (!flagSet.Contains(name))
            {
                if (i + 1 >= args.Count) throw new CliUsageException($"--{name} needs a value");
                value = args[++i];
            }

            if (!_values.TryAdd(name, value)) throw new CliUsageException($"--{name} given more than once");
        }
    }

    /// <summary>True when the switch or option was given.</summary>
    public bool Has(string name) { _used.Add(name); return _values.ContainsKey(name); }

    /// <summary>True when the switch was given.</summary>
    public bool Flag(string name) => Has(name);

    /// <summary>The option's text, or null when absent.</summary>
    public string? Optional(string name)
    {
        _used.Add(name);
        return _values.TryGetValue(name, out var v) ? v : null;
    }

    /// <summary>The option's text; a usage error when absent or empty.</summary>
    public string Require(string name)
    {
        string? v = Optional(name);
        if (string.IsNullOrWhiteSpace(v)) throw new CliUsageException($"missing required option --{name}");
        return v;
    }

    /// <summary>A finite number; a usage error when absent, unparseable, NaN or infinite.</summary>
    public double RequireDouble(string name) => ParseDouble(name, Require(name));

    /// <summary>A finite number, or <paramref name="fallback"/> when absent.</summary>
    public double OptionalDouble(string name, double fallback)
    {
        string? v = Optional(name);
        return v is null ? fallback : ParseDouble(name, v);
    }

    /// <summary>A finite number, or null when absent.</summary>
    public double? OptionalDouble(string name)
    {
        string? v = Optional(name);
        return v is null ? null : ParseDouble(name, v);
    }

    /// <summary>A whole number, or <paramref name="fallback"/> when absent.</summary>
    public long OptionalLong(string name, long fallback)
    {
        string? v = Optional(name);
        if (v is null) return fallback;
        if (!long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n))
            throw new CliUsageException($"--{name}: '{v}' is not a whole number");
        return n;
    }

    /// <summary>One of <paramref name="choices"/> (case-insensitive), or <paramref name="fallback"/> when absent.</summary>
    public string Choice(string name, string? fallback, params string[] choices)
    {
        string? v = Optional(name) ?? fallback;
        if (v is null) throw new CliUsageException($"missing required option --{name} ({string.Join("|", choices)})");
        foreach (string c in choices)
        {
            if (string.Equals(c, v, StringComparison.OrdinalIgnoreCase)) return c;
        }

        throw new CliUsageException($"--{name}: '{v}' is not one of {string.Join("|", choices)}");
    }

    /// <summary>Rejects any option that no accessor asked for.</summary>
    public void EnsureAllUsed()
    {
        foreach (string name in _values.Keys)
        {
            if (!_used.Contains(name)) throw new CliUsageException($"unknown option --{name}");
        }
    }

    /// <summary>Parses a finite invariant-culture number for the named argument.</summary>
    public static double ParseDouble(string name, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || !double.IsFinite(d))
            throw new CliUsageException($"--{name}: '{text}' is not a finite number");
        return d;
    }
}
