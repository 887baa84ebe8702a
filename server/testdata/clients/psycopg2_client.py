# psycopg2 (libpq, parameters interpolated client-side, autocommit off):
# parameters, a marketing function, a server-side (named) cursor, a type
# lookup, an error and recovery. Prints one line per check.
import datetime
import sys

import psycopg2

conn = psycopg2.connect(sys.argv[1])
cur = conn.cursor()
cur.execute("SELECT %s::int + 1, %s, %s::numeric(6,2), %s IS NULL", (41, "héllo", "1.50", None))
print("params", cur.fetchone())
cur.execute("SELECT %s, %s, %s, %s", (psycopg2.Binary(b"\x00\x01\xff"), [1, 2, 3], datetime.date(2025, 3, 4), datetime.datetime(2025, 3, 4, 5, 6, 7)))
row = cur.fetchone()
print("typed", bytes(row[0]), row[1:])
cur.execute("SELECT step, users FROM funnel(events, user_id, ts, [event = 'product_view', event = 'purchase'], conversion_window := INTERVAL 1 DAY)")
print("funnel", cur.fetchall())
with conn.cursor(name="big") as named:
    named.itersize = 100
    named.execute("SELECT i FROM range(1000) t(i)")
    print("named cursor sum", sum(r[0] for r in named))
conn.commit()
cur.execute("SELECT oid, typname FROM pg_type WHERE typname IN ('int4', 'text', 'numeric') ORDER BY oid")
print("types", cur.fetchall())
try:
    cur.execute("SELECT * FROM no_such_table")
except psycopg2.Error as e:
    print("error", e.pgcode)
conn.rollback()
cur.execute("SELECT count(*) FROM orders WHERE amount > %s", (50,))
print("after rollback", cur.fetchone())
conn.close()
