// chdb_runner.js drives chDB (ClickHouse in-process) for the benchmark
// harness (peer_chdb.go). It reads one JSON request per line on stdin and
// answers each with one JSON line on stdout:
//   {"op":"load","dir":D,"tables":{"events":"(user_id, ts)",...}}
//     creates MergeTree tables from D/<table>.parquet, ordered as given;
//   {"op":"query","sql":S}  ->  {"rows":[[...],...]} or {"error":"..."}.
// chDB is found through NODE_PATH (benchmarks/install-chdb.sh).
"use strict";
const readline = require("readline");
const { Session } = require("chdb");
const fs = require("fs");
const os = require("os");
const path = require("path");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "martdb-bench-chdb-"));
const session = new Session(dir);

function handle(req) {
  if (req.op === "load") {
    for (const [table, order] of Object.entries(req.tables)) {
      const file = path.join(req.dir, table + ".parquet");
      session.query(`DROP TABLE IF EXISTS ${table}`);
      session.query(`CREATE TABLE ${table} ENGINE = MergeTree ORDER BY ${order} AS SELECT * FROM file('${file}', Parquet) SETTINGS schema_inference_make_columns_nullable = 0`);
    }
    return { rows: [] };
  }
  if (req.op === "query") {
    const out = session.query(req.sql, "JSONCompact");
    return { rows: out.trim() === "" ? [] : JSON.parse(out).data };
  }
  throw new Error("unknown op " + req.op);
}

const rl = readline.createInterface({ input: process.stdin });
rl.on("line", (line) => {
  let reply;
  try {
    reply = handle(JSON.parse(line));
  } catch (e) {
    reply = { error: String(e && e.message ? e.message : e) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
});
rl.on("close", () => {
  session.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
