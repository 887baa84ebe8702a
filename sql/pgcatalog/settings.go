package pgcatalog

import (
	"fmt"
	"strings"
)

// setting is one row of pg_settings as PostgreSQL 15 describes it. Setting
// is the value the emulation starts with; pg_settings overlays what the
// session changed (SetSetting) and the values that follow DuckDB: the
// search path, TimeZone, and the read-only flags of a read-only database.
type setting struct {
	Name, Setting, Unit, Category, ShortDesc, Context, VarType, Source, MinVal, MaxVal, EnumVals, BootVal string
}

// settings lists the settings clients read when they connect or describe
// the server. Descriptions, categories, contexts and ranges are
// PostgreSQL 15's. The values are martdb's: UTF8 everywhere, version 15.0,
// and repeatable read, the isolation that DuckDB's snapshot transactions
// give.
var settings = []setting{
	{"DateStyle", "ISO, MDY", "", "Client Connection Defaults / Locale and Formatting", "Sets the display format for date and time values.", "user", "string", "default", "", "", "", "ISO, MDY"},
	{"IntervalStyle", "postgres", "", "Client Connection Defaults / Locale and Formatting", "Sets the display format for interval values.", "user", "enum", "default", "", "", "postgres,postgres_verbose,sql_standard,iso_8601", "postgres"},
	{"TimeZone", "UTC", "", "Client Connection Defaults / Locale and Formatting", "Sets the time zone for displaying and interpreting time stamps.", "user", "string", "default", "", "", "", "UTC"},
	{"application_name", "", "", "Reporting and Logging / What to Log", "Sets the application name to be reported in statistics and logs.", "user", "string", "default", "", "", "", ""},
	{"array_nulls", "on", "", "Version and Platform Compatibility / Previous PostgreSQL Versions", "Enable input of NULL elements in arrays.", "user", "bool", "default", "", "", "", "on"},
	{"backslash_quote", "safe_encoding", "", "Version and Platform Compatibility / Previous PostgreSQL Versions", "Sets whether \"\\'\" is allowed in string literals.", "user", "enum", "default", "", "", "safe_encoding,on,off", "safe_encoding"},
	{"block_size", "8192", "", "Preset Options", "Shows the size of a disk block.", "internal", "integer", "default", "8192", "8192", "", "8192"},
	{"bytea_output", "hex", "", "Client Connection Defaults / Statement Behavior", "Sets the output format for bytea.", "user", "enum", "default", "", "", "escape,hex", "hex"},
	{"client_encoding", "UTF8", "", "Client Connection Defaults / Locale and Formatting", "Sets the client's character set encoding.", "user", "string", "default", "", "", "", "UTF8"},
	{"client_min_messages", "notice", "", "Client Connection Defaults / Statement Behavior", "Sets the message levels that are sent to the client.", "user", "enum", "default", "", "", "debug5,debug4,debug3,debug2,debug1,log,notice,warning,error", "notice"},
	{"default_table_access_method", "heap", "", "Client Connection Defaults / Statement Behavior", "Sets the default table access method for new tables.", "user", "string", "default", "", "", "", "heap"},
	{"default_tablespace", "", "", "Client Connection Defaults / Statement Behavior", "Sets the default tablespace to create tables and indexes in.", "user", "string", "default", "", "", "", ""},
	{"default_transaction_isolation", "repeatable read", "", "Client Connection Defaults / Statement Behavior", "Sets the transaction isolation level of each new transaction.", "user", "enum", "default", "", "", "serializable,repeatable read,read committed,read uncommitted", "read committed"},
	{"default_transaction_read_only", "off", "", "Client Connection Defaults / Statement Behavior", "Sets the default read-only status of new transactions.", "user", "bool", "default", "", "", "", "off"},
	{"escape_string_warning", "on", "", "Version and Platform Compatibility / Previous PostgreSQL Versions", "Warn about backslash escapes in ordinary string literals.", "user", "bool", "default", "", "", "", "on"},
	{"extra_float_digits", "1", "", "Client Connection Defaults / Locale and Formatting", "Sets the number of digits displayed for floating-point values.", "user", "integer", "default", "-15", "3", "", "1"},
	{"idle_in_transaction_session_timeout", "0", "ms", "Client Connection Defaults / Statement Behavior", "Sets the maximum allowed idle time between queries, when in a transaction.", "user", "integer", "default", "0", "2147483647", "", "0"},
	{"in_hot_standby", "off", "", "Preset Options", "Shows whether hot standby is currently active.", "internal", "bool", "default", "", "", "", "off"},
	{"integer_datetimes", "on", "", "Preset Options", "Shows whether datetimes are integer based.", "internal", "bool", "default", "", "", "", "on"},
	{"lc_collate", "en_US.UTF-8", "", "Preset Options", "Shows the collation order locale.", "internal", "string", "default", "", "", "", "en_US.UTF-8"},
	{"lc_ctype", "en_US.UTF-8", "", "Preset Options", "Shows the character classification and case conversion locale.", "internal", "string", "default", "", "", "", "en_US.UTF-8"},
	{"lc_messages", "en_US.UTF-8", "", "Client Connection Defaults / Locale and Formatting", "Sets the language in which messages are displayed.", "superuser", "string", "default", "", "", "", ""},
	{"lc_monetary", "en_US.UTF-8", "", "Client Connection Defaults / Locale and Formatting", "Sets the locale for formatting monetary amounts.", "user", "string", "default", "", "", "", "C"},
	{"lc_numeric", "en_US.UTF-8", "", "Client Connection Defaults / Locale and Formatting", "Sets the locale for formatting numbers.", "user", "string", "default", "", "", "", "C"},
	{"lc_time", "en_US.UTF-8", "", "Client Connection Defaults / Locale and Formatting", "Sets the locale for formatting date and time values.", "user", "string", "default", "", "", "", "C"},
	{"lock_timeout", "0", "ms", "Client Connection Defaults / Statement Behavior", "Sets the maximum allowed duration of any wait for a lock.", "user", "integer", "default", "0", "2147483647", "", "0"},
	{"max_connections", "100", "", "Connections and Authentication / Connection Settings", "Sets the maximum number of concurrent connections.", "postmaster", "integer", "default", "1", "262143", "", "100"},
	{"max_function_args", "100", "", "Preset Options", "Shows the maximum number of function arguments.", "internal", "integer", "default", "100", "100", "", "100"},
	{"max_identifier_length", "63", "", "Preset Options", "Shows the maximum identifier length.", "internal", "integer", "default", "63", "63", "", "63"},
	{"max_index_keys", "32", "", "Preset Options", "Shows the maximum number of index keys.", "internal", "integer", "default", "32", "32", "", "32"},
	{"password_encryption", "scram-sha-256", "", "Connections and Authentication / Authentication", "Chooses the algorithm for encrypting passwords.", "user", "enum", "default", "", "", "md5,scram-sha-256", "scram-sha-256"},
	{"port", "5432", "", "Connections and Authentication / Connection Settings", "Sets the TCP port the server listens on.", "postmaster", "integer", "default", "1", "65535", "", "5432"},
	{"row_security", "on", "", "Client Connection Defaults / Statement Behavior", "Enable row security.", "user", "bool", "default", "", "", "", "on"},
	{"search_path", "\"$user\", public", "", "Client Connection Defaults / Statement Behavior", "Sets the schema search order for names that are not schema-qualified.", "user", "string", "default", "", "", "", "\"$user\", public"},
	{"server_encoding", "UTF8", "", "Preset Options", "Shows the server (database) character set encoding.", "internal", "string", "default", "", "", "", "UTF8"},
	{"server_version", "15.0", "", "Preset Options", "Shows the server version.", "internal", "string", "default", "", "", "", "15.0"},
	{"server_version_num", "150000", "", "Preset Options", "Shows the server version as an integer.", "internal", "integer", "default", "150000", "150000", "", "150000"},
	{"ssl", "off", "", "Connections and Authentication / SSL", "Enables SSL connections.", "sighup", "bool", "default", "", "", "", "off"},
	{"standard_conforming_strings", "on", "", "Version and Platform Compatibility / Previous PostgreSQL Versions", "Causes '...' strings to treat backslashes literally.", "user", "bool", "default", "", "", "", "on"},
	{"statement_timeout", "0", "ms", "Client Connection Defaults / Statement Behavior", "Sets the maximum allowed duration of any statement.", "user", "integer", "default", "0", "2147483647", "", "0"},
	{"timezone_abbreviations", "Default", "", "Client Connection Defaults / Locale and Formatting", "Selects a file of time zone abbreviations.", "user", "string", "default", "", "", "", ""},
	{"transaction_isolation", "repeatable read", "", "Client Connection Defaults / Statement Behavior", "Sets the current transaction's isolation level.", "user", "enum", "override", "", "", "serializable,repeatable read,read committed,read uncommitted", "read committed"},
	{"transaction_read_only", "off", "", "Client Connection Defaults / Statement Behavior", "Sets the current transaction's read-only status.", "user", "bool", "override", "", "", "", "off"},
	{"is_superuser", "on", "", "Preset Options", "Shows whether the current user is a superuser.", "internal", "bool", "default", "", "", "", "off"},
	{"session_authorization", "", "", "Ungrouped", "Sets the session user name.", "superuser", "string", "default", "", "", "", ""},
}

