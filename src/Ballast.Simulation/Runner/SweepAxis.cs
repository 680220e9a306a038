using System.Globalization;
using Ballast.Simulation.Scenarios;

namespace Ballast.Simulation.Runner;

/// <summary>One <c>--sweep name=v1,v2,...</c> axis: a vault parameter (engine catalog name) or a flow parameter.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Values">Values, at least one.</param>
public sealed record SweepAxis(string Name, IReadOnlyList<double> Values)
{
    /// <summary>Parses <c>name=v1,v2,...</c>; false with a message when empty or malformed.</summary>
    public static bool TryParse(string text, out SweepAxis axis, out string error)
    {
        axis = new SweepAxis("", []);
        error = "";
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) { error = $"sweep '{text}' must look like name=v1,v2,..."; return false; }
        string name = text[..eq].Trim();
        string[] parts = text[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.All(p => p.Length == 0)) { error = $"sweep '{name}' has no values"; return false; }
        var values = new List<double>();
        foreach (string p in parts)
        {
            if (!double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            { error = $"sweep '{name}' has a value that is not a finite number: '{p}'"; return false; }
            values.Add(v);
        }

        axis = new SweepAxis(name, values);
        return true;
    }

    /// <summary>Applies one value to a scenario; false with a message when the name is unknown or the value rejected.</summary>
    public static bool TryApply(ScenarioSettings settings, string name, double value, out ScenarioSettings updated, out string error)
    {
        updated = settings;
        error = "";
        if (settings.Flow.TryGet(name, out _))
        {
            if (!settings.Flow.TryWith(name, value, out var flow, out string? flowError)) { error = flowError ?? $"bad value for {name}"; return false; }
            updated = settings with { Flow = flow };
            return true;
        }

        if (settings.Parameters.TryGet(name, out _))
        {
            if (!settings.Parameters.TryWith(name, value, out var parameters, out string? parameterError)) { error = parameterError ?? $"bad value for {name}"; return false; }
            updated = settings with { Parameters = parameters };
            return true;
        }

        error = $"unknown sweep parameter '{name}' (use a vault parameter name or one of: {string.Join(", ", Flow.OrderFlowSettings.Names)})";
        return false;
    }

    /// <summary>The Cartesian product of the axes (first axis varies slowest); one empty assignment when there are none.</summary>
    public static List<(string Name, double Value)[]> Cells(IReadOnlyList<SweepAxis> axes)
    {
        var cells = new List<(string, double)[]> { Array.Empty<(string, double)>() };
        foreach (var axis in axes)
        {
            var next = new List<(string, double)[]>();
            foreach (var cell in cells)
            {
                foreach (double v in axis.Values) next.Add([.. cell, (axis.Name, v)]);
            }

            cells = next;
        }

        return cells;
    }
}
