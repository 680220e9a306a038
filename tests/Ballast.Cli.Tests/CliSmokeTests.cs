using Ballast.Cli;

namespace Ballast.Cli.Tests;

public class CliSmokeTests
{
    [Fact]
    public void Unknown_command_is_a_one_line_error_with_exit_code_2()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(["frobnicate"], stdout, stderr);
        Assert.Equal(2, code);
        Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith("error: unknown command 'frobnicate'", stderr.ToString());
    }
}
