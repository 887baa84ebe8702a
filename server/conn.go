package server

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"io"
	"net"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/martdb/martdb/engine"
)

// Transaction status, as ReadyForQuery reports it.
const (
	txIdle   = 'I' // not in a transaction block
	txActive = 'T' // in a transaction block
	txFailed = 'E' // in a failed transaction block
)

// conn is one client connection: its protocol state machine, its engine
// session and its prepared statements and portals. One goroutine runs it;
// only cancelRunning and shutdown are called from others.
type conn struct {
	srv    *Server
	nc     net.Conn
	be     *pgproto3.Backend
	pid    uint32
	secret []byte

	act          *activity // what pg_stat_activity shows of the connection
	sess         *engine.Session
	user         string
	readOnlyUser bool // the user may not write (Config.ReadOnlyUsers)
	settings     *settings

	tx         byte
	implicit   bool // the open transaction was begun by the server for an extended-protocol batch
	readOnlyTx bool
	// duckReadOnly: DuckDB's open transaction is a read-only one, which
	// refuses every write itself (see readonly.go).
	duckReadOnly bool
	savepoints   []savepoint
	statements   int // statements run in the open transaction block

	stmts       map[string]*statement
	portals     map[string]*portal
	cursors     map[string]*cursor
	skipToSync  bool
	unflushed   int // bytes sent since the last flush
	terminating atomic.Bool

	runMu   sync.Mutex
	running context.CancelFunc // cancels the statement in progress, if any
	// busy: a request is in hand (a message was read and its
	// ReadyForQuery is not sent yet). A CancelRequest that arrives then,
	// before its statement started, sets cancelPending, and the
	// statement fails at once when it starts (a loaded server may read
	// the cancel before it runs the query it was meant for).
	busy, cancelPending bool
}

// serveConn runs a connection from its first byte to its close.
func (s *Server) serveConn(nc net.Conn) {
	c := &conn{srv: s, nc: nc, be: pgproto3.NewBackend(nc, nc), pid: s.nextPID.Add(1), tx: txIdle, act: newActivity(nc),
		stmts: map[string]*statement{}, portals: map[string]*portal{}, cursors: map[string]*cursor{}}
	defer nc.Close()
	defer c.recoverPanic()
	c.be.SetMaxBodyLen(maxMessageLen)
	c.secret = make([]byte, 4)
	rand.Read(c.secret)
	startup, err := c.startup()
	if err != nil || startup == nil {
		if err != nil {
			c.fatal(err)
		}
		return
	}
	if err := s.register(c); err != nil {
		c.fatal(err)
		return
	}
	defer s.unregister(c)
	if err := c.open(startup); err != nil {
		c.fatal(err)
		return
	}
	defer c.close()
	if c.readyForQuery() != nil {
		return
	}
	c.loop()
}

// recoverPanic keeps a panic in one connection from taking the server
// down: it is logged, the client gets an internal error, and only that
// connection closes.
func (c *conn) recoverPanic() {
	r := recover()
	if r == nil {
		return
	}
	c.srv.cfg.logger().Error("connection panicked", "pid", c.pid, "panic", r, "stack", string(debug.Stack()))
	c.fatal(engine.Errorf("XX000", "internal error: %v", r))
}

// maxMessageLen bounds one message from a client (PostgreSQL's limit is
// 1 GB for a field; a statement or a COPY chunk larger than this is not
// something martdb accepts).
const maxMessageLen = 256 << 20

// fatal sends a FATAL error and flushes; the caller closes.
func (c *conn) fatal(err error) {
	c.be.Send(errorResponse(err, "FATAL"))
	c.be.Flush()
}

// loop reads and handles messages until the client leaves or the server
// shuts the connection down.
func (c *conn) loop() {
	ready := true // the client has its ReadyForQuery: a point to stop at
	for {
		if ready && c.terminating.Load() {
			c.fatal(errShuttingDown)
			return
		}
		c.setIdleDeadline()
		msg, err := c.be.Receive()
		c.nc.SetReadDeadline(time.Time{})
		if err != nil {
			c.receiveFailed(err)
			return
		}
		c.setBusy()
		switch msg.(type) {
		case *pgproto3.Terminate:
			return
		case *pgproto3.Query, *pgproto3.Sync:
			ready = true
		default:
			ready = false
		}
		if err := c.handle(msg); err != nil {
			return // the connection is broken; nothing more can be said
		}
	}
}

// setIdleDeadline applies the idle timeout while no transaction is open.
func (c *conn) setIdleDeadline() {
	if d := c.srv.cfg.IdleTimeout; d > 0 && c.tx == txIdle && !c.terminating.Load() {
		c.nc.SetReadDeadline(time.Now().Add(d))
	}
}

// receiveFailed reports why reading failed, when the client can still
// hear it: an idle timeout, or a malformed message.
func (c *conn) receiveFailed(err error) {
	var ne net.Error
	switch {
	case c.terminating.Load():
		c.fatal(errShuttingDown)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed):
	case errors.As(err, &ne) && ne.Timeout():
		c.fatal(engine.Errorf(codeIdleTimeout, "terminating connection due to idle-session timeout"))
	default:
		c.fatal(engine.Errorf(codeProtocolViolation, "invalid message from client: %v", err))
	}
}

