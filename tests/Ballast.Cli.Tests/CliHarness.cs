using System.Globalization;

namespace Ballast.Cli.Tests;

/// <summary>Input files in a temp directory and CSV parsing for the price/iv command tests (running goes through <see cref="CliRun"/>).</summary>
internal sealed class CliHarness : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ballast-cli-tests-" + Guid.NewGuid().ToString("N"));

    public CliHarness() => Directory.CreateDirectory(_dir);

    public static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(args);

    /// <summary>Writes <paramref name="lines"/> to a new file in the temp directory and returns its path.</summary>
    public string WriteFile(string name, params string[] lines)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>Asserts a user error: exit code 2, nothing on stdout, exactly one "error: ..." line containing <paramref name="fragment"/>.</summary>
    public static void AssertUserError((int Code, string Out, string Err) result, string fragment)
    {
        CliRun.AssertOneLineUsageError(result);
        Assert.Contains(fragment, result.Err);
        Assert.DoesNotContain("   at ", result.Err);
    }

    /// <summary>Splits CSV output into header-keyed rows (no quoted cells except where asked).</summary>
    public static (string[] Header, List<string[]> Rows) ParseCsv(string text)
    {
        var lines = text.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        return (lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToList());
    }

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
