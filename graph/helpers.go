package graph

import (
	"github.com/expertgraph/expertgraph/internal/domain"
)

// val returns *p, or the zero value for nil: optional arguments become zero
// values, which the domain reads as "not given".
func val[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// page turns the first/after arguments into a domain page request.
func page(first *int, after *string) domain.PageRequest {
	return domain.PageRequest{First: first, After: after}
}
