// Package complete proposes what may come at the cursor of the REPL's
// input: the candidates Tab shows, each with a short display and a
// description beside it.
//
// Complete is a pure function of the text, the cursor, a Schema (the
// tables, their columns and the functions, which the REPL reads from the
// database and martdb's function catalog) and a FileLister. It reads the
// statement around the cursor with cli/sqltok and decides from the tokens
// before the cursor what fits there:
//
//   - at the start of a statement, the statement keywords;
//   - after FROM, JOIN, INTO, UPDATE, TABLE or DESCRIBE, tables, views and
//     table functions (martdb's reports first);
//   - after "alias.", the columns of the table the alias names;
//   - in an expression, the columns of the statement's tables (even when
//     the FROM clause comes after the cursor), functions with their
//     signature and one-line description, and keywords;
//   - inside a call to a function with named options, the option names
//     ("mode := ") and, inside the quotes after one, the values it
//     accepts, also in a comma-separated list ("strict_order,strict_once");
//     inside a table function's call, the columns of its source table;
//   - inside a string after FROM or in read_csv('...') and the like, file
//     paths.
//
// A line that starts with a dot or a backslash is a meta-command
// (cli/meta): its name, then its arguments by kind (files, tables,
// function names, choices).
//
// Candidates keep the case the user types in: keywords come in lower case
// when the statement's first word is lower case. Names that need quoting
// are quoted.
package complete
