using System.Text.Json;
using System.Text.Json.Serialization;
using Ballast.Server.Streaming;

namespace Ballast.Server.Api;

/// <summary>
/// Source-generated JSON metadata for every request and response body of the API and the stream, so serialising a
/// quote runs generated code instead of reflection-built converters. Used as the first resolver of the HTTP JSON
/// options (camelCase, web defaults) and of <see cref="ApiJson.Strict"/>; types not listed here (a few anonymous
/// bodies) still fall back to reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(QuoteView))]
[JsonSerializable(typeof(TradeView))]
[JsonSerializable(typeof(TradeView[]))]
[JsonSerializable(typeof(VaultStatusView))]
[JsonSerializable(typeof(BoardView))]
[JsonSerializable(typeof(IReadOnlyList<BoardView>))]
[JsonSerializable(typeof(MarketView))]
[JsonSerializable(typeof(IReadOnlyList<SeriesView>))]
[JsonSerializable(typeof(IReadOnlyList<ParameterView>))]
[JsonSerializable(typeof(AccountView))]
[JsonSerializable(typeof(CommandReceipt))]
[JsonSerializable(typeof(IReadOnlyList<VaultTicker.SeriesQuote>))]
[JsonSerializable(typeof(TradeRequest))]
[JsonSerializable(typeof(CollateralRequest))]
[JsonSerializable(typeof(ParameterChangeRequest))]
[JsonSerializable(typeof(SpotUpdateRequest))]
[JsonSerializable(typeof(VolUpdateRequest))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
