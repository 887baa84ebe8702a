package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// DefaultFailDelay is the time every failed authentication takes when
// Authenticator.FailDelay is zero.
const DefaultFailDelay = time.Second

// Authenticator runs the authentication step of a connection. It holds no
// per-connection state, so one Authenticator serves every connection at once.
type Authenticator struct {
	// Method is the method every connection goes through.
	Method Method
	// Store holds the users for MethodPassword and MethodSCRAM; nil is an
	// empty Store. MethodTrust does not look at it.
	Store *Store
	// FailDelay is how long after the start of Authenticate a Failure is
	// returned, whatever failed, so that failures cannot be told apart by
	// timing. Zero means DefaultFailDelay; a negative value means no delay
	// (for tests only).
	FailDelay time.Duration
}

// Authenticate runs the exchange of a.Method for user over be, right after
// the StartupMessage. It sends the authentication requests, receives the
// client's answers and flushes as it goes.
//
// On success it has sent (and flushed) AuthenticationOk and returns nil; the
// server goes on with ParameterStatus, BackendKeyData and ReadyForQuery.
//
// On failure it returns a *Failure once a.FailDelay has passed since it was
// called; the server sends it to the client as a FATAL ErrorResponse and
// closes the connection. A wrong password and an unknown user give the same
// Failure Code and Message.
//
// Any other error means the exchange could not finish: the client closed the
// connection, the connection broke, or ctx was cancelled (Authenticate then
// returns at once, with an error wrapping ctx.Err()). The server should send
// nothing more and close the connection, which also ends a read that
// Authenticate abandoned on cancellation; until then be must not be used for
// reading.
func (a *Authenticator) Authenticate(ctx context.Context, be *pgproto3.Backend, user string) error {
	start := time.Now()
	x := &exchange{ctx: ctx, be: be, user: user}
	err := a.run(x)
	var f *Failure
	if !errors.As(err, &f) {
		return err
	}
	if werr := waitUntil(ctx, start.Add(a.failDelay())); werr != nil {
		return x.interrupted(werr)
	}
	return f
}

// run dispatches on the method.
func (a *Authenticator) run(x *exchange) error {
	switch a.Method {
	case MethodTrust:
		return x.send(&pgproto3.AuthenticationOk{})
	case MethodPassword:
		return runPassword(x, a.Store)
	case MethodSCRAM:
		return runSCRAM(x, a.Store)
	}
	return &Failure{
		Code:      codeInvalidAuthorization,
		Message:   fmt.Sprintf("authentication method %q not supported", a.Method),
		LogDetail: "Authenticator.Method is not one of trust, password, scram",
	}
}

// failDelay resolves the FailDelay field.
func (a *Authenticator) failDelay() time.Duration {
	switch {
	case a.FailDelay == 0:
		return DefaultFailDelay
	case a.FailDelay < 0:
		return 0
	}
	return a.FailDelay
}

// waitUntil sleeps until deadline or until ctx is done.
func waitUntil(ctx context.Context, deadline time.Time) error {
	d := time.Until(deadline)
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
