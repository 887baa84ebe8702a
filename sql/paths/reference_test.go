package paths

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// event is one row of a test log: a user, a time in minutes and a name.
type event struct {
	user int
	min  int
	name string
}

// pathOpts are the options of a reference paths call; "" is NULL.
type pathOpts struct {
	start, end string
	steps      int
	gapMinutes int
	collapse   bool
}

// pathRow is one row of a paths result.
type pathRow struct {
	path     []string
	steps    int
	sessions int
	users    int
	share    float64
}

// refSessions splits each user's events, in (time, name) order, into
// sessions by the gap rule, dropping repeats when collapsing: the naive
// reading of doc.go's rules.
func refSessions(evs []event, o pathOpts) (users []int, sessions [][]string) {
	byUser := map[int][]event{}
	for _, e := range evs {
		byUser[e.user] = append(byUser[e.user], e)
	}
	for u, es := range byUser {
		sort.Slice(es, func(i, j int) bool {
			if es[i].min != es[j].min {
				return es[i].min < es[j].min
			}
			return es[i].name < es[j].name
		})
		var cur []string
		for i, e := range es {
			if i == 0 || e.min-es[i-1].min > o.gapMinutes {
				if cur != nil {
					users, sessions = append(users, u), append(sessions, cur)
				}
				cur = []string{e.name}
				continue
			}
			if o.collapse && e.name == es[i-1].name {
				continue
			}
			cur = append(cur, e.name)
		}
		users, sessions = append(users, u), append(sessions, cur)
	}
	return users, sessions
}

// refPath is a session's path, or nil when it has none.
func refPath(l []string, o pathOpts) []string {
	k := o.steps
	first := func(name string, from int) int {
		for i := from; i < len(l); i++ {
			if l[i] == name {
				return i
			}
		}
		return -1
	}
	switch {
	case o.start == "" && o.end == "":
		return l[:min(k, len(l))]
	case o.end == "":
		p := first(o.start, 0)
		if p < 0 {
			return nil
		}
		return l[p:min(p+k, len(l))]
	case o.start == "":
		q := first(o.end, 0)
		if q < 0 {
			return nil
		}
		return l[max(0, q-k+1) : q+1]
	}
	p := first(o.start, 0)
	if p < 0 {
		return nil
	}
	q := first(o.end, p+1)
	if q < 0 {
		return nil
	}
	if q-p+1 <= k {
		return l[p : q+1]
	}
	return append(slices.Clone(l[p:p+k-1]), "...", o.end)
}

// refPaths is the whole paths result, in its order.
func refPaths(evs []event, o pathOpts) []pathRow {
	users, sessions := refSessions(evs, o)
	type acc struct {
		path  []string
		n     int
		users map[int]bool
	}
	byPath := map[string]*acc{}
	total := 0
	for i, l := range sessions {
		p := refPath(l, o)
		if p == nil {
			continue
		}
		key := strings.Join(p, "\x00")
		a := byPath[key]
		if a == nil {
			a = &acc{path: p, users: map[int]bool{}}
			byPath[key] = a
		}
		a.n++
		a.users[users[i]] = true
		total++
	}
	var out []pathRow
	for _, a := range byPath {
		steps := len(a.path)
		if slices.Contains(a.path, "...") {
			steps--
		}
		out = append(out, pathRow{a.path, steps, a.n, len(a.users), float64(a.n) / float64(total)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].sessions != out[j].sessions {
			return out[i].sessions > out[j].sessions
		}
		return slices.Compare(out[i].path, out[j].path) < 0
	})
	return out
}

// nodeEvent is one row of a sequence_next_node group.
type nodeEvent struct {
	min   int
	name  string
	base  bool
	conds []bool
}

// refNextNode is ClickHouse's sequenceNextNode on one group, as doc.go
// states it: events in (time, name) order; nil for NULL.
func refNextNode(direction, base string, evs []nodeEvent) *string {
	es := slices.Clone(evs)
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].min != es[j].min {
			return es[i].min < es[j].min
		}
		return es[i].name < es[j].name
	})
	if len(es) == 0 {
		return nil
	}
	k := len(es[0].conds)
	b := -1
	switch base {
	case "head":
		if es[0].base {
			b = 0
		}
	case "tail":
		if es[len(es)-1].base {
			b = len(es) - 1
		}
	case "first_match":
		for i := range es {
			if es[i].base && es[i].conds[0] {
				b = i
				break
			}
		}
	case "last_match":
		for i := len(es) - 1; i >= 0; i-- {
			if es[i].base && es[i].conds[0] {
				b = i
				break
			}
		}
	default:
		panic(fmt.Sprint("base ", base))
	}
	if b < 0 {
		return nil
	}
	step := 1
	if direction == "backward" {
		step = -1
	}
	for j := 0; j < k; j++ {
		i := b + step*j
		if i < 0 || i >= len(es) || !es[i].conds[j] {
			return nil
		}
	}
	i := b + step*k
	if i < 0 || i >= len(es) {
		return nil
	}
	return &es[i].name
}

// nextRow is one row of a next_steps result; next "" is NULL.
type nextRow struct {
	next     string
	sessions int
	users    int
	share    float64
}

// refNextSteps is the next_steps result: per session holding seq as
// consecutive events, the event after its first occurrence.
func refNextSteps(evs []event, seq []string, o pathOpts) []nextRow {
	users, sessions := refSessions(evs, o)
	type acc struct {
		n     int
		users map[int]bool
	}
	byNext := map[string]*acc{}
	total := 0
	for i, l := range sessions {
		at := -1
		for p := 0; p+len(seq) <= len(l); p++ {
			if slices.Equal(l[p:p+len(seq)], seq) {
				at = p
				break
			}
		}
		if at < 0 {
			continue
		}
		next := ""
		if at+len(seq) < len(l) {
			next = l[at+len(seq)]
		}
		a := byNext[next]
		if a == nil {
			a = &acc{users: map[int]bool{}}
			byNext[next] = a
		}
		a.n++
		a.users[users[i]] = true
		total++
	}
	var out []nextRow
	for next, a := range byNext {
		out = append(out, nextRow{next, a.n, len(a.users), float64(a.n) / float64(total)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].sessions != out[j].sessions {
			return out[i].sessions > out[j].sessions
		}
		if (out[i].next == "") != (out[j].next == "") {
			return out[j].next == ""
		}
		return out[i].next < out[j].next
	})
	return out
}
