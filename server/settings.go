package server

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/sql/pgcatalog"
)

// setting is one PostgreSQL run-time parameter the server keeps itself.
type setting struct {
	name     string // canonical spelling, as SHOW and ParameterStatus give it
	value    string
	reported bool // sent in ParameterStatus at startup and after a change
	readOnly bool // SET fails with 55P02
	// apply checks and normalises a new value and carries out its effect
	// on the session; nil accepts any value.
	apply func(c *conn, ctx context.Context, v string) (string, error)
}

// settings are a connection's PostgreSQL parameters. Parameters the
// server does not know go to DuckDB (its own settings) unless their name
// has a dot (PostgreSQL's custom settings, which are kept as given).
type settings struct {
	c     *conn
	byKey map[string]*setting
}

func newSettings(c *conn) *settings {
	list := []*setting{
		{name: "server_version", value: pgcatalog.ServerVersion, reported: true, readOnly: true},
		{name: "server_version_num", value: pgcatalog.ServerVersionNum, readOnly: true},
		{name: "server_encoding", value: "UTF8", reported: true, readOnly: true},
		{name: "client_encoding", value: "UTF8", reported: true, apply: applyClientEncoding},
		{name: "DateStyle", value: "ISO, MDY", reported: true, apply: applyDateStyle},
		{name: "IntervalStyle", value: "postgres", reported: true, apply: only("postgres")},
		{name: "TimeZone", value: "UTC", reported: true, apply: applyTimeZone},
		{name: "integer_datetimes", value: "on", reported: true, readOnly: true},
		{name: "standard_conforming_strings", value: "on", reported: true, apply: only("on")},
		{name: "application_name", value: "", reported: true},
		{name: "is_superuser", value: "on", reported: true, readOnly: true},
		{name: "session_authorization", value: c.user, reported: true, readOnly: true},
		{name: "default_transaction_read_only", value: readOnlyValue(c), reported: true, apply: applyReadOnlyDefault},
		{name: "in_hot_standby", value: "off", reported: true, readOnly: true},
		{name: "statement_timeout", value: formatMillis(c.srv.cfg.StatementTimeout), apply: applyStatementTimeout},
		{name: "extra_float_digits", value: "1"},
		{name: "search_path", value: `"$user", public`},
		{name: "client_min_messages", value: "notice"},
		{name: "bytea_output", value: "hex", apply: only("hex")},
		{name: "default_transaction_isolation", value: "serializable"},
		{name: "transaction_isolation", value: "serializable"},
		{name: "transaction_read_only", value: readOnlyValue(c), apply: applyReadOnlyDefault},
		{name: "lock_timeout", value: "0"},
		{name: "idle_in_transaction_session_timeout", value: "0"},
		{name: "max_identifier_length", value: "63", readOnly: true},
		{name: "max_index_keys", value: "32", readOnly: true},
	}
	s := &settings{c: c, byKey: map[string]*setting{}}
	for _, st := range list {
		s.byKey[strings.ToLower(st.name)] = st
	}
	return s
}

func readOnlyValue(c *conn) string {
	if c.srv.eng.ReadOnly() || c.readOnlyUser {
		return "on"
	}
	return "off"
}

// get returns a server-kept parameter.
func (s *settings) get(name string) (*setting, bool) {
	st, ok := s.byKey[strings.ToLower(name)]
	return st, ok
}

// set changes a parameter. Server-kept parameters are checked and
// applied here (and reported when clients track them); others are
// custom (with a dot) or DuckDB's, set with sql. fromSQL is false for
// startup-packet parameters, where unknown names are ignored.
func (s *settings) set(ctx context.Context, name, value string, fromSQL bool) error {
	st, ok := s.get(name)
	if !ok {
		if strings.Contains(name, ".") {
			s.byKey[strings.ToLower(name)] = &setting{name: name, value: value}
			return s.c.sess.RecordSetting(ctx, name, value)
		}
		if !fromSQL {
			return nil
		}
		if err := s.c.checkDuckSetting(name, false); err != nil {
			return err
		}
		return s.c.duckSet(ctx, name, value)
	}
	if st.readOnly {
		return engine.Errorf(codeCantChangeRuntime, "parameter %q cannot be changed", st.name)
	}
	if st.apply != nil {
		v, err := st.apply(s.c, ctx, value)
		if err != nil {
			return err
		}
		value = v
	}
	changed := st.value != value
	st.value = value
	if st.name == "application_name" {
		s.c.act.setApp(value)
	}
	if err := s.c.sess.RecordSetting(ctx, st.name, value); err != nil {
		return err
	}
	if st.reported && changed {
		s.c.be.Send(&pgproto3.ParameterStatus{Name: st.name, Value: st.value})
	}
	return nil
}

// reportAll is the ParameterStatus messages sent at startup.
func (s *settings) reportAll() []*pgproto3.ParameterStatus {
	var out []*pgproto3.ParameterStatus
	for _, st := range s.byKey {
		if st.reported {
			out = append(out, &pgproto3.ParameterStatus{Name: st.name, Value: st.value})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// all lists every server-kept parameter, for SHOW ALL.
func (s *settings) all() []*setting {
	out := make([]*setting, 0, len(s.byKey))
	for _, st := range s.byKey {
		out = append(out, st)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].name) < strings.ToLower(out[j].name) })
	return out
}

