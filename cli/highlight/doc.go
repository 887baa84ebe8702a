// Package highlight colours SQL as the analyst types it: keywords,
// strings, numbers, comments and function names.
//
// Spans classifies the text (from cli/sqltok's tokens, plus a callback
// that says which words are functions, so that the package needs no
// database), and Render wraps each span in the theme's ANSI escape codes.
// Both are pure functions of the text; the REPL's editor calls them on
// every key. Render never changes the visible text: removing its escape
// codes gives back the input (a fuzz test holds it to that).
package highlight
