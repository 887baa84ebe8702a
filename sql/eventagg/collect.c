#include <stdlib.h>
#include <string.h>

#include "collect.h"
#include "_cgo_export.h"

#define MD_MAX_CONDS 32

static idx_t md_state_size(duckdb_function_info info) { return sizeof(md_state); }

static void md_init(duckdb_function_info info, duckdb_aggregate_state state) {
	memset(state, 0, sizeof(md_state));
}

static void md_destroy(duckdb_aggregate_state *states, idx_t count) {
	for (idx_t i = 0; i < count; i++) {
		md_state *s = (md_state *)states[i];
		free(s->rows);
		s->rows = NULL;
		s->len = s->cap = 0;
	}
}

// md_grow makes room for n more rows; it returns 0 when memory ran out.
static int md_grow(md_state *s, uint32_t n) {
	if (s->len + n <= s->cap) {
		return 1;
	}
	uint32_t cap = s->cap ? s->cap : 8;
	while (cap < s->len + n) {
		cap *= 2;
	}
	md_row *rows = realloc(s->rows, (size_t)cap * sizeof(md_row));
	if (!rows) {
		return 0;
	}
	s->rows = rows;
	s->cap = cap;
	return 1;
}

static inline int md_valid(uint64_t *validity, idx_t row) {
	return !validity || (validity[row >> 6] >> (row & 63)) & 1;
}

#define MD_DAY_US 86400000000LL

// md_read reads row i of a column of the given kind as an int64.
static inline int64_t md_read(void *data, md_kind kind, idx_t i) {
	switch (kind) {
	case MD_DATE:
		return ((int32_t *)data)[i];
	case MD_INTERVAL_US: {
		duckdb_interval v = ((duckdb_interval *)data)[i];
		return ((int64_t)v.months * 30 + v.days) * MD_DAY_US + v.micros;
	}
	case MD_INTERVAL_DAYS: {
		duckdb_interval v = ((duckdb_interval *)data)[i];
		return (int64_t)v.months * 30 + v.days + v.micros / MD_DAY_US;
	}
	default:
		return ((int64_t *)data)[i];
	}
}

// md_update appends each input row to its group. Columns: ts BIGINT,
// conds BOOLEAN[], p1 BIGINT, p2 BIGINT. DuckDB skips rows where an
// argument is NULL; a NULL condition inside the list counts as false.
static void md_update(duckdb_function_info info, duckdb_data_chunk input, duckdb_aggregate_state *states) {
	md_info *mi = (md_info *)duckdb_aggregate_function_get_extra_info(info);
	idx_t n = duckdb_data_chunk_get_size(input);
	duckdb_vector ts_vec = duckdb_data_chunk_get_vector(input, 0);
	duckdb_vector conds_vec = duckdb_data_chunk_get_vector(input, 1);
	void *ts = duckdb_vector_get_data(ts_vec);
	uint64_t *ts_valid = duckdb_vector_get_validity(ts_vec);
	duckdb_list_entry *lists = (duckdb_list_entry *)duckdb_vector_get_data(conds_vec);
	uint64_t *lists_valid = duckdb_vector_get_validity(conds_vec);
	duckdb_vector child = duckdb_list_vector_get_child(conds_vec);
	bool *conds = (bool *)duckdb_vector_get_data(child);
	uint64_t *conds_valid = duckdb_vector_get_validity(child);
	void *p1 = duckdb_vector_get_data(duckdb_data_chunk_get_vector(input, 2));
	int64_t *p2 = (int64_t *)duckdb_vector_get_data(duckdb_data_chunk_get_vector(input, 3));

	for (idx_t i = 0; i < n; i++) {
		if (!md_valid(ts_valid, i) || !md_valid(lists_valid, i)) {
			continue;
		}
		md_state *s = (md_state *)states[i];
		duckdb_list_entry e = lists[i];
		if (e.length > MD_MAX_CONDS) {
			duckdb_aggregate_function_set_error(info, "too many conditions: at most 32 are allowed");
			return;
		}
		if (!s->has_params) {
			s->p1 = md_read(p1, (md_kind)mi->p1_kind, i);
			s->p2 = p2[i];
			s->has_params = 1;
		}
		if ((int32_t)e.length > s->steps) {
			s->steps = (int32_t)e.length;
		}
		uint32_t mask = 0;
		for (uint64_t j = 0; j < e.length; j++) {
			uint64_t c = e.offset + j;
			if (conds[c] && md_valid(conds_valid, c)) {
				mask |= (uint32_t)1 << j;
			}
		}
		uint32_t seq = s->next_seq++;
		if (mask == 0 && !mi->keep_empty) {
			continue;
		}
		if (!md_grow(s, 1)) {
			duckdb_aggregate_function_set_error(info, "out of memory collecting events");
			return;
		}
		s->rows[s->len].ts = md_read(ts, (md_kind)mi->ts_kind, i);
		s->rows[s->len].mask = mask;
		s->rows[s->len].seq = seq;
		s->len++;
	}
}

