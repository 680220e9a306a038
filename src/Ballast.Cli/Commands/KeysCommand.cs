using Ballast.Server;
using Ballast.Server.Auth;

namespace Ballast.Cli;

/// <summary><c>ballast keys create --role ROLE [--account ID] [--db PATH]</c>: creates an API key and prints it once (only its hash is stored).</summary>
public static class KeysCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] != "create") throw new CliUsageException("usage: ballast keys create --role trader|lp|oracle|governor|admin [--account ID] [--db PATH]");
        var a = new CliArgs(args[1..]);
        string role = a.Choice("role", null, "trader", "lp", "oracle", "governor", "admin");
        string account = a.Optional("account") ?? role;
        string? db = a.Optional("db");
        a.EnsureAllUsed();
        if (!ApiKeyStore.IsValidAccount(account)) throw new CliUsageException($"--account '{account}' must be 1-64 letters, digits, '-', '_' or '.'");
        var options = new ServerOptions { Db = db is null ? null : Path.GetFullPath(db) };
        string path = options.KeysPath;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var store = new ApiKeyStore(path);
        string key = store.Create(Enum.Parse<ApiRole>(role, ignoreCase: true), account, DateTimeOffset.UtcNow);
        stdout.WriteLine(key);
        stderr.WriteLine($"created a {role} key for account '{account}' in {Path.GetFullPath(path)}; it is shown only this once");
        return CliApp.ExitOk;
    }
}
