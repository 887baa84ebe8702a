package funnel

import (
	"math"
	"testing"
)

// FuzzLevel compares Level with the reference replay on groups decoded
// from the input (see decodeCase).
func FuzzLevel(f *testing.F) {
	for _, seed := range [][]byte{
		{},
		{2, 0, 3, 0, 0, 1, 1, 2},
		{3, 2, 3, 0, 0, 1, 0, 0, 1, 2, 2, 4},
		{3, 8, 4, 0, 1, 3, 1, 2, 1, 3, 2, 4},
		{4, 5, 0, 0, 0, 15, 0, 15, 0, 15, 0, 15},
		{3, 18, 2, 0, 0, 1, 1, 4, 2, 2, 3, 4},
		{2, 4, 1, 0, 0, 1, 1, 1, 1, 2},
		{6, 31, 9, 1, 0, 1, 1, 2, 1, 4, 2, 8, 3, 16, 4, 32},
		{2, 0, 10, 2, 0, 1, 7, 2},
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, m := decodeCase(data)
		checkCase(t, nil, c, m)
	})
}

// decodeCase turns fuzz input into a group and a mode. Byte 0 gives the
// steps (1 to 8), byte 1 the mode (its low five bits as for ModeFromBits,
// with strict_order added when allow_reentry needs it), byte 2 the window
// and byte 3 where timestamps start; then each pair of bytes is a row: a
// timestamp offset (0 to 7) and a condition mask. At most 10 rows, to
// keep the strict_once replay small.
func decodeCase(data []byte) (refCase, Mode) {
	at := func(i int) byte {
		if i < len(data) {
			return data[i]
		}
		return 0
	}
	c := refCase{steps: 1 + int(at(0)%8)}
	bits := int64(at(1) & 31)
	if bits&(1<<4) != 0 {
		bits |= 1 << 1
	}
	m, err := ModeFromBits(bits)
	if err != nil {
		panic(err)
	}
	windows := [...]int64{0, 1, 2, 3, 4, 5, 6, 7, 10, 100, math.MaxInt64, math.MaxInt64 - 1, -1, math.MinInt64, 1 << 62, 8}
	c.window = windows[at(2)%16]
	bases := [...]int64{0, math.MaxInt64 - 7, math.MinInt64, -4}
	base := bases[at(3)%4]
	for i := 4; i+1 < len(data) && len(c.rows) < 10; i += 2 {
		r := refRow{ts: base + int64(data[i]%8), cond: make([]bool, c.steps)}
		for k := range r.cond {
			r.cond[k] = data[i+1]&(1<<k) != 0
		}
		c.rows = append(c.rows, r)
	}
	return c, m
}
