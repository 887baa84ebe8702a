package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/xdg-go/scram"
)

// Store holds users and their secrets. Secrets are PostgreSQL's SCRAM
// verifier format
// "SCRAM-SHA-256$<iterations>:<salt base64>$<StoredKey base64>:<ServerKey base64>",
// so a file can hold hashed secrets only; a plain password given on the
// command line is hashed at startup by AddPassword.
//
// A Store is safe for concurrent use; the usual pattern is to fill it at
// startup and only read it afterwards. A nil *Store behaves as an empty one.
type Store struct {
	mu    sync.RWMutex
	users map[string]scram.StoredCredentials
	// secret is a running SHA-256 digest of every user and verifier added,
	// in order. It keys the fake verifiers of unknown users: stable for as
	// long as the Store's contents are, unknowable without them.
	secret [sha256.Size]byte
	// iterCounts counts the users per iteration count, so fake verifiers can
	// use the most common one.
	iterCounts map[int]int
}

// NewStore returns an empty Store.
func NewStore() *Store {
	return &Store{
		users:      make(map[string]scram.StoredCredentials),
		iterCounts: make(map[int]int),
	}
}

// AddPassword adds user with password, hashed into a verifier with
// DefaultIterations iterations and a random 16-byte salt. It refuses an empty
// user name or password and a user already in the Store.
func (s *Store) AddPassword(user, password string) error {
	if err := checkUser(user); err != nil {
		return fmt.Errorf("auth: AddPassword: %w", err)
	}
	if password == "" {
		return fmt.Errorf("auth: AddPassword: user %q: empty password", user)
	}
	v, err := Verifier(password)
	if err != nil {
		return fmt.Errorf("auth: AddPassword: user %q: %w", user, err)
	}
	if err := s.add(user, v); err != nil {
		return fmt.Errorf("auth: AddPassword: %w", err)
	}
	return nil
}

// AddVerifier adds user with a SCRAM-SHA-256 verifier in PostgreSQL's format.
// It refuses a malformed verifier, an empty user name and a user already in
// the Store.
func (s *Store) AddVerifier(user, verifier string) error {
	if err := s.add(user, verifier); err != nil {
		return fmt.Errorf("auth: AddVerifier: %w", err)
	}
	return nil
}

// Has reports whether user is in the Store.
func (s *Store) Has(user string) bool {
	_, ok := s.lookup(user)
	return ok
}

// Len is the number of users in the Store.
func (s *Store) Len() int {
	if s == nil {
		return 0
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.users)
}

// add validates user and verifier and stores them.
func (s *Store) add(user, verifier string) error {
	if err := checkUser(user); err != nil {
		return err
	}
	creds, err := parseVerifier(verifier)
	if err != nil {
		return fmt.Errorf("user %q: %w", user, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.users[user]; dup {
		return fmt.Errorf("user %q is already defined", user)
	}
	s.users[user] = creds
	s.iterCounts[creds.Iters]++
	s.secret = nextSecret(s.secret, user, verifier)
	return nil
}

// checkUser rejects user names PostgreSQL's protocol cannot carry.
func checkUser(user string) error {
	switch {
	case user == "":
		return errors.New("empty user name")
	case strings.ContainsRune(user, 0):
		return fmt.Errorf("user name %q contains a NUL byte", user)
	}
	return nil
}

// nextSecret folds one user and verifier into the running secret.
func nextSecret(prev [sha256.Size]byte, user, verifier string) [sha256.Size]byte {
	h := sha256.New()
	h.Write(prev[:])
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(user)))
	h.Write(n[:])
	h.Write([]byte(user))
	h.Write([]byte(verifier))
	var out [sha256.Size]byte
	copy(out[:], h.Sum(nil))
	return out
}

// lookup returns the credentials of user and true, or, for a user not in the
// Store, a fake verifier and false. The fake is deterministic (same user, same
// Store contents, same salt), so repeated attempts cannot tell an unknown user
// from a known one by a changing salt.
func (s *Store) lookup(user string) (scram.StoredCredentials, bool) {
	if s == nil {
		return fakeCredentials([sha256.Size]byte{}, DefaultIterations, user), false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if creds, ok := s.users[user]; ok {
		return creds, true
	}
	return fakeCredentials(s.secret, s.commonIterations(), user), false
}

// commonIterations is the iteration count most users have (the smaller on a
// tie), or DefaultIterations for an empty Store. The caller holds s.mu.
func (s *Store) commonIterations() int {
	best, bestCount := DefaultIterations, 0
	for iters, count := range s.iterCounts {
		if count > bestCount || (count == bestCount && iters < best) {
			best, bestCount = iters, count
		}
	}
	return best
}

// fakeCredentials derives a verifier for an unknown user from secret. No
// password matches it: StoredKey is not the hash of any known ClientKey.
func fakeCredentials(secret [sha256.Size]byte, iters int, user string) scram.StoredCredentials {
	derive := func(label string) []byte {
		mac := hmac.New(sha256.New, secret[:])
		mac.Write([]byte(label))
		mac.Write([]byte{0})
		mac.Write([]byte(user))
		return mac.Sum(nil)
	}
	return scram.StoredCredentials{
		KeyFactors: scram.KeyFactors{Salt: string(derive("salt")[:saltLen]), Iters: iters},
		StoredKey:  derive("stored key"),
		ServerKey:  derive("server key"),
	}
}
