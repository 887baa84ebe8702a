package pgdialect

import (
	"strings"

	"github.com/martdb/martdb/sql/split"
	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// Translate classifies one statement and, for statements DuckDB runs,
// rewrites what DuckDB would misread. Text PostgreSQL cannot parse passes
// through unchanged as a Query. It returns an error only for statements
// it understands and martdb refuses.
func Translate(text string) (Statement, error) {
	if len(split.Split(text)) == 0 {
		return Statement{Kind: Empty, text: text}, nil
	}
	res, err := pg_query.Parse(text)
	if err != nil || len(res.GetStmts()) != 1 {
		return passThrough(text), nil
	}
	node := res.GetStmts()[0].GetStmt()
	if st, ok := classify(text, node); ok {
		st.text = text
		return st, nil
	}
	sql, edits := rewrite(text, node)
	return Statement{Kind: Query, SQL: sql, Tag: tagOf(node), edits: edits, text: text}, nil
}

// passThrough is a statement in DuckDB's dialect, run as written.
func passThrough(text string) Statement {
	return Statement{Kind: Query, SQL: text, Tag: leadingWord(text), text: text}
}

// leadingWord is the first word of text in upper case, a guess at the
// command tag of a statement PostgreSQL cannot parse.
func leadingWord(text string) string {
	for _, st := range split.Split(text) {
		f := strings.Fields(stripLeadingComments(st.Text))
		if len(f) > 0 {
			return strings.ToUpper(strings.TrimRight(f[0], "("))
		}
	}
	return ""
}

// stripLeadingComments drops -- and /* */ comments before the first word.
func stripLeadingComments(s string) string {
	for {
		s = strings.TrimSpace(s)
		switch {
		case strings.HasPrefix(s, "--"):
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				return ""
			}
			s = s[i+1:]
		case strings.HasPrefix(s, "/*"):
			i := strings.Index(s, "*/")
			if i < 0 {
				return ""
			}
			s = s[i+2:]
		default:
			return s
		}
	}
}

// tagOf is the command tag PostgreSQL gives a statement DuckDB runs.
func tagOf(n *pg_query.Node) string {
	switch x := n.GetNode().(type) {
	case *pg_query.Node_SelectStmt:
		return "SELECT"
	case *pg_query.Node_InsertStmt:
		return "INSERT"
	case *pg_query.Node_UpdateStmt:
		return "UPDATE"
	case *pg_query.Node_DeleteStmt:
		return "DELETE"
	case *pg_query.Node_CreateStmt:
		return "CREATE TABLE"
	case *pg_query.Node_CreateTableAsStmt:
		if x.CreateTableAsStmt.GetObjtype() == pg_query.ObjectType_OBJECT_MATVIEW {
			return "CREATE MATERIALIZED VIEW"
		}
		return "CREATE TABLE AS"
	case *pg_query.Node_ViewStmt:
		return "CREATE VIEW"
	case *pg_query.Node_IndexStmt:
		return "CREATE INDEX"
	case *pg_query.Node_CreateSchemaStmt:
		return "CREATE SCHEMA"
	case *pg_query.Node_CreateSeqStmt:
		return "CREATE SEQUENCE"
	case *pg_query.Node_CreateFunctionStmt:
		return "CREATE FUNCTION"
	case *pg_query.Node_AlterTableStmt:
		return "ALTER TABLE"
	case *pg_query.Node_TruncateStmt:
		return "TRUNCATE TABLE"
	case *pg_query.Node_DropStmt:
		return "DROP " + dropObject(x.DropStmt.GetRemoveType())
	case *pg_query.Node_ExplainStmt:
		return "EXPLAIN"
	case *pg_query.Node_CommentStmt:
		return "COMMENT"
	case *pg_query.Node_VacuumStmt:
		return "VACUUM"
	case *pg_query.Node_CheckPointStmt:
		return "CHECKPOINT"
	case *pg_query.Node_PrepareStmt:
		return "PREPARE"
	case *pg_query.Node_ExecuteStmt:
		return "EXECUTE"
	}
	return ""
}

func dropObject(t pg_query.ObjectType) string {
	switch t {
	case pg_query.ObjectType_OBJECT_TABLE:
		return "TABLE"
	case pg_query.ObjectType_OBJECT_VIEW:
		return "VIEW"
	case pg_query.ObjectType_OBJECT_INDEX:
		return "INDEX"
	case pg_query.ObjectType_OBJECT_SCHEMA:
		return "SCHEMA"
	case pg_query.ObjectType_OBJECT_SEQUENCE:
		return "SEQUENCE"
	case pg_query.ObjectType_OBJECT_FUNCTION:
		return "FUNCTION"
	case pg_query.ObjectType_OBJECT_MATVIEW:
		return "MATERIALIZED VIEW"
	case pg_query.ObjectType_OBJECT_TYPE:
		return "TYPE"
	}
	return "OBJECT"
}
