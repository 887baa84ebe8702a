package cli

import (
	"fmt"
	"io"
)

const usageText = `martdb: an embedded analytics engine for marketing data, with SQL.

Usage:
  martdb [flags] [DBFILE]                 run SQL from -c, -f or stdin (DBFILE defaults to an in-memory database)
  martdb import DBFILE TABLE FILE...      load CSV/TSV, JSON lines or Parquet (plain, .gz or .zst; - for stdin)
  martdb export DBFILE TABLE FILE         write a table to CSV, JSON lines or Parquet (- for stdout)
  martdb export DBFILE --query SQL FILE   write a query's result
  martdb demo [DBFILE] [--scale N]        create the demo shop (customers, events, orders)
  martdb backup DBFILE OUT [--force]      write a consistent, compressed, checksummed snapshot to the archive OUT
  martdb restore ARCHIVE DBFILE [--force] verify a backup archive and restore it as DBFILE

Examples:
  martdb demo shop.db
  martdb shop.db -c "SELECT channel, count(*) FROM customers GROUP BY ALL ORDER BY 2 DESC"
  martdb import retail.db online_retail ../shared/datasets/online_retail.csv.zst
  martdb retail.db -f report.sql --format markdown > report.md
  echo "SELECT 42 AS answer;" | martdb
  martdb export shop.db --query "SELECT * FROM orders WHERE amount > 100" big_orders.parquet

Flags:
`

func writeUsage(w io.Writer, o *options) {
	fmt.Fprint(w, usageText)
	fmt.Fprint(w, flagHelp(o.flagSet()))
}
