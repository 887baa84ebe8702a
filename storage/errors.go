package storage

import (
	"errors"
	"fmt"
)

// The kinds of user error storage reports; test them with errors.Is. The
// engine maps them to SQLSTATEs (58P01 and 22023).
var (
	ErrNotFound = errors.New("not found")
	ErrInvalid  = errors.New("invalid input")
)

// inputError is a user error with a full message and a kind.
type inputError struct {
	msg  string
	kind error
}

func (e *inputError) Error() string        { return e.msg }
func (e *inputError) Is(target error) bool { return target == e.kind }

func notFoundf(format string, args ...any) error {
	return &inputError{msg: fmt.Sprintf(format, args...), kind: ErrNotFound}
}

func invalidf(format string, args ...any) error {
	return &inputError{msg: fmt.Sprintf(format, args...), kind: ErrInvalid}
}
