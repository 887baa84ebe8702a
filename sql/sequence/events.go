package sequence

// Event is one input row of a group: its timestamp, in the unit given to
// Compile, and the conditions that are true for it, bit N-1 for condition
// N (a NULL condition is false). Bits past the number of conditions given
// to Compile are ignored.
type Event struct {
	TS   int64
	Mask uint32
}

// visible reports whether an event takes part in matching: ClickHouse drops
// rows for which none of the given conditions holds.
func (p *Pattern) visible(e Event) bool { return e.Mask&p.condMask != 0 }

// nextVisible returns the index of the first visible event at or after i,
// or len(events).
func (p *Pattern) nextVisible(events []Event, i int) int {
	for i < len(events) && !p.visible(events[i]) {
		i++
	}
	return i
}

// countVisible returns the number of visible events.
func (p *Pattern) countVisible(events []Event) int64 {
	var n int64
	for _, e := range events {
		if p.visible(e) {
			n++
		}
	}
	return n
}
