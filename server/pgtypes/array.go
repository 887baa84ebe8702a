package pgtypes

import (
	"bytes"
	"encoding/binary"

	"github.com/martdb/martdb/engine"
)

// appendArrayText writes a list as a one-dimensional PostgreSQL array,
// as array_out does: {1,2,NULL}, elements quoted when they would
// otherwise be misread.
func (e *Encoder) appendArrayText(dst []byte, v any) ([]byte, error) {
	items, ok := v.([]any)
	if !ok {
		return dst, typeError(v, "array")
	}
	var scratch [64]byte
	dst = append(dst, '{')
	for i, it := range items {
		if i > 0 {
			dst = append(dst, ',')
		}
		if it == nil {
			dst = append(dst, "NULL"...)
			continue
		}
		text, err := e.appendElem(scratch[:0], it, 0)
		if err != nil {
			return dst, err
		}
		dst = appendArrayElement(dst, text)
	}
	return append(dst, '}'), nil
}

// appendElem writes one element in format 0 (text) or 1 (binary).
// duckdb-go names a JSON list VARCHAR[] but returns its elements parsed:
// elements of a text list that are not strings are written as JSON.
func (e *Encoder) appendElem(dst []byte, v any, format int) ([]byte, error) {
	if _, isString := v.(string); !isString && e.elem.strictText {
		return appendJSON(dst, v, engine.UnknownType)
	}
	if format == 0 {
		return e.elem.AppendText(dst, v)
	}
	return e.elem.AppendBinary(dst, v)
}

// appendArrayElement writes one element's text, in double quotes with
// backslashes before quotes and backslashes when array_in would misread
// it bare: empty, NULL in any case, or holding braces, quotes,
// backslashes, the comma delimiter or white space.
func appendArrayElement(dst, text []byte) []byte {
	if !needsQuotes(text) {
		return append(dst, text...)
	}
	dst = append(dst, '"')
	for _, c := range text {
		if c == '"' || c == '\\' {
			dst = append(dst, '\\')
		}
		dst = append(dst, c)
	}
	return append(dst, '"')
}

var nullWord = []byte("NULL")

func needsQuotes(text []byte) bool {
	if len(text) == 0 || len(text) == 4 && bytes.EqualFold(text, nullWord) {
		return true
	}
	for _, c := range text {
		switch c {
		case '{', '}', '"', '\\', ',', ' ', '\t', '\n', '\r', '\v', '\f':
			return true
		}
	}
	return false
}

// appendArrayBinary writes a list in array_send's format: the number of
// dimensions (int32: 1, or 0 for an empty array), whether any element is
// NULL (int32), the element type (OID), the length and lower bound (1)
// of the dimension, then each element as its byte length (int32, -1 for
// NULL) and its binary form.
func (e *Encoder) appendArrayBinary(dst []byte, v any) ([]byte, error) {
	items, ok := v.([]any)
	if !ok {
		return dst, typeError(v, "array")
	}
	ndim, hasNull := uint32(0), uint32(0)
	if len(items) > 0 {
		ndim = 1
	}
	for _, it := range items {
		if it == nil {
			hasNull = 1
			break
		}
	}
	dst = binary.BigEndian.AppendUint32(dst, ndim)
	dst = binary.BigEndian.AppendUint32(dst, hasNull)
	dst = binary.BigEndian.AppendUint32(dst, e.elem.OID())
	if ndim == 0 {
		return dst, nil
	}
	dst = binary.BigEndian.AppendUint32(dst, uint32(len(items)))
	dst = binary.BigEndian.AppendUint32(dst, 1)
	for _, it := range items {
		if it == nil {
			dst = binary.BigEndian.AppendUint32(dst, 0xFFFFFFFF)
			continue
		}
		at := len(dst)
		dst = append(dst, 0, 0, 0, 0)
		var err error
		if dst, err = e.appendElem(dst, it, 1); err != nil {
			return dst, err
		}
		binary.BigEndian.PutUint32(dst[at:], uint32(len(dst)-at-4))
	}
	return dst, nil
}
