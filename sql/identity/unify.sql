-- unify_ids(source, id_a, id_b) as a table: every identifier of the pairs
-- with the key of its connected group. See doc.go for the semantics.
--
-- Both sides are cast to VARCHAR. A pair with one NULL side becomes a
-- self-pair of its other side, which lists that identifier and links it to
-- nothing; a pair with two NULLs stays NULL and the aggregate's default
-- NULL handling skips it. _martdb_unify (collect.c, finalize.go) returns
-- one list of (id, customer_key) structs, unnested here into rows.
CREATE OR REPLACE TEMP MACRO unify_ids(source, id_a, id_b) AS TABLE
SELECT _u.id, _u.customer_key
FROM (
    SELECT unnest(_martdb_unify(coalesce(id_a::VARCHAR, id_b::VARCHAR), coalesce(id_b::VARCHAR, id_a::VARCHAR))) AS _u
    FROM query_table(source)
)
