using Ballast.Simulation.MarketMaking;

namespace Ballast.Simulation.Tests;

public class AvellanedaStoikovExperimentTests
{
    private static AvellanedaStoikovReport Run(double gamma, ulong seed = 1, int paths = 1000, int? threads = null,
        FillTiming timing = FillTiming.AfterMidMove)
    {
        var error = AvellanedaStoikovExperiment.TryRun(new AvellanedaStoikovSettings(gamma, paths, seed) { FillTiming = timing },
            threads, out var report, out string message);
        Assert.True(error == AvellanedaStoikovSettingsError.None, message);
        return report!;
    }

    [Fact]
    public void Seed_1_gamma_0_1_reproduces_the_pinned_summary()
    {
        var report = Run(0.1);

        // Regression pins (seed 1, 1,000 paths, paper parameters); they change only if the simulation changes.
        // spreadMean = 0.1·2²·mean(T − t) + 20·ln(16/15) = 0.4·0.5025 + 1.2907704227514234 = 1.4917704227514234
        // (T − t runs over 1 − 0.005·i, i = 0..199, mean 0.5025).
        Assert.Equal(1.4917704227514234, report.Inventory.SpreadMean, 1e-12);
        Assert.Equal(report.Inventory.SpreadMean, report.Symmetric.SpreadMean, 1e-12);
        Assert.Equal(63.32585232017665, report.Inventory.ProfitMean, 1e-9);
        Assert.Equal(6.611753166342991, report.Inventory.ProfitStd, 1e-9);
        Assert.Equal(0.029, report.Inventory.FinalInventoryMean, 1e-12);
        Assert.Equal(3.0416131263542345, report.Inventory.FinalInventoryStd, 1e-9);
        Assert.Equal(67.08386570752164, report.Symmetric.ProfitMean, 1e-9);
        Assert.Equal(13.456566072820717, report.Symmetric.ProfitStd, 1e-9);
        Assert.Equal(0.264, report.Symmetric.FinalInventoryMean, 1e-12);
        Assert.Equal(8.431571347939563, report.Symmetric.FinalInventoryStd, 1e-9);
    }

    [Fact]
    public void Seed_1_gamma_0_5_reproduces_the_pinned_summary()
    {
        // γ = 0.5 does not match the paper's inventory row (33.92); see the Simulation README for why.
        var report = Run(0.5);

        Assert.Equal(2.1557282898070813, report.Inventory.SpreadMean, 1e-12);
        Assert.Equal(47.36263055986796, report.Inventory.ProfitMean, 1e-9);
        Assert.Equal(2.061710612731731, report.Inventory.FinalInventoryStd, 1e-9);
        Assert.Equal(57.59111315739306, report.Symmetric.ProfitMean, 1e-9);
    }

    /// <summary>
    /// Criterion for "reproduces the paper": each mean (profit, final inventory) differs from the published one by at most
    /// 3 standard errors of the difference of two independent 1,000-path estimates, √(s²_ours/1000 + s²_paper/1000);
    /// each standard deviation is within 15% of the published one (a sample s.d. from 1,000 paths has a relative
    /// standard error of about 1/√2000 = 2.2%, and the paper does not state its fill-timing convention; 15% leaves room
    /// for that while still catching a wrong formula, which moves them by 30% or more). Checked on three seeds.
    /// </summary>
    [Theory]
    [InlineData(0.1, 1UL)]
    [InlineData(0.1, 2UL)]
    [InlineData(0.1, 3UL)]
    [InlineData(0.01, 1UL)]
    [InlineData(0.01, 2UL)]
    [InlineData(0.01, 3UL)]
    public void Gamma_0_1_and_0_01_land_within_three_standard_errors_of_the_paper(double gamma, ulong seed)
    {
        var report = Run(gamma, seed);
        var paper = AvellanedaStoikovPaperTable.ByRiskAversion[gamma];

        AssertMatchesPaper(report.Inventory, paper.Inventory);
        AssertMatchesPaper(report.Symmetric, paper.Symmetric);
    }

    /// <summary>
    /// The second transcription of the γ = 0.1 table (<see cref="AvellanedaStoikovPaperTable.Gamma01AsQuotedByRagoragino"/>)
    /// is matched, by the same criterion, when fills are decided against the mid the quotes were set from — and not
    /// under the default convention, whose inventory profit is about 1.7 (≈ 6 standard errors) lower. So the two
    /// transcriptions point at different within-step conventions; see the Simulation README.
    /// </summary>
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Deciding_fills_before_the_mid_move_matches_the_second_transcription_of_gamma_0_1(ulong seed)
    {
        var other = AvellanedaStoikovPaperTable.Gamma01AsQuotedByRagoragino;
        var before = Run(0.1, seed, timing: FillTiming.BeforeMidMove);
        AssertMatchesPaper(before.Inventory, other.Inventory);
        AssertMatchesPaper(before.Symmetric, other.Symmetric);

        var after = Run(0.1, seed);
        double tolerance = 3 * Math.Sqrt((after.Inventory.ProfitStd * after.Inventory.ProfitStd + other.Inventory.ProfitStd * other.Inventory.ProfitStd) / 1000);
        Assert.True(other.Inventory.ProfitMean - after.Inventory.ProfitMean > tolerance);
    }

