namespace Ballast.Cli.Tests;

/// <summary>The README promises that every command prints --help; this holds it to that for every entry of the table.</summary>
public class HelpTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (string name in CliApp.CommandNames) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_answers_help_on_stdout_with_exit_code_0(string command)
    {
        foreach (string flag in new[] { "--help", "-h" })
        {
            var (code, output, error) = CliRun.Invoke(command, flag);
            Assert.Equal(0, code);
            Assert.Empty(error);
            Assert.Contains("usage: ballast " + command, output, StringComparison.Ordinal);
        }
    }
}
