# SQLAlchemy's inspector over psycopg2, as BI tools and notebooks use it,
# and a pandas-style read through a connection.
import sys

from sqlalchemy import create_engine, inspect, text

engine = create_engine(sys.argv[1])
insp = inspect(engine)
print("schemas", insp.get_schema_names())
print("tables", insp.get_table_names())
print("columns", [(c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns("orders")])
print("pk", insp.get_pk_constraint("orders"))
print("fks", insp.get_foreign_keys("orders"))
print("indexes", insp.get_indexes("orders"))
print("views", insp.get_view_names())
with engine.connect() as conn:
    result = conn.execute(text("SELECT channel, count(*) AS n FROM customers GROUP BY channel ORDER BY n DESC, channel LIMIT 3"))
    print("read", [tuple(r) for r in result])

# What Superset asks besides the inspector calls above: its catalog list,
# the default catalog, a search_path prequery, and, while syncing a
# table, its comment, unique and check constraints and has_table; asked
# of a table that has each, and of a view.
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE sa_probe (id INTEGER PRIMARY KEY, code VARCHAR UNIQUE, qty INTEGER CHECK (qty > 0), parent INTEGER REFERENCES sa_probe (id))"))
    conn.execute(text("COMMENT ON TABLE sa_probe IS 'a probe'"))
    conn.execute(text("CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 100"))
try:
    with engine.connect() as conn:
        print("catalogs", [r[0] for r in conn.execute(text("SELECT datname FROM pg_database WHERE datistemplate = false"))])
        print("default catalog", conn.execute(text("SELECT current_database()")).scalar())
        conn.execute(text('set search_path = "public"'))
        print("search_path", conn.execute(text("SHOW search_path")).scalar())
    insp = inspect(engine)
    print("has_table", insp.has_table("sa_probe"), insp.has_table("nope"))
    print("probe pk", insp.get_pk_constraint("sa_probe")["constrained_columns"])
    print("probe fks", [(f["constrained_columns"], f["referred_table"], f["referred_columns"]) for f in insp.get_foreign_keys("sa_probe")])
    print("probe unique", [u["column_names"] for u in insp.get_unique_constraints("sa_probe")])
    print("probe checks", [c["sqltext"] for c in insp.get_check_constraints("sa_probe")])
    print("probe comment", insp.get_table_comment("sa_probe"))
    print("views", insp.get_view_names())
    print("view columns", [c["name"] for c in insp.get_columns("big_orders")])
finally:
    with engine.begin() as conn:
        conn.execute(text("DROP VIEW big_orders"))
        conn.execute(text("DROP TABLE sa_probe"))
