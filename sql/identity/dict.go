package identity

import (
	"hash/maphash"
	"math/bits"
	"unsafe"
)

// dict numbers the distinct strings of a byte buffer densely, in order of
// first appearance. It is an open-addressing hash table with linear
// probing whose slots hold a string's number and 32 bits of its hash, so
// most probes that miss are rejected without reading the string. Strings
// are kept as offsets and lengths into the buffer, never as Go strings:
// the table holds no pointers for the garbage collector to scan, which
// with millions of entries is what made a map[string]int32 slow (doc.go).
type dict struct {
	data  []byte
	seed  maphash.Seed
	slots []uint64 // 0: empty; else hash>>32<<32 | (number + 1)
	mask  uint64
	offs  []uint64 // the string numbered k is data[offs[k]:][:lens[k]]
	lens  []uint32
}

// newDict makes a table over data with room for up to n strings before it
// grows: at most half its slots are used. The slots are touched at random,
// so all of their memory is faulted in (about 3 s per GB on this machine,
// the largest single cost at 10M pairs); offs and lens reserve room for
// 2n strings but only the part used is ever touched.
func newDict(data []byte, n int) *dict {
	size := uint64(1) << bits.Len(uint(max(2*n, 16)-1))
	return &dict{data: data, seed: maphash.MakeSeed(), slots: make([]uint64, size), mask: size - 1,
		offs: make([]uint64, 0, 2*n), lens: make([]uint32, 0, 2*n)}
}

// str is the string at data[off:][:n], without copying.
func (d *dict) str(off uint64, n uint32) string {
	if n == 0 {
		return ""
	}
	return unsafe.String(&d.data[off], int(n))
}

// id is the string numbered k.
func (d *dict) id(k int32) string { return d.str(d.offs[k], d.lens[k]) }

// size is the number of distinct strings.
func (d *dict) size() int { return len(d.offs) }

// number returns the number of the string at data[off:][:n], numbering
// it first if it is new; -1 when maxNodes strings are numbered already.
func (d *dict) number(off uint64, n uint32) int32 {
	s := d.str(off, n)
	h := maphash.String(d.seed, s)
	tag := h >> 32 << 32
	for i := h & d.mask; ; i = (i + 1) & d.mask {
		e := d.slots[i]
		if e == 0 {
			if len(d.offs) == maxNodes {
				return -1
			}
			k := int32(len(d.offs))
			d.offs = append(d.offs, off)
			d.lens = append(d.lens, n)
			d.slots[i] = tag | uint64(k+1)
			if uint64(len(d.offs))*2 > d.mask {
				d.grow()
			}
			return k
		}
		if e&^0xffffffff == tag {
			if k := int32(uint32(e) - 1); d.lens[k] == n && d.id(k) == s {
				return k
			}
		}
	}
}

// grow doubles the table, placing every string again.
func (d *dict) grow() {
	size := 2 * (d.mask + 1)
	d.slots, d.mask = make([]uint64, size), size-1
	for k := range d.offs {
		h := maphash.String(d.seed, d.id(int32(k)))
		i := h & d.mask
		for d.slots[i] != 0 {
			i = (i + 1) & d.mask
		}
		d.slots[i] = h>>32<<32 | uint64(k+1)
	}
}
