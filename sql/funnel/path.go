package funnel

import "sync"

// pathPool holds the scratch tables of LevelPath (8 KiB each), so that
// finalizing a million groups allocates none.
var pathPool = sync.Pool{New: func() any { return new(paths) }}

// LevelPath is Level, and also the timestamps of the chain that reached
// the level: dst is extended with the timestamps of steps 1..level of that
// chain. With strict_once the chain is not tracked: only the level is
// computed and ok is false.
func LevelPath(events []Event, window int64, steps int, mode Mode, dst []int64) (level int, path []int64, ok bool) {
	if mode.StrictOnce || len(events) == 0 || window < 0 || (steps == 1 && !mode.StrictOrder) {
		level = Level(events, window, steps, mode)
		if mode.StrictOnce {
			return level, dst, false
		}
		if level == 1 {
			dst = append(dst, firstStepOne(events))
		}
		return level, dst, true
	}
	sortEvents(events)
	p := pathPool.Get().(*paths)
	defer pathPool.Put(p)
	level = scan(events, window, steps, mode, p)
	if level > 0 {
		dst = append(dst, p[level-1][:level]...)
	}
	return level, dst, true
}

// firstStepOne is the earliest step-1 timestamp among events (some event
// has Cond 1).
func firstStepOne(events []Event) int64 {
	first, found := int64(0), false
	for _, e := range events {
		if e.Cond == 1 && (!found || e.TS < first) {
			first, found = e.TS, true
		}
	}
	return first
}
