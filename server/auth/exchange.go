package auth

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"

	"github.com/jackc/pgx/v5/pgproto3"
)

// exchange is one authentication conversation on a connection: it sends and
// receives messages, giving up when ctx is done.
type exchange struct {
	ctx  context.Context
	be   *pgproto3.Backend
	user string
}

// send queues msgs and flushes them to the client.
func (x *exchange) send(msgs ...pgproto3.BackendMessage) error {
	for _, m := range msgs {
		x.be.Send(m)
	}
	return x.await(func() error {
		if err := x.be.Flush(); err != nil {
			return fmt.Errorf("auth: sending to client: %w", err)
		}
		return nil
	})
}

// receive reads the client's next message. A connection that broke gives a
// plain error; a message that cannot be decoded gives a protocol violation
// Failure.
func (x *exchange) receive() (pgproto3.FrontendMessage, error) {
	var msg pgproto3.FrontendMessage
	err := x.await(func() error {
		m, err := x.be.Receive()
		if err != nil {
			return classifyReceiveError(err)
		}
		msg = m
		return nil
	})
	if err != nil {
		return nil, err
	}
	return msg, nil
}

// await runs op, returning early with ctx's error if ctx is done first. The
// abandoned op ends when the caller closes the connection, which a caller
// must do after Authenticate returns a non-Failure error.
func (x *exchange) await(op func() error) error {
	if x.ctx.Done() == nil {
		return op()
	}
	if err := x.ctx.Err(); err != nil {
		return x.interrupted(err)
	}
	done := make(chan error, 1)
	go func() { done <- op() }()
	select {
	case err := <-done:
		return err
	case <-x.ctx.Done():
		return x.interrupted(x.ctx.Err())
	}
}

// interrupted wraps the context's error.
func (x *exchange) interrupted(err error) error {
	return fmt.Errorf("auth: authentication of user %q interrupted: %w", x.user, err)
}

// classifyReceiveError tells a broken connection (plain error) from a
// malformed message (protocol violation).
func classifyReceiveError(err error) error {
	var netErr net.Error
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, io.ErrClosedPipe),
		errors.Is(err, net.ErrClosed),
		errors.As(err, &netErr):
		return fmt.Errorf("auth: connection lost during authentication: %w", err)
	}
	return protocolViolation("invalid message format", err.Error())
}

// unexpectedMessage is the failure for a message of the wrong type; want
// names what was expected, as in PostgreSQL's "expected password response,
// got message type 81".
func unexpectedMessage(want string, msg pgproto3.FrontendMessage) *Failure {
	got := fmt.Sprintf("%T", msg)
	if enc, err := msg.Encode(nil); err == nil && len(enc) > 0 {
		got = fmt.Sprintf("%d", enc[0])
	}
	return protocolViolation(fmt.Sprintf("expected %s response, got message type %s", want, got), fmt.Sprintf("client sent %T", msg))
}
