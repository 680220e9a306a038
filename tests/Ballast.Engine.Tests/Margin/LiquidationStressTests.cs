using Ballast.Engine.Margin;
using Ballast.Pricing;
using Xunit.Abstractions;
using static Ballast.Engine.Tests.Margin.MarginTestData;

namespace Ballast.Engine.Tests.Margin;

public class LiquidationStressTests(ITestOutputHelper output)
{
    private static readonly MarginCalculator Calculator = MarginCalculator.Default;
    private static readonly LiquidationParameters Liquidation = LiquidationParameters.Default;

    /// <summary>Every quote balance in the simulated system; money only moves between these, so the total is conserved.</summary>
    private sealed class Books
    {
        public decimal[] Accounts = [];
        public decimal Vault = 10_000_000m;
        public decimal InsuranceFund = 50_000m;
        public decimal Liquidators;
        public decimal Bidders;
        public decimal Total => Accounts.Sum() + Vault + InsuranceFund + Liquidators + Bidders;
    }

    [Fact]
    public void A_40_percent_spot_gap_liquidates_or_socialises_every_underwater_account_and_conserves_money_exactly()
    {
        var before = new MarginMarket(3000, 0.0);
        var after = new MarginMarket(1800, 0.0); // spot gaps −40 % in one step
        var rng = new Random(20261125);
        const int n = 1_000;
        var accounts = new TraderAccount[n];
        var books = new Books { Accounts = new decimal[n] };
        for (int i = 0; i < n; i++)
        {
            var mode = rng.Next(2) == 0 ? MarginMode.Standard : MarginMode.Portfolio;
            var raw = RandomAccount(rng, before, mode) with { QuoteCollateral = 0m };
            // Every account opens with IM ≥ 0: collateral = IM requirement shortfall × (1 … 1.5).
            decimal needed = Math.Max(0m, -Calculator.Compute(raw, before).InitialMargin);
            accounts[i] = raw with { QuoteCollateral = Math.Round(needed * (1m + 0.5m * (decimal)rng.NextDouble()), 2, MidpointRounding.ToPositiveInfinity) };
            Assert.True(Calculator.Compute(accounts[i], before).InitialMargin >= 0m);
            books.Accounts[i] = accounts[i].QuoteCollateral;
        }

        decimal totalBefore = books.Total;
        int underwater = 0, auctioned = 0, closedIncrementally = 0, fullyClosed = 0, insuranceCovered = 0, socialised = 0;
        decimal socialisedLoss = 0m;
        for (int i = 0; i < n; i++)
        {
            var account = Reprice(accounts[i], after);
            var margin = Calculator.Compute(account, after);
            if (margin.MaintenanceMargin >= 0) { accounts[i] = account; continue; }
            underwater++;

            // Even-numbered solvent accounts go to the Dutch auction; a bidder takes the largest allowed fraction.
            if (i % 2 == 0 && margin.Equity > 0)
            {
                var bid = LiquidationAuction.Bid(margin, rng.NextInt64(0, 44_000), 1m, Liquidation);
                Assert.True(bid.Accepted);
                Assert.True(bid.Fraction <= bid.MaxFraction);
                account = LiquidationAuction.Transfer(account, bid.Fraction, bid.Payment, out decimal takenQuote, out _);
                books.Bidders += takenQuote - bid.Payment;
                books.Accounts[i] += bid.Payment - takenQuote;
                auctioned++;
                margin = Calculator.Compute(account, after);
            }

            // Otherwise, or if still below maintenance, the vault closes increments against itself.
            for (int step = 0; step < 4 && margin.MaintenanceMargin < 0; step++)
            {
                var close = IncrementalLiquidation.Plan(margin, Liquidation);
                Assert.Equal(LiquidationRejection.None, close.Rejection);
                account = IncrementalLiquidation.Apply(account, close);
                books.Accounts[i] += close.CloseCashToAccount - close.Penalty;
                books.Vault -= close.CloseCashToAccount;
                var split = PenaltySplit.Split(close.Penalty, Liquidation);
                Assert.Equal(close.Penalty, split.Total);
                books.Liquidators += split.Liquidator;
                books.InsuranceFund += split.SecurityFund;
                books.Vault += split.LiquidityProviders; // the LPs own the vault
                closedIncrementally++;
                if (close.ClosesEverything)
                {
                    fullyClosed++;
                    if (books.Accounts[i] < 0)
                    {
                        var w = InsolvencyWaterfall.Cover(-books.Accounts[i], books.InsuranceFund);
                        Assert.Equal(w.Shortfall, w.InsurancePayout + w.SocialisedLoss);
                        books.InsuranceFund = w.InsuranceFundAfter;
                        books.Vault -= w.SocialisedLoss; // explicit socialisation across LPs
                        books.Accounts[i] += w.Shortfall;
                        if (w.SocialisedLoss > 0) { socialised++; socialisedLoss += w.SocialisedLoss; } else insuranceCovered++;
                    }

                    account = account with { QuoteCollateral = books.Accounts[i] };
                    break;
                }

                account = account with { QuoteCollateral = books.Accounts[i] };
                margin = Calculator.Compute(account, after);
            }

            Assert.Equal(books.Accounts[i], account.QuoteCollateral);
            var final = Calculator.Compute(account, after);
            bool flat = account.Positions.All(p => p.Quantity == 0);
            Assert.True(final.MaintenanceMargin >= 0 || flat, $"account {i} still underwater: {final.MaintenanceMargin}");
            Assert.True(books.Accounts[i] >= 0 || !flat, $"account {i} left with debt {books.Accounts[i]}");
            accounts[i] = account;
        }

        output.WriteLine($"underwater {underwater}, auctioned {auctioned}, incremental steps {closedIncrementally}, fully closed {fullyClosed}, " +
                         $"insurance-covered {insuranceCovered}, socialised {socialised} (loss {socialisedLoss}), insurance fund {books.InsuranceFund}");
        Assert.True(underwater > 100, $"the gap should put many accounts underwater, got {underwater}");
        Assert.True(auctioned > 0 && closedIncrementally > 0);
        Assert.Equal(totalBefore, books.Total); // exact, in decimal
        Assert.All(accounts, a => Assert.True(Calculator.Compute(a, after).MaintenanceMargin >= 0 || a.Positions.All(p => p.Quantity == 0)));
    }

    private static TraderAccount Reprice(TraderAccount account, MarginMarket market)
        => account with
        {
            Positions = account.Positions.Select(p => p with
            {
                Mark = BlackScholesMerton.Price(p.Type, market.Spot, p.Strike, market.Rate, market.DividendYield, p.TimeToExpiryYears, p.Vol),
            }).ToArray(),
        };
}
