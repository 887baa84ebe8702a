package pgdialect

import "strings"

// SettingChange is what a statement in DuckDB's own syntax changes among
// DuckDB's settings, for statements PostgreSQL's parser does not take
// (SET GLOBAL x = 1, PRAGMA x = 1, SET VARIABLE v = 1) and that therefore
// reach DuckDB as written. The server uses it to keep settings that every
// session shares out of its clients' hands.
type SettingChange struct {
	Name     string // the setting (or variable), unquoted
	Global   bool   // SET GLOBAL / RESET GLOBAL: the database-wide value
	Variable bool   // SET VARIABLE / RESET VARIABLE: a connection's variable
}

// DuckSettingChange reads the setting a SET, RESET or PRAGMA name = value
// statement changes; ok is false when the statement is none of those or
// its target cannot be read.
func DuckSettingChange(sql string) (SettingChange, bool) {
	var ch SettingChange
	words := leadingWords(sql, 4)
	if len(words) < 2 {
		return ch, false
	}
	switch strings.ToUpper(words[0]) {
	case "SET", "RESET":
	case "PRAGMA":
		if len(words) < 3 || words[2] != "=" {
			return ch, false
		}
		ch.Name = unquoteIdent(words[1])
		return ch, ch.Name != ""
	default:
		return ch, false
	}
	rest := words[1:]
	switch strings.ToUpper(rest[0]) {
	case "GLOBAL":
		ch.Global = true
		rest = rest[1:]
	case "SESSION", "LOCAL":
		rest = rest[1:]
	}
	if len(rest) > 0 && strings.EqualFold(rest[0], "VARIABLE") {
		ch.Variable = true
		rest = rest[1:]
	}
	if len(rest) == 0 {
		return ch, false
	}
	ch.Name = unquoteIdent(rest[0])
	return ch, ch.Name != ""
}

// leadingWords is up to n tokens from the start of sql, past comments.
func leadingWords(sql string, n int) []string {
	var words []string
	for i := skipSpace(sql, 0); i < len(sql) && len(words) < n; i = skipSpace(sql, i) {
		j := tokenEnd(sql, i)
		if j <= i {
			break
		}
		words = append(words, sql[i:j])
		i = j
	}
	return words
}

// unquoteIdent is an identifier token's name: "a""b" is a"b, a plain word
// is itself; anything else (a string, a symbol) is "".
func unquoteIdent(tok string) string {
	switch {
	case len(tok) >= 2 && tok[0] == '"' && tok[len(tok)-1] == '"':
		return strings.ReplaceAll(tok[1:len(tok)-1], `""`, `"`)
	case tok != "" && isIdentStart(tok[0]):
		return tok
	}
	return ""
}

// PragmaName is the pragma a PRAGMA statement calls ("" for another
// statement).
func PragmaName(sql string) string {
	words := leadingWords(sql, 2)
	if len(words) < 2 || !strings.EqualFold(words[0], "PRAGMA") {
		return ""
	}
	return strings.ToLower(unquoteIdent(words[1]))
}
