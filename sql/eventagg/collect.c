#include <stdio.h>
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

// md_rows is where the state's rows are.
static inline md_row *md_rows(md_state *s) { return s->rows ? s->rows : s->inl; }

// md_grow makes room for n more rows, moving them from the state into C
// memory when they outgrow it; it returns 0 when memory ran out.
static int md_grow(md_state *s, uint32_t n) {
	if (s->rows ? s->len + n <= s->cap : s->len + n <= MD_INLINE) {
		return 1;
	}
	uint32_t cap = s->rows ? s->cap : 4 * MD_INLINE;
	while (cap < s->len + n) {
		cap *= 2;
	}
	md_row *rows;
	if (s->rows) {
		rows = realloc(s->rows, (size_t)cap * sizeof(md_row));
	} else if ((rows = malloc((size_t)cap * sizeof(md_row))) != NULL) {
		memcpy(rows, s->inl, (size_t)s->len * sizeof(md_row));
	}
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
	case MD_DATE_US:
		return (int64_t)((int32_t *)data)[i] * MD_DAY_US;
	case MD_INTERVAL_US: {
		duckdb_interval v = ((duckdb_interval *)data)[i];
		return ((int64_t)v.months * 30 + v.days) * MD_DAY_US + v.micros;
	}
	case MD_INTERVAL_DAYS: {
		duckdb_interval v = ((duckdb_interval *)data)[i];
		return (int64_t)v.months * 30 + v.days + v.micros / MD_DAY_US;
	}
	case MD_I8:
		return ((int8_t *)data)[i];
	case MD_I16:
		return ((int16_t *)data)[i];
	case MD_I32:
		return ((int32_t *)data)[i];
	case MD_U8:
		return ((uint8_t *)data)[i];
	case MD_U16:
		return ((uint16_t *)data)[i];
	case MD_U32:
		return ((uint32_t *)data)[i];
	case MD_U64:
		return (int64_t)((uint64_t *)data)[i];
	case MD_TS_SEC:
		return ((int64_t *)data)[i] * 1000000;
	case MD_TS_MS:
		return ((int64_t *)data)[i] * 1000;
	case MD_TS_NS: {
		int64_t v = ((int64_t *)data)[i];
		return v >= 0 ? v / 1000 : -((-v + 999) / 1000); // floor
	}
	default:
		return ((int64_t *)data)[i];
	}
}

// md_string returns the bytes and length of a VARCHAR value.
static const char *md_string(duckdb_string_t *v, uint32_t *len) {
	*len = v->value.inlined.length;
	if (*len <= 12) {
		return v->value.inlined.inlined;
	}
	return v->value.pointer.ptr;
}

// md_parse_mode turns a comma-separated set of option names into a bit
// mask (bit i for names[i]). On an unknown name it writes an error message
// into err and returns -1.
static int64_t md_parse_mode(md_info *mi, const char *s, uint32_t len, char *err, size_t errlen) {
	int64_t flags = 0;
	uint32_t i = 0;
	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) {
			i++;
		}
		uint32_t start = i;
		while (i < len && s[i] != ',') {
			i++;
		}
		uint32_t end = i;
		while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t')) {
			end--;
		}
		if (end == start) {
			continue;
		}
		int found = -1;
		for (int32_t k = 0; k < mi->n_names; k++) {
			if (strlen(mi->names[k]) == end - start && strncmp(mi->names[k], s + start, end - start) == 0) {
				found = k;
				break;
			}
		}
		if (found < 0) {
			int n = snprintf(err, errlen, "%s: mode: unknown option \"%.*s\" (valid options:", mi->fname, (int)(end - start), s + start);
			for (int32_t k = 0; k < mi->n_names && n > 0 && (size_t)n < errlen; k++) {
				n += snprintf(err + n, errlen - n, "%s %s", k ? "," : "", mi->names[k]);
			}
			if (n > 0 && (size_t)n < errlen) {
				snprintf(err + n, errlen - n, ")");
			}
			return -1;
		}
		flags |= (int64_t)1 << found;
	}
	return flags;
}

