#pragma warning disable CS1591
namespace Ballast.Engine.Quoting;
// TEMPORARY STUB
public readonly record struct FeeInputs(double Premium, double Spot, double Amount, double TimeToExpiryYears, double OptionVega, double NewVol, double NewSkew, double PreTradeNetStdVega, double PostTradeNetStdVega, double Nav, double IvVariance, bool IsForceClose);
public readonly record struct FeeBreakdown(double OptionPriceFee, double SpotPriceFee, double VegaUtilFee, double VarianceFee)
{ public double Total => OptionPriceFee + SpotPriceFee + VegaUtilFee + VarianceFee; }
