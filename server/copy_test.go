package server

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestCopyRoundTrip sends awkward values out with COPY TO STDOUT and
// back in with COPY FROM STDIN, in text and CSV formats, and checks the
// table is unchanged: NULL and the empty string stay apart, and tabs,
// newlines, quotes, backslashes and delimiters survive.
func TestCopyRoundTrip(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	pc := c.PgConn()
	ctx := ctxT(t)
	setup := `CREATE TABLE src (i INTEGER, s VARCHAR, d DATE, n DECIMAL(8,2));
		INSERT INTO src VALUES (1, 'plain', DATE '2025-01-02', 1.50), (2, NULL, NULL, NULL), (3, '', DATE '2024-02-29', -0.25),
			(4, E'tab\there, new\nline', DATE '2025-01-01', 0), (5, 'quote " and \\ backslash; semi', DATE '2025-01-01', 3),
			(6, '\N', DATE '2025-01-01', 4)`
	if _, err := pc.Exec(ctx, setup).ReadAll(); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"", "WITH (FORMAT csv)", "WITH (FORMAT csv, HEADER, DELIMITER ';')", "WITH (FORMAT text, HEADER)"} {
		var out bytes.Buffer
		tag, err := pc.CopyTo(ctx, &out, "COPY src TO STDOUT "+format)
		if err != nil {
			t.Fatalf("%s: copy out: %v", format, err)
		}
		if tag.String() != "COPY 6" {
			t.Errorf("%s: copy out tag %q", format, tag)
		}
		if _, err := pc.Exec(ctx, "DROP TABLE IF EXISTS dst; CREATE TABLE dst AS SELECT * FROM src LIMIT 0").ReadAll(); err != nil {
			t.Fatal(err)
		}
		tag, err = pc.CopyFrom(ctx, strings.NewReader(out.String()), "COPY dst FROM STDIN "+format)
		if err != nil {
			t.Fatalf("%s: copy in: %v\n%s", format, err, out.String())
		}
		if tag.String() != "COPY 6" {
			t.Errorf("%s: copy in tag %q", format, tag)
		}
		var diff int
		err = c.QueryRow(ctx, `SELECT count(*) FROM (SELECT * FROM src EXCEPT SELECT * FROM dst UNION ALL SELECT * FROM dst EXCEPT SELECT * FROM src)`).Scan(&diff)
		if err != nil || diff != 0 {
			t.Errorf("%s: %d rows differ after the round trip (%v)\n%s", format, diff, err, out.String())
		}
	}
	// Text format output is PostgreSQL's: \N for NULL, escapes.
	var out bytes.Buffer
	if _, err := pc.CopyTo(ctx, &out, "COPY (SELECT s FROM src WHERE i IN (2, 4) ORDER BY i) TO STDOUT"); err != nil {
		t.Fatal(err)
	}
	if want := "\\N\ntab\\there, new\\nline\n"; out.String() != want {
		t.Errorf("text format: %q, want %q", out.String(), want)
	}
}

// TestCopyErrors covers a client that gives up, a bad row, and COPY of a
// server file: each fails cleanly, loads nothing, and the connection
// goes on.
func TestCopyErrors(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	pc := c.PgConn()
	ctx := ctxT(t)
	pc.Exec(ctx, "CREATE TABLE t (i INTEGER)").ReadAll()
	if _, err := pc.CopyFrom(ctx, strings.NewReader("1\n2\nnot a number\n"), "COPY t FROM STDIN"); pgCode(err) != "22P02" {
		t.Errorf("bad row: %v", err)
	}
	if _, err := pc.CopyFrom(ctx, strings.NewReader("1\n"), "COPY t FROM '/etc/passwd'"); pgCode(err) != "0A000" {
		t.Errorf("server file: %v", err)
	}
	// The client's reader fails mid-stream: pgconn sends CopyFail.
	if _, err := pc.CopyFrom(ctx, io.MultiReader(strings.NewReader("1\n"), iotest.ErrReader(errors.New("disk on fire"))), "COPY t FROM STDIN"); err == nil {
		t.Error("a failed client stream loaded without error")
	}
	var n int
	if err := c.QueryRow(ctx, "SELECT count(*) FROM t").Scan(&n); err != nil || n != 0 {
		t.Errorf("rows after failed loads: %d, %v", n, err)
	}
}
