#ifndef MARTDB_EVENTAGG_COLLECT_H
#define MARTDB_EVENTAGG_COLLECT_H

#include "capi.h"

// md_row is one input row of a group: its timestamp, the bit mask of its
// true conditions (bit k-1 for condition k) and its arrival number in the
// group.
typedef struct {
	int64_t ts;
	uint32_t mask;
	uint32_t seq;
} md_row;

// MD_INLINE is how many rows a state holds in itself before it allocates:
// most groups (a user's matching events) are that small.
#define MD_INLINE 4

// md_state is one group's aggregate state: its rows, and the two per-call
// parameters (constant across rows) seen on its first row. The rows are in
// inl while rows is NULL (at most MD_INLINE of them), else in C memory at
// rows. DuckDB copies states byte for byte when it moves them, so a state
// never points into itself.
typedef struct {
	md_row *rows;
	uint32_t len;
	uint32_t cap;
	uint32_t next_seq;
	int32_t steps;
	int64_t p1;
	int64_t p2;
	int32_t has_params;
	int32_t keep_empty;
	int32_t go_ts_kind1; // the Go Kind of the timestamps + 1, when the catch-all read them; 0 otherwise
	md_row inl[MD_INLINE]; // the rows while rows is NULL (a folding aggregate's single row is inl[0])
} md_state;

// How a timestamp or parameter column is read into an int64.
typedef enum {
	MD_INT64 = 0,      // BIGINT, TIMESTAMP, TIMESTAMPTZ: the value (microseconds for timestamps)
	MD_DATE = 1,       // DATE: days since 1970-01-01
	MD_INTERVAL_US = 2, // INTERVAL: microseconds, a month counted as 30 days
	MD_INTERVAL_DAYS = 3, // INTERVAL: whole days, a month counted as 30 days
	MD_DATE_US = 4,      // DATE: microseconds since 1970-01-01
	// Kinds the catch-all overload converts from (see md_dynamic):
	MD_I8 = 5, MD_I16 = 6, MD_I32 = 7, MD_U8 = 8, MD_U16 = 9, MD_U32 = 10, MD_U64 = 11, // integers as int64
	MD_TS_SEC = 12, MD_TS_MS = 13, MD_TS_NS = 14 // TIMESTAMP_S, _MS, _NS as microseconds
} md_kind;

// md_overload describes one overload: the types of ts and p1, and
// whether the mode argument is present.
typedef struct {
	duckdb_type ts_type;
	md_kind ts_kind;
	int32_t go_ts_kind;
	duckdb_type p1_type;
	md_kind p1_kind;
	int32_t has_p1;
	int32_t has_mode;
} md_overload;

// md_info is the extra info of one registered overload. Its columns are,
// in the order the user writes them, p1 (when has_p1), ts, conds and,
// when has_mode, a VARCHAR set of option names that becomes p2: bit i for
// option i of names.
typedef struct {
	int32_t finalizer;   // index of the Go finalizer
	int32_t keep_empty;  // keep rows with no true condition
	int32_t ts_kind;     // md_kind of the timestamp
	int32_t p1_kind;     // md_kind of p1
	int32_t has_p1;
	int32_t has_mode;
	const char *fname;   // the SQL name, for error messages
	char **names;        // option names of the mode argument
	int32_t n_names;
	int32_t needs_keep;  // bit mask of options that need rows with no true condition
	int32_t list_result; // the result is BIGINT[]
	int32_t go_ts_kind;  // the Go Kind of the timestamp, handed to the finalizer
	int32_t fold;        // keep one row per group, the union of the masks
	int32_t reject;      // the catch-all overload: fail naming the argument of a wrong type
	const char *p1name;  // how users name p1, ts and conds, for error messages
	const char *tsname;
	const char *condsname;
	md_overload typed[8]; // the typed overloads, which the catch-all converts to
	int32_t n_typed;
} md_info;

// md_names is how users name the function and its arguments; errors use
// these names (a report's internal aggregate fails as the report).
typedef struct {
	const char *fname;
	const char *p1;
	const char *ts;
	const char *conds;
} md_names;



// md_list_append appends n values to a BIGINT[] result vector's child and
// writes the list entry of row; it returns 0 when memory ran out.
int md_list_append(duckdb_vector result, idx_t row, const int64_t *values, idx_t n);

// md_list_append32 is md_list_append for an INTEGER[] result: each value
// is stored as an int32.
int md_list_append32(duckdb_vector result, idx_t row, const int64_t *values, idx_t n);

int md_register(duckdb_connection con, const char *name, const md_names *display, int32_t reject_others, duckdb_type result,
                int32_t list_result, int32_t finalizer, int32_t keep_empty, int32_t fold, const md_overload *overloads,
                int n_overloads, char **names, int32_t n_names, int32_t needs_keep);

#endif
