package meta

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
)

// TestParse runs testdata/parse: each line of the input is parsed and
// shown as its canonical name, plus flag and arguments, or its error.
func TestParse(t *testing.T) {
	datadriven.RunTest(t, "testdata/parse", func(t *testing.T, d *datadriven.TestData) string {
		var out strings.Builder
		for _, line := range strings.Split(d.Input, "\n") {
			switch d.Cmd {
			case "ismeta":
				fmt.Fprintf(&out, "%q: %v\n", line, IsMeta(line))
			case "parse":
				cmd, err := Parse(line)
				if err != nil {
					fmt.Fprintf(&out, "%s\n  error: %v\n", line, err)
					continue
				}
				fmt.Fprintf(&out, "%s\n  %s plus=%v args=%q\n", line, cmd.Name, cmd.Plus, cmd.Args)
			default:
				t.Fatalf("unknown command %q", d.Cmd)
			}
		}
		return out.String()
	})
}

// TestEveryNameParses checks that each spelling of each command parses
// to that command when given the arguments it requires.
func TestEveryNameParses(t *testing.T) {
	for _, spec := range Commands {
		var args []string
		for _, a := range spec.Args {
			if a.Optional {
				break
			}
			arg := "x"
			if a.Kind == ArgChoice {
				arg = a.Choices[0]
			}
			args = append(args, arg)
		}
		for _, n := range spec.Names {
			line := strings.Join(append([]string{n}, args...), " ")
			cmd, err := Parse(line)
			if err != nil || cmd.Name != spec.Name {
				t.Errorf("Parse(%q) = %+v, %v; want %s", line, cmd, err, spec.Name)
			}
			if !IsMeta(line) {
				t.Errorf("IsMeta(%q) = false", line)
			}
		}
	}
}

func TestHelpListsEveryCommand(t *testing.T) {
	h := Help()
	for _, spec := range Commands {
		for _, n := range spec.Names {
			if !strings.Contains(h, n) {
				t.Errorf("help does not mention %s", n)
			}
		}
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "abc", 0}, {".tabels", ".tables", 1}, {"abc", "", 3}, {`\dff`, `\df`, 1}, {"kitten", "sitting", 3}} {
		if got := distance(c.a, c.b); got != c.want {
			t.Errorf("distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
