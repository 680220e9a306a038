#!/usr/bin/env bash
# Runs Ballast's pricing benchmarks against QLNet in one BenchmarkDotNet run, plus the batch pricer at each
# SIMD width, the implied-vol accuracy table and a thread-CPU-time table of the same workloads. Sized for a shared 2-core machine: about 4-6 minutes.
# Extra arguments go to BenchmarkDotNet (e.g. --filter '*BallastBatch*').
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/Ballast.Bench -v q -nologo
echo "== implied-vol accuracy on the benchmarked cases"
dotnet run -c Release --no-build --project bench/Ballast.Bench -- accuracy
echo "== the same workloads in thread CPU time (robust to other processes sharing the cores)"
dotnet run -c Release --no-build --project bench/Ballast.Bench -- cputime
if [ "$#" -eq 0 ]; then
  set -- --filter '*PricingBenchmarks*' '*BatchWidthBenchmarks*'
fi
dotnet run -c Release --no-build --project bench/Ballast.Bench -- "$@"
