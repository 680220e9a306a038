namespace Ballast.Engine.Hedging;

/// <summary>
/// Shared scaffolding of the policies: parameters validated once at construction, the context validated on every
/// call (a bad context is a typed rejection with no order), then the policy's own rule on valid input.
/// </summary>
/// <typeparam name="TParameters">The policy's parameter record.</typeparam>
public abstract class HedgePolicy<TParameters> : IHedgePolicy where TParameters : IHedgePolicyParameters
{
    /// <summary>Validates <paramref name="parameters"/>; an invalid set is a bug here (validate first with <see cref="HedgePolicySettings"/>).</summary>
    protected HedgePolicy(TParameters parameters)
    {
        var validation = parameters.Validate();
        if (!validation.IsValid) throw new ArgumentException(validation.Message, nameof(parameters));
        Parameters = parameters;
    }

    /// <summary>The validated parameters.</summary>
    public TParameters Parameters { get; }

    /// <inheritdoc />
    public abstract HedgePolicyKind Kind { get; }

    /// <inheritdoc />
    public HedgeDecision Decide(in HedgeContext context)
    {
        var error = context.Validate(out string message);
        return error == HedgeInputError.None ? DecideValid(context) : HedgeDecision.Reject(error, message);
    }

    /// <summary>The policy's rule for a context that passed <see cref="HedgeContext.Validate"/>.</summary>
    protected abstract HedgeDecision DecideValid(in HedgeContext context);
}