// md_first_row records a group's constant arguments from its first row.
// It returns 0 (and sets the error) when the mode is invalid.
static int md_first_row(duckdb_function_info info, md_info *mi, md_state *s, void *p1, md_kind p1_kind, duckdb_string_t *mode,
                        int32_t go_ts_kind1, idx_t i) {
	s->p1 = p1 ? md_read(p1, p1_kind, i) : 0;
	s->go_ts_kind1 = go_ts_kind1;
	s->p2 = 0;
	if (mode) {
		char err[512];
		uint32_t len;
		const char *str = md_string(&mode[i], &len);
		int64_t flags = md_parse_mode(mi, str, len, err, sizeof err);
		if (flags < 0) {
			duckdb_aggregate_function_set_error(info, err);
			return 0;
		}
		s->p2 = flags;
	}
	s->keep_empty = mi->keep_empty || (s->p2 & mi->needs_keep) != 0;
	s->has_params = 1;
	return 1;
}

// md_type_name names a column type for an error message.
static const char *md_type_name(duckdb_type t) {
	switch ((int)t) {
	case 1: return "BOOLEAN";
	case 2: return "TINYINT";
	case 3: return "SMALLINT";
	case 4: return "INTEGER";
	case 5: return "BIGINT";
	case 6: return "UTINYINT";
	case 7: return "USMALLINT";
	case 8: return "UINTEGER";
	case 9: return "UBIGINT";
	case 10: return "FLOAT";
	case 11: return "DOUBLE";
	case 12: return "TIMESTAMP";
	case 13: return "DATE";
	case 14: return "TIME";
	case 15: return "INTERVAL";
	case 16: return "HUGEINT";
	case 17: return "VARCHAR";
	case 18: return "BLOB";
	case 19: return "DECIMAL";
	case 20: return "TIMESTAMP_S";
	case 21: return "TIMESTAMP_MS";
	case 22: return "TIMESTAMP_NS";
	case 23: return "ENUM";
	case 24: return "a list";
	case 25: return "STRUCT";
	case 26: return "MAP";
	case 27: return "UUID";
	case 28: return "UNION";
	case 31: return "TIMESTAMPTZ";
	case 33: return "an array";
	case 36: return "NULL";
	}
	return "a value of another type";
}


// md_column_type is the type id of a column of the input, and of its
// elements when it is a list (else -1).
static int md_column_type(duckdb_data_chunk input, idx_t col, int *child) {
	duckdb_logical_type t = duckdb_vector_get_column_type(duckdb_data_chunk_get_vector(input, col));
	int id = (int)duckdb_get_type_id(t);
	*child = -1;
	if (id == 24) {
		duckdb_logical_type c = duckdb_list_type_child_type(t);
		*child = (int)duckdb_get_type_id(c);
		duckdb_destroy_logical_type(&c);
	}
	duckdb_destroy_logical_type(&t);
	return id;
}

// md_kinds is how md_collect reads one chunk's columns.
typedef struct {
	md_kind ts, p1;
	int32_t conds_null; // the condition lists hold NULL-typed values: all false
	int32_t mode_null;  // the mode is a NULL-typed value: no options
	int32_t go_ts_kind1; // stored in new states (0 for the typed overloads)
} md_kinds;

static void md_collect(duckdb_function_info info, md_info *mi, duckdb_data_chunk input, duckdb_aggregate_state *states, md_kinds k);

// md_int_kind is how an integer column of type t is read, or -1.
static int md_int_kind(int t) {
	switch (t) {
	case 2: return MD_I8;
	case 3: return MD_I16;
	case 4: return MD_I32;
	case 5: return MD_INT64;
	case 6: return MD_U8;
	case 7: return MD_U16;
	case 8: return MD_U32;
	case 9: return MD_U64;
	}
	return -1;
}

