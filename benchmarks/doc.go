// Command benchmarks measures martdb against its peers on the same data in
// the same run: `go run ./benchmarks [--scale 1M] [--queries funnel,rfm]
// [--peers duckdb,postgres] [--runs 5] [--out results.md]`.
//
// # How a run goes
//
// The data (data.go) is the seeded demo shop of benchmarks/datagen at the
// asked number of events, generated once into a DuckDB file in a cache
// directory outside the repository and reused by later runs. Each peer
// (peer_*.go) then loads it its own way, timed apart from the queries:
//
//   - martdb: the engine in-process, with the marketing functions;
//   - wire: martdb's PostgreSQL server in-process, queried through pgx;
//   - cli: the martdb binary with -c, timed as a whole process;
//   - duckdb: the same duckdb-go build with no martdb layer, running
//     hand-written SQL for the same answers (what our layer costs);
//   - postgres: PostgreSQL started by the harness in a temporary directory
//     on a loopback port when its binaries are installed, loaded with COPY,
//     running window-function SQL;
//   - chdb: ClickHouse in-process, when installed (see chdb.go).
//
// A peer that cannot run says why and how to install it. Every query
// (queries.go) is a question with one formulation per dialect; a peer runs
// the formulation of its dialect, once to warm up and then --runs times.
//
// # Answers
//
// A benchmark of a wrong answer is void: each peer's result is normalised
// (answer.go: numbers to six significant digits, rows sorted) and compared
// with martdb's. A disagreement is printed in full and makes the run fail.
//
// # Results
//
// report.go prints, per query, each peer's median, min and max and the
// ratio of its median to martdb's, all from this run; --out writes the same
// as Markdown (benchmarks/RESULTS.md holds the latest full run) and, beside
// it, JSON.
package main
