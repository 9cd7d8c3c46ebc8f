package graph

import (
	"github.com/99designs/gqlgen/graphql"
)

// MarshalString writes a String: the domain keeps "unknown" as "", which the
// API shows as null. Required strings are never empty (the domain validates
// them), so a null there would be a bug, and gqlgen reports it as one.
func MarshalString(s string) graphql.Marshaler {
	if s == "" {
		return graphql.Null
	}
	return graphql.MarshalString(s)
}

// UnmarshalString reads a String argument.
func UnmarshalString(v any) (string, error) { return graphql.UnmarshalString(v) }
