using System.Globalization;

namespace Ballast.Simulation.Flow;

/// <summary>
/// Who trades with the vault and how often. Rates are per hour for the whole vault (a candidate picks a listed series
/// uniformly); sizes are exponential with the given mean, in options, rounded to 0.01.
/// </summary>
public sealed record OrderFlowSettings
{
    /// <summary>Noise candidates per hour (A of λ = A·e^(−k·edge), summed over series).</summary>
    public double NoiseIntensity { get; init; } = 4;
    /// <summary>k: decay of the noise fill probability per unit of relative edge.</summary>
    public double NoiseEdgeDecay { get; init; } = 8;
    /// <summary>Mean noise order size, options.</summary>
    public double NoiseSizeMean { get; init; } = 2;
    /// <summary>Informed candidates per hour.</summary>
    public double InformedIntensity { get; init; } = 0.5;
    /// <summary>How far ahead informed traders see spot and realised vol, hours.</summary>
    public double InformedHorizonHours { get; init; } = 24;
    /// <summary>Least relative advantage an informed trader needs to trade.</summary>
    public double InformedMinEdge { get; init; } = 0.02;
    /// <summary>Mean informed order size, options.</summary>
    public double InformedSizeMean { get; init; } = 4;
    /// <summary>Arbitrageur checks per hour.</summary>
    public double ArbitrageIntensity { get; init; } = 1;
    /// <summary>Least relative mispricing against the reference surface an arbitrageur trades on.</summary>
    public double ArbitrageMinEdge { get; init; } = 0.03;
    /// <summary>Mean arbitrage order size, options.</summary>
    public double ArbitrageSizeMean { get; init; } = 3;
    /// <summary>Reference surface: vol(K) = market vol × (1 + smile·ln(K/S)²).</summary>
    public double ReferenceSmile { get; init; } = 0.5;
    /// <summary>LP deposits per year (Poisson), through the engine's DepositCapital.</summary>
    public double DepositsPerYear { get; init; } = 12;
    /// <summary>Mean LP deposit as a fraction of the initial capital (exponential).</summary>
    public double DepositSizeFraction { get; init; } = 0.02;
    /// <summary>Markout horizon, hours: trades are marked to the model value this long after the fill.</summary>
    public double MarkoutHours { get; init; } = 24;

    /// <summary>Names accepted by <see cref="TryWith"/> (for <c>--sweep</c>), in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "noiseIntensity", "noiseEdgeDecay", "noiseSizeMean", "informedIntensity", "informedHorizonHours", "informedMinEdge",
        "informedSizeMean", "arbitrageIntensity", "arbitrageMinEdge", "arbitrageSizeMean", "referenceSmile",
        "depositsPerYear", "depositSizeFraction", "markoutHours",
    ];

    /// <summary>A copy with one parameter set by name; false with a message when the name is unknown or the value invalid.</summary>
    public bool TryWith(string name, double value, out OrderFlowSettings updated, out string? error)
    {
        updated = this;
        error = null;
        if (!double.IsFinite(value) || value < 0)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"flow parameter {name} must be finite and >= 0, got {value}");
            return Names.Contains(name, StringComparer.Ordinal) ? false : Unknown(name, out error);
        }

        OrderFlowSettings? next = name switch
        {
            "noiseIntensity" => this with { NoiseIntensity = value },
            "noiseEdgeDecay" => this with { NoiseEdgeDecay = value },
            "noiseSizeMean" => this with { NoiseSizeMean = value },
            "informedIntensity" => this with { InformedIntensity = value },
            "informedHorizonHours" => this with { InformedHorizonHours = value },
            "informedMinEdge" => this with { InformedMinEdge = value },
            "informedSizeMean" => this with { InformedSizeMean = value },
            "arbitrageIntensity" => this with { ArbitrageIntensity = value },
            "arbitrageMinEdge" => this with { ArbitrageMinEdge = value },
            "arbitrageSizeMean" => this with { ArbitrageSizeMean = value },
            "referenceSmile" => this with { ReferenceSmile = value },
            "depositsPerYear" => this with { DepositsPerYear = value },
            "depositSizeFraction" => this with { DepositSizeFraction = value },
            "markoutHours" => this with { MarkoutHours = value },
            _ => null,
        };
        if (next is null) return Unknown(name, out error);
        updated = next;
        return true;
    }

    /// <summary>Value of a parameter by name (for reports).</summary>
    public bool TryGet(string name, out double value)
    {
        value = name switch
        {
            "noiseIntensity" => NoiseIntensity, "noiseEdgeDecay" => NoiseEdgeDecay, "noiseSizeMean" => NoiseSizeMean,
            "informedIntensity" => InformedIntensity, "informedHorizonHours" => InformedHorizonHours,
            "informedMinEdge" => InformedMinEdge, "informedSizeMean" => InformedSizeMean,
            "arbitrageIntensity" => ArbitrageIntensity, "arbitrageMinEdge" => ArbitrageMinEdge,
            "arbitrageSizeMean" => ArbitrageSizeMean, "referenceSmile" => ReferenceSmile, "depositsPerYear" => DepositsPerYear,
            "depositSizeFraction" => DepositSizeFraction, "markoutHours" => MarkoutHours, _ => double.NaN,
        };
        return !double.IsNaN(value);
    }

    private static bool Unknown(string name, out string? error)
    {
        error = $"unknown flow parameter '{name}'";
        return false;
    }
}
