package server

import (
	"net"
	"sort"
	"strconv"
	"sync"
	"time"
)

// The states pg_stat_activity reports, as PostgreSQL names them.
const (
	stateActive       = "active"
	stateIdle         = "idle"
	stateIdleInTx     = "idle in transaction"
	stateIdleInFailed = "idle in transaction (aborted)"
)

// activityState is what pg_stat_activity shows of one connection.
type activityState struct {
	pid          uint32
	user         string
	appName      string
	backendStart time.Time
	clientAddr   string
	clientPort   int
	state        string
	query        string // the last statement, running or done
	queryStart   time.Time
	stateChange  time.Time
	xactStart    time.Time // zero outside a transaction
}

// activity is a connection's activityState, written by the connection's
// goroutine and read by the activity table function from other sessions'
// queries, hence the lock. It is visible once the session is open.
type activity struct {
	mu    sync.Mutex
	open  bool
	state activityState
}

func newActivity(nc net.Conn) *activity {
	now := time.Now()
	a := &activity{state: activityState{backendStart: now, state: stateIdle, stateChange: now}}
	if addr := nc.RemoteAddr(); addr != nil {
		if host, port, err := net.SplitHostPort(addr.String()); err == nil {
			a.state.clientAddr = host
			a.state.clientPort, _ = strconv.Atoi(port)
		}
	}
	return a
}

// opened records who the session is, once it is open.
func (a *activity) opened(pid uint32, user, appName string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.open = true
	a.state.pid, a.state.user, a.state.appName = pid, user, appName
}

// setApp records a new application_name.
func (a *activity) setApp(name string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.state.appName = name
}

// started records that sql began running.
func (a *activity) started(sql string, inTx bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	now := time.Now()
	s := &a.state
	s.state, s.query, s.queryStart, s.stateChange = stateActive, sql, now, now
	if inTx && s.xactStart.IsZero() {
		s.xactStart = now
	}
}

// finished records that the running statement ended, and the
// transaction the connection is left in.
func (a *activity) finished(tx byte, implicit bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	s := &a.state
	s.stateChange = time.Now()
	switch {
	case tx == txFailed:
		s.state = stateIdleInFailed
	case tx == txActive || implicit:
		s.state = stateIdleInTx
	default:
		s.state = stateIdle
		s.xactStart = time.Time{}
	}
}

// snapshot copies the state, and whether the session is open.
func (a *activity) snapshot() (activityState, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.state, a.open
}

// activities lists the open sessions' activity, by process id.
func (s *Server) activities() []activityState {
	s.mu.Lock()
	acts := make([]*activity, 0, len(s.conns))
	for _, c := range s.conns {
		acts = append(acts, c.act)
	}
	s.mu.Unlock()
	rows := make([]activityState, 0, len(acts))
	for _, a := range acts {
		if st, open := a.snapshot(); open {
			rows = append(rows, st)
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].pid < rows[j].pid })
	return rows
}

// conn returns the open connection with process id pid.
func (s *Server) conn(pid uint32) *conn {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.conns[pid]
	if c == nil {
		return nil
	}
	if _, open := c.act.snapshot(); !open {
		return nil
	}
	return c
}
