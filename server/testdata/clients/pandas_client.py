# pandas reading through SQLAlchemy, as notebooks do: a query into a
# DataFrame with the dtypes the server's type OIDs imply, a parameterised
# read, and a whole table by reflection.
import sys

import pandas as pd
from sqlalchemy import create_engine, text

engine = create_engine(sys.argv[1])
with engine.connect() as conn:
    df = pd.read_sql(text("SELECT order_id, customer_id, ts, amount, items FROM orders ORDER BY order_id LIMIT 3"), conn)
    print("dtypes", dict(df.dtypes.astype(str)))
    print("rows", df.to_dict("records"))
    df = pd.read_sql(text("SELECT channel, count(*) AS n FROM customers WHERE channel <> :c GROUP BY channel ORDER BY n DESC, channel"), conn, params={"c": "social"})
    print("grouped", list(df.itertuples(index=False, name=None)))
    df = pd.read_sql_table("customers", conn)
    print("table", df.shape, list(df.columns))
    df = pd.read_sql(text("SELECT step, users, conversion_rate FROM funnel(events, user_id, ts, [event = 'product_view', event = 'purchase'], conversion_window := INTERVAL 1 DAY)"), conn)
    print("funnel", df.round(4).to_dict("records"))
