package server

import (
	"net"
	"sync"
	"time"
)

// authWindow is the span over which failed authentications from one
// address are counted.
const authWindow = time.Minute

// maxTrackedAddrs bounds the limiter's memory: past it, the addresses
// whose last failure is oldest are forgotten first.
const maxTrackedAddrs = 10000

// authLimiter refuses new connections from an address that failed to
// authenticate too often in the last authWindow, so that passwords cannot
// be guessed at the speed of the network. Only failures count: a busy
// client that authenticates is never slowed down.
type authLimiter struct {
	max int // failures allowed per window; 0 turns the limiter off
	now func() time.Time

	mu       sync.Mutex
	failures map[string][]time.Time // per address, oldest first, within the window
}

func newAuthLimiter(max int) *authLimiter {
	return &authLimiter{max: max, now: time.Now, failures: map[string][]time.Time{}}
}

// blocked reports whether addr has used up its failures, and when the
// oldest of them leaves the window.
func (l *authLimiter) blocked(addr string) (bool, time.Duration) {
	if l.max <= 0 {
		return false, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	f := l.prune(addr, now)
	if len(f) < l.max {
		return false, 0
	}
	return true, f[0].Add(authWindow).Sub(now)
}

// failed records a failed authentication from addr.
func (l *authLimiter) failed(addr string) {
	if l.max <= 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	f := l.prune(addr, now)
	if len(f) == 0 && len(l.failures) >= maxTrackedAddrs {
		l.forgetOldest()
	}
	l.failures[addr] = append(f, now)
}

// prune drops addr's failures older than the window and returns the rest.
func (l *authLimiter) prune(addr string, now time.Time) []time.Time {
	f := l.failures[addr]
	i := 0
	for i < len(f) && now.Sub(f[i]) >= authWindow {
		i++
	}
	f = f[i:]
	if len(f) == 0 {
		delete(l.failures, addr)
		return nil
	}
	l.failures[addr] = f
	return f
}

// forgetOldest drops the address whose newest failure is oldest.
func (l *authLimiter) forgetOldest() {
	var oldest string
	var at time.Time
	for a, f := range l.failures {
		if last := f[len(f)-1]; oldest == "" || last.Before(at) {
			oldest, at = a, last
		}
	}
	delete(l.failures, oldest)
}

// remoteHost is the IP address of a connection's peer, without the port:
// the unit the limiter counts in.
func remoteHost(nc net.Conn) string {
	addr := nc.RemoteAddr()
	if addr == nil {
		return ""
	}
	host, _, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	return host
}
