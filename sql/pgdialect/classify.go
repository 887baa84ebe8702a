package pgdialect

import (
	"math"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// classify recognises the statements the server answers itself.
func classify(text string, n *pg_query.Node) (Statement, bool) {
	switch x := n.GetNode().(type) {
	case *pg_query.Node_TransactionStmt:
		return transaction(x.TransactionStmt), true
	case *pg_query.Node_VariableSetStmt:
		return variableSet(x.VariableSetStmt), true
	case *pg_query.Node_VariableShowStmt:
		name := strings.ToLower(x.VariableShowStmt.GetName())
		return Statement{Kind: Show, Tag: "SHOW", Name: name, All: name == "all"}, true
	case *pg_query.Node_DiscardStmt:
		return Statement{Kind: Discard, Tag: "DISCARD " + discardTarget(x.DiscardStmt.GetTarget())}, true
	case *pg_query.Node_DeallocateStmt:
		d := x.DeallocateStmt
		return Statement{Kind: Deallocate, Tag: "DEALLOCATE", Name: d.GetName(), All: d.GetIsall() || d.GetName() == ""}, true
	case *pg_query.Node_DeclareCursorStmt:
		return declare(text, x.DeclareCursorStmt)
	case *pg_query.Node_FetchStmt:
		return fetch(x.FetchStmt), true
	case *pg_query.Node_ClosePortalStmt:
		name := x.ClosePortalStmt.GetPortalname()
		return Statement{Kind: CloseCursor, Tag: "CLOSE CURSOR", Name: name, All: name == ""}, true
	case *pg_query.Node_CopyStmt:
		return copyStatement(text, x.CopyStmt), true
	case *pg_query.Node_ListenStmt:
		return Statement{Kind: Listen, Tag: "LISTEN", Name: x.ListenStmt.GetConditionname()}, true
	case *pg_query.Node_NotifyStmt:
		return Statement{Kind: Notify, Tag: "NOTIFY", Name: x.NotifyStmt.GetConditionname()}, true
	case *pg_query.Node_UnlistenStmt:
		return Statement{Kind: Unlisten, Tag: "UNLISTEN", Name: x.UnlistenStmt.GetConditionname()}, true
	}
	return Statement{}, false
}

func transaction(t *pg_query.TransactionStmt) Statement {
	switch t.GetKind() {
	case pg_query.TransactionStmtKind_TRANS_STMT_BEGIN, pg_query.TransactionStmtKind_TRANS_STMT_START:
		st := Statement{Kind: Begin, Tag: "BEGIN"}
		transactionOptions(&st, t.GetOptions())
		if t.GetKind() == pg_query.TransactionStmtKind_TRANS_STMT_START {
			st.Tag = "START TRANSACTION"
		}
		return st
	case pg_query.TransactionStmtKind_TRANS_STMT_COMMIT:
		return Statement{Kind: Commit, Tag: "COMMIT"}
	case pg_query.TransactionStmtKind_TRANS_STMT_ROLLBACK:
		return Statement{Kind: Rollback, Tag: "ROLLBACK"}
	case pg_query.TransactionStmtKind_TRANS_STMT_SAVEPOINT:
		return Statement{Kind: Savepoint, Tag: "SAVEPOINT", Name: t.GetSavepointName()}
	case pg_query.TransactionStmtKind_TRANS_STMT_RELEASE:
		return Statement{Kind: Release, Tag: "RELEASE", Name: t.GetSavepointName()}
	case pg_query.TransactionStmtKind_TRANS_STMT_ROLLBACK_TO:
		return Statement{Kind: RollbackTo, Tag: "ROLLBACK", Name: t.GetSavepointName()}
	}
	// Two-phase commit: DuckDB has none; let DuckDB say so.
	return Statement{Kind: Query, Tag: "PREPARE TRANSACTION"}
}

// transactionOptions reads READ ONLY / READ WRITE and ISOLATION LEVEL.
func transactionOptions(st *Statement, opts []*pg_query.Node) {
	for _, o := range opts {
		d := o.GetDefElem()
		if d == nil {
			continue
		}
		switch d.GetDefname() {
		case "transaction_read_only":
			ro := constInt(d.GetArg()) != 0
			st.ReadOnly = &ro
		case "transaction_isolation":
			st.Isolation = strings.ToLower(constString(d.GetArg()))
		}
	}
}

func variableSet(v *pg_query.VariableSetStmt) Statement {
	name := strings.ToLower(v.GetName())
	switch v.GetKind() {
	case pg_query.VariableSetKind_VAR_RESET:
		return Statement{Kind: Reset, Tag: "RESET", Name: name}
	case pg_query.VariableSetKind_VAR_RESET_ALL:
		return Statement{Kind: Reset, Tag: "RESET", Name: "all", All: true}
	case pg_query.VariableSetKind_VAR_SET_MULTI:
		st := Statement{Kind: SetTransaction, Tag: "SET", Session: name == "session characteristics"}
		transactionOptions(&st, v.GetArgs())
		return st
	case pg_query.VariableSetKind_VAR_SET_DEFAULT:
		return Statement{Kind: Set, Tag: "SET", Name: name, Default: true, Local: v.GetIsLocal()}
	}
	var vals []string
	for _, a := range v.GetArgs() {
		vals = append(vals, constString(a))
	}
	return Statement{Kind: Set, Tag: "SET", Name: name, Value: strings.Join(vals, ", "), Local: v.GetIsLocal()}
}

func discardTarget(m pg_query.DiscardMode) string {
	switch m {
	case pg_query.DiscardMode_DISCARD_PLANS:
		return "PLANS"
	case pg_query.DiscardMode_DISCARD_SEQUENCES:
		return "SEQUENCES"
	case pg_query.DiscardMode_DISCARD_TEMP:
		return "TEMP"
	}
	return "ALL"
}

// cursorHold is PostgreSQL's CURSOR_OPT_HOLD bit of DeclareCursorStmt.
const cursorHold = 0x0020

// declare is DECLARE name CURSOR ... FOR query: the query is the text
// after the FOR that ends the declaration, translated like any query.
func declare(text string, d *pg_query.DeclareCursorStmt) (Statement, bool) {
	at := keywordAfter(text, 0, "cursor")
	if at >= 0 {
		at = keywordAfter(text, at, "for")
	}
	if at < 0 {
		return Statement{}, false
	}
	at = skipSpace(text, at)
	q, err := Translate(text[at:])
	if err != nil || q.Kind != Query {
		return Statement{}, false
	}
	st := Statement{Kind: DeclareCursor, Tag: "DECLARE CURSOR", Name: d.GetPortalname(), SQL: q.SQL,
		Hold: d.GetOptions()&cursorHold != 0, edits: shift(q.edits, at), base: at}
	return st, true
}

func fetch(f *pg_query.FetchStmt) Statement {
	st := Statement{Kind: Fetch, Name: f.GetPortalname(), Count: f.GetHowMany()}
	if f.GetIsmove() {
		st.Kind = Move
	}
	switch f.GetDirection() {
	case pg_query.FetchDirection_FETCH_BACKWARD:
		st.Direction = "backward"
	case pg_query.FetchDirection_FETCH_ABSOLUTE:
		st.Direction = "absolute"
	case pg_query.FetchDirection_FETCH_RELATIVE:
		st.Direction = "relative"
	default:
		st.Direction = "forward"
	}
	if st.Count == math.MaxInt64 {
		st.All, st.Count = true, 0
	}
	return st
}

// constInt reads an integer constant node (booleans count as 0/1).
func constInt(n *pg_query.Node) int64 {
	if c := n.GetAConst(); c != nil {
		if iv := c.GetIval(); iv != nil {
			return int64(iv.GetIval())
		}
		if b := c.GetBoolval(); b != nil && b.GetBoolval() {
			return 1
		}
		if s := c.GetSval(); s != nil {
			i, _ := strconv.ParseInt(s.GetSval(), 10, 64)
			return i
		}
	}
	return 0
}

// constString reads a constant as PostgreSQL shows it in SET.
func constString(n *pg_query.Node) string {
	if c := n.GetAConst(); c != nil {
		switch {
		case c.GetSval() != nil:
			return c.GetSval().GetSval()
		case c.GetIval() != nil:
			return strconv.FormatInt(int64(c.GetIval().GetIval()), 10)
		case c.GetFval() != nil:
			return c.GetFval().GetFval()
		case c.GetBoolval() != nil:
			if c.GetBoolval().GetBoolval() {
				return "on"
			}
			return "off"
		}
	}
	if s := n.GetString_(); s != nil {
		return s.GetSval()
	}
	if b := n.GetBoolean(); b != nil {
		if b.GetBoolval() {
			return "true"
		}
		return "false"
	}
	if i := n.GetInteger(); i != nil {
		return strconv.FormatInt(int64(i.GetIval()), 10)
	}
	if tc := n.GetTypeCast(); tc != nil {
		return constString(tc.GetArg())
	}
	return ""
}