// settingsTableSQL creates the table behind pg_settings.
func settingsTableSQL(table string) string {
	var b strings.Builder
	b.WriteString("CREATE OR REPLACE TABLE " + table + " AS SELECT * FROM (VALUES ")
	for i, s := range settings {
		if i > 0 {
			b.WriteString(", ")
		}
		enumVals := "NULL::VARCHAR[]"
		if s.EnumVals != "" {
			enumVals = "string_split(" + quoteLiteral(s.EnumVals) + ", ',')"
		}
		fmt.Fprintf(&b, "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
			quoteLiteral(s.Name), quoteLiteral(s.Setting), nullIfEmpty(s.Unit), quoteLiteral(s.Category),
			quoteLiteral(s.ShortDesc), quoteLiteral(s.Context), quoteLiteral(s.VarType), quoteLiteral(s.Source),
			nullIfEmpty(s.MinVal), nullIfEmpty(s.MaxVal), enumVals, quoteLiteral(s.BootVal))
	}
	b.WriteString(") AS t(name, setting, unit, category, short_desc, context, vartype, source, min_val, max_val, enumvals, boot_val)")
	return b.String()
}

// nullIfEmpty is a string literal, or NULL for "".
func nullIfEmpty(s string) string {
	if s == "" {
		return "NULL::VARCHAR"
	}
	return quoteLiteral(s)
}
