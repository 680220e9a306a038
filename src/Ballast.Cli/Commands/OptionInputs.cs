using System.Globalization;
using Ballast.Pricing;
using Ballast.Pricing.American;

namespace Ballast.Cli;

/// <summary>
/// The contract of one option read and validated from an <see cref="IOptionFieldSource"/>, shared by
/// <c>ballast price</c> and <c>ballast iv</c>. Rules: the model defaults to black76 when a forward and no spot
/// is given, else bsm; black76 needs a forward and takes no spot or yield; the other models need a spot, take
/// no forward, and a missing yield is 0. Spot/forward and strike must be &gt; 0, time and vol ≥ 0.
/// </summary>
public sealed record OptionInputs(OptionType Type, CliModel Model, double Underlying, double Strike, double Rate, double Div, double Time)
{
    /// <summary>Names of the models as typed by users, in <see cref="CliModel"/> order.</summary>
    public static readonly string[] ModelNames = ["bsm", "black76", "baw", "bjs"];

    /// <summary>Reads type, model, underlying, strike, rate, yield and time; <paramref name="allowed"/> limits the models.</summary>
    public static OptionInputs Read(IOptionFieldSource source, params CliModel[] allowed)
    {
        string? typeText = source.Text(OptionField.Type);
        OptionType type = typeText?.ToLowerInvariant() switch
        {
            "call" => OptionType.Call,
            "put" => OptionType.Put,
            null => throw source.Error(OptionField.Type, "missing (call|put)"),
            _ => throw source.Error(OptionField.Type, $"'{typeText}' is not one of call|put"),
        };

        string? spotText = source.Text(OptionField.Spot), forwardText = source.Text(OptionField.Forward);
        string? modelText = source.Text(OptionField.Model);
        CliModel model = modelText is null
            ? (forwardText is not null && spotText is null ? CliModel.Black76 : CliModel.Bsm)
            : ParseModel(source, modelText, allowed);
        if (Array.IndexOf(allowed, model) < 0)
            throw source.Error(OptionField.Model, $"'{ModelNames[(int)model]}' is not one of {string.Join("|", allowed.Select(m => ModelNames[(int)m]))}");

        double underlying, div;
        if (model == CliModel.Black76)
        {
            if (spotText is not null) throw source.Error(OptionField.Spot, "not used by the black76 model (give the forward instead)");
            if (source.Text(OptionField.Div) is not null) throw source.Error(OptionField.Div, "not used by the black76 model (the forward already carries the yield)");
            underlying = Required(source, OptionField.Forward);
            div = 0.0;
        }
        else
        {
            if (forwardText is not null) throw source.Error(OptionField.Forward, $"only used by the black76 model (model is {ModelNames[(int)model]})");
            underlying = Required(source, OptionField.Spot);
            div = Optional(source, OptionField.Div) ?? 0.0;
        }

        double strike = Required(source, OptionField.Strike);
        double rate = Required(source, OptionField.Rate);
        double time = Required(source, OptionField.Time);
        var underlyingField = model == CliModel.Black76 ? OptionField.Forward : OptionField.Spot;
        if (!(underlying > 0)) throw source.Error(underlyingField, $"must be > 0 (got {Format(underlying)})");
        if (!(strike > 0)) throw source.Error(OptionField.Strike, $"must be > 0 (got {Format(strike)})");
        if (time < 0) throw source.Error(OptionField.Time, $"must be ≥ 0 years (got {Format(time)})");
        return new OptionInputs(type, model, underlying, strike, rate, div, time);
    }

    /// <summary>A required finite number ≥ 0 (volatility, option price).</summary>
    public static double RequiredNonNegative(IOptionFieldSource source, OptionField field)
    {
        double value = Required(source, field);
        if (value < 0) throw source.Error(field, $"must be ≥ 0 (got {Format(value)})");
        return value;
    }

    /// <summary>Field names given on the command line that a CSV run must not also receive.</summary>
    public static readonly OptionField[] ContractFields =
        [OptionField.Type, OptionField.Model, OptionField.Spot, OptionField.Forward, OptionField.Strike, OptionField.Rate, OptionField.Div, OptionField.Time, OptionField.Vol, OptionField.Price];

    /// <summary>A required finite number.</summary>
    public static double Required(IOptionFieldSource source, OptionField field)
        => Optional(source, field) ?? throw source.Error(field, "missing required value");

    /// <summary>A finite number, or null when absent.</summary>
    public static double? Optional(IOptionFieldSource source, OptionField field)
    {
        string? text = source.Text(field);
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw source.Error(field, $"'{text}' is not a finite number");
        return value;
    }

    /// <summary>
    /// Price and Greeks [price, delta, gamma, vega, theta, rho] under the chosen model; a Greek the model cannot
    /// give is null (American approximations have no theta at expiry: their finite difference would need T &lt; 0).
    /// </summary>
    public double?[] PriceAndGreeks(double vol)
    {
        OptionGreeks g = Model switch
        {
            CliModel.Black76 => Black76.Greeks(Type, Underlying, Strike, Rate, Time, vol),
            CliModel.Baw => BaroneAdesiWhaley.Greeks(Type, Underlying, Strike, Rate, Div, Time, vol),
            CliModel.Bjs => BjerksundStensland.Greeks(Type, Underlying, Strike, Rate, Div, Time, vol),
            _ => BlackScholesMerton.Greeks(Type, Underlying, Strike, Rate, Div, Time, vol),
        };
        bool american = Model is CliModel.Baw or CliModel.Bjs;
        double? theta = american && Time == 0 ? null : g.Theta;
        return [g.Price, g.Delta, g.Gamma, g.Vega, theta, g.Rho];
    }

    /// <summary>Output names of <see cref="PriceAndGreeks"/>, in order.</summary>
    public static readonly string[] ResultNames = ["price", "delta", "gamma", "vega", "theta", "rho"];

    /// <summary>Round-trip invariant-culture text of a number.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static CliModel ParseModel(IOptionFieldSource source, string text, CliModel[] allowed)
    {
        int index = Array.FindIndex(ModelNames, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (index < 0) throw source.Error(OptionField.Model, $"'{text}' is not one of {string.Join("|", allowed.Select(m => ModelNames[(int)m]))}");
        return (CliModel)index;
    }
}
