namespace Ballast.Engine.Hedging;

/// <summary>A policy's parameter record: validates itself with a typed result.</summary>
public interface IHedgePolicyParameters
{
    /// <summary>Checks every parameter; the first failure wins.</summary>
    HedgeParameterValidation Validate();
}
