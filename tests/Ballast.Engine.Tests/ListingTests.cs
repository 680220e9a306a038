using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Tests.Support;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests;

public class ListingTests
{
    [Fact]
    public void Nothing_but_OpenVault_is_accepted_before_the_vault_is_open()
    {
        var v = new TestVault();
        v.Rejected(new ListBoard(Governor, Expiry, 0.8), RejectionReason.VaultNotOpen);
        v.Rejected(new OpenVault(Governor, new MarketDefinition("ETH", "USDC", SettlementStyle.Linear), Parameters.VaultParameters.Default), RejectionReason.Unauthorized);
    }

    [Fact]
    public void A_vault_opens_once()
    {
        var v = Open(book: false);
        v.Rejected(new OpenVault(Admin, new MarketDefinition("ETH", "USDC", SettlementStyle.Linear), Parameters.VaultParameters.Default), RejectionReason.VaultAlreadyOpen);
    }

    [Fact]
    public void A_vault_with_parameters_outside_their_bounds_does_not_open()
    {
        var v = new TestVault();
        var bad = Parameters.VaultParameters.Default with { MinBaseIv = 3, MaxBaseIv = 1 };
        v.Rejected(new OpenVault(Admin, new MarketDefinition("ETH", "USDC", SettlementStyle.Linear), bad), RejectionReason.InvalidParameter);
    }

    [Fact]
    public void Listing_a_board_and_strikes_creates_call_and_put_series_sorted_by_strike()
    {
        var v = Open();
        var board = v.State.Boards[Expiry];
        Assert.Equal([2500m, 2750m, 3000m, 3250m, 3500m], board.Strikes.Select(s => s.Strike));
        Assert.True(v.State.TryGetStrike(Call(3000), out var k));
        Assert.Equal(0.8, k.Vol);
    }

    [Fact]
    public void Only_the_governor_lists_and_delists()
    {
        var v = Open();
        v.Rejected(new ListBoard(Alice, Expiry + Day, 0.8), RejectionReason.Unauthorized);
        v.Rejected(new ListStrike(Oracle, Expiry, 4000, 1), RejectionReason.Unauthorized);
        v.Rejected(new DelistStrike(Admin, Expiry, 3000), RejectionReason.Unauthorized);
    }

    [Fact]
    public void Listing_twice_is_rejected()
    {
        var v = Open();
        v.Rejected(new ListBoard(Governor, Expiry, 0.8), RejectionReason.AlreadyListed);
        v.Rejected(new ListStrike(Governor, Expiry, 3000, 1), RejectionReason.AlreadyListed);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    public void A_board_needs_a_positive_finite_base_iv(double baseIv) =>
        Open().Rejected(new ListBoard(Governor, Expiry + Day, baseIv), RejectionReason.InvalidInput);

    [Fact]
    public void A_strike_on_an_unknown_board_is_rejected() =>
        Open().Rejected(new ListStrike(Governor, Expiry + Day, 3000, 1), RejectionReason.UnknownBoard);

    [Fact]
    public void A_strike_with_open_positions_cannot_be_delisted_but_a_flat_one_can()
    {
        var v = Open();
        v.Buy(Call(3000), 1);
        v.Rejected(new DelistStrike(Governor, Expiry, 3000), RejectionReason.OpenInterestRemaining);
        v.Rejected(new DelistBoard(Governor, Expiry), RejectionReason.OpenInterestRemaining);
        v.Ok(new DelistStrike(Governor, Expiry, 3500));
        Assert.False(v.State.TryGetStrike(Call(3500), out _));
        Assert.Null(CacheAudit.Problem(v.State));
    }

    [Fact]
    public void A_flat_board_can_be_delisted()
    {
        var v = Open();
        v.Ok(new DelistBoard(Governor, Expiry));
        Assert.Empty(v.State.Boards);
        Assert.Empty(v.State.Strikes);
    }
}
