package server

import (
	"crypto/tls"
	"time"
)

// What the server logs, with log/slog's structured attributes:
//
//   - connection authorized (Info): pid, user, addr, application, tls;
//   - disconnection (Info): pid, user, the session's duration;
//   - authentication failed (Warn): addr, user, sqlstate, and what went
//     wrong (auth.Failure's log detail, e.g. that the user does not
//     exist, which the client is never told);
//   - statement (Info, only with Config.LogStatements): pid, user,
//     duration, sqlstate ("00000" on success) and the statement's text;
//   - a panic in a connection (Error), with its stack.
//
// Passwords never reach a log line: authentication logs only outcomes.

// logStatement logs one statement when the server logs statements.
func (c *conn) logStatement(sql string, d time.Duration, err error) {
	if !c.srv.cfg.LogStatements {
		return
	}
	c.srv.cfg.logger().Info("statement", "pid", c.pid, "user", c.user,
		"duration_ms", float64(d.Microseconds())/1000, "sqlstate", sqlstateOf(err), "statement", sql)
}

// logAuthorized logs a session that is open.
func (c *conn) logAuthorized(app string) {
	c.srv.cfg.logger().Info("connection authorized", "pid", c.pid, "user", c.user,
		"addr", remoteHost(c.nc), "application", app, "tls", c.isTLS())
}

// logDisconnection logs the end of an open session.
func (c *conn) logDisconnection() {
	st, _ := c.act.snapshot()
	c.srv.cfg.logger().Info("disconnection", "pid", c.pid, "user", c.user,
		"session_seconds", time.Since(st.backendStart).Seconds())
}

// logAuthFailure logs a failed authentication.
func (c *conn) logAuthFailure(host, user string, err error) {
	c.srv.cfg.logger().Warn("authentication failed", "addr", host, "user", user,
		"sqlstate", sqlstateOf(err), "reason", err.Error())
}

// sqlstateOf is the SQLSTATE an error is reported with, "00000" for none.
func sqlstateOf(err error) string {
	if err == nil {
		return "00000"
	}
	return errorResponse(err, "ERROR").Code
}

// isTLS reports whether the connection switched to TLS.
func (c *conn) isTLS() bool {
	_, ok := c.nc.(*tls.Conn)
	return ok
}
