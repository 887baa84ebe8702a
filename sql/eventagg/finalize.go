package eventagg

/*
#include <stdlib.h>
#include <stdbool.h>
#include "collect.h"
*/
import "C"

import (
	"errors"
	"unsafe"
)

// goFinalize computes the results of count groups into DuckDB's result
// vector at offset. It returns NULL, or an error message (C memory, freed
// by the caller).
//
//export goFinalize
func goFinalize(finalizer C.int32_t, tsKind C.int32_t, states *unsafe.Pointer, result C.duckdb_vector, data unsafe.Pointer, validity *C.uint64_t, count, offset C.idx_t) *C.char {
	registryMu.RLock()
	r := finalizers[finalizer]
	registryMu.RUnlock()
	sts := unsafe.Slice(states, int(count))
	mask := unsafe.Slice((*uint64)(unsafe.Pointer(validity)), int(offset+count+63)/64)
	g := Group{TS: Kind(tsKind), Names: &r.display}
	var list []int64
	for i, p := range sts {
		st := (*C.md_state)(p)
		if st.rows == nil { // the rows are in the state (collect.h)
			g.Rows = unsafe.Slice((*Row)(unsafe.Pointer(&st.inl[0])), int(st.len))
		} else {
			g.Rows = unsafe.Slice((*Row)(unsafe.Pointer(st.rows)), int(st.len))
		}
		g.Steps, g.P1, g.P2 = int(st.steps), int64(st.p1), int64(st.p2)
		g.TS = Kind(tsKind)
		if st.go_ts_kind1 != 0 { // read by the catch-all overload, which knows the kind per group
			g.TS = Kind(st.go_ts_kind1 - 1)
		}
		row := int(offset) + i
		var ok bool
		var err error
		if r.spec.Result.isList() {
			list, ok, err = r.spec.FinalizeList(&g, list[:0])
			if err == nil && ok && !appendList(result, row, list, r.spec.Result == ListInteger) {
				err = errOutOfMemory
			}
		} else {
			var v int64
			v, ok, err = r.spec.Finalize(&g)
			if err == nil && ok {
				store(r.spec.Result, data, row, v)
			}
		}
		if err != nil {
			return C.CString(err.Error())
		}
		if !ok {
			mask[row/64] &^= 1 << (row % 64)
		}
	}
	return nil
}

var errOutOfMemory = errors.New("out of memory writing a list result")

// appendList writes list as row's value of a BIGINT[] result vector, or
// of an INTEGER[] one when int32 is set.
func appendList(result C.duckdb_vector, row int, list []int64, int32 bool) bool {
	var p *C.int64_t
	if len(list) > 0 {
		p = (*C.int64_t)(unsafe.Pointer(&list[0]))
	}
	if int32 {
		return C.md_list_append32(result, C.idx_t(row), p, C.idx_t(len(list))) != 0
	}
	return C.md_list_append(result, C.idx_t(row), p, C.idx_t(len(list))) != 0
}

// store writes v at row of a result vector's data.
func store(r Result, data unsafe.Pointer, row int, v int64) {
	switch r {
	case BigInt:
		*(*int64)(unsafe.Add(data, row*8)) = v
	case Boolean:
		*(*bool)(unsafe.Add(data, row)) = v != 0
	default:
		*(*int32)(unsafe.Add(data, row*4)) = int32(v)
	}
}
