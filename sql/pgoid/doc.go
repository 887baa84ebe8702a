// Package pgoid is the table of PostgreSQL data types that martdb shows to
// PostgreSQL clients: each type's OID, name, length, category and its
// array type, exactly as PostgreSQL 15 numbers them.
//
// It sits at the bottom of the PostgreSQL compatibility layer, below both
// users of the numbers: the wire server (server/), which puts OIDs in
// RowDescription and ParameterDescription, and the emulated catalog
// (sql/pgcatalog), whose pg_type must list every OID the server ever
// sends. Keeping the one table here is what makes that promise checkable:
// a test in each user walks this table. DuckDB's own type ids collide with
// PostgreSQL OIDs and never appear on the wire.
package pgoid
