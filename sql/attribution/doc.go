// Package attribution is the multi-touch attribution family of martdb's
// SQL function library. (Reference written below.)
package attribution
