namespace Ballast.Server.Api;

// Request and response bodies of /v1 (camelCase JSON). Sizes are option contracts, money in the named asset.

public sealed record TradeRequest(string? Series, string? Side, double? Size, decimal? MaxCost, decimal? MinProceeds, string? QuoteId);

public sealed record CollateralRequest(string? Asset, decimal? Amount);

public sealed record ParameterChangeRequest(double? Value, long? EffectiveAt);

public sealed record SpotUpdateRequest(double? Price, double? Confidence, double? Reference, long? ObservedAt);

public sealed record VolUpdateRequest(string? Board, double? BaseIv, IReadOnlyList<SkewEntry>? Skews, double? Confidence, long? ObservedAt);

public sealed record SkewEntry(decimal Strike, double Skew);

public sealed record GreeksView(double Delta, double Gamma, double Vega, double StandardVega, double Theta, double Value);

public sealed record SeriesView(string Name, string Board, decimal Strike, string Type, double Vol, decimal VaultPosition);

public sealed record StrikeView(decimal Strike, double Skew, double Vol, decimal VaultCallPosition, decimal VaultPutPosition, GreeksView Greeks);

public sealed record BoardView(string Board, long Expiry, double BaseIv, bool Stale, GreeksView Greeks, IReadOnlyList<StrikeView> Strikes);

public sealed record MarketView(string Underlying, string QuoteAsset, string Settlement, double Spot, long SpotObservedAt, IReadOnlyList<string> Boards);

public sealed record BreakerView(string Name, bool Active, string Detail);

public sealed record VaultStatusView(
    long Now, long StateVersion, long LedgerHead, double Spot, double Nav, double FreeLiquidity,
    decimal CapitalQuote, decimal CapitalBase, decimal FeesQuote, decimal FeesBase,
    GreeksView Greeks, IReadOnlyList<BoardView> Boards, IReadOnlyList<BreakerView> Breakers);

public sealed record QuoteView(
    string QuoteId, string Series, string Side, decimal Size, double Spot, double Vol, double Premium, double Fees,
    double InventoryAdjustment, decimal Total, string Asset, bool ForceClose, double Delta, double Gamma, double Vega,
    long OracleTimestamp, long StateVersion, long ExpiresAt);

public sealed record TradeView(long Sequence, long Time, string Account, string Series, string Side, decimal Size, decimal Payment, decimal Fees, double NewBaseIv, double NewSkew, bool ForceClose);

public sealed record PositionView(string Series, decimal Size);

public sealed record AccountView(string Account, decimal FreeQuote, decimal LockedQuote, decimal FreeBase, decimal LockedBase, IReadOnlyList<PositionView> Positions);

public sealed record ParameterView(string Name, double Value, double Min, double Max, double Default, string Unit, string Description);

public sealed record CommandReceipt(long Sequence, string Event, bool Replayed);