func only(allowed string) func(*conn, context.Context, string) (string, error) {
	return func(_ *conn, _ context.Context, v string) (string, error) {
		if !strings.EqualFold(strings.TrimSpace(v), allowed) {
			return "", engine.Errorf(codeFeatureNotSupported, "martdb supports only %s for this parameter, not %q", allowed, v)
		}
		return allowed, nil
	}
}

func applyClientEncoding(_ *conn, _ context.Context, v string) (string, error) {
	switch strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(v), "-", "")) {
	case "UTF8", "UNICODE":
		return "UTF8", nil
	}
	return "", engine.Errorf(codeFeatureNotSupported, "martdb speaks UTF8 only; client_encoding %q is not supported", v)
}

// applyDateStyle accepts the ISO output style with any field order (the
// order only affects input of ambiguous dates; an order alone keeps ISO).
func applyDateStyle(_ *conn, _ context.Context, v string) (string, error) {
	order := "MDY"
	for _, part := range strings.Split(v, ",") {
		switch p := strings.ToUpper(strings.TrimSpace(part)); p {
		case "ISO":
		case "MDY", "DMY", "YMD":
			order = p
		case "US", "NONEURO", "NONEUROPEAN":
			order = "MDY"
		case "EURO", "EUROPEAN":
			order = "DMY"
		default:
			return "", engine.Errorf(codeFeatureNotSupported, "martdb supports only the ISO DateStyle, not %q", v)
		}
	}
	return "ISO, " + order, nil
}

// applyTimeZone sets DuckDB's time zone too, so that date functions on
// TIMESTAMPTZ agree with what the client asked for.
func applyTimeZone(c *conn, ctx context.Context, v string) (string, error) {
	v = strings.TrimSpace(v)
	if strings.EqualFold(v, "local") || strings.EqualFold(v, "default") {
		v = "UTC"
	}
	if err := c.duckSet(ctx, "TimeZone", v); err != nil {
		return "", engine.Errorf(codeInvalidParameter, "invalid value for parameter \"TimeZone\": %q", v)
	}
	return v, nil
}

func applyBool(_ *conn, _ context.Context, v string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "on", "true", "yes", "1", "t", "y":
		return "on", nil
	case "off", "false", "no", "0", "f", "n":
		return "off", nil
	}
	return "", engine.Errorf(codeInvalidParameter, "parameter requires a Boolean value, got %q", v)
}

func applyStatementTimeout(c *conn, _ context.Context, v string) (string, error) {
	d, err := parseDuration(v)
	if err != nil {
		return "", err
	}
	c.sess.SetTimeout(d)
	return formatMillis(d), nil
}

// parseDuration reads a PostgreSQL time setting: a number of
// milliseconds, or a number with a unit (us, ms, s, min, h, d).
func parseDuration(v string) (time.Duration, error) {
	v = strings.TrimSpace(strings.Trim(strings.TrimSpace(v), "'"))
	i := 0
	for i < len(v) && (v[i] >= '0' && v[i] <= '9' || v[i] == '.') {
		i++
	}
	n, err := strconv.ParseFloat(v[:i], 64)
	if err != nil || n < 0 {
		return 0, engine.Errorf(codeInvalidParameter, "invalid value for a time parameter: %q", v)
	}
	unit := map[string]time.Duration{"": time.Millisecond, "us": time.Microsecond, "ms": time.Millisecond,
		"s": time.Second, "min": time.Minute, "h": time.Hour, "d": 24 * time.Hour}
	u, ok := unit[strings.TrimSpace(v[i:])]
	if !ok {
		return 0, engine.Errorf(codeInvalidParameter, "invalid unit in time parameter %q (valid units: us, ms, s, min, h, d)", v)
	}
	return time.Duration(n * float64(u)), nil
}

// formatMillis shows a duration as PostgreSQL shows statement_timeout.
func formatMillis(d time.Duration) string {
	switch {
	case d == 0:
		return "0"
	case d%time.Second == 0:
		return strconv.FormatInt(int64(d/time.Second), 10) + "s"
	}
	return strconv.FormatInt(d.Milliseconds(), 10) + "ms"
}

// duckSet sets one of DuckDB's own settings.
func (c *conn) duckSet(ctx context.Context, name, value string) error {
	return c.execSilently(ctx, "SET "+quoteIdent(name)+" = "+quoteLiteral(value))
}

func quoteIdent(s string) string   { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// readOnlyDefault reports whether transactions are read-only by default
// (SET default_transaction_read_only, or SET SESSION CHARACTERISTICS).
func (s *settings) readOnlyDefault() bool {
	if s.c.readOnlyUser {
		return true
	}
	st, _ := s.get("default_transaction_read_only")
	return st != nil && st.value == "on" && !s.c.srv.eng.ReadOnly()
}
