package library

import (
	"strings"
)

// The markers around the generated function reference in README.md.
const (
	ReferenceBegin = "<!-- functions: generated from the catalog by `go test ./sql/library -update`; do not edit -->"
	ReferenceEnd   = "<!-- /functions -->"
)

// Reference renders the function reference of README.md from the catalog:
// one Markdown table row per function.
func Reference() string {
	var b strings.Builder
	b.WriteString("| function | kind | what it does |\n|---|---|---|\n")
	for _, f := range Functions() {
		b.WriteString("| `" + escapeCell(f.Signature) + "` | " + string(f.Kind) + " | " + escapeCell(f.Description) + " |\n")
	}
	return b.String()
}

func escapeCell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

// ReplaceReference returns doc with the text between the reference markers
// replaced by Reference(), and whether the markers were found.
func ReplaceReference(doc string) (string, bool) {
	i := strings.Index(doc, ReferenceBegin)
	j := strings.Index(doc, ReferenceEnd)
	if i < 0 || j < i {
		return doc, false
	}
	return doc[:i+len(ReferenceBegin)] + "\n" + Reference() + doc[j:], true
}
