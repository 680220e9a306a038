using Ballast.Cli;

namespace Ballast.Cli.Tests;

/// <summary>Runs <c>ballast</c> in-process and captures its output, for the command tests.</summary>
internal static class CliRun
{
    public static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The contract for user mistakes: exit code 2, nothing on stdout, exactly one "error: ..." line on stderr.</summary>
    public static void AssertOneLineUsageError((int Code, string Out, string Err) result)
    {
        Assert.Equal(2, result.Code);
        Assert.Empty(result.Out);
        Assert.Single(result.Err.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", result.Err);
    }
}
