package auth

import (
	"strconv"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/xdg-go/scram"
)

// scramMechanism is the one SASL mechanism offered.
const scramMechanism = "SCRAM-SHA-256"

// runSCRAM runs a SCRAM-SHA-256 exchange. The user name inside the SCRAM
// messages is ignored, as PostgreSQL does: the StartupMessage's user is the
// one authenticated. An unknown user goes through the same exchange with a
// fake verifier and fails at the proof, like a wrong password.
func runSCRAM(x *exchange, store *Store) error {
	creds, known := store.lookup(x.user)
	server, err := scram.SHA256.NewServer(func(string) (scram.StoredCredentials, error) {
		return creds, nil
	})
	if err != nil {
		return err
	}
	conv := server.NewConversation()

	serverFirst, err := scramFirst(x, conv)
	if err != nil {
		return err
	}
	serverFinal, err := scramFinal(x, conv, serverFirst, known)
	if err != nil {
		return err
	}
	if !known || !conv.Valid() {
		// Not reachable with a fake verifier (its StoredKey has no known
		// preimage); kept so an impossible success can never let one in.
		return authFailed(x.user, "user does not exist")
	}
	return x.send(&pgproto3.AuthenticationSASLFinal{Data: []byte(serverFinal)}, &pgproto3.AuthenticationOk{})
}

// scramFirst offers the mechanism, reads the client-first-message and returns
// the server-first-message.
func scramFirst(x *exchange, conv *scram.ServerConversation) (string, error) {
	if err := x.be.SetAuthType(pgproto3.AuthTypeSASL); err != nil {
		return "", err
	}
	if err := x.send(&pgproto3.AuthenticationSASL{AuthMechanisms: []string{scramMechanism}}); err != nil {
		return "", err
	}
	msg, err := x.receive()
	if err != nil {
		return "", err
	}
	init, ok := msg.(*pgproto3.SASLInitialResponse)
	if !ok {
		return "", unexpectedMessage("SASL", msg)
	}
	if init.AuthMechanism != scramMechanism {
		return "", protocolViolation("client selected an invalid SASL authentication mechanism",
			"mechanism "+strconv.Quote(init.AuthMechanism))
	}
	serverFirst, err := conv.Step(string(init.Data))
	if err != nil {
		return "", protocolViolation("malformed SCRAM message", "client-first-message: "+err.Error())
	}
	if conv.AuthzID() != "" {
		return "", protocolViolation("malformed SCRAM message",
			"client uses authorization identity, but it is not supported")
	}
	return serverFirst, nil
}

// scramFinal sends the server-first-message, reads the client-final-message,
// checks the proof and returns the server-final-message.
func scramFinal(x *exchange, conv *scram.ServerConversation, serverFirst string, known bool) (string, error) {
	if err := x.be.SetAuthType(pgproto3.AuthTypeSASLContinue); err != nil {
		return "", err
	}
	if err := x.send(&pgproto3.AuthenticationSASLContinue{Data: []byte(serverFirst)}); err != nil {
		return "", err
	}
	msg, err := x.receive()
	if err != nil {
		return "", err
	}
	resp, ok := msg.(*pgproto3.SASLResponse)
	if !ok {
		return "", unexpectedMessage("SASL", msg)
	}
	serverFinal, err := conv.Step(string(resp.Data))
	switch {
	case err == nil:
		return serverFinal, nil
	case serverFinal == scram.ErrInvalidProof:
		if !known {
			return "", authFailed(x.user, "user does not exist")
		}
		return "", authFailed(x.user, "SCRAM proof does not match: wrong password")
	case serverFinal == scram.ErrChannelBindingsDontMatch:
		return "", protocolViolation("SCRAM channel binding check failed", err.Error())
	}
	return "", protocolViolation("malformed SCRAM message", "client-final-message: "+err.Error())
}