// handle dispatches one message. It returns an error only when the
// connection can no longer be used.
func (c *conn) handle(msg pgproto3.FrontendMessage) error {
	if c.skipToSync {
		if _, ok := msg.(*pgproto3.Sync); !ok {
			return nil
		}
	}
	switch m := msg.(type) {
	case *pgproto3.Query:
		c.simpleQuery(m.String)
		return c.readyForQuery()
	case *pgproto3.Parse:
		c.extended(c.parse(m))
	case *pgproto3.Bind:
		c.extended(c.bind(m))
	case *pgproto3.Describe:
		c.extended(c.describe(m))
	case *pgproto3.Execute:
		c.extended(c.execute(m))
	case *pgproto3.Close:
		c.extended(c.closeTarget(m))
	case *pgproto3.Sync:
		c.sync()
		return c.readyForQuery()
	case *pgproto3.Flush:
		return c.flush()
	case *pgproto3.CopyData, *pgproto3.CopyDone, *pgproto3.CopyFail:
		// Stray COPY messages outside COPY are ignored, as PostgreSQL does.
	default:
		c.be.Send(errorResponse(engine.Errorf(codeProtocolViolation, "unsupported message type %T", msg), "ERROR"))
		return c.flush()
	}
	return c.flushIfLarge()
}

// extended records an error of an extended-protocol message: it is sent,
// and messages are skipped until Sync.
func (c *conn) extended(err error) {
	if err == nil {
		return
	}
	c.sendError(err)
	c.skipToSync = true
}

// sendError sends an ERROR and fails an open transaction block.
func (c *conn) sendError(err error) {
	c.be.Send(errorResponse(c.refineReadOnly(err), "ERROR"))
	if c.tx == txActive {
		c.tx = txFailed
	}
}

func (c *conn) readyForQuery() error {
	c.setIdle()
	c.act.finished(c.tx, false)
	c.be.Send(&pgproto3.ReadyForQuery{TxStatus: c.tx})
	return c.flush()
}

func (c *conn) flush() error {
	c.unflushed = 0
	return c.be.Flush()
}

// flushIfLarge writes out buffered messages once they pass a few dozen
// kilobytes, so a large result never piles up in memory.
func (c *conn) flushIfLarge() error {
	if c.unflushed < flushBytes {
		return nil
	}
	return c.flush()
}

const flushBytes = 64 << 10

// secretMatches compares a CancelRequest's secret in constant time.
func (c *conn) secretMatches(secret []byte) bool {
	return subtle.ConstantTimeCompare(secret, c.secret) == 1
}

// statementContext is the context of one statement: cancelRunning (a
// CancelRequest) cancels it, and so does the client hanging up while it
// runs (nobody is left to read the answer). It records sql as the
// connection's running statement (pg_stat_activity); the returned
// function ends the statement with its outcome, which is logged when
// logged is set and the server logs statements.
func (c *conn) statementContext(sql string, logged bool) (context.Context, func(error)) {
	c.act.started(sql, c.tx != txIdle || c.implicit)
	start := time.Now()
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), connKey{}, c))
	c.runMu.Lock()
	c.running = cancel
	if c.cancelPending {
		c.cancelPending = false
		cancel()
	}
	c.runMu.Unlock()
	stopWatch := c.watchPeer()
	return ctx, func(err error) {
		stopWatch()
		c.runMu.Lock()
		c.running = nil
		c.runMu.Unlock()
		cancel()
		if logged {
			c.logStatement(sql, time.Since(start), err)
		}
	}
}

// peerPoll is how often a running statement checks that its client is
// still there.
const peerPoll = 200 * time.Millisecond

// watchPeer cancels the running statement when the client closes its
// connection; the returned function stops watching.
func (c *conn) watchPeer() func() {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(peerPoll)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if peerClosed(c.nc) {
					c.cancelRunning()
					return
				}
			}
		}
	}()
	return func() { close(done) }
}

// cancelRunning interrupts the running statement, if any, or the next
// one the request in hand starts (see busy).
func (c *conn) cancelRunning() {
	c.runMu.Lock()
	defer c.runMu.Unlock()
	switch {
	case c.running != nil:
		c.running()
		c.sess.Cancel()
	case c.busy:
		c.cancelPending = true
	}
}

// setBusy records that a request is in hand (a message was read).
func (c *conn) setBusy() {
	c.runMu.Lock()
	c.busy = true
	c.runMu.Unlock()
}

// setIdle records that the request is done (ReadyForQuery goes out): a
// pending cancel does not outlive it.
func (c *conn) setIdle() {
	c.runMu.Lock()
	c.busy, c.cancelPending = false, false
	c.runMu.Unlock()
}

// shutdown asks the connection to end: at once (interrupting what runs
// and closing the socket) or when it is next idle.
func (c *conn) shutdown(now bool) {
	c.terminating.Store(true)
	if now {
		c.cancelRunning()
		c.nc.Close()
		return
	}
	// Wake a connection blocked reading while idle.
	c.nc.SetReadDeadline(time.Now())
}

// dropAll closes every portal, prepared statement and cursor.
func (c *conn) dropAll() {
	for name := range c.portals {
		c.dropPortal(name)
	}
	for name := range c.stmts {
		c.dropStatement(name)
	}
	for name := range c.cursors {
		c.dropCursor(name)
	}
}

// close releases the session and everything prepared on it.
func (c *conn) close() {
	c.dropAll()
	if c.sess != nil {
		c.sess.Close()
	}
	c.logDisconnection()
}

// bg is the context of the server's own bookkeeping statements (BEGIN,
// COMMIT, SET), which are quick and not cancellable by clients.
func bg() context.Context { return context.Background() }
