package eventagg

/*
#include <stddef.h>
#include <stdlib.h>
#include "collect.h"

static size_t md_row_mask_offset(void) { return offsetof(md_row, mask); }
static size_t md_row_seq_offset(void) { return offsetof(md_row, seq); }
*/
import "C"

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"unsafe"
)

// Row is one input row of a group, as the C collector stores it: its
// timestamp in the overload's unit, the mask of its true conditions (bit
// k-1 for condition k) and its arrival number within the group.
type Row struct {
	TS   int64
	Mask uint32
	Seq  uint32
}

// Group is what a finalizer sees of one group.
type Group struct {
	Names *Names // how users name the function and its arguments, for errors
	Rows  []Row  // in arrival order, not sorted; the finalizer may reorder them
	Steps int    // number of conditions (the longest condition list seen)
	P1    int64  // first parameter (e.g. the window), converted per the overload
	P2    int64  // second parameter (e.g. mode flags)
	TS    Kind   // how the overload read the timestamps (their unit)
}

// Result is the SQL type an aggregate returns.
type Result int

// The result types.
const (
	Integer Result = iota
	BigInt
	Boolean
	ListBigInt  // BIGINT[]
	ListInteger // INTEGER[] (the finalizer's values must fit)
)

// isList reports whether r is a list result, computed by a ListFinalizer.
func (r Result) isList() bool { return r == ListBigInt || r == ListInteger }

// Finalizer computes one group's result. valid=false gives NULL; an error
// fails the query with its message.
type Finalizer func(g *Group) (value int64, valid bool, err error)

// ListFinalizer computes one group's BIGINT[] result, appended to dst (a
// buffer the caller reuses). valid=false gives NULL.
type ListFinalizer func(g *Group, dst []int64) (list []int64, valid bool, err error)

// Kind says how a timestamp or parameter column is read.
type Kind int

// The column kinds; each pairs a SQL type with its conversion to int64.
const (
	Int64        Kind = iota // BIGINT: the value
	Timestamp                // TIMESTAMP: microseconds since the epoch
	TimestampTZ              // TIMESTAMPTZ: microseconds since the epoch
	Date                     // DATE: days since the epoch
	IntervalUS               // INTERVAL: microseconds, a month counted as 30 days
	IntervalDays             // INTERVAL: whole days, a month counted as 30 days
	Varchar                  // VARCHAR (only as the mode argument)
	DateMicros               // DATE: microseconds since the epoch (midnight UTC)
)

// Overload is one accepted signature: name([p1,] ts, conds BOOLEAN[]
// [, mode VARCHAR]).
type Overload struct {
	TS      Kind
	P1      Kind
	HasP1   bool
	HasMode bool
}

// Spec describes one aggregate.
type Spec struct {
	Name      string
	Result    Result
	KeepEmpty bool // keep rows whose conditions are all false
	// FoldMasks keeps no rows: a group's state is one row, held in the
	// state itself (no allocation per group), whose Mask is the union of
	// its rows' masks (its TS and Seq are those of the first row with a
	// true condition). For aggregates such as retention that need only
	// which conditions held somewhere in the group.
	FoldMasks bool
	// Modes are the option names the mode argument accepts; the group's
	// P2 has bit i set for Modes[i]. KeepEmptyFor lists the options that
	// need rows whose conditions are all false.
	Modes        []string
	KeepEmptyFor []string
	Overloads    []Overload
	Finalize     Finalizer
	// FinalizeList replaces Finalize for list results.
	FinalizeList ListFinalizer
	// Names is how users name the function and its arguments in error
	// messages (a report's internal aggregate fails as the report); empty
	// names default to Name, "window", "ts" and "conds".
	Names Names
	// RejectOthers adds a catch-all overload that fails, naming the
	// argument, when no typed overload takes the arguments' types
	// (instead of DuckDB's "no function matches" naming the aggregate).
	RejectOthers bool
}

// Names is how users name an aggregate and its arguments.
type Names struct {
	Func, P1, TS, Conds string
}

// withDefaults fills the empty names.
func (n Names) withDefaults(name string) Names {
	if n.Func == "" {
		n.Func = name
	}
	if n.P1 == "" {
		n.P1 = "window"
	}
	if n.TS == "" {
		n.TS = "ts"
	}
	if n.Conds == "" {
		n.Conds = "conds"
	}
	return n
}

type registered struct {
	spec    Spec
	display Names // spec.Names with defaults
	index   C.int32_t
	name    *C.char   // C copies of the name and the option names, kept
	names   **C.char  // for the life of the process: DuckDB holds them
	count   C.int32_t // number of option names
	cnames  C.md_names
}

var (
	registryMu sync.RWMutex
	registry   = map[string]*registered{}
	finalizers []*registered
)

// Register makes spec callable on a DuckDB connection: conn is its
// database/sql handle and handle its C duckdb_connection. DuckDB keeps
// C-API aggregates in the database instance's system catalog and refuses
// to register one twice, so when the aggregate already exists (another
// session registered it) Register leaves it there: it calls the same
// finalizer, which is kept by name for the life of the process.
func Register(ctx context.Context, conn *sql.Conn, handle unsafe.Pointer, spec Spec) error {
	if handle == nil {
		return errors.New("eventagg: no connection handle")
	}
	err := register(handle, spec)
	if err == nil {
		return nil
	}
	if ok, qerr := exists(ctx, conn, spec.Name); qerr == nil && ok {
		return nil
	}
	return err
}