// md_typed_for returns the typed overload whose timestamp type ts_type is.
static const md_overload *md_typed_for(md_info *mi, int ts_type) {
	for (int i = 0; i < mi->n_typed; i++) {
		if ((int)mi->typed[i].ts_type == ts_type) {
			return &mi->typed[i];
		}
	}
	return NULL;
}

// md_dynamic is the update of the catch-all overload, which DuckDB binds
// whenever no typed overload takes the arguments as they are, including
// when an implicit cast would have made one fit (ANY costs less than a
// cast): it reads the arguments a typed overload would have taken after a
// cast (narrower integers, TIMESTAMP_S/MS/NS, NULL-typed condition lists
// and modes) as that overload does, and fails naming the argument for any
// other type.
static void md_dynamic(duckdb_function_info info, md_info *mi, duckdb_data_chunk input, duckdb_aggregate_state *states) {
	int child;
	idx_t col = 0;
	int p1 = mi->has_p1 ? md_column_type(input, col++, &child) : -1;
	int ts = md_column_type(input, col++, &child);
	int conds_child;
	int conds = md_column_type(input, col++, &conds_child);
	int mode = mi->has_mode ? md_column_type(input, col++, &child) : 17;
	char err[512];
	err[0] = 0;
	// The typed overload the arguments convert to, by the timestamp.
	int canon = ts;
	md_kind ts_kind = MD_INT64;
	if (md_int_kind(ts) >= 0) {
		canon = 5;
		ts_kind = (md_kind)md_int_kind(ts);
	} else if (ts >= 20 && ts <= 22) {
		canon = 12;
		ts_kind = ts == 20 ? MD_TS_SEC : ts == 21 ? MD_TS_MS : MD_TS_NS;
	}
	const md_overload *o = md_typed_for(mi, canon);
	if (o && canon == ts) {
		ts_kind = o->ts_kind;
	}
	md_kind p1_kind = o ? o->p1_kind : MD_INT64;
	if (!o) {
		snprintf(err, sizeof err, "%s: %s: expected a TIMESTAMP, TIMESTAMPTZ, DATE or integer column, got %s",
		         mi->fname, mi->tsname, md_type_name((duckdb_type)ts));
	} else if (conds != 24 || (conds_child != 1 && conds_child != 36)) {
		snprintf(err, sizeof err, "%s: %s: expected a list of BOOLEAN conditions such as [c1, c2], got %s%s",
		         mi->fname, mi->condsname, conds == 24 ? "a list of " : "", md_type_name((duckdb_type)(conds == 24 ? conds_child : conds)));
	} else if (mi->has_p1 && o->p1_type == 15 && p1 != 15) {
		snprintf(err, sizeof err, "%s: %s: expected an INTERVAL for a %s ts, got %s", mi->fname, mi->p1name,
		         md_type_name((duckdb_type)ts), md_type_name((duckdb_type)p1));
	} else if (mi->has_p1 && o->p1_type != 15 && md_int_kind(p1) < 0) {
		snprintf(err, sizeof err, "%s: %s: expected an integer%s, got %s", mi->fname, mi->p1name,
		         canon == 5 ? " in the unit of the integer ts" : "", md_type_name((duckdb_type)p1));
	} else if (mode != 17 && mode != 36) {
		snprintf(err, sizeof err, "%s: mode: expected a VARCHAR such as 'strict_order', got %s", mi->fname,
		         md_type_name((duckdb_type)mode));
	}
	if (err[0]) {
		duckdb_aggregate_function_set_error(info, err);
		return;
	}
	if (mi->has_p1 && o->p1_type != 15) {
		p1_kind = (md_kind)md_int_kind(p1);
	}
	md_kinds k = {ts_kind, p1_kind, conds_child == 36, mode == 36, o->go_ts_kind + 1};
	md_collect(info, mi, input, states, k);
}

