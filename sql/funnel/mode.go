package funnel

import (
	"fmt"
	"strings"
)

// Mode is the set of options of window_funnel's mode argument. The zero
// Mode is the default behaviour.
type Mode struct {
	// StrictDeduplication stops the scan at the first event for a step
	// that already holds a chain, returning the highest step reached.
	StrictDeduplication bool
	// StrictOrder stops the scan at a row matching no condition, or at an
	// event whose previous step holds no chain, once step 1 was seen.
	StrictOrder bool
	// StrictIncrease requires each step's event to be strictly later than
	// the previous step's.
	StrictIncrease bool
	// StrictOnce lets one input row fill at most one step of a chain.
	StrictOnce bool
	// AllowReentry (only with StrictOrder) skips an event whose previous
	// step holds no chain instead of stopping the scan.
	AllowReentry bool
}

// modeNames are the option names, in the order of their bits for
// ModeFromBits.
var modeNames = [...]string{
	"strict_deduplication",
	"strict_order",
	"strict_increase",
	"strict_once",
	"allow_reentry",
}

// ModeNames returns the option names the mode argument accepts. Bit i of
// a set given to ModeFromBits stands for ModeNames()[i].
func ModeNames() []string {
	return modeNames[:]
}

// ParseMode parses a comma-separated set of option names. Blanks around a
// name are ignored, as are empty items; an empty string is the default
// Mode. Naming an option twice is allowed.
func ParseMode(s string) (Mode, error) {
	var bits int64
	for item := range strings.SplitSeq(s, ",") {
		name := strings.TrimSpace(item)
		if name == "" {
			continue
		}
		bit, err := optionBit(name)
		if err != nil {
			return Mode{}, err
		}
		bits |= bit
	}
	return ModeFromBits(bits)
}

// optionBit returns the bit of the option called name.
func optionBit(name string) (int64, error) {
	for i, n := range modeNames {
		if n == name {
			return 1 << i, nil
		}
	}
	if name == "strict" {
		return 0, modeError(`"strict" was replaced by "strict_deduplication"`)
	}
	return 0, modeError(fmt.Sprintf("unknown option %q (valid options: %s)", name, strings.Join(modeNames[:], ", ")))
}

// modeError is a bad mode argument. It reads as window_funnel's; a
// report that takes a mode names itself instead (Reason).
type modeError string

func (e modeError) Error() string { return "window_funnel: mode: " + string(e) }

// Reason is what is wrong with the mode, without the function's name.
func (e modeError) Reason() string { return string(e) }

// ModeFromBits turns a set of option bits (bit i for ModeNames()[i], as
// martdb's aggregate collector parses the mode argument) into a Mode and
// checks that the options go together.
func ModeFromBits(bits int64) (Mode, error) {
	if bits>>len(modeNames) != 0 {
		return Mode{}, modeError(fmt.Sprintf("unknown option bits %#x", bits))
	}
	m := Mode{
		StrictDeduplication: bits&(1<<0) != 0,
		StrictOrder:         bits&(1<<1) != 0,
		StrictIncrease:      bits&(1<<2) != 0,
		StrictOnce:          bits&(1<<3) != 0,
		AllowReentry:        bits&(1<<4) != 0,
	}
	if m.AllowReentry && !m.StrictOrder {
		return Mode{}, modeError("allow_reentry requires strict_order")
	}
	return m, nil
}

// String returns the options of m in ModeNames order, comma-separated: a
// string ParseMode turns back into m.
func (m Mode) String() string {
	on := [...]bool{m.StrictDeduplication, m.StrictOrder, m.StrictIncrease, m.StrictOnce, m.AllowReentry}
	var names []string
	for i, set := range on {
		if set {
			names = append(names, modeNames[i])
		}
	}
	return strings.Join(names, ",")
}
