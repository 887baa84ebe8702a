#include <stdlib.h>
#include <string.h>

#include "collect.h"
#include "_cgo_export.h"

static idx_t mu_state_size(duckdb_function_info info) { return sizeof(mu_state); }

static void mu_init(duckdb_function_info info, duckdb_aggregate_state state) {
	memset(state, 0, sizeof(mu_state));
}

static void mu_destroy(duckdb_aggregate_state *states, idx_t count) {
	for (idx_t i = 0; i < count; i++) {
		mu_state *s = (mu_state *)states[i];
		free(s->buf);
		memset(s, 0, sizeof(mu_state));
	}
}

// mu_reserve makes room for n more bytes; it returns 0 when memory ran
// out.
static int mu_reserve(mu_state *s, size_t n) {
	if (s->len + n <= s->cap) {
		return 1;
	}
	size_t cap = s->cap ? s->cap : 4096;
	while (cap < s->len + n) {
		cap *= 2;
	}
	char *buf = realloc(s->buf, cap);
	if (!buf) {
		return 0;
	}
	s->buf = buf;
	s->cap = cap;
	return 1;
}

static inline int mu_valid(uint64_t *validity, idx_t row) {
	return !validity || (validity[row >> 6] >> (row & 63)) & 1;
}

static inline const char *mu_string(duckdb_string_t *v, uint32_t *len) {
	*len = v->value.inlined.length;
	return *len <= 12 ? v->value.inlined.inlined : v->value.pointer.ptr;
}

// mu_update appends each input pair to its group's buffer. DuckDB skips
// rows where either argument is NULL (the macro has turned a pair with
// one NULL side into a self-pair).
static void mu_update(duckdb_function_info info, duckdb_data_chunk input, duckdb_aggregate_state *states) {
	idx_t n = duckdb_data_chunk_get_size(input);
	duckdb_vector va = duckdb_data_chunk_get_vector(input, 0);
	duckdb_vector vb = duckdb_data_chunk_get_vector(input, 1);
	duckdb_string_t *a = (duckdb_string_t *)duckdb_vector_get_data(va);
	duckdb_string_t *b = (duckdb_string_t *)duckdb_vector_get_data(vb);
	uint64_t *valid_a = duckdb_vector_get_validity(va);
	uint64_t *valid_b = duckdb_vector_get_validity(vb);
	for (idx_t i = 0; i < n; i++) {
		if (!mu_valid(valid_a, i) || !mu_valid(valid_b, i)) {
			continue;
		}
		mu_state *s = (mu_state *)states[i];
		uint32_t la, lb;
		const char *pa = mu_string(&a[i], &la);
		const char *pb = mu_string(&b[i], &lb);
		if (!mu_reserve(s, 8 + (size_t)la + lb)) {
			duckdb_aggregate_function_set_error(info, "unify_ids: out of memory collecting pairs");
			return;
		}
		char *p = s->buf + s->len;
		memcpy(p, &la, 4);
		memcpy(p + 4, &lb, 4);
		memcpy(p + 8, pa, la);
		memcpy(p + 8 + la, pb, lb);
		s->len += 8 + (size_t)la + lb;
		s->pairs++;
	}
}

// mu_combine moves the pairs of each source state into its target: by
// taking the buffer when the target is empty, else by copying.
static void mu_combine(duckdb_function_info info, duckdb_aggregate_state *source, duckdb_aggregate_state *target, idx_t count) {
	for (idx_t i = 0; i < count; i++) {
		mu_state *src = (mu_state *)source[i];
		mu_state *dst = (mu_state *)target[i];
		if (src->len == 0) {
			continue;
		}
		if (dst->len == 0) {
			mu_state tmp = *dst;
			*dst = *src;
			*src = tmp;
			continue;
		}
		if (!mu_reserve(dst, src->len)) {
			duckdb_aggregate_function_set_error(info, "unify_ids: out of memory combining pairs");
			return;
		}
		memcpy(dst->buf + dst->len, src->buf, src->len);
		dst->len += src->len;
		dst->pairs += src->pairs;
	}
}

static void mu_finalize(duckdb_function_info info, duckdb_aggregate_state *source, duckdb_vector result, idx_t count, idx_t offset) {
	for (idx_t i = 0; i < count; i++) {
		mu_state *s = (mu_state *)source[i];
		char *err = goUnify(s->buf, s->len, s->pairs, result, offset + i);
		if (err) {
			duckdb_aggregate_function_set_error(info, err);
			free(err);
			return;
		}
	}
}

int mu_register(duckdb_connection con, const char *name) {
	duckdb_aggregate_function f = duckdb_create_aggregate_function();
	duckdb_aggregate_function_set_name(f, name);
	duckdb_logical_type varchar = duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR);
	duckdb_aggregate_function_add_parameter(f, varchar);
	duckdb_aggregate_function_add_parameter(f, varchar);
	duckdb_logical_type members[2] = {varchar, varchar};
	const char *names[2] = {"id", "customer_key"};
	duckdb_logical_type row = duckdb_create_struct_type(members, names, 2);
	duckdb_logical_type list = duckdb_create_list_type(row);
	duckdb_aggregate_function_set_return_type(f, list);
	duckdb_destroy_logical_type(&list);
	duckdb_destroy_logical_type(&row);
	duckdb_destroy_logical_type(&varchar);
	duckdb_aggregate_function_set_functions(f, mu_state_size, mu_init, mu_update, mu_combine, mu_finalize);
	duckdb_aggregate_function_set_destructor(f, mu_destroy);
	int ok = duckdb_register_aggregate_function(con, f) == DuckDBSuccess;
	duckdb_destroy_aggregate_function(&f);
	return ok;
}

int mu_write(duckdb_vector result, idx_t row, const char *base, const uint64_t *offs, const uint32_t *lens, const int32_t *keys, idx_t n) {
	idx_t size = duckdb_list_vector_get_size(result);
	if (duckdb_list_vector_reserve(result, size + n) != DuckDBSuccess) {
		return 0;
	}
	duckdb_vector child = duckdb_list_vector_get_child(result);
	duckdb_vector ids = duckdb_struct_vector_get_child(child, 0);
	duckdb_vector key = duckdb_struct_vector_get_child(child, 1);
	for (idx_t i = 0; i < n; i++) {
		int32_t k = keys[i];
		duckdb_vector_assign_string_element_len(ids, size + i, base + offs[i], lens[i]);
		duckdb_vector_assign_string_element_len(key, size + i, base + offs[k], lens[k]);
	}
	duckdb_list_vector_set_size(result, size + n);
	duckdb_list_entry *entries = (duckdb_list_entry *)duckdb_vector_get_data(result);
	entries[row].offset = size;
	entries[row].length = n;
	return 1;
}
