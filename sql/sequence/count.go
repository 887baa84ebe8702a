package sequence

// Count returns the number of non-overlapping chains that match the
// pattern: sequence_count's result for one group. Each chain is the one
// that ends first, searched for from where the previous one ended (see the
// package documentation). It sorts events in place by timestamp when they
// are not sorted already.
func (p *Pattern) Count(events []Event) int64 {
	sortEvents(events)
	if p.allSkippable {
		return p.countAllSkippable(events)
	}
	st := p.getState()
	defer p.putState(st)
	var n int64
	for start := p.nextVisible(events, 0); start < len(events); {
		end, ok := p.scan(events, start, st)
		if !ok {
			break
		}
		n++
		if end == start { // a match that consumed nothing: move on by one event
			end++
		}
		start = p.nextVisible(events, end)
	}
	return n
}

// countAllSkippable is ClickHouse's count for a pattern every step of which
// may be skipped at the end of the events: each visible event starts a
// match that consumes nothing, so the count is the number of visible
// events; but when the pattern holds "(?t<0)", which no event satisfies,
// the search fails everywhere and ClickHouse's fallback at the end of the
// events succeeds once.
func (p *Pattern) countAllSkippable(events []Event) int64 {
	n := p.countVisible(events)
	if p.neverStep && n > 0 {
		return 1
	}
	return n
}
