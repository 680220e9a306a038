namespace Ballast.Simulation.Markets;

/// <summary>Small shared validation steps of the market models: finiteness first, then each range in order.</summary>
internal static class ModelChecks
{
    public static MarketModelError Run(out string message, (string Name, double Value)[] values,
        params (bool Failed, MarketModelError Error, string Message)[] rules)
    {
        foreach (var (name, value) in values)
        {
            if (!double.IsFinite(value))
            {
                message = $"{name} must be finite, got {value}";
                return MarketModelError.NotFinite;
            }
        }

        foreach (var (failed, error, text) in rules)
        {
            if (failed)
            {
                message = text;
                return error;
            }
        }

        message = "";
        return MarketModelError.None;
    }
}
