#!/usr/bin/env bash
# Runs every Ballast test project and ends with one line "N passed, M failed[, K skipped]".
# Installs what the tests need when it is missing (Debian packages via apt-get), then runs dotnet test.
# Opt-in long suites: BALLAST_LONG=1 ./test.sh
set -uo pipefail
cd "$(dirname "$0")"

log() { echo "[test.sh] $*" >&2; }

# Debian packages the tests use; each entry is "command-to-check:package".
NEEDED_PACKAGES=(${BALLAST_TEST_PACKAGES:-})
apt_updated=0
ensure_package() {
  local check="$1" pkg="$2"
  if ! command -v "$check" >/dev/null 2>&1 && ! [ -x "$check" ]; then
    if [ "$apt_updated" = 0 ]; then log "apt-get update"; apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
    log "installing $pkg"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null 2>&1 || log "could not install $pkg (tests that need it will say so)"
  fi
}
for entry in "${NEEDED_PACKAGES[@]}"; do ensure_package "${entry%%:*}" "${entry#*:}"; done
[ -f .ci/test-deps.sh ] && source .ci/test-deps.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

out=$(mktemp)
log "building"
if ! dotnet build Ballast.slnx -c Release -v q --nologo >"$out" 2>&1; then
  cat "$out"
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
passed=0; failed=0; skipped=0
for proj in tests/*/*.csproj; do
  name=$(basename "$proj" .csproj)
  grep -q 'Microsoft.NET.Test.Sdk' "$proj" || continue   # helpers such as the crash child are not test projects
  log "running $name"
  dotnet test "$proj" -c Release --no-build --nologo -v q 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  line=$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+' "$out" | tail -n 1)
  if [ -n "$line" ]; then
    f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$line")
    p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line")
    s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$line")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then failed=$((failed + 1)); log "$name exited $rc without a failed test (crash?)"; fi
  elif [ "$rc" != 0 ]; then
    failed=$((failed + 1)); log "$name exited $rc with no test summary"
  fi
  [ "$rc" != 0 ] && status=1
done
rm -f "$out"

# Stop the throwaway PostgreSQL (if test-deps started one) before the summary, so the summary is the last line printed.
if [ -n "${BALLAST_PG_DIR:-}" ]; then
  bash scripts/pg-test-cluster.sh stop "$BALLAST_PG_DIR"
  trap - EXIT
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -gt 0 ] && status=1
exit $status
