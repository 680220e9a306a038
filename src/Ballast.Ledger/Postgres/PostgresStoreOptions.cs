using System.Text.RegularExpressions;

namespace Ballast.Ledger.Postgres;

/// <summary>Where the PostgreSQL ledger lives.</summary>
/// <param name="ConnectionString">Npgsql connection string.</param>
public sealed partial record PostgresStoreOptions(string ConnectionString)
{
    /// <summary>Schema holding the ledger's tables (lower-case letters, digits, underscores). Created when missing.</summary>
    public string Schema { get; init; } = "ballast_ledger";

    /// <summary>True when <see cref="Schema"/> is a safe unquoted identifier.</summary>
    public bool HasValidSchema => SchemaPattern().IsMatch(Schema);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaPattern();
}