    private static void AssertMatchesPaper(StrategySummary ours, AvellanedaStoikovPaperTable.Row paper)
    {
        static double Tolerance(double ourStd, double paperStd) => 3 * Math.Sqrt((ourStd * ourStd + paperStd * paperStd) / 1000);

        Assert.InRange(ours.ProfitMean, paper.ProfitMean - Tolerance(ours.ProfitStd, paper.ProfitStd), paper.ProfitMean + Tolerance(ours.ProfitStd, paper.ProfitStd));
        Assert.InRange(ours.FinalInventoryMean, paper.FinalInventoryMean - Tolerance(ours.FinalInventoryStd, paper.FinalInventoryStd),
            paper.FinalInventoryMean + Tolerance(ours.FinalInventoryStd, paper.FinalInventoryStd));
        Assert.InRange(ours.ProfitStd / paper.ProfitStd, 0.85, 1.15);
        Assert.InRange(ours.FinalInventoryStd / paper.FinalInventoryStd, 0.85, 1.15);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    public void The_inventory_strategy_has_less_profit_and_inventory_risk_than_the_symmetric_one(double gamma)
    {
        // The paper's qualitative finding, on common random numbers.
        var report = Run(gamma, seed: 4, paths: 400);

        Assert.True(report.Inventory.ProfitStd < report.Symmetric.ProfitStd);
        Assert.True(report.Inventory.FinalInventoryStd < report.Symmetric.FinalInventoryStd);
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var sequential = Run(0.1, seed: 77, paths: 300, threads: 1);
        var parallel = Run(0.1, seed: 77, paths: 300, threads: 8);
        var defaultThreads = Run(0.1, seed: 77, paths: 300);

        Assert.Equal(sequential.Inventory, parallel.Inventory);
        Assert.Equal(sequential.Symmetric, parallel.Symmetric);
        Assert.Equal(sequential.Inventory, defaultThreads.Inventory);
    }

    [Fact]
    public void A_different_seed_gives_a_different_sample()
    {
        Assert.NotEqual(Run(0.1, seed: 1, paths: 200).Inventory.ProfitMean, Run(0.1, seed: 2, paths: 200).Inventory.ProfitMean);
    }

    [Fact]
    public void Deciding_fills_before_the_mid_move_earns_more_spread_than_after_it()
    {
        // Fills decided against the pre-move mid carry no adverse selection, so profit is higher (by about 1.5 at γ = 0.1).
        var after = Run(0.1, paths: 500);
        var before = Run(0.1, paths: 500, timing: FillTiming.BeforeMidMove);

        Assert.True(before.Inventory.ProfitMean > after.Inventory.ProfitMean + 0.5);
        Assert.True(before.Symmetric.ProfitMean > after.Symmetric.ProfitMean + 0.5);
    }

    [Theory]
    [InlineData(0.0, 1000, AvellanedaStoikovSettingsError.NonPositiveRiskAversion)]
    [InlineData(-0.1, 1000, AvellanedaStoikovSettingsError.NonPositiveRiskAversion)]
    [InlineData(double.NaN, 1000, AvellanedaStoikovSettingsError.NotFinite)]
    [InlineData(0.1, 0, AvellanedaStoikovSettingsError.NonPositivePaths)]
    public void Bad_settings_are_rejected_with_a_typed_reason(double gamma, int paths, AvellanedaStoikovSettingsError expected)
    {
        var error = AvellanedaStoikovExperiment.TryRun(new AvellanedaStoikovSettings(gamma, paths), 1, out var report, out string message);

        Assert.Equal(expected, error);
        Assert.Null(report);
        Assert.NotEmpty(message);
    }

    [Fact]
    public void A_time_step_that_would_make_fill_probabilities_exceed_one_is_rejected()
    {
        var settings = new AvellanedaStoikovSettings(0.1) { TimeStep = 0.01 }; // A·dt = 1.4 > 1

        Assert.Equal(AvellanedaStoikovSettingsError.TimeStepTooLong, AvellanedaStoikovExperiment.TryRun(settings, 1, out _, out _));
        Assert.Equal(AvellanedaStoikovSettingsError.NegativeVolatility,
            AvellanedaStoikovExperiment.TryRun(new AvellanedaStoikovSettings(0.1) { Volatility = -2 }, 1, out _, out _));
    }
}