// md_collect appends each input row to its group. DuckDB skips rows where
// an argument is NULL; a NULL condition inside the list counts as false.
static void md_collect(duckdb_function_info info, md_info *mi, duckdb_data_chunk input, duckdb_aggregate_state *states, md_kinds k) {
	idx_t n = duckdb_data_chunk_get_size(input);
	idx_t col = 0;
	void *p1 = mi->has_p1 ? duckdb_vector_get_data(duckdb_data_chunk_get_vector(input, col++)) : NULL;
	duckdb_vector ts_vec = duckdb_data_chunk_get_vector(input, col++);
	duckdb_vector conds_vec = duckdb_data_chunk_get_vector(input, col++);
	duckdb_string_t *mode = NULL;
	if (mi->has_mode && !k.mode_null) {
		mode = (duckdb_string_t *)duckdb_vector_get_data(duckdb_data_chunk_get_vector(input, col));
	}
	void *ts = duckdb_vector_get_data(ts_vec);
	uint64_t *ts_valid = duckdb_vector_get_validity(ts_vec);
	duckdb_list_entry *lists = (duckdb_list_entry *)duckdb_vector_get_data(conds_vec);
	uint64_t *lists_valid = duckdb_vector_get_validity(conds_vec);
	duckdb_vector child = duckdb_list_vector_get_child(conds_vec);
	bool *conds = k.conds_null ? NULL : (bool *)duckdb_vector_get_data(child);
	uint64_t *conds_valid = k.conds_null ? NULL : duckdb_vector_get_validity(child);

	for (idx_t i = 0; i < n; i++) {
		if (!md_valid(ts_valid, i) || !md_valid(lists_valid, i)) {
			continue;
		}
		md_state *s = (md_state *)states[i];
		duckdb_list_entry e = lists[i];
		if (e.length > MD_MAX_CONDS) {
			char err[256];
			snprintf(err, sizeof err, "%s: %s: %llu conditions given, at most %d are allowed", mi->fname, mi->condsname,
			         (unsigned long long)e.length, MD_MAX_CONDS);
			duckdb_aggregate_function_set_error(info, err);
			return;
		}
		if (!s->has_params && !md_first_row(info, mi, s, p1, k.p1, mode, k.go_ts_kind1, i)) {
			return;
		}
		if ((int32_t)e.length > s->steps) {
			s->steps = (int32_t)e.length;
		}
		uint32_t mask = 0;
		for (uint64_t j = 0; conds && j < e.length; j++) {
			uint64_t c = e.offset + j;
			if (conds[c] && md_valid(conds_valid, c)) {
				mask |= (uint32_t)1 << j;
			}
		}
		uint32_t seq = s->next_seq++;
		if (mask == 0 && !s->keep_empty) {
			continue;
		}
		if (mi->fold) {
			if (s->len == 0) {
				s->inl[0].ts = md_read(ts, k.ts, i);
				s->inl[0].mask = mask;
				s->inl[0].seq = seq;
				s->len = 1;
			} else {
				s->inl[0].mask |= mask;
			}
			continue;
		}
		if (!md_grow(s, 1)) {
			duckdb_aggregate_function_set_error(info, "out of memory collecting events");
			return;
		}
		md_row *r = md_rows(s) + s->len;
		r->ts = md_read(ts, k.ts, i);
		r->mask = mask;
		r->seq = seq;
		s->len++;
	}
}

static void md_update(duckdb_function_info info, duckdb_data_chunk input, duckdb_aggregate_state *states) {
	md_info *mi = (md_info *)duckdb_aggregate_function_get_extra_info(info);
	if (mi->reject) {
		md_dynamic(info, mi, input, states);
		return;
	}
	md_kinds k = {(md_kind)mi->ts_kind, (md_kind)mi->p1_kind, 0, 0, 0};
	md_collect(info, mi, input, states, k);
}

