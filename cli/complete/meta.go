package complete

import (
	"strings"

	"github.com/martdb/martdb/cli/meta"
)

// completeMeta completes a meta-command line; line is the text from the
// start of the line to the cursor, which is at lineStart+len(line).
func completeMeta(line string, lineStart int, s Schema, files FileLister) ([]Candidate, int) {
	lead := len(line) - len(strings.TrimLeft(line, " \t"))
	words := strings.Fields(line)
	endsInBlank := strings.HasSuffix(line, " ") || strings.HasSuffix(line, "\t")
	b := &builder{s: s}
	if len(words) == 1 && !endsInBlank {
		b.prefix = words[0]
		for i := range meta.Commands {
			spec := &meta.Commands[i]
			for _, n := range spec.Names {
				if strings.HasPrefix(n, b.prefix) {
					b.add(Candidate{Text: n, Display: spec.Usage(), Description: spec.Help, Kind: "command"})
				}
			}
		}
		return b.out, lineStart + lead
	}
	spec, ok := meta.Lookup(strings.TrimSuffix(words[0], "+"))
	if !ok {
		return nil, lineStart + len(line)
	}
	arg := len(words) - 1
	if !endsInBlank {
		arg--
		b.prefix = words[len(words)-1]
	}
	if len(spec.Args) == 0 {
		return nil, lineStart + len(line)
	}
	a := spec.Args[min(arg, len(spec.Args)-1)]
	if arg >= len(spec.Args) && !a.Rest {
		return nil, lineStart + len(line)
	}
	b.argument(a, files)
	return b.out, lineStart + len(line) - len(b.prefix)
}

// argument adds the candidates for one meta-command argument.
func (b *builder) argument(a meta.Arg, files FileLister) {
	switch a.Kind {
	case meta.ArgFile:
		if files != nil {
			for _, p := range files(b.prefix) {
				b.add(Candidate{Text: p, Display: p, Kind: "file"})
			}
		}
	case meta.ArgTable, meta.ArgQuery:
		for _, t := range b.s.Tables() {
			if b.matches(t) {
				text := t
				if strings.ContainsAny(t, " \t'\"") {
					text = `"` + t + `"` // as meta.Parse reads it back
				}
				b.add(Candidate{Text: text, Display: t, Description: "table", Kind: "table"})
			}
		}
	case meta.ArgFunction:
		b.functions(func(f *Function) bool { return !f.Builtin })
		for i := range b.out {
			b.out[i].Text = strings.TrimSuffix(b.out[i].Text, "(")
		}
	case meta.ArgChoice:
		b.choices(a.Choices, nil)
	}
}
