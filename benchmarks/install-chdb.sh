#!/usr/bin/env bash
# Installs chDB (ClickHouse in-process, for Node) into the benchmark cache,
# outside the repository: $MARTDB_BENCH_CACHE/chdb, else
# ~/.cache/martdb-bench/chdb. The harness finds it there and runs
# benchmarks/chdb_runner.js with it.
set -euo pipefail
cache="${MARTDB_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/martdb-bench}"
mkdir -p "$cache/chdb"
npm install --silent --no-audit --no-fund --prefix "$cache/chdb" chdb@3.4.0
node -e "require('$cache/chdb/node_modules/chdb'); console.log('chdb installed in $cache/chdb')"