// md_combine moves the rows of each source state into its target.
static void md_combine(duckdb_function_info info, duckdb_aggregate_state *source, duckdb_aggregate_state *target, idx_t count) {
	md_info *mi = (md_info *)duckdb_aggregate_function_get_extra_info(info);
	for (idx_t i = 0; i < count; i++) {
		md_state *src = (md_state *)source[i];
		md_state *dst = (md_state *)target[i];
		if (!dst->has_params && src->has_params) {
			dst->p1 = src->p1;
			dst->p2 = src->p2;
			dst->go_ts_kind1 = src->go_ts_kind1;
			dst->keep_empty = src->keep_empty;
			dst->has_params = 1;
		}
		if (src->steps > dst->steps) {
			dst->steps = src->steps;
		}
		if (src->len == 0) {
			dst->next_seq += src->next_seq;
			continue;
		}
		if (mi->fold) {
			if (dst->len == 0) {
				dst->inl[0] = src->inl[0];
				dst->inl[0].seq += dst->next_seq;
				dst->len = 1;
			} else {
				dst->inl[0].mask |= src->inl[0].mask;
			}
			dst->next_seq += src->next_seq;
			continue;
		}
		if (!md_grow(dst, src->len)) {
			duckdb_aggregate_function_set_error(info, "out of memory combining events");
			return;
		}
		md_row *from = md_rows(src), *to = md_rows(dst);
		for (uint32_t j = 0; j < src->len; j++) {
			md_row r = from[j];
			r.seq += dst->next_seq;
			to[dst->len++] = r;
		}
		dst->next_seq += src->next_seq;
	}
}

static void md_finalize(duckdb_function_info info, duckdb_aggregate_state *source, duckdb_vector result, idx_t count, idx_t offset) {
	md_info *mi = (md_info *)duckdb_aggregate_function_get_extra_info(info);
	duckdb_vector_ensure_validity_writable(result);
	char *err = goFinalize(mi->finalizer, mi->go_ts_kind, (void **)source, result, duckdb_vector_get_data(result),
	                       duckdb_vector_get_validity(result), count, offset);
	if (err) {
		duckdb_aggregate_function_set_error(info, err);
		free(err);
	}
}

// md_overload_function builds one overload of the aggregate.
static duckdb_aggregate_function md_overload_function(const char *name, duckdb_type result, md_info proto, md_overload o) {
	duckdb_aggregate_function f = duckdb_create_aggregate_function();
	duckdb_aggregate_function_set_name(f, name);
	duckdb_logical_type types[4];
	int n = 0;
	if (proto.reject) {
		// The catch-all: every argument ANY.
		int count = 2 + (o.has_p1 ? 1 : 0) + (o.has_mode ? 1 : 0);
		for (int i = 0; i < count; i++) {
			types[n++] = duckdb_create_logical_type(DUCKDB_TYPE_ANY);
		}
	} else {
		if (o.has_p1) {
			types[n++] = duckdb_create_logical_type(o.p1_type);
		}
		types[n++] = duckdb_create_logical_type(o.ts_type);
		duckdb_logical_type boolean = duckdb_create_logical_type(DUCKDB_TYPE_BOOLEAN);
		types[n++] = duckdb_create_list_type(boolean);
		duckdb_destroy_logical_type(&boolean);
		if (o.has_mode) {
			types[n++] = duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR);
		}
	}
	for (int i = 0; i < n; i++) {
		duckdb_aggregate_function_add_parameter(f, types[i]);
		duckdb_destroy_logical_type(&types[i]);
	}
	duckdb_logical_type ret = duckdb_create_logical_type(result);
	if (proto.list_result) {
		duckdb_logical_type elem = ret;
		ret = duckdb_create_list_type(elem);
		duckdb_destroy_logical_type(&elem);
	}
	duckdb_aggregate_function_set_return_type(f, ret);
	duckdb_destroy_logical_type(&ret);
	duckdb_aggregate_function_set_functions(f, md_state_size, md_init, md_update, md_combine, md_finalize);
	duckdb_aggregate_function_set_destructor(f, md_destroy);
	md_info *mi = malloc(sizeof(md_info));
	*mi = proto;
	mi->ts_kind = o.ts_kind;
	mi->go_ts_kind = o.go_ts_kind;
	mi->p1_kind = o.p1_kind;
	mi->has_p1 = o.has_p1;
	mi->has_mode = o.has_mode;
	duckdb_aggregate_function_set_extra_info(f, mi, free);
	return f;
}

