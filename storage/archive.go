package storage

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
)

// The backup archive format; storage/doc.go describes it in full.
const (
	// archiveMagic starts every archive; the number after it is the
	// format version.
	archiveMagic = "martdb-backup"
	// ArchiveFormat is the format version this martdb writes and reads.
	ArchiveFormat = 1
	// maxManifestBytes bounds the manifest line, so that a damaged
	// archive cannot make restore read a huge "line".
	maxManifestBytes = 1 << 20
)

// ErrCorrupt is the kind of error restore reports for an archive that is
// damaged, truncated or not a martdb backup at all; test with errors.Is.
var ErrCorrupt = errors.New("corrupt backup archive")

func corruptf(format string, args ...any) error {
	return &inputError{msg: fmt.Sprintf(format, args...), kind: ErrCorrupt}
}

// Manifest describes a backup archive: who wrote it, what the snapshot
// holds, and the length and SHA-256 of the compressed payload that
// follows it.
type Manifest struct {
	MartdbVersion string    `json:"martdb_version"`
	DuckDBVersion string    `json:"duckdb_version"`
	CreatedAt     time.Time `json:"created_at"`
	// Database is the name of the database that was backed up ("memory"
	// for an in-memory one, else the file's base name without extension).
	Database string       `json:"database"`
	Tables   []TableCount `json:"tables"`
	// Views are the views of the snapshot, as schema.name.
	Views []string `json:"views"`
	// SnapshotBytes is the size of the DuckDB file the payload
	// decompresses to.
	SnapshotBytes int64 `json:"snapshot_bytes"`
	// PayloadBytes and PayloadSHA256 are the length and checksum (hex) of
	// the zstd-compressed snapshot as stored after the header.
	PayloadBytes  int64  `json:"payload_bytes"`
	PayloadSHA256 string `json:"payload_sha256"`
}

// TableCount is one table of a snapshot and its number of rows.
type TableCount struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	Rows   int64  `json:"rows"`
}

// TotalRows is the sum of the tables' row counts.
func (m *Manifest) TotalRows() int64 {
	var n int64
	for _, t := range m.Tables {
		n += t.Rows
	}
	return n
}

// JSON is the manifest as it is stored in the archive: one line of JSON.
func (m *Manifest) JSON() string {
	b, _ := json.Marshal(m) // plain strings, numbers and a time: cannot fail
	return string(b)
}

// writeHeader writes the magic line, the manifest line and the manifest's
// checksum line.
func writeHeader(w io.Writer, m *Manifest) error {
	line := m.JSON()
	sum := sha256.Sum256([]byte(line))
	_, err := fmt.Fprintf(w, "%s %d\n%s\n%s\n", archiveMagic, ArchiveFormat, line, hex.EncodeToString(sum[:]))
	return err
}

// readHeader reads and checks the header of an archive, leaving r at the
// first byte of the payload. It returns the manifest and the header's
// length in bytes (the payload's offset in the file).
func readHeader(r *bufio.Reader) (*Manifest, int64, error) {
	prefix := archiveMagic + " "
	head, _ := r.Peek(len(prefix))
	if !bytes.HasPrefix(head, []byte(prefix)) {
		if len(head) < len(prefix) && bytes.HasPrefix([]byte(prefix), head) {
			return nil, 0, corruptf("backup archive is truncated: it ends inside the format line (%d bytes)", len(head))
		}
		return nil, 0, corruptf("not a martdb backup archive: it starts with %q, expected %q", clip(head), prefix)
	}
	magic, err := readLine(r, 64, "the format line")
	if err != nil {
		return nil, 0, err
	}
	version, err := strconv.Atoi(string(magic[len(prefix):]))
	if err != nil {
		return nil, 0, corruptf("not a martdb backup archive: the format line is %q, expected %q", clip(magic), fmt.Sprintf("%s %d", archiveMagic, ArchiveFormat))
	}
	if version != ArchiveFormat {
		return nil, 0, corruptf("backup archive format %d is not supported: this martdb reads format %d", version, ArchiveFormat)
	}
	line, err := readLine(r, maxManifestBytes, "the manifest")
	if err != nil {
		return nil, 0, err
	}
	sumLine, err := readLine(r, 2*sha256.Size, "the manifest checksum")
	if err != nil {
		return nil, 0, err
	}
	sum := sha256.Sum256(line)
	if got := hex.EncodeToString(sum[:]); string(sumLine) != got {
		return nil, 0, corruptf("manifest checksum mismatch: the manifest's SHA-256 is %s, the archive says %q", got, clip(sumLine))
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, 0, corruptf("the manifest is not valid: %v", err)
	}
	if m.PayloadBytes <= 0 || len(m.PayloadSHA256) != 2*sha256.Size {
		return nil, 0, corruptf("the manifest is not valid: payload_bytes %d and payload_sha256 %q (expected a positive length and 64 hex digits)", m.PayloadBytes, m.PayloadSHA256)
	}
	n := int64(len(magic) + len(line) + len(sumLine) + 3)
	return &m, n, nil
}

// readLine reads one '\n'-terminated line of at most max bytes, without
// the newline. what names the line in errors.
func readLine(r *bufio.Reader, max int, what string) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > max+1 {
			return nil, corruptf("backup archive is damaged: %s is longer than %d bytes", what, max)
		}
		switch {
		case err == nil:
			return line[:len(line)-1], nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			return nil, corruptf("backup archive is truncated: it ends inside %s", what)
		default:
			return nil, fmt.Errorf("reading the backup archive: %w", err)
		}
	}
}

// clip shortens b for an error message.
func clip(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "..."
	}
	return string(b)
}
