package engine

import (
	"errors"
	"fmt"
)

// Error is the one error type martdb reports to users, in the shell and on
// the wire alike. It carries what a PostgreSQL ErrorResponse carries.
type Error struct {
	Code     string // SQLSTATE, e.g. "42P01"
	Message  string // one line, lower-case start, no trailing period
	Detail   string // optional further lines
	Hint     string // optional suggestion ("Did you mean \"orders\"?")
	Position int    // 1-based character position in the submitted text; 0 when unknown
	cause    error
}

// Error returns the message, as PostgreSQL clients show it first.
func (e *Error) Error() string { return e.Message }

// Unwrap gives the underlying driver or Go error, for errors.Is/As.
func (e *Error) Unwrap() error { return e.cause }

// Errorf builds an Error with a code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// WithHint returns a copy of e with the hint set.
func (e *Error) WithHint(hint string) *Error {
	c := *e
	c.Hint = hint
	return &c
}

// WithDetail returns a copy of e with the detail set.
func (e *Error) WithDetail(detail string) *Error {
	c := *e
	c.Detail = detail
	return &c
}

// CodeOf returns the SQLSTATE of err, "" for nil, and XX000 for an error
// that was never converted.
func CodeOf(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternalError
}
