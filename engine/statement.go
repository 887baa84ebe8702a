package engine

import (
	"strconv"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// Kind is what sort of statement ran, as DuckDB classifies it.
type Kind string

// The statement kinds martdb distinguishes.
const (
	KindSelect      Kind = "SELECT"
	KindInsert      Kind = "INSERT"
	KindUpdate      Kind = "UPDATE"
	KindDelete      Kind = "DELETE"
	KindCreate      Kind = "CREATE"
	KindDrop        Kind = "DROP"
	KindAlter       Kind = "ALTER"
	KindTransaction Kind = "TRANSACTION"
	KindCopy        Kind = "COPY"
	KindSet         Kind = "SET"
	KindExplain     Kind = "EXPLAIN"
	KindPragma      Kind = "PRAGMA"
	KindOther       Kind = "OTHER"
)

var kinds = map[duckdb.StmtType]Kind{
	duckdb.STATEMENT_TYPE_SELECT:       KindSelect,
	duckdb.STATEMENT_TYPE_INSERT:       KindInsert,
	duckdb.STATEMENT_TYPE_UPDATE:       KindUpdate,
	duckdb.STATEMENT_TYPE_DELETE:       KindDelete,
	duckdb.STATEMENT_TYPE_CREATE:       KindCreate,
	duckdb.STATEMENT_TYPE_CREATE_FUNC:  KindCreate,
	duckdb.STATEMENT_TYPE_DROP:         KindDrop,
	duckdb.STATEMENT_TYPE_ALTER:        KindAlter,
	duckdb.STATEMENT_TYPE_TRANSACTION:  KindTransaction,
	duckdb.STATEMENT_TYPE_COPY:         KindCopy,
	duckdb.STATEMENT_TYPE_SET:          KindSet,
	duckdb.STATEMENT_TYPE_VARIABLE_SET: KindSet,
	duckdb.STATEMENT_TYPE_EXPLAIN:      KindExplain,
	duckdb.STATEMENT_TYPE_PRAGMA:       KindPragma,
}

func kindOf(t duckdb.StmtType) Kind {
	if k, ok := kinds[t]; ok {
		return k
	}
	return KindOther
}

// countsRows reports whether DuckDB answers statements of this kind with a
// single "Count" column (rows changed) rather than a result set.
func (k Kind) countsRows() bool {
	switch k {
	case KindInsert, KindUpdate, KindDelete, KindCopy:
		return true
	}
	return false
}

// tag is PostgreSQL's command tag for a statement of this kind that changed
// n rows.
func (k Kind) tag(n int64) string {
	c := strconv.FormatInt(n, 10)
	switch k {
	case KindInsert:
		return "INSERT 0 " + c
	case KindUpdate, KindDelete, KindCopy:
		return string(k) + " " + c
	}
	return string(k)
}

// returnsResultSet reports whether statements of this kind answer with rows
// worth showing; DDL, SET and transaction control answer with nothing.
func (k Kind) returnsResultSet() bool {
	switch k {
	case KindCreate, KindDrop, KindAlter, KindTransaction, KindSet:
		return false
	}
	return true
}

// writes reports whether statements of this kind change the database.
func (k Kind) writes() bool {
	switch k {
	case KindInsert, KindUpdate, KindDelete, KindCreate, KindDrop, KindAlter, KindCopy:
		return true
	}
	return false
}
