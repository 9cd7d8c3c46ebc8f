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

// MarshalID writes an ID.
func MarshalID(s string) graphql.Marshaler { return MarshalString(s) }

// UnmarshalID reads an ID argument. An explicit null means "not given" (""),
// as an absent field does; gqlgen's own reads it as the ID "null".
func UnmarshalID(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	return graphql.UnmarshalID(v)
}
