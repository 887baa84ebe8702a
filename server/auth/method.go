package auth

import "fmt"

// Method is an authentication method the server runs after the
// StartupMessage.
type Method string

// The methods Authenticate knows.
const (
	// MethodTrust accepts every user without asking for a password.
	MethodTrust Method = "trust"
	// MethodPassword asks for the password in clear text and checks it
	// against the user's SCRAM verifier.
	MethodPassword Method = "password"
	// MethodSCRAM runs a SCRAM-SHA-256 exchange against the user's verifier.
	MethodSCRAM Method = "scram"
)

// ParseMethod turns a method name from the command line or a configuration
// file into a Method. It accepts "trust", "password" and "scram", and also
// PostgreSQL's pg_hba.conf spelling "scram-sha-256" for scram.
func ParseMethod(s string) (Method, error) {
	switch s {
	case string(MethodTrust):
		return MethodTrust, nil
	case string(MethodPassword):
		return MethodPassword, nil
	case string(MethodSCRAM), "scram-sha-256":
		return MethodSCRAM, nil
	}
	return "", fmt.Errorf("auth: ParseMethod: unknown authentication method %q (want trust, password or scram)", s)
}
