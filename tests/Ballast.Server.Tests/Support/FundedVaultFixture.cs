namespace Ballast.Server.Tests.Support;

/// <summary>One server per test class: the default vault, alice funded, and a listed at-the-money call to trade.</summary>
public sealed class FundedVaultFixture : IAsyncLifetime
{
    public BallastFactory Factory { get; } = new();

    /// <summary>The first board's 3000 call.</summary>
    public string Series { get; private set; } = "";

    /// <summary>The board of <see cref="Series"/> (yyyyMMdd).</summary>
    public string Board => Series.Split('-')[1];

    public async Task InitializeAsync()
    {
        await Http.FundAlice(Factory);
        Series = await Http.SeriesName(Factory.CreateClient());
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
