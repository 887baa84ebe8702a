-- basket_rules(source, order_id, item, ...) as a table: association rules
-- A => C (C one item) between the items bought together in the same
-- orders, found apriori-style. See doc.go for the exact semantics.

-- _martdb_basket_fraction is an option that must be a number in (0, 1],
-- as a DOUBLE, or an error naming basket_rules and the argument. A string
-- that reads as such a number is accepted; a BOOLEAN (which would cast to
-- 0 or 1), NULL, NaN and anything else are not.
CREATE OR REPLACE TEMP MACRO _martdb_basket_fraction(value, name) AS
    CASE WHEN typeof(value) <> 'BOOLEAN' AND try_cast(value AS DOUBLE) > 0 AND try_cast(value AS DOUBLE) <= 1
         THEN try_cast(value AS DOUBLE)
         ELSE error('basket_rules: ' || name || ': expected a number greater than 0 and at most 1, got ' ||
                    coalesce(value::VARCHAR, 'NULL')) END;

-- _martdb_basket_max_len is max_len as a BIGINT when it is a whole number
-- from 2 to 4, else an error naming basket_rules and the argument.
CREATE OR REPLACE TEMP MACRO _martdb_basket_max_len(value) AS
    CASE WHEN typeof(value) <> 'BOOLEAN' AND try_cast(value AS DOUBLE) BETWEEN 2 AND 4
              AND try_cast(value AS DOUBLE) = floor(try_cast(value AS DOUBLE))
         THEN try_cast(value AS BIGINT)
         ELSE error('basket_rules: max_len: expected a whole number from 2 to 4, got ' ||
                    coalesce(value::VARCHAR, 'NULL')) END;

