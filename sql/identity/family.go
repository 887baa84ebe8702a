package identity

import "github.com/martdb/martdb/sql/catalog"

// Family is the identity function family: unify_ids.
var Family = catalog.Family{
	Name:      "identity",
	Functions: functions,
	Shared:    registerShared,
	Session:   registerSession,
	Register:  register,
}

var functions = []catalog.Function{
	{
		Name:      "unify_ids",
		Kind:      catalog.Table,
		Family:    "identity",
		Signature: "unify_ids(source, id_a, id_b) -> TABLE(id VARCHAR, customer_key VARCHAR)",
		Description: "Identity resolution: each source row links two identifiers (NULL links nothing); every identifier seen, " +
			"with its connected group's smallest identifier (as VARCHAR, byte order) as customer_key.",
		Example: "WITH seen(email, phone) AS (VALUES ('ann@example.com', '+1-555-0100'), ('ann@work.example', '+1-555-0100'), " +
			"('ann@work.example', NULL), ('bob@example.net', NULL)) " +
			"SELECT * FROM unify_ids(seen, email, phone) ORDER BY customer_key, id;",
	},
}
