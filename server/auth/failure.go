package auth

import "fmt"

// SQLSTATE codes of authentication failures, as PostgreSQL uses them.
const (
	codeInvalidPassword      = "28P01" // invalid_password
	codeInvalidAuthorization = "28000" // invalid_authorization_specification
	codeProtocolViolation    = "08P01" // protocol_violation
)

// Failure is an authentication failure to report to the client: the server
// sends it as a FATAL ErrorResponse with Code as the SQLSTATE and Message as
// the message, then closes the connection.
type Failure struct {
	// Code is the SQLSTATE: 28P01 for a wrong password or an unknown user,
	// 08P01 for a protocol violation, 28000 for a method the server cannot run.
	Code string
	// Message is the message PostgreSQL would send in the same case.
	Message string
	// LogDetail says what actually went wrong (for example that the user does
	// not exist). It is for the server log only: sending it to the client
	// would tell unknown users from wrong passwords.
	LogDetail string
}

// Error describes the failure for logs.
func (f *Failure) Error() string {
	if f.LogDetail == "" {
		return fmt.Sprintf("auth: %s (SQLSTATE %s)", f.Message, f.Code)
	}
	return fmt.Sprintf("auth: %s (SQLSTATE %s): %s", f.Message, f.Code, f.LogDetail)
}

// authFailed is the failure for a wrong password or an unknown user; both
// carry the same Code and Message.
func authFailed(user, logDetail string) *Failure {
	return &Failure{
		Code:      codeInvalidPassword,
		Message:   fmt.Sprintf("password authentication failed for user %q", user),
		LogDetail: logDetail,
	}
}

// protocolViolation is the failure for a client that broke the protocol.
func protocolViolation(message, logDetail string) *Failure {
	return &Failure{Code: codeProtocolViolation, Message: message, LogDetail: logDetail}
}
