namespace Ballast.Ledger.Tests.Support;

/// <summary>The PostgreSQL server for tests: the connection string in BALLAST_TEST_POSTGRES, if any.</summary>
public static class PostgresTestServer
{
    public const string Variable = "BALLAST_TEST_POSTGRES";

    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static string? UnavailableReason => ConnectionString is null
        ? $"{Variable} is not set; run ./test.sh (it starts a throwaway cluster via scripts/pg-test-cluster.sh) or eval \"$(scripts/pg-test-cluster.sh start)\""
        : null;
}
