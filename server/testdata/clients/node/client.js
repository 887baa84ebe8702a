// node-postgres (extended protocol with text parameters of unspecified
// type): parameters, rows as objects, a marketing function, an error and
// recovery.
const { Client } = require("pg");

async function main() {
  const client = new Client({ connectionString: process.argv[2] });
  await client.connect();
  let r = await client.query("SELECT $1::int + 1 AS answer, $2 AS greeting, $3::numeric AS price", [41, "héllo", "1.50"]);
  console.log("params", JSON.stringify(r.rows));
  r = await client.query("SELECT order_id, amount FROM orders WHERE order_id <= $1 ORDER BY order_id", [2]);
  console.log("rows", JSON.stringify(r.rows), r.command, r.rowCount);
  r = await client.query("SELECT i + $1 AS n FROM range(2) t(i)", [10]);
  console.log("untyped", JSON.stringify(r.rows));
  r = await client.query("SELECT step, users FROM funnel(events, user_id, ts, [event = 'product_view', event = 'purchase'], conversion_window := INTERVAL 1 DAY)");
  console.log("funnel", JSON.stringify(r.rows));
  try {
    await client.query("SELECT * FROM no_such_table");
  } catch (e) {
    console.log("error", e.code);
  }
  r = await client.query("SELECT 1 AS still");
  console.log("after error", JSON.stringify(r.rows));
  await client.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
