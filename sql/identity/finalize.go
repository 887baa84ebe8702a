package identity

/*
#include <stdlib.h>
#include "collect.h"
*/
import "C"

import (
	"encoding/binary"
	"errors"
	"unsafe"
)

// goUnify computes the result of one group, whose pairs are the n records
// of buf (see mu_state), into row of the result vector. It returns NULL or
// an error message in C memory, which the caller frees.
//
//export goUnify
func goUnify(buf *C.char, size C.size_t, n C.size_t, result C.duckdb_vector, row C.idx_t) *C.char {
	var data []byte
	if size > 0 {
		data = unsafe.Slice((*byte)(unsafe.Pointer(buf)), int(size))
	}
	g, err := unify(data, int(n))
	if err != nil {
		return C.CString(err.Error())
	}
	var offs *C.uint64_t
	var lens *C.uint32_t
	var keys *C.int32_t
	if len(g.keys) > 0 {
		offs = (*C.uint64_t)(unsafe.Pointer(&g.d.offs[0]))
		lens = (*C.uint32_t)(unsafe.Pointer(&g.d.lens[0]))
		keys = (*C.int32_t)(unsafe.Pointer(&g.keys[0]))
	}
	if C.mu_write(result, row, buf, offs, lens, keys, C.idx_t(len(g.keys))) == 0 {
		return C.CString("unify_ids: out of memory writing the result")
	}
	return nil
}

// grouping is the result of unify: the distinct identifiers numbered in
// order of first appearance, and for each the number of its group's key.
type grouping struct {
	d    *dict
	keys []int32
}

// unify reads the n packed pairs of data ([uint32 len_a][uint32 len_b][a]
// [b], lengths in the machine's byte order), numbers the distinct
// identifiers, unions the two sides of each pair and picks each group's
// smallest identifier (in byte order, which is DuckDB's VARCHAR order) as
// its key.
func unify(data []byte, n int) (grouping, error) {
	d := newDict(data, n)
	f := newForest(0, 2*n)
	for off := uint64(0); off < uint64(len(data)); {
		la := binary.NativeEndian.Uint32(data[off:])
		lb := binary.NativeEndian.Uint32(data[off+4:])
		x := d.number(off+8, la)
		y := d.number(off+8+uint64(la), lb)
		off += 8 + uint64(la) + uint64(lb)
		if x < 0 || y < 0 {
			return grouping{}, errTooMany
		}
		for len(f.parent) < d.size() {
			f.add()
		}
		if x != y {
			f.union(x, y)
		}
	}
	return grouping{d: d, keys: f.keys(d.id)}, nil
}

// errTooMany fails a group with more identifiers than int32 node numbers
// can hold.
var errTooMany = errors.New("unify_ids: more than 2147483647 distinct identifiers")
