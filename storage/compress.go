package storage

import (
	"bufio"
	"bytes"
	"io"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

var (
	gzipMagic = []byte{0x1f, 0x8b}
	zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}
)

// sniffCompression tells a stream's compression from its first bytes.
func sniffCompression(head []byte) Compression {
	switch {
	case bytes.HasPrefix(head, gzipMagic):
		return Gzip
	case bytes.HasPrefix(head, zstdMagic):
		return Zstd
	}
	return NoCompression
}

// decompressing wraps r so that it yields the decompressed stream when r is
// gzip or zstd compressed (told by its magic bytes), and r itself
// otherwise. The returned closer releases the decoder.
func decompressing(r io.Reader) (io.Reader, func(), error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4)
	switch sniffCompression(head) {
	case Gzip:
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, nil, invalidf("not a valid gzip stream: %v", err)
		}
		return zr, func() { zr.Close() }, nil
	case Zstd:
		zr, err := zstd.NewReader(br)
		if err != nil {
			return nil, nil, invalidf("not a valid zstd stream: %v", err)
		}
		return zr, zr.Close, nil
	}
	return br, func() {}, nil
}

// compressing wraps w so that what is written to it is compressed with c.
// Close the returned writer to flush it; it does not close w.
func compressing(w io.Writer, c Compression) (io.WriteCloser, error) {
	switch c {
	case Gzip:
		return gzip.NewWriter(w), nil
	case Zstd:
		return zstd.NewWriter(w)
	}
	return nopCloser{w}, nil
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
