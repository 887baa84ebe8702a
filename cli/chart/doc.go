// Package chart draws a query result as a terminal picture, for the REPL's
// .chart command, when the result's shape fits one:
//
//   - funnel: the output of funnel(...) (columns step and users, and
//     conversion_rate and breakdown when present) as horizontal bars, one
//     group per breakdown value, with users and conversion beside each bar;
//   - cohort: the output of cohort(...) (cohort, period_offset and
//     retention_rate) as a heat map, a row per cohort and a column per
//     period offset, each cell shaded by its rate and showing it;
//   - series: a time column and numbers as one sparkline per numeric
//     column (and per value of a text column, as lifecycle's statuses),
//     with the range and the extremes;
//   - attribution: the output of attribution(...) (channel, conversions
//     and value) as a bar per channel with its share of the total; with
//     a model column (model := 'all') the models sit under each channel,
//     each share of its own model's total;
//   - paths: the output of paths(...) (path and sessions, else users) as
//     a ranked list with a bar per path and its steps joined by arrows;
//   - rules: the output of basket_rules(...) (antecedent, consequent and
//     lift) as a lift table: "{a, b} => {c}", support, confidence and a
//     lift bar;
//   - experiment: the output of ab_test(...) (variant, rate, uplift and
//     p_value) as a lift table with, when the result carries it, each
//     variant's confidence interval of the difference from the control on
//     one shared axis with 0 marked, and its warnings underneath;
//   - bars: a label and a number (the first numeric column, or one whose
//     name says it is a rate) as horizontal bars.
//
// Render is pure: a Table of plain values (the REPL converts DuckDB's
// values to float64, time.Time, string and, for lists, []string first) and Options in, text
// out. With Color it uses ANSI 256-colour backgrounds for the heat map and
// coloured bars; with Unicode, block and shade characters; with neither,
// plain ASCII that reads in a file or a pipe. Golden files at three widths
// hold each shape in each style.
package chart
