package pgtypes

import (
	"encoding/binary"
	"fmt"
)

// Sign words of PostgreSQL's binary numeric.
const (
	numericPos    = 0x0000
	numericNeg    = 0x4000
	numericNaN    = 0xC000
	numericPInf   = 0xD000
	numericNInf   = 0xF000
	numericMaxDSc = 0x3FFF // largest display scale the format can carry
)

// appendNumericBinary writes a number in numeric_send's format: the
// count of base-10000 digits (int16), the weight of the first digit
// (int16: the power of 10000 it stands for), the sign word, the display
// scale (decimal digits after the point, int16), then the digits
// (int16 each), without leading or trailing zero digits. The number is
// taken from its text form, which for decimals carries their scale.
func appendNumericBinary(dst []byte, v any) ([]byte, error) {
	var buf [64]byte
	text, err := appendNumericText(buf[:0], v)
	if err != nil {
		return dst, err
	}
	return appendNumericDigits(dst, text)
}

// appendNumericDigits converts the decimal text s ([-]digits[.digits],
// NaN, Infinity or -Infinity) to numeric_send's format.
func appendNumericDigits(dst, s []byte) ([]byte, error) {
	switch string(s) {
	case "NaN":
		return appendNumericHeader(dst, 0, 0, numericNaN, 0), nil
	case "Infinity":
		return appendNumericHeader(dst, 0, 0, numericPInf, 0), nil
	case "-Infinity":
		return appendNumericHeader(dst, 0, 0, numericNInf, 0), nil
	}
	sign := uint16(numericPos)
	if len(s) > 0 && s[0] == '-' {
		sign = numericNeg
		s = s[1:]
	}
	intPart, frac := s, []byte(nil)
	for i, c := range s {
		if c == '.' {
			intPart, frac = s[:i], s[i+1:]
			break
		}
	}
	for len(intPart) > 0 && intPart[0] == '0' {
		intPart = intPart[1:]
	}
	if len(frac) > numericMaxDSc {
		return dst, fmt.Errorf("pgtypes: numeric scale %d exceeds %d", len(frac), numericMaxDSc)
	}
	var small [16]int16
	groups := small[:0]
	// The integer part is grouped from the point leftwards: the first
	// group takes what is left over.
	lead := len(intPart) % 4
	if lead == 0 && len(intPart) > 0 {
		lead = 4
	}
	for i := 0; i < len(intPart); {
		n := 4
		if i == 0 {
			n = lead
		}
		groups = append(groups, digitGroup(intPart[i:i+n], 0))
		i += n
	}
	weight := len(groups) - 1
	// The fraction is grouped from the point rightwards, the last group
	// padded with zeros.
	for i := 0; i < len(frac); i += 4 {
		end := min(i+4, len(frac))
		groups = append(groups, digitGroup(frac[i:end], 4-(end-i)))
	}
	for len(groups) > 0 && groups[0] == 0 {
		groups = groups[1:]
		weight--
	}
	for len(groups) > 0 && groups[len(groups)-1] == 0 {
		groups = groups[:len(groups)-1]
	}
	if len(groups) == 0 {
		weight, sign = 0, numericPos
	}
	if len(groups) > 0x7FFF || weight > 0x7FFF || weight < -0x8000 {
		return dst, fmt.Errorf("pgtypes: numeric value too large for PostgreSQL's format")
	}
	dst = appendNumericHeader(dst, len(groups), weight, sign, len(frac))
	for _, g := range groups {
		dst = binary.BigEndian.AppendUint16(dst, uint16(g))
	}
	return dst, nil
}

// digitGroup reads up to four decimal digits as one base-10000 digit,
// followed by pad zeros.
func digitGroup(d []byte, pad int) int16 {
	n := 0
	for _, c := range d {
		n = n*10 + int(c-'0')
	}
	for range pad {
		n *= 10
	}
	return int16(n)
}

func appendNumericHeader(dst []byte, ndigits, weight int, sign uint16, dscale int) []byte {
	dst = binary.BigEndian.AppendUint16(dst, uint16(ndigits))
	dst = binary.BigEndian.AppendUint16(dst, uint16(int16(weight)))
	dst = binary.BigEndian.AppendUint16(dst, sign)
	return binary.BigEndian.AppendUint16(dst, uint16(dscale))
}
