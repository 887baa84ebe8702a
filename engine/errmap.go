package engine

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// duckError is DuckDB's structured error, as it reports errors with the
// connection setting errors_as_json = true.
type duckError struct {
	Type       string `json:"exception_type"`
	Message    string `json:"exception_message"`
	Subtype    string `json:"error_subtype"`
	Position   string `json:"position"`
	Candidates string `json:"candidates"`
	EntryType  string `json:"type"`
	Name       string `json:"name"`
}

// codeKey selects a row of codeTable: DuckDB's exception type, refined by
// its error subtype and, for catalog errors, the kind of entry.
type codeKey struct{ exception, subtype, entry string }

// codeTable is the one place where DuckDB's error types become SQLSTATEs.
// Lookups try the most specific key first: (exception, subtype, entry),
// then (exception, subtype, ""), then (exception, "", "").
var codeTable = map[codeKey]string{
	{"Parser", "", ""}:                                   CodeSyntaxError,
	{"Syntax", "", ""}:                                   CodeSyntaxError,
	{"Catalog", "", ""}:                                  CodeUndefinedObject,
	{"Catalog", "MISSING_ENTRY", "Table"}:                CodeUndefinedTable,
	{"Catalog", "MISSING_ENTRY", "View"}:                 CodeUndefinedTable,
	{"Catalog", "MISSING_ENTRY", "Table or View"}:        CodeUndefinedTable,
	{"Catalog", "MISSING_ENTRY", "Scalar Function"}:      CodeUndefinedFunction,
	{"Catalog", "MISSING_ENTRY", "Aggregate Function"}:   CodeUndefinedFunction,
	{"Catalog", "MISSING_ENTRY", "Table Function"}:       CodeUndefinedFunction,
	{"Catalog", "MISSING_ENTRY", "Macro Function"}:       CodeUndefinedFunction,
	{"Catalog", "MISSING_ENTRY", "Table Macro Function"}: CodeUndefinedFunction,
	{"Catalog", "MISSING_ENTRY", "Schema"}:               CodeInvalidSchemaName,
	{"Catalog", "ENTRY_ALREADY_EXISTS", ""}:              CodeDuplicateObject,
	{"Catalog", "ENTRY_ALREADY_EXISTS", "Table"}:         CodeDuplicateTable,
	{"Binder", "", ""}:                                   CodeSyntaxOrAccess,
	{"Binder", "COLUMN_NOT_FOUND", ""}:                   CodeUndefinedColumn,
	{"Binder", "NO_MATCHING_FUNCTION", ""}:               CodeUndefinedFunction,
	{"Conversion", "", ""}:                               CodeInvalidTextRepr,
	{"Out of Range", "", ""}:                             CodeNumericOutOfRange,
	{"Decimal", "", ""}:                                  CodeNumericOutOfRange,
	{"Divide by Zero", "", ""}:                           CodeDivisionByZero,
	{"Mismatch Type", "", ""}:                            CodeDatatypeMismatch,
	{"Invalid type", "", ""}:                             CodeDatatypeMismatch,
	{"Invalid Input", "", ""}:                            CodeInvalidParameter,
	{"Constraint", "", ""}:                               CodeIntegrityViolation,
	{"TransactionContext", "", ""}:                       CodeSerializationFailure,
	{"Transaction", "", ""}:                              CodeSerializationFailure,
	{"INTERRUPT", "", ""}:                                CodeQueryCanceled,
	{"Interrupt", "", ""}:                                CodeQueryCanceled,
	{"IO", "", ""}:                                       CodeIOError,
	{"Out of Memory", "", ""}:                            CodeOutOfMemory,
	{"Permission", "", ""}:                               CodeInsufficientPrivilege,
	{"Not implemented", "", ""}:                          CodeFeatureNotSupported,
	{"Dependency", "", ""}:                               CodeDependentObjects,
	{"Sequence", "", ""}:                                 CodeSequenceLimit,
	{"Settings", "", ""}:                                 CodeInvalidParameter,
	{"Invalid Configuration", "", ""}:                    CodeInvalidParameter,
	{"Parameter Not Resolved", "", ""}:                   CodeSyntaxOrAccess,
	{"Parameter Not Allowed", "", ""}:                    CodeSyntaxOrAccess,
	{"Connection", "", ""}:                               CodeConnectionException,
	{"Object Size", "", ""}:                              CodeProgramLimitExceeded,
	{"Missing Extension", "", ""}:                        CodeFeatureNotSupported,
	{"Extension Autoloading", "", ""}:                    CodeFeatureNotSupported,
	{"HTTP", "", ""}:                                     CodeIOError,
	{"Network", "", ""}:                                  CodeIOError,
	{"FATAL", "", ""}:                                    CodeInternalError,
	{"INTERNAL", "", ""}:                                 CodeInternalError,
	{"Serialization", "", ""}:                            CodeInternalError,
}

// sqlstateFor looks a DuckDB error up in codeTable.
func sqlstateFor(d duckError) string {
	for _, k := range []codeKey{
		{d.Type, d.Subtype, d.EntryType},
		{d.Type, d.Subtype, ""},
		{d.Type, "", ""},
	} {
		if code, ok := codeTable[k]; ok {
			return code
		}
	}
	return CodeInternalError
}

