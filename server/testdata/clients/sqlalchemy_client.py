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
