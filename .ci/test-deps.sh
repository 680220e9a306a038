# Sourced by test.sh before the tests run (bash). Starts what the tests need and registers its cleanup.
# Ledger: a throwaway PostgreSQL cluster for the PostgreSQL contract tests (BALLAST_TEST_POSTGRES).
# When the cluster cannot be started, those tests skip and say why.
if [ -z "${BALLAST_TEST_POSTGRES:-}" ]; then
  if _ballast_pg_env=$(bash scripts/pg-test-cluster.sh start); then
    eval "$_ballast_pg_env"
    trap 'bash scripts/pg-test-cluster.sh stop "${BALLAST_PG_DIR:-}"' EXIT
  fi
  unset _ballast_pg_env
fi
# Server: the dashboard browser test drives Debian's Chromium through Playwright (never a downloaded browser).
ensure_package /usr/bin/chromium chromium
