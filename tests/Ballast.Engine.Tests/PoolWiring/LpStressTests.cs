using Ballast.Engine.Commands;
using Ballast.Engine.Pool;
using Ballast.Engine.Tests.Support;
using static Ballast.Engine.Tests.PoolWiring.PoolVault;

namespace Ballast.Engine.Tests.PoolWiring;

/// <summary>Spot −50 % in one step against a book of short puts: the waterfall at work on the engine's own NAV.</summary>
public class LpStressTests
{
    [Theory]
    [InlineData(2_000, false)] // loss ≈ 4M: inside the junior's 10M
    [InlineData(5_100, true)]  // loss ≈ 10.3M: the junior is wiped out and the senior takes the rest
    public void A_spot_crash_hits_the_junior_before_the_senior_and_no_share_price_goes_negative(int puts, bool seniorImpaired)
    {
        var v = PoolVault.Open(PoolParameters.Default with { InstantMode = true });
        v.Ok(new RequestLpDeposit(Carol, "senior", 1_000_000m, Instant: true));
        v.Ok(new ImportPosition(TestVault.Admin, TestVault.Alice.Account, TestVault.Put(3500), puts));
        v.Wait(3_600);
        decimal seniorBefore = v.SharePrice("senior"), juniorBefore = v.SharePrice("junior");

        v.Tick(60, 1_500);

        var nav = v.Nav();
        Assert.False(nav.IsInsolvent);
        var claims = v.Pool().Claims(nav.Nav, v.Now);
        v.AssertClaimsSumToNav();
        Assert.True(v.SharePrice("junior") < juniorBefore, "the junior takes the first loss");
        if (!seniorImpaired)
        {
            Assert.Equal(claims[0].TargetClaim, claims[0].Claim);
            Assert.True(v.SharePrice("senior") >= seniorBefore - 1e-12m);
        }
        else
        {
            Assert.Equal(0m, claims[1].Claim);
            Assert.True(claims[0].Claim < claims[0].TargetClaim);
            // Money cannot price a deposit fairly while the senior is impaired: the junior's price is 0.
            var blocked = v.Run(new RequestLpDeposit(Dave, "junior", 1_000m, Instant: true));
            Assert.False(blocked.IsAccepted);
        }
    }
}
