package sequence

import (
	"fmt"
	"sync"

	"github.com/martdb/martdb/sql/eventagg"
)

// overloads read the pattern id and timestamps in microseconds (dates at
// midnight) or, for integers, as seconds.
var overloads = []eventagg.Overload{
	{TS: eventagg.Timestamp, P1: eventagg.Int64, HasP1: true},
	{TS: eventagg.TimestampTZ, P1: eventagg.Int64, HasP1: true},
	{TS: eventagg.DateMicros, P1: eventagg.Int64, HasP1: true},
	{TS: eventagg.Int64, P1: eventagg.Int64, HasP1: true},
}

var matchSpec = eventagg.Spec{
	Name: "_martdb_sequence_match", Result: eventagg.Boolean, Overloads: overloads,
	Names: eventagg.Names{Func: "sequence_match", P1: "pattern"}, RejectOthers: true,
	Finalize: func(g *eventagg.Group) (int64, bool, error) {
		return finalize(g, "sequence_match", func(p *Pattern, ev []Event) int64 {
			if p.Match(ev) {
				return 1
			}
			return 0
		})
	},
}

var countSpec = eventagg.Spec{
	Name: "_martdb_sequence_count", Result: eventagg.BigInt, Overloads: overloads,
	Names: eventagg.Names{Func: "sequence_count", P1: "pattern"}, RejectOthers: true,
	Finalize: func(g *eventagg.Group) (int64, bool, error) {
		return finalize(g, "sequence_count", (*Pattern).Count)
	},
}

// compiled caches patterns by (id, number of conditions, unit).
var compiled sync.Map

type compileKey struct {
	id    int64
	conds int
	unit  int64
}

// patternFor compiles (once) the group's pattern for its conditions and
// timestamp unit.
func patternFor(fn string, g *eventagg.Group) (*Pattern, error) {
	unit := int64(1_000_000)
	if g.TS == eventagg.Int64 {
		unit = 1
	}
	key := compileKey{g.P1, g.Steps, unit}
	if p, ok := compiled.Load(key); ok {
		return p.(*Pattern), nil
	}
	text, ok := textOf(g.P1)
	if !ok {
		return nil, fmt.Errorf("%s: internal error: unknown pattern id %d", fn, g.P1)
	}
	p, err := Compile(text, g.Steps, unit)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", fn, err)
	}
	compiled.Store(key, p)
	return p, nil
}

// eventPool holds event buffers for finalize, which runs for every group
// on several threads.
var eventPool = sync.Pool{New: func() any { b := make([]Event, 0, 64); return &b }}

func finalize(g *eventagg.Group, fn string, eval func(*Pattern, []Event) int64) (int64, bool, error) {
	if g.Steps == 0 {
		return 0, false, fmt.Errorf("%s: conds: the list of conditions is empty (expected 1 to 32)", fn)
	}
	p, err := patternFor(fn, g)
	if err != nil {
		return 0, false, err
	}
	buf := eventPool.Get().(*[]Event)
	defer eventPool.Put(buf)
	ev := (*buf)[:0]
	for _, r := range g.Rows {
		ev = append(ev, Event{TS: r.TS, Mask: r.Mask})
	}
	*buf = ev
	return eval(p, ev), true, nil
}
