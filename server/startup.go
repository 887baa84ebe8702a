package server

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/martdb/martdb/engine"
)

// startupTimeout bounds the whole startup, authentication and session
// setup included, so a client that connects and says nothing cannot hold
// a goroutine. (A variable so that tests can shorten it.)
var startupTimeout = 30 * time.Second

// codeConnectionFailure (connection_failure) is the SQLSTATE of a startup
// that ran out of time. PostgreSQL says 57014 ("canceling authentication
// due to timeout"), which clients cannot tell from a cancelled query;
// class 08 is what drivers and poolers treat as a failed connection
// attempt, worth retrying.
const codeConnectionFailure = "08006"

// startupTimedOut is the FATAL error of a connection whose
// authentication or session setup did not finish within startupTimeout.
func startupTimedOut() *engine.Error {
	return engine.Errorf(codeConnectionFailure, "timeout expired during startup").
		WithDetail(fmt.Sprintf("Authentication and session setup did not finish within %s.", startupTimeout)).
		WithHint("The server may be busy setting up many connections at once; try again.")
}

// startupFailure is how open reports err, a failure of the startup
// bounded by ctx: when ctx's deadline passed or the connection's I/O
// deadline did, it is a startup timeout, whatever step noticed it first
// (the engine would call it 57014, a cancelled statement); other errors
// keep their codes.
func startupFailure(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	var ne net.Error
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return startupTimedOut()
	}
	return err
}

// startup reads the startup packet, answering SSL and GSSAPI encryption
// requests and serving a CancelRequest (which returns nil, nil: the
// connection ends without a word, as in PostgreSQL).
func (c *conn) startup() (*pgproto3.StartupMessage, error) {
	c.nc.SetDeadline(time.Now().Add(startupTimeout))
	defer c.nc.SetDeadline(time.Time{})
	tlsDone := false
	for {
		msg, err := c.be.ReceiveStartupMessage()
		if err != nil {
			return nil, nil // garbage or a hang-up before startup: just close
		}
		switch m := msg.(type) {
		case *pgproto3.SSLRequest:
			if err := c.answerSSL(tlsDone); err != nil {
				return nil, nil
			}
			tlsDone = tlsDone || c.srv.cfg.TLS != nil
		case *pgproto3.GSSEncRequest:
			if _, err := c.nc.Write([]byte{'N'}); err != nil {
				return nil, nil
			}
		case *pgproto3.CancelRequest:
			c.srv.cancel(m.ProcessID, m.SecretKey)
			return nil, nil
		case *pgproto3.StartupMessage:
			if m.ProtocolVersion != pgproto3.ProtocolVersion30 {
				// Offer 3.0, the version martdb speaks.
				c.be.Send(&pgproto3.NegotiateProtocolVersion{NewestMinorProtocol: 0})
			}
			return m, nil
		}
	}
}

// answerSSL answers an SSLRequest: 'S' and a TLS handshake when TLS is
// configured (once), else 'N'.
func (c *conn) answerSSL(already bool) error {
	cfg := c.srv.cfg.TLS
	if cfg == nil || already {
		_, err := c.nc.Write([]byte{'N'})
		return err
	}
	if _, err := c.nc.Write([]byte{'S'}); err != nil {
		return err
	}
	tc := tls.Server(c.nc, cfg)
	if err := tc.Handshake(); err != nil {
		return err
	}
	c.nc = tc
	c.be = pgproto3.NewBackend(tc, tc)
	c.be.SetMaxBodyLen(maxMessageLen)
	return nil
}

// open checks the startup parameters, then sets the connection up (see
// setup) within startupTimeout.
func (c *conn) open(m *pgproto3.StartupMessage) error {
	user := m.Parameters["user"]
	if user == "" {
		return engine.Errorf(codeInvalidAuthSpec, "no PostgreSQL user name specified in startup packet")
	}
	db := m.Parameters["database"]
	if db == "" {
		db = user
	}
	if db != c.srv.cfg.Database {
		return engine.Errorf(codeInvalidCatalogName, "database %q does not exist", db).
			WithHint("This server serves one database, " + quoteName(c.srv.cfg.Database) + ".")
	}
	c.user = user
	c.readOnlyUser = c.srv.cfg.ReadOnlyUsers[user]
	if err := c.checkTransport(); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), startupTimeout)
	defer cancel()
	c.nc.SetDeadline(time.Now().Add(startupTimeout))
	defer c.nc.SetDeadline(time.Time{})
	return startupFailure(ctx, c.setup(ctx, user, m))
}

// setup authenticates the user, opens the engine session and sends what a
// client expects before its first query, all within ctx.
func (c *conn) setup(ctx context.Context, user string, m *pgproto3.StartupMessage) error {
	if err := c.authenticate(ctx, user); err != nil {
		return err
	}
	sess, err := c.srv.eng.NewSession(ctx)
	if err != nil {
		return err
	}
	c.sess = sess
	if err := sess.EnablePostgres(ctx, user, c.srv.cfg.Database); err != nil {
		return err
	}
	// pg_backend_pid() is DuckDB's connection id: BackendKeyData says the
	// same, and CancelRequest finds the connection by it.
	pid, err := sess.ConnectionID(ctx)
	if err != nil {
		return err
	}
	c.srv.rekey(c, pid)
	sess.SetTimeout(c.srv.cfg.StatementTimeout)
	c.settings = newSettings(c)
	for name, value := range m.Parameters {
		if name == "user" || name == "database" || name == "replication" || name == "options" {
			continue
		}
		// Startup settings PostgreSQL would reject are ignored rather
		// than fatal: drivers send what their newest server knows.
		c.settings.set(ctx, name, value, false)
	}
	app, _ := c.settings.get("application_name")
	c.act.opened(c.pid, user, app.value)
	c.logAuthorized(app.value)
	for _, p := range c.settings.reportAll() {
		c.be.Send(p)
	}
	c.be.Send(&pgproto3.BackendKeyData{ProcessID: c.pid, SecretKey: c.secret})
	return nil
}

// checkTransport refuses a plaintext connection when TLS is required.
func (c *conn) checkTransport() error {
	if !c.srv.cfg.TLSRequired {
		return nil
	}
	if c.isTLS() {
		return nil
	}
	return engine.Errorf(codeInvalidAuthSpec, "this server accepts only TLS connections").
		WithHint("Connect with sslmode=require (or verify-full).")
}

// authenticate runs the authentication exchange, unless the peer's
// address failed too often lately; a failure counts against the address.
func (c *conn) authenticate(ctx context.Context, user string) error {
	host := remoteHost(c.nc)
	if blocked, wait := c.srv.authLimit.blocked(host); blocked {
		c.srv.cfg.logger().Warn("connection refused: too many failed authentications", "addr", host, "user", user)
		return engine.Errorf(codeInvalidAuthSpec, "too many failed authentication attempts from this address").
			WithHint(fmt.Sprintf("Try again in %d seconds.", int(wait.Seconds()+0.999)))
	}
	if err := c.srv.cfg.Auth.Authenticate(ctx, c.be, user); err != nil {
		c.srv.authLimit.failed(host)
		c.logAuthFailure(host, user, err)
		return err
	}
	return nil
}

// quoteName double-quotes a name for a message.
func quoteName(s string) string { return `"` + s + `"` }
