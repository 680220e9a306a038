using System.Globalization;
using Ballast.Engine.Parameters;

namespace Ballast.Engine.Margin;

/// <summary>Bound checks shared by the margin and liquidation parameter records.</summary>
internal static class MarginParameterChecks
{
    public static ParameterValidation InRange(string name, double value, double min, double max)
    {
        if (!double.IsFinite(value)) return new(ParameterError.NotFinite, $"{name} must be finite");
        if (value < min) return new(ParameterError.BelowMinimum, string.Create(CultureInfo.InvariantCulture, $"{name} = {value} is below {min}"));
        if (value > max) return new(ParameterError.AboveMaximum, string.Create(CultureInfo.InvariantCulture, $"{name} = {value} is above {max}"));
        return ParameterValidation.Valid;
    }

    public static ParameterValidation InRange(string name, decimal value, decimal min, decimal max)
    {
        if (value < min) return new(ParameterError.BelowMinimum, string.Create(CultureInfo.InvariantCulture, $"{name} = {value} is below {min}"));
        if (value > max) return new(ParameterError.AboveMaximum, string.Create(CultureInfo.InvariantCulture, $"{name} = {value} is above {max}"));
        return ParameterValidation.Valid;
    }

    public static ParameterValidation First(params ReadOnlySpan<ParameterValidation> checks)
    {
        foreach (var c in checks)
        {
            if (!c.IsValid) return c;
        }

        return ParameterValidation.Valid;
    }
}