CREATE OR REPLACE TEMP MACRO basket_rules(source, order_id, item, min_support := 0.01, min_confidence := 0.1, max_len := 2) AS TABLE
WITH
-- The options, checked on one row that every later step joins, so that a
-- bad value fails even on an empty source.
_opts AS (
    SELECT _martdb_basket_fraction(min_support, 'min_support') AS _min_support,
           _martdb_basket_fraction(min_confidence, 'min_confidence') AS _min_confidence,
           _martdb_basket_max_len(max_len) AS _max_len
),
-- The transactions: each order's distinct items, as text. Rows with a
-- NULL order or a NULL item are ignored.
_lines AS (
    SELECT DISTINCT order_id AS _o, item::VARCHAR AS _i
    FROM query_table(source)
    WHERE order_id IS NOT NULL AND item IS NOT NULL
),
-- The options and the number of transactions (orders with an item).
_cfg AS (
    SELECT o.*, (SELECT count(DISTINCT _o) FROM _lines) AS _n
    FROM _opts o
),
-- Level 1: the frequent items, numbered in text order (so that an itemset
-- kept as ascending ids is also in text order).
_items AS (
    SELECT l._i, row_number() OVER (ORDER BY l._i) AS _id, count(*) AS _c
    FROM _lines l CROSS JOIN _cfg g
    GROUP BY l._i
    HAVING count(*)::DOUBLE / any_value(g._n) >= any_value(g._min_support)
),
-- The transactions restricted to frequent items, by id: an infrequent
-- item is in no frequent itemset.
_tx AS (
    SELECT l._o, i._id FROM _lines l JOIN _items i USING (_i)
),
-- Level 2: every pair of frequent items of a transaction (ids ascending),
-- counted; the frequent pairs are kept.
_pairs AS (
    SELECT a._id AS _a, b._id AS _b, count(*) AS _c
    FROM _tx a JOIN _tx b ON a._o = b._o AND a._id < b._id
    CROSS JOIN _cfg g
    GROUP BY a._id, b._id
    HAVING count(*)::DOUBLE / any_value(g._n) >= any_value(g._min_support)
),
-- Level 3, only when max_len >= 3: _pairs3 and _tx3in are empty below
-- (the filter on _tx3in's scan keeps DuckDB from building a hash table of
-- the transactions for nothing). _tx3in: the transactions' items that are
-- in a frequent pair; _tx2: the frequent pairs of each transaction; two of
-- them with the same first item, (a, b) and (a, c) with b < c, make a
-- candidate triple when (b, c) is one of them too (apriori: every subset
-- of a frequent set is frequent), and the candidates are counted.
_pairs3 AS (
    SELECT p._a, p._b FROM _pairs p, _cfg g WHERE g._max_len >= 3
),
_tx3in AS (
    SELECT t._o, t._id
    FROM (SELECT * FROM _tx WHERE (SELECT _max_len FROM _cfg) >= 3) t
    SEMI JOIN (SELECT _a AS _id FROM _pairs3 UNION SELECT _b FROM _pairs3) k ON k._id = t._id
),
_tx2 AS (
    SELECT a._o, a._id AS _a, b._id AS _b
    FROM _tx3in a JOIN _tx3in b ON a._o = b._o AND a._id < b._id
    SEMI JOIN _pairs3 p ON p._a = a._id AND p._b = b._id
),
_tx3 AS (
    SELECT x._o, x._a, x._b, y._b AS _c
    FROM _tx2 x JOIN _tx2 y ON y._o = x._o AND y._a = x._a AND y._b > x._b
    SEMI JOIN _tx2 z ON z._o = x._o AND z._a = x._b AND z._b = y._b
),
_triples AS (
    SELECT t._a, t._b, t._c, count(*) AS _c3
    FROM _tx3 t CROSS JOIN _cfg g
    GROUP BY t._a, t._b, t._c
    HAVING count(*)::DOUBLE / any_value(g._n) >= any_value(g._min_support)
),
-- Level 4, only when max_len = 4: the same step from the frequent triples
-- of each transaction (two with the same first two items, the third
-- triple of their last items frequent too).
_triples4 AS (
    SELECT t._a, t._b, t._c FROM _triples t, _cfg g WHERE g._max_len >= 4
),
_tx3f AS (
    SELECT t._o, t._a, t._b, t._c
    FROM _tx3 t SEMI JOIN _triples4 p ON p._a = t._a AND p._b = t._b AND p._c = t._c
),
_tx4 AS (
    SELECT x._o, x._a, x._b, x._c, y._c AS _d
    FROM _tx3f x JOIN _tx3f y ON y._o = x._o AND y._a = x._a AND y._b = x._b AND y._c > x._c
    SEMI JOIN _tx3f z ON z._o = x._o AND z._a = x._b AND z._b = x._c AND z._c = y._c
),
_quads AS (
    SELECT t._a, t._b, t._c, t._d, count(*) AS _c4
    FROM _tx4 t CROSS JOIN _cfg g
    GROUP BY t._a, t._b, t._c, t._d
    HAVING count(*)::DOUBLE / any_value(g._n) >= any_value(g._min_support)
),
-- Every frequent itemset as an ascending list of ids with its count.
_sets AS (
    SELECT [_id] AS _ids, _c FROM _items
    UNION ALL SELECT [_a, _b], _c FROM _pairs
    UNION ALL SELECT [_a, _b, _c], _c3 FROM _triples
    UNION ALL SELECT [_a, _b, _c, _d], _c4 FROM _quads
),
-- The rules of each itemset of two or more items: one per item, that item
-- the consequent and the others the antecedent (itself frequent, so in
-- _sets), kept when the confidence reaches min_confidence.
_split AS (
    SELECT s._ids[j] AS _cons, list_filter(s._ids, lambda _x, _k: _k <> j) AS _ante, s._c
    FROM _sets s, unnest(range(1, len(s._ids) + 1)) AS r(j)
    WHERE len(s._ids) >= 2
),
_rules AS (
    SELECT sp._ante, sp._cons, a._c AS _ante_c, c._c AS _cons_c, sp._c, g._n
    FROM _split sp
    JOIN _sets a ON a._ids = sp._ante
    JOIN _items c ON c._id = sp._cons
    CROSS JOIN _cfg g
    WHERE sp._c::DOUBLE / a._c >= g._min_confidence
),
-- The item names by id, to turn ids back into text.
_names AS (
    SELECT list(_i ORDER BY _id) AS _names FROM _items
)
SELECT list_transform(r._ante, lambda _x: n._names[_x]) AS antecedent,
       [n._names[r._cons]] AS consequent,
       r._ante_c::DOUBLE / r._n AS antecedent_support,
       r._cons_c::DOUBLE / r._n AS consequent_support,
       r._c::DOUBLE / r._n AS support,
       r._c::DOUBLE / r._ante_c AS confidence,
       (r._c::HUGEINT * r._n)::DOUBLE / (r._ante_c::HUGEINT * r._cons_c)::DOUBLE AS lift,
       r._c AS orders
FROM _rules r CROSS JOIN _names n
ORDER BY lift DESC, confidence DESC, antecedent, consequent;
