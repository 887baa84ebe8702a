// Package auth is the authentication step of martdb's PostgreSQL wire
// server (martdb serve).
//
// The server reads a connection's StartupMessage, picks the user name out of
// it, and then hands the connection's *pgproto3.Backend to
// Authenticator.Authenticate. Authenticate runs one of three methods:
//
//   - trust: the user is accepted at once (AuthenticationOk).
//   - password: the client is asked for its password in clear text
//     (AuthenticationCleartextPassword). The server offers this method only
//     where clear text is safe (TLS or loopback); this package does not check.
//   - scram: SCRAM-SHA-256 (RFC 5802, RFC 7677) exactly as PostgreSQL speaks
//     it: AuthenticationSASL naming the one mechanism "SCRAM-SHA-256",
//     SASLInitialResponse, AuthenticationSASLContinue, SASLResponse,
//     AuthenticationSASLFinal, AuthenticationOk. Channel binding
//     (SCRAM-SHA-256-PLUS) is not offered. The SCRAM arithmetic is done by
//     github.com/xdg-go/scram.
//
// Users live in a Store. A Store never holds a password, only PostgreSQL's
// SCRAM verifier ("SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>",
// the same text pg_authid.rolpassword holds), so a password file written for
// LoadFile holds hashed secrets only; Verifier makes one from a password, and
// a password given on the command line is hashed by AddPassword at startup.
// The password method checks a clear-text password against the same verifier.
//
// Failures come back as *Failure, carrying the SQLSTATE and message that
// PostgreSQL would send (28P01 "password authentication failed for user
// ..." for a wrong password or an unknown user, 08P01 for protocol
// violations, 28000 for a method the server cannot run). The server turns a
// Failure into a FATAL ErrorResponse and closes the connection; this package
// never sends the ErrorResponse itself. An unknown user and a wrong password
// look the same to the client: the same message, the same SCRAM exchange (an
// unknown user gets a stable fake verifier derived from the user name and a
// secret digest of the Store), and the same time, because every Failure is
// returned only once Authenticator.FailDelay has passed since Authenticate
// began. Any other error (the client went away, the context was cancelled)
// means nothing more should be sent: the server just closes the connection.
//
// The package depends on pgproto3 and xdg-go/scram only; it knows nothing of
// the engine or of SQL.
package auth
