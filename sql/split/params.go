package split

import "strconv"

// Param is one positional parameter ($1, $2, ...) in a statement's text.
type Param struct {
	Start, End int // byte offsets of the token, End exclusive
	N          int // the parameter's number
}

// Params lists the positional parameters of src in order of appearance,
// skipping anything inside strings, quoted identifiers, dollar-quoted
// bodies and comments.
func Params(src string) []Param {
	var out []Param
	s := &scanner{src: src}
	for !s.done() {
		start := s.pos
		s.next()
		if src[start] != '$' || s.pos-start < 2 || !isDigit(src[start+1]) {
			continue
		}
		if n, err := strconv.Atoi(src[start+1 : s.pos]); err == nil {
			out = append(out, Param{Start: start, End: s.pos, N: n})
		}
	}
	return out
}
