namespace Ballast.Engine.Quoting;

/// <summary>A <see cref="Quoting.Quote"/> or the <see cref="Engine.Rejection"/> explaining why there is none.</summary>
public readonly struct QuoteResult
{
    private readonly Quote _quote;

    private QuoteResult(in Quote quote, Rejection? rejection)
    {
        _quote = quote;
        Rejection = rejection;
    }

    /// <summary>Null when quoted.</summary>
    public Rejection? Rejection { get; }

    /// <summary>True when there is a quote.</summary>
    public bool IsQuoted => Rejection is null;

    /// <summary>The quote; throws when rejected.</summary>
    public Quote Quote => Rejection is null ? _quote : throw new InvalidOperationException($"no quote: {Rejection}");

    /// <summary>A quote.</summary>
    public static QuoteResult Of(in Quote quote) => new(quote, null);

    /// <summary>A refusal.</summary>
    public static QuoteResult Rejected(Rejection rejection) => new(default, rejection);
}
