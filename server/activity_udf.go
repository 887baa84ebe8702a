package server

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/engine"
)

// The functions the server adds to its engine's database: the table
// behind pg_stat_activity and PostgreSQL's functions that signal another
// session. They close over the Server, so they are registered once per
// engine (Prepare), and find the calling connection in the statement's
// context (statementContext puts it there).
const (
	activityFunction  = "martdb_sessions"
	cancelFunction    = "pg_cancel_backend"
	terminateFunction = "pg_terminate_backend"
)

// connKey is the context key of the connection running a statement.
type connKey struct{}

// callerOf is the connection whose statement runs with ctx, or nil.
func callerOf(ctx context.Context) *conn {
	c, _ := ctx.Value(connKey{}).(*conn)
	return c
}

// insufficientPrivilege is what pg_stat_activity shows, as PostgreSQL
// does, in place of a query the caller may not see.
const insufficientPrivilege = "<insufficient privilege>"

// registerFunctions adds the server's functions on conn.
func (s *Server) registerFunctions(conn *sql.Conn) error {
	if err := duckdb.RegisterTableUDF(conn, activityFunction, s.activityTable()); err != nil {
		return fmt.Errorf("registering %s: %w", activityFunction, err)
	}
	for name, terminate := range map[string]bool{cancelFunction: false, terminateFunction: true} {
		if err := duckdb.RegisterScalarUDF(conn, name, signalFunc{s: s, terminate: terminate}); err != nil {
			return fmt.Errorf("registering %s: %w", name, err)
		}
	}
	return nil
}

// activityColumns are martdb_sessions()'s columns, those of
// pg_stat_activity that the server knows.
var activityColumns = []struct {
	name string
	typ  duckdb.Type
}{
	{"pid", duckdb.TYPE_INTEGER}, {"usename", duckdb.TYPE_VARCHAR}, {"application_name", duckdb.TYPE_VARCHAR},
	{"client_addr", duckdb.TYPE_VARCHAR}, {"client_port", duckdb.TYPE_INTEGER},
	{"backend_start", duckdb.TYPE_TIMESTAMP_TZ}, {"xact_start", duckdb.TYPE_TIMESTAMP_TZ},
	{"query_start", duckdb.TYPE_TIMESTAMP_TZ}, {"state_change", duckdb.TYPE_TIMESTAMP_TZ},
	{"state", duckdb.TYPE_VARCHAR}, {"query", duckdb.TYPE_VARCHAR},
}

func (s *Server) activityTable() duckdb.RowTableFunction {
	return duckdb.RowTableFunction{
		BindArgumentsContext: func(ctx context.Context, _ map[string]any, _ ...any) (duckdb.RowTableSource, error) {
			cols := make([]duckdb.ColumnInfo, len(activityColumns))
			for i, c := range activityColumns {
				t, err := duckdb.NewTypeInfo(c.typ)
				if err != nil {
					return nil, err
				}
				cols[i] = duckdb.ColumnInfo{Name: c.name, T: t}
			}
			return &activitySource{srv: s, caller: callerOf(ctx), cols: cols}, nil
		},
	}
}

// activitySource yields one row per open session, as of Init.
type activitySource struct {
	srv    *Server
	caller *conn
	cols   []duckdb.ColumnInfo
	rows   []activityState
	next   int
}

func (a *activitySource) ColumnInfos() []duckdb.ColumnInfo     { return a.cols }
func (a *activitySource) Cardinality() *duckdb.CardinalityInfo { return nil }
func (a *activitySource) Init()                                { a.rows = a.srv.activities() }

func (a *activitySource) FillRow(row duckdb.Row) (bool, error) {
	if a.next >= len(a.rows) {
		return false, nil
	}
	r := a.rows[a.next]
	a.next++
	query := r.query
	if !a.mayWatch(r.user) {
		query = insufficientPrivilege
	}
	values := []any{int32(r.pid), r.user, r.appName, nullIfEmpty(r.clientAddr), nullIfZero(r.clientPort),
		r.backendStart, nullTime(r.xactStart), nullTime(r.queryStart), r.stateChange, r.state, query}
	for i, v := range values {
		if err := row.SetRowValue(i, v); err != nil {
			return false, err
		}
	}
	return true, nil
}

// mayWatch says whether the caller may see the statements of user's
// sessions: a read-only user sees only their own, as a PostgreSQL role
// without pg_read_all_stats does.
func (a *activitySource) mayWatch(user string) bool {
	return a.caller == nil || !a.caller.readOnlyUser || a.caller.user == user
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullIfZero(n int) any {
	if n == 0 {
		return nil
	}
	return int32(n)
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// signalFunc is pg_cancel_backend(pid) or pg_terminate_backend(pid): it
// cancels the statement running in session pid, or ends the session, and
// says whether there was such a session. A read-only user may signal only
// their own sessions (42501 otherwise, as PostgreSQL answers a role that
// is not the target's).
type signalFunc struct {
	s         *Server
	terminate bool
}

func (f signalFunc) Config() duckdb.ScalarFuncConfig {
	in, _ := duckdb.NewTypeInfo(duckdb.TYPE_BIGINT)
	out, _ := duckdb.NewTypeInfo(duckdb.TYPE_BOOLEAN)
	return duckdb.ScalarFuncConfig{InputTypeInfos: []duckdb.TypeInfo{in}, ResultTypeInfo: out, Volatile: true}
}

func (f signalFunc) Executor() duckdb.ScalarFuncExecutor {
	return duckdb.ScalarFuncExecutor{RowContextExecutor: f.signal}
}

func (f signalFunc) signal(ctx context.Context, values []driver.Value) (any, error) {
	pid, ok := values[0].(int64)
	if !ok || pid <= 0 || pid > 1<<32-1 {
		return false, nil
	}
	target := f.s.conn(uint32(pid))
	if target == nil {
		return false, nil
	}
	caller := callerOf(ctx)
	if caller == nil {
		return nil, engine.Errorf(engine.CodeInsufficientPrivilege, "%s can only be called by a client of the server", f.name())
	}
	if caller.readOnlyUser && caller.user != target.user {
		return nil, engine.Errorf(engine.CodeInsufficientPrivilege, "permission denied to %s: user %q is read-only and may signal only its own sessions", f.name(), caller.user)
	}
	if f.terminate {
		target.shutdown(true)
	} else {
		target.cancelRunning()
	}
	return true, nil
}

func (f signalFunc) name() string {
	if f.terminate {
		return terminateFunction
	}
	return cancelFunction
}
