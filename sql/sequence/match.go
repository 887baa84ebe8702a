package sequence

// Match reports whether the events contain a chain that matches the
// pattern: sequence_match's result for one group. It sorts events in place
// by timestamp when they are not sorted already.
func (p *Pattern) Match(events []Event) bool {
	sortEvents(events)
	if p.allSkippable {
		return true
	}
	st := p.getState()
	_, ok := p.scan(events, 0, st)
	p.putState(st)
	return ok
}
