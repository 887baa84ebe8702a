#ifndef MARTDB_IDENTITY_COLLECT_H
#define MARTDB_IDENTITY_COLLECT_H

#include <stddef.h>
#include "capi.h"

// mu_state is the aggregate state: the pairs seen so far, packed one after
// another in one buffer as [uint32 len_a][uint32 len_b][a bytes][b bytes].
// Records are not aligned; readers copy the lengths out with memcpy.
typedef struct {
	char *buf;
	size_t len;
	size_t cap;
	size_t pairs;
} mu_state;

// mu_register registers the aggregate `name`(VARCHAR, VARCHAR) ->
// STRUCT(id VARCHAR, customer_key VARCHAR)[]; it returns 1 on success.
// name must outlive the database.
int mu_register(duckdb_connection con, const char *name);

// mu_write fills the result list of row with n structs: element i has the
// id at base + offs[i] (lens[i] bytes) and, as its customer_key, the id
// numbered keys[i]. It returns 0 when memory ran out.
int mu_write(duckdb_vector result, idx_t row, const char *base, const uint64_t *offs, const uint32_t *lens, const int32_t *keys, idx_t n);

#endif
