#pragma warning disable CS1591
using Ballast.Engine.Parameters;
namespace Ballast.Engine.Quoting;
// TEMPORARY STUB
public static class FeeSchedule
{
    public static FeeBreakdown Compute(in FeeInputs i, VaultParameters p) => new(0.01 * i.Premium, 0.001 * i.Spot * i.Amount, 0, 0);
}
public static class InventoryAdjustment
{
    public static double Compute(double preNetDelta, double postNetDelta, double preNetStdVega, double postNetStdVega, double spot, VaultParameters p) => 0;
}
public static class StandardVega
{
    public static double Of(double vega, double daysToExpiry) => vega * Math.Sqrt(30.0 / Math.Max(daysToExpiry, 7.0)) / 100.0;
}
