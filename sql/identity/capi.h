// The declarations of DuckDB's C API that this package uses are those of
// sql/eventagg, kept in one place.
#ifndef MARTDB_IDENTITY_CAPI_H
#define MARTDB_IDENTITY_CAPI_H

#include "../eventagg/capi.h"

#endif
