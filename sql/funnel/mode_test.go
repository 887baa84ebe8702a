package funnel

import (
	"strings"
	"testing"
)

// TestModeNames checks that each name sets its own field, in ModeNames
// order, and that String and ParseMode are inverses on every valid mode.
func TestModeNames(t *testing.T) {
	names := ModeNames()
	if len(names) != 5 {
		t.Fatalf("%d mode names, want 5", len(names))
	}
	for i, name := range names {
		m, err := ModeFromBits(1<<i | 1<<1) // strict_order, for allow_reentry
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(m.String(), name) {
			t.Errorf("bit %d gives %q, which lacks %q", i, m, name)
		}
	}
	for _, m := range validModes() {
		back, err := ParseMode(m.String())
		if err != nil || back != m {
			t.Errorf("ParseMode(%q) = %+v, %v; want %+v", m.String(), back, err, m)
		}
	}
}

// TestParseModeErrors checks the start of every error ParseMode gives.
func TestParseModeErrors(t *testing.T) {
	for _, s := range []string{"strict", "allow_reentry", "nope", "strict_order,STRICT_ONCE", "strict_order strict_once"} {
		if _, err := ParseMode(s); err == nil || !strings.HasPrefix(err.Error(), "window_funnel: mode: ") {
			t.Errorf("ParseMode(%q): error %v, want one starting with \"window_funnel: mode: \"", s, err)
		}
	}
}
