package httpserver

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Limits bound what one request may ask of the server.
type Limits struct {
	MaxDepth      int   // deepest nesting of selections
	MaxFields     int   // fields and aliases in one operation, fragments expanded
	MaxComplexity int   // estimated cost (connections count their page size)
	MaxBodyBytes  int64 // request body
	Timeout       int64 // per request, in milliseconds
}

// DefaultLimits are generous for analysts' queries and dashboards, and refuse
// queries built to exhaust the server.
var DefaultLimits = Limits{
	MaxDepth:      12,
	MaxFields:     500,
	MaxComplexity: 20000,
	MaxBodyBytes:  1 << 20,
	Timeout:       30_000,
}

// The server's refusals before execution are about the request, so they are
// answered 400 like parse and validation errors (GraphQL over HTTP).
func init() {
	for _, code := range []string{codeTooDeep, codeTooManyField, "COMPLEXITY_LIMIT_EXCEEDED"} {
		errcode.RegisterErrorType(code, errcode.KindProtocol)
	}
}

// shape refuses operations nested deeper than maxDepth or with more than
// maxFields fields (aliases of the same field count each), before they run.
type shape struct {
	maxDepth, maxFields int
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = shape{}

func (shape) ExtensionName() string                          { return "QueryShapeLimit" }
func (shape) Validate(schema graphql.ExecutableSchema) error { return nil }

func (s shape) MutateOperationContext(ctx context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	op := rc.Doc.Operations.ForName(rc.OperationName)
	if op == nil {
		return nil
	}
	w := walker{max: s.maxFields}
	depth := w.walk(op.SelectionSet, 1)
	switch {
	case w.fields > s.maxFields:
		err := gqlerror.Errorf("the operation selects more than %d fields (aliases and fragments counted); split it into several requests", s.maxFields)
		errcode.Set(err, codeTooManyField)
		return err
	case depth > s.maxDepth:
		err := gqlerror.Errorf("the operation is nested %d levels deep; at most %d are allowed", depth, s.maxDepth)
		errcode.Set(err, codeTooDeep)
		return err
	}
	return nil
}

type walker struct {
	fields, max int
}

// walk counts fields and returns the depth of set; it stops counting once
// over the limit, so a huge document costs no more than the limit.
func (w *walker) walk(set ast.SelectionSet, depth int) int {
	deepest := depth - 1
	for _, sel := range set {
		if w.fields > w.max {
			return deepest
		}
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			w.fields++
			d = depth
			if len(s.SelectionSet) > 0 {
				d = w.walk(s.SelectionSet, depth+1)
			}
		case *ast.InlineFragment:
			d = w.walk(s.SelectionSet, depth)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				d = w.walk(s.Definition.SelectionSet, depth)
			}
		}
		if d > deepest {
			deepest = d
		}
	}
	return deepest
}

// limitBody refuses bodies over max bytes with 413 and a GraphQL error, before
// gqlgen reads them.
func limitBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil && r.Body != http.NoBody {
			if r.ContentLength > max {
				tooLarge(w, max)
				return
			}
			b, err := io.ReadAll(io.LimitReader(r.Body, max+1))
			if err != nil {
				http.Error(w, "could not read the request body", http.StatusBadRequest)
				return
			}
			if int64(len(b)) > max {
				tooLarge(w, max)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(b))
		}
		next.ServeHTTP(w, r)
	})
}

func tooLarge(w http.ResponseWriter, max int64) {
	w.Header().Set("Content-Type", "application/graphql-response+json")
	w.WriteHeader(http.StatusRequestEntityTooLarge)
	fmt.Fprintf(w, `{"errors":[{"message":"the request body is larger than %d bytes","extensions":{"code":%q}}]}`, max, codeBodyTooLarge)
}
