package auth

import (
	"github.com/jackc/pgx/v5/pgproto3"
)

// runPassword asks for the password in clear text and checks it against the
// user's verifier. An unknown user is checked against a fake verifier, so it
// costs the same PBKDF2 work as a known one.
func runPassword(x *exchange, store *Store) error {
	if err := x.be.SetAuthType(pgproto3.AuthTypeCleartextPassword); err != nil {
		return err
	}
	if err := x.send(&pgproto3.AuthenticationCleartextPassword{}); err != nil {
		return err
	}
	msg, err := x.receive()
	if err != nil {
		return err
	}
	pm, ok := msg.(*pgproto3.PasswordMessage)
	if !ok {
		return unexpectedMessage("password", msg)
	}
	if pm.Password == "" {
		return &Failure{Code: codeInvalidPassword, Message: "empty password returned by client"}
	}
	creds, known := store.lookup(x.user)
	match := passwordMatches(pm.Password, creds)
	switch {
	case !known:
		return authFailed(x.user, "user does not exist")
	case !match:
		return authFailed(x.user, "password does not match")
	}
	return x.send(&pgproto3.AuthenticationOk{})
}
