-- The user's database the catalog tests describe: tables with a primary
-- key, a composite primary key, a foreign key, UNIQUE, NOT NULL and CHECK
-- constraints, defaults, comments, a view, a sequence, an index with an
-- expression, DECIMAL, list, struct, map and enum columns, and a second
-- schema.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    email VARCHAR NOT NULL UNIQUE,
    name VARCHAR,
    created TIMESTAMPTZ DEFAULT current_timestamp,
    score DECIMAL(18,3) DEFAULT 0,
    tags VARCHAR[],
    addr STRUCT(city VARCHAR, zip INTEGER),
    feeling mood,
    CHECK (score >= 0)
);
COMMENT ON TABLE customers IS 'People who buy';
COMMENT ON COLUMN customers.email IS 'Login address';

CREATE TABLE orders (
    order_id BIGINT,
    customer_id INTEGER REFERENCES customers (id),
    amount DOUBLE NOT NULL,
    placed DATE,
    PRIMARY KEY (order_id, placed)
);
CREATE UNIQUE INDEX orders_amount_idx ON orders (amount, placed);
CREATE INDEX orders_lower_idx ON orders (customer_id, (amount * 2));

CREATE SEQUENCE order_seq START 100;
CREATE VIEW big_orders AS SELECT order_id, amount FROM orders WHERE amount > 100;
COMMENT ON VIEW big_orders IS 'Orders over 100';

INSERT INTO customers VALUES
    (1, 'ann@example.com', 'Ann', TIMESTAMPTZ '2024-01-02 03:04:05+00', 12.5, ['vip'], {'city': 'Oslo', 'zip': 150}, 'happy'),
    (2, 'bob@example.com', 'Bob', TIMESTAMPTZ '2024-02-03 04:05:06+00', 0, [], NULL, 'ok');
INSERT INTO orders VALUES (10, 1, 250.0, DATE '2024-03-01'), (11, 2, 20.0, DATE '2024-03-02');

CREATE SCHEMA sales;
CREATE TABLE sales.leads (
    lead_id UUID PRIMARY KEY,
    attrs MAP(VARCHAR, INTEGER),
    nested INTEGER[][],
    big HUGEINT,
    small UINTEGER,
    seen TIMESTAMP_NS,
    wait INTERVAL,
    raw BLOB,
    ok BOOLEAN,
    doc JSON,
    prices DECIMAL(10,2)[]
);
CREATE TABLE sales.touches (
    lead_id UUID REFERENCES sales.leads (lead_id),
    touched_at TIMESTAMP NOT NULL
);
