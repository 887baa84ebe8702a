// Package pgtypes is the value codec of martdb's PostgreSQL wire server:
// it writes result values, as duckdb-go returns them, in PostgreSQL's
// text and binary formats, and reads Bind parameters into values
// duckdb-go binds.
//
// Place in the whole: the server (package server) describes each result
// column by the PostgreSQL type sql/pgoid.ForDuckDB gives its DuckDB
// type, and asks an Encoder for that column to write each non-NULL value.
// For parameters it announces ParamOID of the type DuckDB inferred and
// hands each Bind value to DecodeParam. pgtypes imports engine (for the
// DuckDB type parser and DuckDB's own text of types PostgreSQL lacks)
// and sql/pgoid; nothing imports pgtypes but the server.
//
// # Results
//
// Text output is what PostgreSQL 15 prints with DateStyle ISO, MDY,
// IntervalStyle postgres, TimeZone UTC and extra_float_digits 1, not what
// DuckDB prints: booleans t and f; floats in their shortest round-trip
// digits, in exponent form when the decimal exponent is below -4 or at
// least 15 (6 for float4), as src/common/d2s.c and f2s.c decide (1e+15,
// 1e-05, NaN, Infinity); numerics with their full scale; dates and
// timestamps in ISO form with " BC" for years before 1 and infinity;
// timestamptz in UTC with +00; timetz with its own offset (+05:30, +00);
// intervals as "1 year 2 mons 3 days 04:05:06.5"; bytea in hex (\x0a0b);
// uuids in lower case; one-dimensional arrays quoted as array_out quotes
// ({1,NULL,"a b"}).
//
// Binary output is each type's send format: big-endian integers and
// floats, days and microseconds since 2000-01-01 (the largest and
// smallest integers for the infinities), intervals as microseconds, days
// and months, numerics in base 10000 with weight, sign and display scale,
// arrays with their dimensions, element type and lower bound 1. Text,
// json and the types shown as text send their text. Unsigned DuckDB
// integers are announced as the next wider PostgreSQL type, so they
// always fit; an integer too large for the announced type (a column
// described before its parameters were bound) is an error, not a wrapped
// number.
//
// What duckdb-go hands over, and what the encoders make of it:
//
//   - UUID columns arrive as 16-byte []byte, BLOB as []byte; the column
//     type tells them apart.
//   - DATE, TIME, TIMETZ and all TIMESTAMP types arrive as time.Time.
//     DuckDB's infinities arrive as the extreme tick counts of each type
//     and are recognised per type. TIMESTAMP_NS is cut to microseconds.
//     TIME 24:00:00 arrives as 00:00:00 and is written so.
//   - HUGEINT, UHUGEINT and BIGNUM arrive as *big.Int, DECIMAL as
//     duckdb.Decimal (with its scale), UBIGINT as uint64: all numeric.
//   - LIST and ARRAY arrive as []any. Lists of types PostgreSQL has an
//     array of become arrays; nested lists, lists of structs and the like
//     become json (pgoid decides).
//   - STRUCT arrives as map[string]any and is written as a JSON object
//     with its fields in declared order. MAP arrives as duckdb.OrderedMap
//     and is written as a JSON object in the map's order, keyed by the
//     PostgreSQL text of each key (1 becomes "1"): keys are unique, so
//     nothing is lost but the key's type, and an object is what clients
//     expect of json. Inside JSON, values are written as PostgreSQL's
//     to_json writes the matching PostgreSQL value: numbers bare, NaN and
//     infinities as strings, dates as "2024-01-02", timestamps as
//     "2024-01-02T03:04:05.5" (+00:00 for timestamptz), times,
//     intervals, bytea and uuids as strings of their text.
//   - JSON arrives already parsed by duckdb-go (objects as
//     map[string]any, numbers as float64) and is written back as JSON:
//     object keys come out sorted, numbers in float8 form (large
//     integers lose digits beyond float64), and a JSON null is a SQL
//     NULL. duckdb-go names a JSON list VARCHAR[], so text[] elements
//     that are not strings are written as JSON.
//   - ENUM arrives as string, UNION as duckdb.Union, BIT as string: all
//     text, as engine.FormatValue writes them.
//
// A VARCHAR column takes only strings: any other value is an error, so
// that a caller whose column was described as VARCHAR but computed as
// another type can fall back to that type's text.
//
// # Parameters
//
// ParamOID announces the PostgreSQL type of DuckDB's inferred parameter
// type, and leaves it unspecified (0) when DuckDB could not infer one or
// reports only its outer shape (lists, structs): announcing text would
// make drivers refuse to send numbers, while with 0 they send their
// value as text, and DuckDB casts it to whatever the statement needs.
//
// DecodeParam reads PostgreSQL text input the way the type's input
// function does (the forms of each type's documentation: boolean words
// and prefixes, numbers with exponents, NaN and Infinity, ISO dates with
// BC, offsets and zone names, postgres and ISO 8601 intervals, bytea hex
// and escape forms, uuids with braces or without hyphens, arrays with
// quotes, escapes and dimensions) and every type's binary format above.
// Errors are *ParamError with PostgreSQL's SQLSTATE for the same input.
// The values it returns are chosen for duckdb-go v2 and were checked by
// binding them to prepared DuckDB statements:
//
//   - Numerics are plain decimal strings: duckdb-go cannot bind a
//     duckdb.Decimal, and DuckDB casts the string to DECIMAL exactly.
//   - Dates, times and timestamps are duckdb.Typed values, so that an
//     untyped parameter ($1 alone) takes the declared type; infinite
//     timestamps, which duckdb-go cannot bind, are the strings infinity
//     and -infinity for DuckDB to cast.
//   - UUIDs are *duckdb.UUID, which binds to UUID and VARCHAR parameters.
//   - Arrays are DuckDB list literals (["1", NULL]) that DuckDB casts to
//     the parameter's list type, and json arrays JSON arrays: duckdb-go
//     panics binding a []any with NULL elements to a typed list
//     parameter and rejects one with NULL elements when the parameter is
//     untyped, and its element values must match the parameter's element
//     type exactly.
package pgtypes