// exists reports whether an aggregate called name is in DuckDB's catalog.
func exists(ctx context.Context, conn *sql.Conn, name string) (bool, error) {
	var n int
	err := conn.QueryRowContext(ctx,
		"SELECT count(*) FROM duckdb_functions() WHERE function_name = ? AND function_type = 'aggregate'", name).Scan(&n)
	return n > 0, err
}

// register registers spec through the C API.
func register(conn unsafe.Pointer, spec Spec) error {
	if len(spec.Overloads) == 0 || (spec.Finalize == nil) == (spec.FinalizeList == nil) ||
		spec.Result.isList() != (spec.FinalizeList != nil) {
		return fmt.Errorf("eventagg: %s: needs overloads and exactly one finalizer matching its result type", spec.Name)
	}
	r := lookupOrAdd(spec)
	overloads := make([]C.md_overload, len(spec.Overloads))
	for i, o := range spec.Overloads {
		overloads[i] = C.md_overload{
			ts_type: sqlType(o.TS), ts_kind: cKind(o.TS), go_ts_kind: C.int32_t(o.TS),
			p1_type: sqlType(o.P1), p1_kind: cKind(o.P1),
			has_p1: cBool(o.HasP1), has_mode: cBool(o.HasMode),
		}
	}
	ok := C.md_register(C.duckdb_connection(conn), r.name, &r.cnames, cBool(spec.RejectOthers), resultType(spec.Result),
		cBool(spec.Result.isList()), r.index, cBool(spec.KeepEmpty), cBool(spec.FoldMasks), &overloads[0], C.int(len(overloads)), r.names, r.count, C.int32_t(spec.modeBits(spec.KeepEmptyFor)))
	if ok == 0 {
		return fmt.Errorf("eventagg: registering %s failed", spec.Name)
	}
	return nil
}

// modeBits is the bit mask of the named options.
func (s Spec) modeBits(names []string) int64 {
	var bits int64
	for i, m := range s.Modes {
		for _, n := range names {
			if m == n {
				bits |= 1 << i
			}
		}
	}
	return bits
}

func cBool(b bool) C.int32_t {
	if b {
		return 1
	}
	return 0
}

func lookupOrAdd(spec Spec) *registered {
	registryMu.Lock()
	defer registryMu.Unlock()
	if r, ok := registry[spec.Name]; ok {
		r.spec = spec
		return r
	}
	display := spec.Names.withDefaults(spec.Name)
	r := &registered{spec: spec, display: display, index: C.int32_t(len(finalizers)), name: C.CString(spec.Name), count: C.int32_t(len(spec.Modes))}
	r.cnames = C.md_names{fname: C.CString(display.Func), p1: C.CString(display.P1), ts: C.CString(display.TS), conds: C.CString(display.Conds)}
	if len(spec.Modes) > 0 {
		arr := (**C.char)(C.malloc(C.size_t(len(spec.Modes)) * C.size_t(unsafe.Sizeof((*C.char)(nil)))))
		names := unsafe.Slice(arr, len(spec.Modes))
		for i, m := range spec.Modes {
			names[i] = C.CString(m)
		}
		r.names = arr
	}
	finalizers = append(finalizers, r)
	registry[spec.Name] = r
	return r
}

func sqlType(k Kind) C.duckdb_type {
	switch k {
	case Timestamp:
		return C.DUCKDB_TYPE_TIMESTAMP
	case TimestampTZ:
		return C.DUCKDB_TYPE_TIMESTAMP_TZ
	case Date, DateMicros:
		return C.DUCKDB_TYPE_DATE
	case IntervalUS, IntervalDays:
		return C.DUCKDB_TYPE_INTERVAL
	case Varchar:
		return C.DUCKDB_TYPE_VARCHAR
	}
	return C.DUCKDB_TYPE_BIGINT
}

func cKind(k Kind) C.md_kind {
	switch k {
	case Date:
		return C.MD_DATE
	case DateMicros:
		return C.MD_DATE_US
	case IntervalUS:
		return C.MD_INTERVAL_US
	case IntervalDays:
		return C.MD_INTERVAL_DAYS
	}
	return C.MD_INT64
}

func resultType(r Result) C.duckdb_type {
	switch r {
	case BigInt:
		return C.DUCKDB_TYPE_BIGINT
	case Boolean:
		return C.DUCKDB_TYPE_BOOLEAN
	case ListBigInt:
		return C.DUCKDB_TYPE_BIGINT // the element type; md_register wraps it in a LIST
	case ListInteger:
		return C.DUCKDB_TYPE_INTEGER // likewise
	}
	return C.DUCKDB_TYPE_INTEGER
}

// layoutMatches reports whether Row has the memory layout of C's md_row,
// which goFinalize reads Rows through.
func layoutMatches() bool {
	var r Row
	return unsafe.Sizeof(r) == C.sizeof_md_row &&
		unsafe.Offsetof(r.Mask) == uintptr(C.md_row_mask_offset()) && unsafe.Offsetof(r.Seq) == uintptr(C.md_row_seq_offset())
}
