package render

import "testing"

func TestLowerType(t *testing.T) {
	cases := map[string]string{
		"DECIMAL(18,3)":                     "decimal(18,3)",
		"VARCHAR[]":                         "varchar[]",
		`STRUCT("Zip Code" INTEGER, a INT)`: `struct("Zip Code" integer, a int)`,
		"ENUM('Big', 'SMALL')":              "enum('Big', 'SMALL')",
		"TIMESTAMP WITH TIME ZONE":          "timestamp with time zone",
	}
	for in, want := range cases {
		if got := lowerType(in); got != want {
			t.Errorf("lowerType(%q) = %q, want %q", in, got, want)
		}
	}
}
