package server

import (
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
)

// logLines parses a JSON log.
func logLines(t *testing.T, text string) []map[string]any {
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

func linesWith(lines []map[string]any, msg string) []map[string]any {
	var out []map[string]any
	for _, l := range lines {
		if l["msg"] == msg {
			out = append(out, l)
		}
	}
	return out
}

// TestLogStatements: with LogStatements each statement is logged with
// the connection, user, duration and SQLSTATE; without, none is, and
// connections are logged either way.
func TestLogStatements(t *testing.T) {
	for _, logStatements := range []bool{true, false} {
		var logs syncBuffer
		ts := startServer(t, "", func(c *Config) {
			c.Logger = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
			c.LogStatements = logStatements
		})
		c := ts.connect(t)
		pid := backendPID(t, c)
		if _, err := c.Exec(ctxT(t), "SELECT 'logged text'"); err != nil {
			t.Fatal(err)
		}
		c.Exec(ctxT(t), "SELECT * FROM no_such_table")
		c.Close(ctxT(t))
		ts.srv.Shutdown(ctxT(t))
		lines := logLines(t, logs.String())
		if n := len(linesWith(lines, "connection authorized")); n != 1 {
			t.Errorf("LogStatements=%v: %d 'connection authorized' lines:\n%s", logStatements, n, logs.String())
		}
		if n := len(linesWith(lines, "disconnection")); n != 1 {
			t.Errorf("LogStatements=%v: %d 'disconnection' lines:\n%s", logStatements, n, logs.String())
		}
		stmts := linesWith(lines, "statement")
		if !logStatements {
			if len(stmts) != 0 || strings.Contains(logs.String(), "logged text") {
				t.Errorf("statements logged without LogStatements:\n%s", logs.String())
			}
			continue
		}
		codes := map[string]string{}
		for _, l := range stmts {
			if l["pid"] != float64(pid) || l["user"] != "tester" {
				t.Errorf("statement line without the connection: %v", l)
			}
			if d, ok := l["duration_ms"].(float64); !ok || d < 0 {
				t.Errorf("statement line without a duration: %v", l)
			}
			codes[l["statement"].(string)] = l["sqlstate"].(string)
		}
		if codes["SELECT 'logged text'"] != "00000" || codes["SELECT * FROM no_such_table"] != "42P01" {
			t.Errorf("statement outcomes: %v\n%s", codes, logs.String())
		}
	}
}
