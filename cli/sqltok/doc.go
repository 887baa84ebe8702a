// Package sqltok cuts SQL text into tokens for the REPL's editor:
// highlighting (cli/highlight) colours them and completion
// (cli/complete) reads the statement around the cursor from them.
//
// Unlike sql/split, which only needs to know where statements end, it
// keeps every token's kind and position, and it never fails: text being
// typed is usually incomplete, so an unclosed string, quoted identifier or
// comment is a token that runs to the end of the input and says so
// (Token.Open). Positions are byte offsets, and concatenating the tokens
// gives back the input exactly.
//
// Keywords lists the SQL keywords the editor knows (DuckDB's, checked
// against duckdb_keywords() by the cli tests).
package sqltok
