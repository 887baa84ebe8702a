package funnel

import (
	"errors"
	"fmt"
	"sync"

	"github.com/martdb/martdb/sql/eventagg"
)

// overloads are the signatures of window_funnel and of the report's
// path aggregate: (window, ts, conds [, mode]) with the window in the
// timestamp's unit.
var overloads = func() []eventagg.Overload {
	pairs := []eventagg.Overload{
		{TS: eventagg.Timestamp, P1: eventagg.IntervalUS},
		{TS: eventagg.TimestampTZ, P1: eventagg.IntervalUS},
		{TS: eventagg.Date, P1: eventagg.IntervalDays},
		{TS: eventagg.Int64, P1: eventagg.Int64},
	}
	var out []eventagg.Overload
	for _, o := range pairs {
		o.HasP1 = true
		out = append(out, o)
		o.HasMode = true
		out = append(out, o)
	}
	return out
}()

// windowFunnelSpec is the window_funnel aggregate.
var windowFunnelSpec = eventagg.Spec{
	Name:         "window_funnel",
	Result:       eventagg.Integer,
	Modes:        ModeNames(),
	KeepEmptyFor: []string{"strict_order"},
	Overloads:    overloads,
	Finalize:     finalizeLevel,
	RejectOthers: true,
}

// pathSpec is the report's internal aggregate: a user's level followed by
// the time between consecutive steps of the chain behind it (see
// finalizeSteps).
var pathSpec = eventagg.Spec{
	Name:         "_martdb_funnel_steps",
	Result:       eventagg.ListBigInt,
	Modes:        ModeNames(),
	KeepEmptyFor: []string{"strict_order"},
	Overloads:    overloads,
	FinalizeList: finalizeSteps,
	// The funnel report's arguments, as its users name them.
	Names:        eventagg.Names{Func: "funnel", P1: "conversion_window", Conds: "steps"},
	RejectOthers: true,
}

// eventPool holds event buffers: finalize runs for every group, on
// several threads.
var eventPool = sync.Pool{New: func() any { b := make([]Event, 0, 64); return &b }}

// groupEvents checks a group's arguments and turns its rows into events.
// The caller returns the buffer to eventPool.
func groupEvents(g *eventagg.Group) (*[]Event, Mode, error) {
	mode, err := ModeFromBits(g.P2)
	n := g.Names
	var me modeError
	switch {
	case errors.As(err, &me):
		return nil, mode, fmt.Errorf("%s: mode: %s", n.Func, me.Reason())
	case err != nil:
		return nil, mode, err
	case g.Steps == 0:
		return nil, mode, fmt.Errorf("%s: %s: the list of steps is empty (expected 1 to 32 conditions)", n.Func, n.Conds)
	case g.P1 < 0:
		return nil, mode, fmt.Errorf("%s: %s: must not be negative, got %d in the timestamp's unit", n.Func, n.P1, g.P1)
	}
	buf := eventPool.Get().(*[]Event)
	ev := (*buf)[:0]
	for _, r := range g.Rows {
		ev = AppendRow(ev, r.TS, r.Mask, r.Seq, mode)
	}
	*buf = ev
	return buf, mode, nil
}

func finalizeLevel(g *eventagg.Group) (int64, bool, error) {
	buf, mode, err := groupEvents(g)
	if err != nil {
		return 0, false, err
	}
	defer eventPool.Put(buf)
	return int64(Level(*buf, g.P1, g.Steps, mode)), true, nil
}

// finalizeSteps returns [level, d2, ..., d_level]: the group's level and
// then, for each step after the first, the microseconds from the previous
// step of the chain that set the level, whatever the timestamp type (dates
// at midnight; integer timestamps taken as seconds, as ClickHouse treats
// them), so the report needs no unit. A group that never reached step 1 is
// NULL; with strict_once, where chains are not tracked, the list holds the
// level alone.
func finalizeSteps(g *eventagg.Group, dst []int64) ([]int64, bool, error) {
	buf, mode, err := groupEvents(g)
	if err != nil {
		return nil, false, err
	}
	defer eventPool.Put(buf)
	level, path, tracked := LevelPath(*buf, g.P1, g.Steps, mode, dst[:0])
	if level == 0 {
		return dst, false, nil
	}
	if !tracked {
		return append(path[:0], int64(level)), true, nil
	}
	// Turn the chain's timestamps into [level, deltas...] in place: the
	// delta into step i+1 overwrites timestamp i, walking from the end.
	scale := microsPerUnit(g.TS)
	for i := len(path) - 1; i >= 1; i-- {
		path[i] = (path[i] - path[i-1]) * scale
	}
	path[0] = int64(level)
	return path, true, nil
}

// microsPerUnit is how many microseconds one unit of a timestamp kind is.
func microsPerUnit(k eventagg.Kind) int64 {
	switch k {
	case eventagg.Date:
		return 86_400_000_000
	case eventagg.Int64:
		return 1_000_000
	}
	return 1
}
