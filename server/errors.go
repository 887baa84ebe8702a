package server

import (
	"errors"
	"strconv"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/server/auth"
)

// SQLSTATE codes the server raises itself (the engine maps DuckDB's).
const (
	codeProtocolViolation   = "08P01"
	codeTooManyConnections  = "53300"
	codeAdminShutdown       = "57P01"
	codeInvalidCatalogName  = "3D000"
	codeInvalidAuthSpec     = "28000"
	codeInFailedTransaction = "25P02"
	codeNoActiveTransaction = "25P01"
	codeActiveTransaction   = "25001"
	codeInvalidCursorName   = "34000"
	codeUndefinedPstmt      = "26000"
	codeDuplicatePstmt      = "42P05"
	codeDuplicateCursor     = "42P03"
	codeUndefinedObject     = "42704"
	codeFeatureNotSupported = "0A000"
	codeInvalidParameter    = "22023"
	codeCantChangeRuntime   = "55P02"
	codeIdleTimeout         = "57P05"
)

var (
	errTooManyConnections = engine.Errorf(codeTooManyConnections, "sorry, too many clients already")
	errShuttingDown       = engine.Errorf(codeAdminShutdown, "terminating connection due to administrator command")
	errInFailedTxn        = engine.Errorf(codeInFailedTransaction, "current transaction is aborted, commands ignored until end of transaction block")
)

// errorResponse turns any error into the ErrorResponse PostgreSQL would
// send: an *engine.Error keeps its SQLSTATE, detail, hint and position;
// an authentication failure its code; anything else is an internal
// error (XX000).
func errorResponse(err error, severity string) *pgproto3.ErrorResponse {
	r := &pgproto3.ErrorResponse{Severity: severity, SeverityUnlocalized: severity, Code: "XX000", Message: err.Error()}
	var ee *engine.Error
	var af *auth.Failure
	switch {
	case errors.As(err, &ee):
		r.Code, r.Message, r.Detail, r.Hint = ee.Code, ee.Message, ee.Detail, ee.Hint
		r.Position = int32(ee.Position)
	case errors.As(err, &af):
		r.Code, r.Message = af.Code, af.Message
	}
	if r.Code == "" {
		r.Code = "XX000"
	}
	return r
}

// notice is a NoticeResponse of the given severity (WARNING, NOTICE).
func notice(severity, code, message string) *pgproto3.NoticeResponse {
	return &pgproto3.NoticeResponse{Severity: severity, SeverityUnlocalized: severity, Code: code, Message: message}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
