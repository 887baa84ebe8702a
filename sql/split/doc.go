// Package split divides SQL text into statements without parsing it.
//
// martdb's engine uses it to run a multi-statement string one statement at
// a time: each [Statement] carries its byte Offset in the original text, so
// an error position DuckDB reports inside one statement maps back to the
// script the user wrote. The interactive REPL uses it to decide when the
// user has finished typing ([Complete]) and, through [Statement.Open], which
// continuation prompt to show while a string, quoted identifier, dollar
// quote, comment or parenthesis is still open.
//
// The package is a pure function of text: a single linear pass over the
// bytes, no dependencies beyond the standard library, and no panics on any
// input, including invalid UTF-8.
//
// # Lexical rules
//
// A ';' ends a statement only at top level: outside every quoted construct
// and comment, and outside parentheses. The rules are those of PostgreSQL's
// psql scanner, which DuckDB's scanner (a fork of PostgreSQL's) shares:
//
//   - '...' is a string; two quotes in a row inside it stand for one.
//     Backslash is an ordinary character (standard_conforming_strings is
//     on). B'...', X'...', N'...' and U&'...' are strings of the same form.
//   - E'...' (or e'...') is an escape string: a backslash escapes the next
//     byte, so E'it\'s; x' is one string. As in PostgreSQL, an escape
//     string continued by a quote after whitespace that contains a newline
//     ('a'<newline>'b') keeps its backslash rule in the continuation.
//   - "..." is a quoted identifier; two double quotes in a row inside it
//     stand for one. U&"..." is one too.
//   - $$...$$ and $tag$...$tag$ are dollar-quoted strings; a tag is letters,
//     digits and underscores (and any non-ASCII byte) not starting with a
//     digit, and the string ends at the first copy of its opening
//     delimiter. $1 is a positional parameter, not a quote. A '$' inside an
//     identifier (a$b$) does not open a dollar quote, because identifiers
//     may contain '$'; after a number (1$$) it does, as in both scanners.
//   - -- starts a comment that runs to the end of the line (\n or \r).
//   - /* ... */ is a comment, and such comments nest:
//     /* a /* b */ c */ is one comment.
//   - ( and ) are counted; a ';' inside parentheses does not end the
//     statement. A stray ')' never makes the count negative.
//
// Whitespace is what the SQL scanner treats as whitespace: space, tab,
// newline, carriage return and form feed. Everything else, including any
// non-ASCII byte, is statement text.
package split
