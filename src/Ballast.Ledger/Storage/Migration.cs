namespace Ballast.Ledger.Storage;

/// <summary>
/// One numbered schema change. Migrations are applied in order at start-up, each in its own transaction
/// together with its row in <c>schema_version</c>; a database at a higher version than the build knows is
/// refused (<see cref="LedgerFaultKind.SchemaTooNew"/>).
/// </summary>
/// <param name="Version">1, 2, 3, … with no gaps.</param>
/// <param name="Description">What it changes.</param>
/// <param name="Sql">Statements to run.</param>
public sealed record Migration(int Version, string Description, string Sql)
{
    /// <summary>The fault for a database newer than this build.</summary>
    public static LedgerFault TooNew(string database, long found, int known) =>
        new(LedgerFaultKind.SchemaTooNew,
            $"{database} ledger schema version {found} is newer than this build supports ({known}); upgrade Ballast instead of opening it with an older build");
}
