package sqltok

// Kind classifies a token.
type Kind uint8

// The kinds of tokens.
const (
	Space    Kind = iota // blanks and newlines
	Comment              // -- to the end of the line, or /* */ (nested)
	String               // '...', E'...', $tag$...$tag$
	Ident                // "quoted identifier"
	Word                 // an unquoted identifier or keyword
	Number               // 42, 1.5e3, .5, 0x1F
	Param                // $1, ?
	Operator             // a run of + - * / < > = ! | & ~ ^ % : @ #
	Punct                // ( ) [ ] { } , ; .
)

// Token is one token of the input: src[Start:End].
type Token struct {
	Kind       Kind
	Start, End int
	// Open is true for a string, quoted identifier or comment that the
	// input ends inside (a -- comment without its newline included).
	Open bool
}

// Text is the token's text in src.
func (t Token) Text(src string) string { return src[t.Start:t.End] }