// md_combine moves the rows of each source state into its target.
static void md_combine(duckdb_function_info info, duckdb_aggregate_state *source, duckdb_aggregate_state *target, idx_t count) {
	for (idx_t i = 0; i < count; i++) {
		md_state *src = (md_state *)source[i];
		md_state *dst = (md_state *)target[i];
		if (!dst->has_params && src->has_params) {
			dst->p1 = src->p1;
			dst->p2 = src->p2;
			dst->has_params = 1;
		}
		if (src->steps > dst->steps) {
			dst->steps = src->steps;
		}
		if (src->len == 0) {
			dst->next_seq += src->next_seq;
			continue;
		}
		if (!md_grow(dst, src->len)) {
			duckdb_aggregate_function_set_error(info, "out of memory combining events");
			return;
		}
		for (uint32_t j = 0; j < src->len; j++) {
			md_row r = src->rows[j];
			r.seq += dst->next_seq;
			dst->rows[dst->len++] = r;
		}
		dst->next_seq += src->next_seq;
	}
}

static void md_finalize(duckdb_function_info info, duckdb_aggregate_state *source, duckdb_vector result, idx_t count, idx_t offset) {
	md_info *mi = (md_info *)duckdb_aggregate_function_get_extra_info(info);
	duckdb_vector_ensure_validity_writable(result);
	char *err = goFinalize(mi->finalizer, (void **)source, duckdb_vector_get_data(result),
	                       duckdb_vector_get_validity(result), count, offset);
	if (err) {
		duckdb_aggregate_function_set_error(info, err);
		free(err);
	}
}

// md_overload_function builds one overload of the aggregate.
static duckdb_aggregate_function md_overload_function(const char *name, duckdb_type result, int32_t finalizer,
                                                      int32_t keep_empty, md_overload o) {
	duckdb_aggregate_function f = duckdb_create_aggregate_function();
	duckdb_aggregate_function_set_name(f, name);
	duckdb_logical_type ts = duckdb_create_logical_type(o.ts_type);
	duckdb_logical_type boolean = duckdb_create_logical_type(DUCKDB_TYPE_BOOLEAN);
	duckdb_logical_type list = duckdb_create_list_type(boolean);
	duckdb_logical_type p1 = duckdb_create_logical_type(o.p1_type);
	duckdb_logical_type bigint = duckdb_create_logical_type(DUCKDB_TYPE_BIGINT);
	duckdb_logical_type ret = duckdb_create_logical_type(result);
	duckdb_aggregate_function_add_parameter(f, ts);
	duckdb_aggregate_function_add_parameter(f, list);
	duckdb_aggregate_function_add_parameter(f, p1);
	duckdb_aggregate_function_add_parameter(f, bigint);
	duckdb_aggregate_function_set_return_type(f, ret);
	duckdb_aggregate_function_set_functions(f, md_state_size, md_init, md_update, md_combine, md_finalize);
	duckdb_aggregate_function_set_destructor(f, md_destroy);
	md_info *mi = malloc(sizeof(md_info));
	mi->finalizer = finalizer;
	mi->keep_empty = keep_empty;
	mi->ts_kind = o.ts_kind;
	mi->p1_kind = o.p1_kind;
	duckdb_aggregate_function_set_extra_info(f, mi, free);
	duckdb_destroy_logical_type(&ts);
	duckdb_destroy_logical_type(&boolean);
	duckdb_destroy_logical_type(&list);
	duckdb_destroy_logical_type(&p1);
	duckdb_destroy_logical_type(&bigint);
	duckdb_destroy_logical_type(&ret);
	return f;
}

// md_register registers the aggregate `name` with one overload per entry of
// overloads; it returns 1 on success.
int md_register(duckdb_connection con, const char *name, duckdb_type result, int32_t finalizer, int32_t keep_empty,
                const md_overload *overloads, int n_overloads) {
	duckdb_aggregate_function_set set = duckdb_create_aggregate_function_set(name);
	int ok = 1;
	for (int i = 0; i < n_overloads && ok; i++) {
		duckdb_aggregate_function f = md_overload_function(name, result, finalizer, keep_empty, overloads[i]);
		ok = duckdb_add_aggregate_function_to_set(set, f) == DuckDBSuccess;
		duckdb_destroy_aggregate_function(&f);
	}
	if (ok) {
		ok = duckdb_register_aggregate_function_set(con, set) == DuckDBSuccess;
	}
	duckdb_destroy_aggregate_function_set(&set);
	return ok;
}
