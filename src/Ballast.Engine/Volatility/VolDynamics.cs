#pragma warning disable CS1591
using Ballast.Engine.Parameters;
namespace Ballast.Engine.Volatility;
// TEMPORARY STUB
public enum VolBoundViolation { None, BaseIvTooLow, BaseIvTooHigh, SkewTooLow, SkewTooHigh, VolTooLow, VolTooHigh }
public readonly record struct VolMove(double NewBaseIv, double NewSkew, double NewVol, VolBoundViolation Violation);
public static class VolDynamics
{
    public static VolMove Apply(double baseIv, double skew, double amount, TradeDirection direction, VaultParameters p)
    {
        double d = amount / p.StandardSize / 100 * (direction == TradeDirection.Buy ? 1 : -1);
        double b = baseIv + d, s = skew + d * p.SkewAdjustmentFactor;
        return new VolMove(b, s, b * s, VolBoundViolation.None);
    }
}
