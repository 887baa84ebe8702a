-- unify_ids(source, id_a, id_b) as a table: every identifier of the pairs
-- with the key of its connected group. See doc.go for the semantics.

CREATE OR REPLACE TEMP MACRO unify_ids(source, id_a, id_b) AS TABLE
SELECT _u.id, _u.customer_key
FROM (
    SELECT unnest(_martdb_unify(coalesce(id_a::VARCHAR, id_b::VARCHAR), coalesce(id_b::VARCHAR, id_a::VARCHAR))) AS _u
    FROM query_table(source)
)