// md_register registers the aggregate `name` with one overload per entry of
// overloads; it returns 1 on success. name and names must outlive the
// database (the Go side keeps them for the life of the process).
int md_register(duckdb_connection con, const char *name, const md_names *display, int32_t reject_others, duckdb_type result,
                int32_t list_result, int32_t finalizer, int32_t keep_empty, int32_t fold, const md_overload *overloads,
                int n_overloads, char **names, int32_t n_names, int32_t needs_keep) {
	md_info proto = {0};
	proto.list_result = list_result;
	proto.finalizer = finalizer;
	proto.keep_empty = keep_empty;
	proto.fold = fold;
	proto.fname = display->fname;
	proto.p1name = display->p1;
	proto.tsname = display->ts;
	proto.condsname = display->conds;
	for (int i = 0; i < n_overloads && proto.n_typed < 8; i++) {
		proto.typed[proto.n_typed++] = overloads[i];
	}
	proto.names = names;
	proto.n_names = n_names;
	proto.needs_keep = needs_keep;
	duckdb_aggregate_function_set set = duckdb_create_aggregate_function_set(name);
	int ok = 1;
	for (int i = 0; i < n_overloads && ok; i++) {
		duckdb_aggregate_function f = md_overload_function(name, result, proto, overloads[i]);
		ok = duckdb_add_aggregate_function_to_set(set, f) == DuckDBSuccess;
		duckdb_destroy_aggregate_function(&f);
	}
	// One catch-all per arity, so that arguments of a wrong type fail
	// naming the argument instead of with DuckDB's "no function matches".
	int seen[4] = {0};
	md_info reject = proto;
	reject.reject = 1;
	for (int i = 0; i < n_overloads && ok && reject_others; i++) {
		int arity = (overloads[i].has_p1 ? 1 : 0) | (overloads[i].has_mode ? 2 : 0);
		if (seen[arity]) {
			continue;
		}
		seen[arity] = 1;
		duckdb_aggregate_function f = md_overload_function(name, result, reject, overloads[i]);
		ok = duckdb_add_aggregate_function_to_set(set, f) == DuckDBSuccess;
		duckdb_destroy_aggregate_function(&f);
	}
	if (ok) {
		ok = duckdb_register_aggregate_function_set(con, set) == DuckDBSuccess;
	}
	duckdb_destroy_aggregate_function_set(&set);
	return ok;
}

int md_list_append(duckdb_vector result, idx_t row, const int64_t *values, idx_t n) {
	idx_t size = duckdb_list_vector_get_size(result);
	if (duckdb_list_vector_reserve(result, size + n) != DuckDBSuccess) {
		return 0;
	}
	int64_t *child = (int64_t *)duckdb_vector_get_data(duckdb_list_vector_get_child(result));
	memcpy(child + size, values, n * sizeof(int64_t));
	duckdb_list_vector_set_size(result, size + n);
	duckdb_list_entry *entries = (duckdb_list_entry *)duckdb_vector_get_data(result);
	entries[row].offset = size;
	entries[row].length = n;
	return 1;
}

int md_list_append32(duckdb_vector result, idx_t row, const int64_t *values, idx_t n) {
	idx_t size = duckdb_list_vector_get_size(result);
	if (duckdb_list_vector_reserve(result, size + n) != DuckDBSuccess) {
		return 0;
	}
	int32_t *child = (int32_t *)duckdb_vector_get_data(duckdb_list_vector_get_child(result));
	for (idx_t i = 0; i < n; i++) {
		child[size + i] = (int32_t)values[i];
	}
	duckdb_list_vector_set_size(result, size + n);
	duckdb_list_entry *entries = (duckdb_list_entry *)duckdb_vector_get_data(result);
	entries[row].offset = size;
	entries[row].length = n;
	return 1;
}
