package funnel

import (
	"math/big"
	"sort"
)

// This file replays ClickHouse's windowFunnel literally, written from its
// description and independently of the package: events built the way
// ClickHouse's add() builds them, a stable sort, optional per-step values
// in maps, every chain with its path of rows in strict_once mode, exact
// arithmetic for the window, and no shortcuts. It is slow and only meant
// to check Level.

// refRow is one input row: its timestamp and which conditions are true
// (cond[k-1] for condition k).
type refRow struct {
	ts   int64
	cond []bool
}

// refEvent is an event as ClickHouse stores it; id is the row's unique
// id, counted from 1.
type refEvent struct {
	ts int64
	k  int
	id uint64
}

// refLevel is the level of rows for a funnel of steps conditions.
func refLevel(rows []refRow, window int64, steps int, m Mode) int {
	var events []refEvent
	for i, r := range rows {
		matched := false
		for k := steps; k >= 1; k-- {
			if r.cond[k-1] {
				events = append(events, refEvent{r.ts, k, uint64(i + 1)})
				matched = true
			}
		}
		if m.StrictOrder && !matched {
			events = append(events, refEvent{r.ts, 0, uint64(i + 1)})
		}
	}
	sort.SliceStable(events, func(a, b int) bool {
		x, y := events[a], events[b]
		if x.ts != y.ts {
			return x.ts < y.ts
		}
		if x.k != y.k {
			return x.k < y.k
		}
		return m.StrictOnce && x.id < y.id
	})
	if m.StrictOnce {
		return refOnce(events, window, steps, m)
	}
	return refPlain(events, window, steps, m)
}

// inWindow reports whether ts <= first + window, computed exactly.
func inWindow(ts, first, window int64) bool {
	limit := new(big.Int).Add(big.NewInt(first), big.NewInt(window))
	return big.NewInt(ts).Cmp(limit) <= 0
}

// refPair is a step's optional value outside strict_once: the first and
// the last timestamp of the chain it holds.
type refPair struct{ first, last int64 }

// refPlain replays the scan of every mode but strict_once.
func refPlain(events []refEvent, window int64, steps int, m Mode) int {
	held := map[int]refPair{}
	firstEvent := false
	maxHeld := func() int {
		for i := steps - 1; i >= 0; i-- {
			if _, ok := held[i]; ok {
				return i + 1
			}
		}
		return 0
	}
	for _, e := range events {
		idx := e.k - 1
		if m.StrictOrder && idx == -1 {
			if firstEvent {
				break
			}
			continue
		}
		_, heldIdx := held[idx]
		prev, heldPrev := held[idx-1]
		switch {
		case idx == 0:
			held[0] = refPair{e.ts, e.ts}
			firstEvent = true
		case m.StrictDeduplication && heldIdx:
			return maxHeld()
		case m.StrictOrder && firstEvent && !heldPrev:
			if m.AllowReentry {
				continue
			}
			for i := 0; i < steps; i++ {
				if _, ok := held[i]; !ok {
					return i
				}
			}
		case heldPrev:
			matched := inWindow(e.ts, prev.first, window)
			if m.StrictIncrease {
				matched = matched && prev.last < e.ts
			}
			if matched {
				held[idx] = refPair{prev.first, e.ts}
				if idx+1 == steps {
					return steps
				}
			}
		}
	}
	return maxHeld()
}

// refChain is one chain in strict_once mode: its first and last
// timestamps and the ids of the rows it used, one per step.
type refChain struct {
	first, last int64
	path        []uint64
}

// refOnce replays the strict_once scan, keeping every chain.
func refOnce(events []refEvent, window int64, steps int, m Mode) int {
	chains := make([][]refChain, steps)
	hasFirst := false
	maxHeld := func() int {
		for i := steps - 1; i >= 0; i-- {
			if len(chains[i]) > 0 {
				return i + 1
			}
		}
		return 0
	}
	for _, e := range events {
		idx := e.k - 1
		switch {
		case m.StrictOrder && idx == -1:
			if hasFirst {
				return maxHeld()
			}
		case idx == 0:
			chains[0] = append(chains[0], refChain{e.ts, e.ts, []uint64{e.id}})
			hasFirst = true
		case m.StrictDeduplication && len(chains[idx]) > 0:
			return maxHeld()
		case m.StrictOrder && hasFirst && len(chains[idx-1]) == 0:
			if m.AllowReentry {
				continue
			}
			for i := 0; i < steps; i++ {
				if len(chains[i]) == 0 {
					return i
				}
			}
		case len(chains[idx-1]) > 0:
			var kept []refChain
			prevChains := chains[idx-1]
			for n, c := range prevChains {
				matched := inWindow(e.ts, c.first, window)
				// ClickHouse drops chains that are out of the window,
				// keeping at least one.
				if !matched && len(prevChains)-n+len(kept) > 1 {
					continue
				}
				kept = append(kept, c)
				for _, id := range c.path {
					matched = matched && id != e.id
				}
				if m.StrictIncrease {
					matched = matched && c.last < e.ts
				}
				if matched {
					path := append(append([]uint64(nil), c.path...), e.id)
					chains[idx] = append(chains[idx], refChain{c.first, e.ts, path})
					if idx+1 == steps {
						return steps
					}
				}
			}
			chains[idx-1] = kept
		}
	}
	return maxHeld()
}
