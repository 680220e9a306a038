using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Tests.Support;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests;

/// <summary>
/// Open interest is the traders' positions, not only the vault's: with the vault flat (Alice bought what Bob sold) the
/// strike and board still may not be delisted. Found by the snapshot history generator: a delisted strike that a
/// margin account still held made <c>Vault.Decide</c> throw a KeyNotFoundException on the next liquidation.
/// </summary>
public class DelistingWithTraderPositionsTests
{
    [Fact]
    public void A_strike_the_vault_is_flat_in_but_traders_hold_cannot_be_delisted()
    {
        var v = Open();
        v.Ok(new DepositCollateral(Bob, Asset.Base, 2m));
        v.Buy(Call(3000), 1, Alice);
        v.Sell(Call(3000), 1, Bob);
        Assert.True(v.State.Strikes[Call(3000).StrikeKey].IsFlat);
        Assert.Contains("alice", v.Rejected(new DelistStrike(Governor, Expiry, 3000), RejectionReason.OpenInterestRemaining).Message);
        Assert.Contains("alice", v.Rejected(new DelistBoard(Governor, Expiry), RejectionReason.OpenInterestRemaining).Message);
        v.Ok(new DelistStrike(Governor, Expiry, 3500));
    }
}
