using Ballast.Server;

namespace Ballast.Cli;

/// <summary>
/// <c>ballast serve [--db PATH | --postgres CONN] [--urls http://127.0.0.1:PORT] [--paper] [--config FILE]</c>:
/// runs the vault service (see Ballast.Server). Flags map onto the server's <c>Ballast</c> configuration section;
/// <c>--config</c> adds a JSON file of the same shape (<c>{ "Ballast": { ... } }</c>).
/// </summary>
public static class ServeCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new CliArgs(args, "paper");
        string? db = a.Optional("db");
        string? postgres = a.Optional("postgres");
        string urls = a.Optional("urls") ?? "http://127.0.0.1:5080";
        bool paper = a.Flag("paper");
        string? config = a.Optional("config");
        string? data = a.Optional("data");
        a.EnsureAllUsed();
        if (db is not null && postgres is not null) throw new CliUsageException("give --db or --postgres, not both");
        if (config is not null && !File.Exists(config)) throw new CliUsageException($"config file '{config}' not found");
        if (!Uri.TryCreate(urls.Split(';')[0], UriKind.Absolute, out _)) throw new CliUsageException($"--urls '{urls}' is not a URL");

        var serverArgs = new List<string> { $"--urls={urls}" };
        if (config is not null) serverArgs.Add($"--Ballast:ConfigFile={Path.GetFullPath(config)}");
        if (db is not null) serverArgs.Add($"--Ballast:Db={Path.GetFullPath(db)}");
        if (postgres is not null) serverArgs.Add($"--Ballast:Postgres={postgres}");
        if (data is not null) serverArgs.Add($"--Ballast:DataFolder={Path.GetFullPath(data)}");
        if (paper) serverArgs.Add("--Ballast:Paper=true");
        string folder = Path.GetFullPath(data ?? "ballast-data");
        stdout.WriteLine(postgres is null
            ? $"ballast serve: ledger {(db is null ? Path.Combine(folder, "ledger.db") : Path.GetFullPath(db))}, listening on {urls}{(paper ? " (paper mode)" : "")}"
            : $"ballast serve: ledger on PostgreSQL, keys in {folder}, listening on {urls}{(paper ? " (paper mode)" : "")}");
        return BallastServer.Run([.. serverArgs]);
    }
}