// convertError turns any error from running a statement into an *Error.
// stmt is the statement text DuckDB saw and offset its byte offset in the
// text the user submitted, so that positions point into the user's text.
// ctx is the statement's context: when it is done, the error is a
// cancellation whatever DuckDB said.
func convertError(ctx context.Context, err error, src string, offset int) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	if ce := cancellation(ctx, err); ce != nil {
		return ce
	}
	var de *duckdb.Error
	if errors.As(err, &de) {
		return fromDuckDB(de, src, offset)
	}
	return &Error{Code: CodeInternalError, Message: err.Error(), cause: err}
}

// cancellation reports a cancelled or timed-out statement as 57014, with
// PostgreSQL's messages.
func cancellation(ctx context.Context, err error) *Error {
	cause := context.Cause(ctx)
	switch {
	case errors.Is(cause, errStatementTimeout), errors.Is(err, errStatementTimeout):
		return &Error{Code: CodeQueryCanceled, Message: "canceling statement due to statement timeout", cause: err}
	case ctx.Err() != nil, errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return &Error{Code: CodeQueryCanceled, Message: "canceling statement due to user request", cause: err}
	}
	return nil
}

// fromDuckDB converts a DuckDB error. With errors_as_json on, its message
// holds a JSON object (sometimes behind a "<Type> Error: " prefix); errors
// raised before the setting took effect are plain text and keep the type
// duckdb-go parsed.
func fromDuckDB(de *duckdb.Error, src string, offset int) *Error {
	var d duckError
	raw := de.Msg
	if i := strings.IndexByte(raw, '{'); i >= 0 && json.Unmarshal([]byte(raw[i:]), &d) == nil && d.Type != "" {
		return structuredError(d, de, src, offset)
	}
	return &Error{Code: plainCode(de.Type), Message: firstLine(raw), Detail: restLines(raw), cause: de}
}

func structuredError(d duckError, de *duckdb.Error, src string, offset int) *Error {
	e := &Error{
		Code:    sqlstateFor(d),
		Message: lowerFirst(firstLine(d.Message)),
		cause:   de,
	}
	rest := restLines(d.Message)
	if d.Candidates != "" && d.Subtype == "MISSING_ENTRY" {
		e.Hint = "Did you mean " + strconv.Quote(firstCandidate(d.Candidates)) + "?"
		rest = ""
	}
	e.Detail = rest
	if p, err := strconv.Atoi(d.Position); err == nil && p >= 0 {
		e.Position = charPosition(src, offset+p)
	}
	return e
}

// plainCode maps the error types duckdb-go parsed from a plain-text message.
var plainCodes = map[duckdb.ErrorType]string{
	duckdb.ErrorTypeParser:       CodeSyntaxError,
	duckdb.ErrorTypeSyntax:       CodeSyntaxError,
	duckdb.ErrorTypeCatalog:      CodeUndefinedObject,
	duckdb.ErrorTypeBinder:       CodeSyntaxOrAccess,
	duckdb.ErrorTypeConversion:   CodeInvalidTextRepr,
	duckdb.ErrorTypeInterrupt:    CodeQueryCanceled,
	duckdb.ErrorTypeIO:           CodeIOError,
	duckdb.ErrorTypeTransaction:  CodeSerializationFailure,
	duckdb.ErrorTypeConstraint:   CodeIntegrityViolation,
	duckdb.ErrorTypeInvalidInput: CodeInvalidParameter,
	duckdb.ErrorTypePermission:   CodeInsufficientPrivilege,
	duckdb.ErrorTypeOutOfMemory:  CodeOutOfMemory,
}

func plainCode(t duckdb.ErrorType) string {
	if c, ok := plainCodes[t]; ok {
		return c
	}
	return CodeInternalError
}

// charPosition converts a byte offset into src into PostgreSQL's 1-based
// character position.
func charPosition(src string, byteOffset int) int {
	if byteOffset > len(src) {
		byteOffset = len(src)
	}
	return utf8.RuneCountInString(src[:byteOffset]) + 1
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func restLines(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimSpace(s[i+1:])
	}
	return ""
}

func firstCandidate(s string) string {
	if i := strings.IndexByte(s, ','); i >= 0 {
		return s[:i]
	}
	return s
}

// lowerFirst follows PostgreSQL's style for primary messages ("table ...
// does not exist"), leaving identifiers and acronyms alone.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r < 'A' || r > 'Z' {
		return s
	}
	if n < len(s) {
		next, _ := utf8.DecodeRuneInString(s[n:])
		if next >= 'A' && next <= 'Z' {
			return s
		}
	}
	return string(r+'a'-'A') + s[n:]
}

// refineReadOnly reports a write refused by a read-only database as 25006.
// DuckDB raises these as plain Invalid Input errors with no subtype, so the
// engine decides from what it knows: the database is read-only and the
// statement is of a kind that writes.
func refineReadOnly(e *Error, readOnly bool, kind Kind) *Error {
	if e == nil || !readOnly || e.Code != CodeInvalidParameter || !kind.writes() {
		return e
	}
	c := *e
	c.Code = CodeReadOnlyTransaction
	c.Hint = "The database was opened read-only."
	return &c
}
