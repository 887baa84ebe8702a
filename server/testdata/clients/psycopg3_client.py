# psycopg 3 (server-side parameters over the extended protocol, binary
# where it chooses): typed parameters, a type lookup with TypeInfo, a
# server-side cursor, dates and timestamps.
import datetime
import decimal
import sys

import psycopg
from psycopg.types import TypeInfo

with psycopg.connect(sys.argv[1]) as conn:
    row = conn.execute("SELECT %s + 1, %s, %s, %s", (41, "héllo", decimal.Decimal("1.50"), None)).fetchone()
    print("params", row)
    row = conn.execute("SELECT %s::date, %s::timestamptz", (datetime.date(2025, 3, 4), datetime.datetime(2025, 3, 4, 5, 6, 7, tzinfo=datetime.timezone.utc))).fetchone()
    print("dates", row)
    row = conn.execute("SELECT %b, %t", (7, "text")).fetchone()
    print("binary and text", row)
    info = TypeInfo.fetch(conn, "numeric")
    print("typeinfo", info.name, info.oid, info.array_oid)
    with conn.cursor(name="c") as c:
        c.execute("SELECT i FROM range(500) t(i)")
        print("server cursor sum", sum(r[0] for r in c))
    print("rows", conn.execute("SELECT order_id, amount FROM orders ORDER BY order_id LIMIT 2").fetchall())
