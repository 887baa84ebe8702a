package server

import (
	"fmt"
	"testing"
	"time"
)

func TestAuthLimiterCountsFailuresPerAddress(t *testing.T) {
	l := newAuthLimiter(3)
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	l.now = func() time.Time { return now }
	for i := 0; i < 3; i++ {
		if b, _ := l.blocked("10.0.0.1"); b {
			t.Fatalf("blocked after %d failures, limit 3", i)
		}
		l.failed("10.0.0.1")
		now = now.Add(10 * time.Second)
	}
	b, wait := l.blocked("10.0.0.1")
	if !b {
		t.Fatal("not blocked after 3 failures")
	}
	// The first failure was 30 s ago: it leaves the window in 30 s.
	if wait != 30*time.Second {
		t.Errorf("wait %v, want 30s", wait)
	}
	if b, _ := l.blocked("10.0.0.2"); b {
		t.Error("another address is blocked too")
	}
	now = now.Add(30 * time.Second)
	if b, _ := l.blocked("10.0.0.1"); b {
		t.Error("still blocked once the oldest failure left the window")
	}
}

func TestAuthLimiterOffAndBounded(t *testing.T) {
	off := newAuthLimiter(0)
	for i := 0; i < 100; i++ {
		off.failed("a")
	}
	if b, _ := off.blocked("a"); b {
		t.Error("a limiter with max 0 blocked")
	}
	l := newAuthLimiter(1)
	for i := 0; i < maxTrackedAddrs+50; i++ {
		l.failed(fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255))
	}
	if n := len(l.failures); n > maxTrackedAddrs {
		t.Errorf("tracking %d addresses, at most %d", n, maxTrackedAddrs)
	}
}
