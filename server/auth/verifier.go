package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xdg-go/scram"
	"github.com/xdg-go/stringprep"
)

// DefaultIterations is the PBKDF2 iteration count Verifier and AddPassword
// use; it is PostgreSQL's default scram_iterations.
const DefaultIterations = 4096

// saltLen is the salt length in bytes Verifier uses, as PostgreSQL does.
const saltLen = 16

// keyLen is the length of SHA-256 keys (StoredKey, ServerKey).
const keyLen = 32

// verifierPrefix opens every verifier; the text after it is
// "<iterations>:<salt>$<StoredKey>:<ServerKey>".
const verifierPrefix = "SCRAM-SHA-256$"

// verifierShape is the expected verifier text, quoted in error messages.
const verifierShape = `"SCRAM-SHA-256$<iterations>:<salt base64>$<StoredKey base64>:<ServerKey base64>"`

// Verifier hashes password into a PostgreSQL SCRAM-SHA-256 verifier with
// DefaultIterations iterations and a random 16-byte salt, the text that
// LoadFile and AddVerifier accept. It refuses an empty password.
func Verifier(password string) (string, error) {
	if password == "" {
		return "", errors.New("auth: Verifier: empty password")
	}
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth: Verifier: reading random salt: %w", err)
	}
	v, err := verifierWithSalt(password, salt, DefaultIterations)
	if err != nil {
		return "", fmt.Errorf("auth: Verifier: %w", err)
	}
	return v, nil
}

// verifierWithSalt computes the verifier of password for a given salt and
// iteration count.
func verifierWithSalt(password string, salt []byte, iterations int) (string, error) {
	creds, err := deriveCredentials(password, scram.KeyFactors{Salt: string(salt), Iters: iterations})
	if err != nil {
		return "", err
	}
	return formatVerifier(creds), nil
}

// deriveCredentials computes StoredKey and ServerKey of password for the
// salt and iteration count in kf (RFC 5802 section 3).
func deriveCredentials(password string, kf scram.KeyFactors) (scram.StoredCredentials, error) {
	client, err := scram.SHA256.NewClientUnprepped("", normalizePassword(password), "")
	if err != nil {
		return scram.StoredCredentials{}, err
	}
	creds, err := client.GetStoredCredentialsWithError(kf)
	if err != nil {
		return scram.StoredCredentials{}, fmt.Errorf("deriving SCRAM keys: %w", err)
	}
	return creds, nil
}

// normalizePassword applies SASLprep to password as PostgreSQL does, keeping
// the password unchanged when SASLprep rejects it (invalid UTF-8, prohibited
// characters): PostgreSQL and libpq accept such passwords as raw bytes.
func normalizePassword(password string) string {
	prepared, err := stringprep.SASLprep.Prepare(password)
	if err != nil {
		return password
	}
	return prepared
}

// passwordMatches reports whether password hashes to creds, comparing keys in
// constant time. It always does the full PBKDF2 work, so checking against a
// fake verifier costs the same as checking against a real one.
func passwordMatches(password string, creds scram.StoredCredentials) bool {
	got, err := deriveCredentials(password, creds.KeyFactors)
	if err != nil {
		return false
	}
	stored := subtle.ConstantTimeCompare(got.StoredKey, creds.StoredKey)
	server := subtle.ConstantTimeCompare(got.ServerKey, creds.ServerKey)
	return stored&server == 1
}

// formatVerifier writes creds in PostgreSQL's verifier text.
func formatVerifier(creds scram.StoredCredentials) string {
	enc := base64.StdEncoding
	return verifierPrefix + strconv.Itoa(creds.Iters) + ":" + enc.EncodeToString([]byte(creds.Salt)) +
		"$" + enc.EncodeToString(creds.StoredKey) + ":" + enc.EncodeToString(creds.ServerKey)
}

// parseVerifier reads PostgreSQL's verifier text. Its errors never quote the
// text, which may be a password typed in the wrong place.
func parseVerifier(v string) (scram.StoredCredentials, error) {
	rest, ok := strings.CutPrefix(v, verifierPrefix)
	if !ok {
		return scram.StoredCredentials{}, fmt.Errorf("not a SCRAM-SHA-256 verifier (want %s; plain passwords are not accepted here)", verifierShape)
	}
	factors, keys, ok := strings.Cut(rest, "$")
	if !ok {
		return scram.StoredCredentials{}, fmt.Errorf("malformed verifier: missing \"$\" before the keys (want %s)", verifierShape)
	}
	iterText, saltText, ok := strings.Cut(factors, ":")
	if !ok {
		return scram.StoredCredentials{}, fmt.Errorf("malformed verifier: want <iterations>:<salt> after %q", verifierPrefix)
	}
	iters, err := strconv.Atoi(iterText)
	if err != nil || iters < 1 || iters > math.MaxInt32 {
		return scram.StoredCredentials{}, fmt.Errorf("malformed verifier: iteration count must be an integer from 1 to %d", math.MaxInt32)
	}
	salt, err := decodeField("salt", saltText, 0)
	if err != nil {
		return scram.StoredCredentials{}, err
	}
	storedText, serverText, ok := strings.Cut(keys, ":")
	if !ok {
		return scram.StoredCredentials{}, errors.New("malformed verifier: want <StoredKey>:<ServerKey> after the salt")
	}
	storedKey, err := decodeField("StoredKey", storedText, keyLen)
	if err != nil {
		return scram.StoredCredentials{}, err
	}
	serverKey, err := decodeField("ServerKey", serverText, keyLen)
	if err != nil {
		return scram.StoredCredentials{}, err
	}
	return scram.StoredCredentials{
		KeyFactors: scram.KeyFactors{Salt: string(salt), Iters: iters},
		StoredKey:  storedKey,
		ServerKey:  serverKey,
	}, nil
}

// decodeField decodes one base64 field of a verifier; size is the required
// decoded length, or 0 for any non-empty length.
func decodeField(name, text string, size int) ([]byte, error) {
	b, err := base64.StdEncoding.Strict().DecodeString(text)
	if err != nil {
		return nil, fmt.Errorf("malformed verifier: %s is not valid base64", name)
	}
	switch {
	case len(b) == 0:
		return nil, fmt.Errorf("malformed verifier: %s is empty", name)
	case size > 0 && len(b) != size:
		return nil, fmt.Errorf("malformed verifier: %s has %d bytes, want %d", name, len(b), size)
	}
	return b, nil
}
