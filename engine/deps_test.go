package engine

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencyDirection fails when a package imports against martdb's
// one-way direction: cli, server -> engine -> sql, storage. cli and server
// never reach each other; engine never reaches a front end; sql and storage
// never reach engine or a front end; nothing in the core reaches the
// benchmarks. The martdb binary's main package (cli/martdb) is the one
// place that composes both front ends, and is checked as its own area.
func TestDependencyDirection(t *testing.T) {
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Deps \" \"}}", "github.com/martdb/martdb/...")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	forbidden := map[string][]string{
		"cli":     {"server"},
		"server":  {"cli"},
		"engine":  {"cli", "server", "benchmarks"},
		"sql":     {"engine", "cli", "server", "benchmarks"},
		"storage": {"engine", "cli", "server", "benchmarks", "sql"},
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		from := area(fields[0])
		for _, dep := range fields[1:] {
			to := area(dep)
			for _, bad := range forbidden[from] {
				if to == bad {
					t.Errorf("%s imports %s (%s must not depend on %s)", fields[0], dep, from, bad)
				}
			}
		}
		checked++
	}
	if checked < 5 {
		t.Fatalf("only %d packages listed; the check saw too little", checked)
	}
}

// area is the top-level directory of a martdb package, or "" for anything
// outside the module.
func area(pkg string) string {
	const mod = "github.com/martdb/martdb/"
	if !strings.HasPrefix(pkg, mod) {
		return ""
	}
	rest := strings.TrimPrefix(pkg, mod)
	if rest == "cli/martdb" {
		return "main"
	}
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		return rest[:i]
	}
	return rest
}
