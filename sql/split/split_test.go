package split

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
)

// TestDataDriven runs the files in testdata (not its subdirectories, which
// hold the fuzz corpus). Commands:
//
//	split [crlf] [escaped]   print each statement of the input
//	complete [crlf] [escaped] print Complete(input)
//
// Both take the input as written, without the final newline datadriven
// strips. With crlf every "\n" becomes "\r\n"; with escaped the input's
// backslash escapes (\n \r \t \v \f \\ \xHH) are decoded first, for bytes a
// test file cannot hold literally. Each statement prints as
//
//	<offset> terminated <text>
//	<offset> unterminated open=<open> <text>
//
// with open and text Go-quoted, or "(none)" when there is none.
func TestDataDriven(t *testing.T) {
	files, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		if fi, err := os.Stat(path); err != nil || fi.IsDir() {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			datadriven.RunTest(t, path, runCommand)
		})
	}
}

func runCommand(t *testing.T, d *datadriven.TestData) string {
	src := d.Input
	if d.HasArg("escaped") {
		var err error
		if src, err = unescape(src); err != nil {
			d.Fatalf(t, "%v", err)
		}
	}
	if d.HasArg("crlf") {
		src = strings.ReplaceAll(src, "\n", "\r\n")
	}
	switch d.Cmd {
	case "split":
		stmts := Split(src)
		if want := refSplit(src); !slices.Equal(stmts, want) {
			t.Errorf("the reference splitter disagrees:\n%s", formatStatements(t, src, want))
		}
		return formatStatements(t, src, stmts)
	case "complete":
		return fmt.Sprintln(Complete(src))
	default:
		d.Fatalf(t, "unknown command %q", d.Cmd)
		return ""
	}
}

// formatStatements prints stmts, checking on the way that each Text is
// where its Offset says.
func formatStatements(t *testing.T, src string, stmts []Statement) string {
	if len(stmts) == 0 {
		return "(none)\n"
	}
	var b strings.Builder
	for _, st := range stmts {
		if st.Offset < 0 || st.Offset+len(st.Text) > len(src) || src[st.Offset:st.Offset+len(st.Text)] != st.Text {
			t.Errorf("statement %q is not at offset %d of the input", st.Text, st.Offset)
		}
		if st.Terminated {
			fmt.Fprintf(&b, "%d terminated %q\n", st.Offset, st.Text)
		} else {
			fmt.Fprintf(&b, "%d unterminated open=%q %q\n", st.Offset, st.Open, st.Text)
		}
	}
	return b.String()
}

// unescape decodes the backslash escapes \n \r \t \v \f \\ and \xHH.
func unescape(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 >= len(s) {
			return "", fmt.Errorf("lone backslash at end of input")
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case 'f':
			b.WriteByte('\f')
		case '\\':
			b.WriteByte('\\')
		case 'x':
			if i+2 >= len(s) {
				return "", fmt.Errorf("short \\x escape at %d", i)
			}
			v, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
			if err != nil {
				return "", fmt.Errorf("bad \\x escape at %d: %v", i, err)
			}
			b.WriteByte(byte(v))
			i += 2
		default:
			return "", fmt.Errorf("unknown escape \\%c at %d", s[i], i)
		}
	}
	return b.String(), nil
}
