package server

import (
	"context"
	"database/sql"
	"errors"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/sql/pgcatalog"
)

// Server serves one engine's database to PostgreSQL clients.
type Server struct {
	eng *engine.Engine
	cfg Config

	mu        sync.Mutex
	listeners map[net.Listener]struct{}
	conns     map[uint32]*conn // by process id, for CancelRequest
	active    int              // connections past startup, for MaxConnections
	closing   bool

	nextPID   atomic.Uint32  // provisional process ids, until a session has its own
	wg        sync.WaitGroup // one per connection goroutine
	authLimit *authLimiter

	settable map[string]bool // the DuckDB settings clients may change (duckset.go)
}

// New returns a server for eng.
func New(eng *engine.Engine, cfg Config) *Server {
	s := &Server{eng: eng, cfg: cfg, listeners: map[net.Listener]struct{}{}, conns: map[uint32]*conn{},
		authLimit: newAuthLimiter(cfg.AuthFailuresPerMinute)}
	s.nextPID.Store(1 << 31)
	return s
}

// ErrServerClosed is returned by Serve after Shutdown.
var ErrServerClosed = errors.New("server closed")

// Serve accepts connections on ln until Shutdown, serving each in its own
// goroutine.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		return ErrServerClosed
	}
	s.listeners[ln] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.listeners, ln)
		s.mu.Unlock()
	}()
	var delay time.Duration
	for {
		nc, err := ln.Accept()
		if err != nil {
			if s.isClosing() {
				return ErrServerClosed
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				delay = backoff(delay)
				time.Sleep(delay)
				continue
			}
			return err
		}
		delay = 0
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.serveConn(nc)
		}()
	}
}

func backoff(d time.Duration) time.Duration {
	if d == 0 {
		return 5 * time.Millisecond
	}
	return min(2*d, time.Second)
}

func (s *Server) isClosing() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closing
}

// Shutdown stops accepting connections, lets running statements finish
// until ctx is done, then closes every connection and waits for their
// goroutines. The caller closes the engine afterwards (which checkpoints).
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	for ln := range s.listeners {
		ln.Close()
	}
	for _, c := range s.conns {
		c.shutdown(false)
	}
	s.mu.Unlock()

	done := make(chan struct{})
	go func() {
		s.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
	}
	// Grace is over: interrupt what still runs and close the sockets.
	s.mu.Lock()
	for _, c := range s.conns {
		c.shutdown(true)
	}
	s.mu.Unlock()
	<-done
	return ctx.Err()
}

// register admits a connection that finished startup, or reports that
// the server is full or closing.
func (s *Server) register(c *conn) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closing:
		return errShuttingDown
	case s.cfg.MaxConnections > 0 && s.active >= s.cfg.MaxConnections:
		return errTooManyConnections
	}
	s.active++
	s.conns[c.pid] = c
	return nil
}

// rekey files a registered connection under a new process id.
func (s *Server) rekey(c *conn, pid uint32) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conns[c.pid] == c {
		delete(s.conns, c.pid)
	}
	c.pid = pid
	s.conns[pid] = c
}

// Prepare installs the emulated PostgreSQL catalog before the first
// client arrives (it takes about a second), so that no connection waits
// for it, and the server's own functions (pg_stat_activity's sessions,
// pg_cancel_backend, pg_terminate_backend). Serve needs it done.
func (s *Server) Prepare(ctx context.Context) error {
	sess, err := s.eng.NewSession(ctx)
	if err != nil {
		return err
	}
	defer sess.Close()
	if err := sess.EnablePostgres(ctx, "martdb", s.cfg.Database); err != nil {
		return err
	}
	return sess.WithConn(ctx, func(c *sql.Conn) error {
		local, err := loadClientSettings(ctx, c)
		if err != nil {
			return err
		}
		s.settable = local
		if err := s.registerFunctions(c); err != nil {
			return err
		}
		if err := s.registerBackup(c); err != nil {
			return err
		}
		return pgcatalog.UseActivityTable(ctx, c, activityFunction)
	})
}

func (s *Server) unregister(c *conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conns[c.pid] == c {
		delete(s.conns, c.pid)
		s.active--
	}
}

// cancel handles a CancelRequest: it interrupts the statement running on
// the connection with that process id, if the secret matches.
func (s *Server) cancel(pid uint32, secret []byte) {
	s.mu.Lock()
	c := s.conns[pid]
	s.mu.Unlock()
	if c != nil && c.secretMatches(secret) {
		c.cancelRunning()
	}
}

// ActiveConnections is how many clients are connected past startup.
func (s *Server) ActiveConnections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.active
}
