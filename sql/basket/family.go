package basket

import "github.com/martdb/martdb/sql/catalog"

// Family is the market basket family: the basket_rules table of
// association rules.
var Family = catalog.Family{
	Name:      "basket",
	Functions: functions,
	Session:   register,
	Register:  register,
}

var functions = []catalog.Function{
	{
		Name:   "basket_rules",
		Kind:   catalog.Table,
		Family: "basket",
		Signature: "basket_rules(source, order_id, item, min_support := 0.01, min_confidence := 0.1, max_len := 2) " +
			"-> TABLE(antecedent VARCHAR[], consequent VARCHAR[], antecedent_support DOUBLE, consequent_support DOUBLE, " +
			"support DOUBLE, confidence DOUBLE, lift DOUBLE, orders BIGINT)",
		Description: "Association rules A => C (one item in C) between items bought in the same orders, over itemsets " +
			"of 2..max_len items with support >= min_support and confidence >= min_confidence, by lift.",
		Example: "SELECT * FROM basket_rules(events, session_id, event, min_support := 0.05) LIMIT 10;",
	},
}
