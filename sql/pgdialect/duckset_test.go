package pgdialect

import "testing"

func TestDuckSettingChange(t *testing.T) {
	cases := []struct {
		sql  string
		want SettingChange
		ok   bool
	}{
		{"SET GLOBAL memory_limit = '1GB'", SettingChange{Name: "memory_limit", Global: true}, true},
		{"set global threads to 1", SettingChange{Name: "threads", Global: true}, true},
		{"  /* c */ SET SESSION \"Memory_Limit\" = '1GB'", SettingChange{Name: "Memory_Limit"}, true},
		{"-- why\nPRAGMA threads = 2", SettingChange{Name: "threads"}, true},
		{"PRAGMA threads=2", SettingChange{Name: "threads"}, true},
		{"PRAGMA table_info('t')", SettingChange{}, false},
		{"SET VARIABLE x = 42", SettingChange{Name: "x", Variable: true}, true},
		{"RESET VARIABLE x", SettingChange{Name: "x", Variable: true}, true},
		{"RESET GLOBAL threads", SettingChange{Name: "threads", Global: true}, true},
		{"RESET threads", SettingChange{Name: "threads"}, true},
		{"SET 'threads' = 1", SettingChange{}, false},
		{"SET", SettingChange{}, false},
		{"SELECT 1", SettingChange{}, false},
		{`SET "a""b" = 1`, SettingChange{Name: `a"b`}, true},
	}
	for _, c := range cases {
		got, ok := DuckSettingChange(c.sql)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("%q: %+v, %v; want %+v, %v", c.sql, got, ok, c.want, c.ok)
		}
	}
}

func TestPragmaName(t *testing.T) {
	for sql, want := range map[string]string{
		"PRAGMA disable_checkpoint_on_shutdown": "disable_checkpoint_on_shutdown",
		" -- x\n pragma Enable_Object_Cache;":   "enable_object_cache",
		"PRAGMA table_info('orders')":           "table_info",
		"SELECT 1":                              "",
		"PRAGMA":                                "",
	} {
		if got := PragmaName(sql); got != want {
			t.Errorf("%q: %q, want %q", sql, got, want)
		}
	}
}
