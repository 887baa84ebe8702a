// Package identity is the identity-resolution family of martdb's SQL
// function library: unify_ids, which turns pairs of identifiers seen
// together (an email and a phone on one order, a device and a login on
// one event) into one stable key per person. The engine registers it, with
// every other family of sql/library, on each session it opens.
//
// # unify_ids(source, id_a, id_b) (table)
//
//	unify_ids(source, id_a, id_b) -> TABLE(id VARCHAR, customer_key VARCHAR)
//
// source names a table, view or CTE (bare or quoted); id_a and id_b are
// expressions over its columns. Each row is an edge between the
// identifiers id_a and id_b; the result has one row per distinct
// identifier that appears in either column, with the key of its connected
// group of the graph. Rows come in no particular order.
//
// Semantics:
//
//   - Groups are the connected components: links are transitive (a-b and
//     b-c give {a, b, c}), cycles and duplicate rows change nothing, and
//     which column an identifier comes from does not matter (b-a is a-b;
//     an identifier seen only in id_b is listed like any other).
//   - A self-pair a-a lists a, linked to nothing new: a is its own group
//     unless another row links it.
//   - NULL links nothing. A row with one NULL side still lists its other
//     identifier (a singleton group unless another row links it); a row
//     with both sides NULL is ignored.
//   - Both columns are cast to VARCHAR, whatever their types (they need
//     not share one: an INTEGER customer id may be paired with a VARCHAR
//     email). id is that VARCHAR.
//   - customer_key is the smallest identifier of the group in byte order
//     of the VARCHAR (UTF-8 bytes, DuckDB's default VARCHAR order and that
//     of min()): '+' and digits before letters, upper case before lower,
//     '10' before '9'. The key therefore depends only on the set of pairs,
//     not on their order, and a person's key changes only when new pairs
//     merge the group with one holding a smaller identifier. Prefix the
//     identifiers by kind ('crm:', 'email:') to keep namespaces apart and
//     to choose which kind becomes the key.
//   - The empty string is an identifier like any other.
//
// To join the result beside its own source in one FROM, alias the source
// (FROM orders o JOIN unify_ids(orders, ...)) or name the result in a CTE:
// DuckDB would otherwise bind the source's name as a lateral reference to
// its row and reject it.
//
// # Errors
//
// A missing table, a column that is not in it and a wrong number of
// arguments fail when the query is bound, with DuckDB's binder messages
// (`Referenced column "phone" not found`, `Table with name t does not
// exist`, `unify_ids(source, id_a, id_b)` among the candidate macros). No
// type is rejected, since every type casts to VARCHAR. An empty source,
// or one whose rows are all NULL on both sides, returns the empty table.
// More than 2^31 - 1 distinct identifiers fail the query with "unify_ids:
// more than 2147483647 distinct identifiers".
//
// # How it works
//
// unify_ids is a table macro over one aggregate, _martdb_unify(VARCHAR,
// VARCHAR) -> STRUCT(id VARCHAR, customer_key VARCHAR)[], registered
// through DuckDB's C API (duckdb-go has no aggregate API) as sql/eventagg
// does for the behavioural aggregates. The macro turns a pair with one
// NULL side into a self-pair and leaves pairs with two NULLs to DuckDB's
// NULL handling, which skips them; then it unnests the aggregate's single
// list into rows.
//
//   - Update (C, collect.c): each thread appends its rows' two strings,
//     with their lengths, to a buffer in C memory; no call into Go per row.
//   - Combine (C): the buffers are concatenated (the first one taken over
//     without copying).
//   - Finalize (Go, finalize.go): one pass over the buffer numbers the
//     distinct identifiers densely in order of first appearance (dict.go:
//     an open-addressing table of offsets into the buffer, holding no Go
//     pointers) and unions the two numbers of each pair as it goes
//     (unionfind.go: int32 parents, path halving, union by size); one
//     more pass finds each node's root and the smallest identifier per
//     root; C then writes the (id, key) structs into the result list,
//     copying each string from the buffer.
//
// The aggregate lives in the database instance's catalog, not in the
// database file, and DuckDB refuses to register it twice: a second
// session on the same database finds it registered and uses it (the same
// C and Go code), as the engine's sessions do.
//
// # Cost
//
// Measured with the benchmarks of bench_test.go and alternatives_test.go
// (go test ./sql/identity -run X -bench .) on this 2-core machine while
// other work ran (load 3 to 8), so the figures are ranges over runs and
// only comparisons within one run are sharp. The pairs have the shape of
// orders with two emails and one phone per person, one order in a hundred
// carrying another person's phone: 10M pairs, 7.5M distinct identifiers,
// 2.4M groups.
//
//	unify_ids, 100K pairs, every row read:                 49 to 51 ms
//	unify_ids, 10M pairs, every row read:                  4.3 to 14.5 s
//	  reading the pairs alone (the floor):                 0.06 to 0.10 s
//	  the aggregate without unnesting its result:          5.7 to 7.9 s
//	  the Go part alone (numbering, union-find, keys):     2.9 to 4.6 s
//
// The designs not taken, on the same 10M pairs:
//
//	SQL dictionary: row_number() over the distinct ids, two
//	joins from id pairs to number pairs, union-find over the
//	numbers in an sql/eventagg aggregate, unnest, join the
//	roots back to the ids, min(id) per root, join again:   7.5 to 18.4 s
//	  numbering the distinct ids alone:                    1.6 s
//	  the two joins alone:                                 3.9 to 7.5 s
//	  union-find over the numbered edges (eventagg):       1.5 to 5.1 s
//	list(x), list(y) of the numbered edges, no Go:         0.24 to 0.29 s
//	  the same lists into a Go scalar UDF (boxed []any):   7.8 to 16.8 s
//
// In one run of the two whole designs back to back, unify_ids took 4.3 and
// 4.6 s, the SQL dictionary 14.3 and 12.0 s; in another, with a full test
// run of other packages competing for the cores, 14.5 s and 18.4 s (means
// of two). In the SQL dictionary the joins over millions of VARCHAR keys
// cost more than the union-find, and an early version that looked the roots
// up in the aggregate's list through a cross join (list[n + 1] per row)
// copied the 7.5M-element list into every chunk and took over 35 s. list()
// itself is cheap, but a scalar UDF receives a list as a []any with one
// boxed Go value per element, which costs 30 to 60 times the list, and the
// numbering and the joins remain. Collecting the strings in C and numbering
// them in Go does one hash probe per identifier occurrence instead of a
// distinct, two joins, a group-by and two more joins. In the Go part,
// numbering the 20M occurrences with a map[string]int32 took 10 to 14 s
// against 3.8 to 5 s for an open-addressing table like dict.go's, in the
// same process (a map's entries are larger and hold pointers for the
// garbage collector to scan; dict.go has since dropped its last Go
// strings, keeping offsets instead). Fresh memory costs here too:
// faulting in 1 GB takes about 3 s, so the table and the arrays are sized
// once, and reserved room that is never used is never touched.
//
// Memory: the pair buffer (8 bytes plus the two strings per pair), the
// numbering table (8 bytes per slot, at least 2 slots per pair, a power of
// two), 20 bytes per identifier (offset, length, parent, size) and
// DuckDB's result list (32 bytes per identifier before unnest).
//
// # Place in the whole
//
// A leaf of the sql layer beside the other families; sql/library lists it.
// The C declarations in capi.h are the published signatures of DuckDB's C
// API, resolved against the DuckDB library that duckdb-go-bindings links
// into every martdb binary.
package identity
