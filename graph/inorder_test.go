package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// execFor returns an execution context and a request context like gqlgen's
// for one operation, resolved in order or not, whose recovered panics
// become errors ("panic: ...").
func execFor(inOrder bool) (*executionContext, context.Context) {
	return execWith(&Resolver{InOrder: inOrder})
}

// execWith is execFor with the given resolver.
func execWith(r *Resolver) (*executionContext, context.Context) {
	recoverer := func(ctx context.Context, err any) error { return fmt.Errorf("panic: %v", err) }
	oc := &graphql.OperationContext{RecoverFunc: recoverer}
	ctx := graphql.WithOperationContext(context.Background(), oc)
	ctx = graphql.WithResponseContext(ctx, graphql.DefaultErrorPresenter, recoverer)
	ec := &executionContext{ExecutionContextState: &graphql.ExecutionContextState[ResolverRoot, DirectiveRoot, ComplexityRoot]{
		OperationContext:      oc,
		ExecutableSchemaState: &graphql.ExecutableSchemaState[ResolverRoot, DirectiveRoot, ComplexityRoot]{Resolvers: r},
	}}
	return ec, ctx
}

func text(m graphql.Marshaler) string {
	var b bytes.Buffer
	m.MarshalGQL(&b)
	return b.String()
}

func messages(errs gqlerror.List) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Message)
	}
	slices.Sort(out)
	return out
}

// TestMarshalList checks that a list resolved in order answers what gqlgen's
// concurrent marshalling answers: each element under its own index, a
// panicking element a null with an error, the others intact.
func TestMarshalList(t *testing.T) {
	for _, inOrder := range []bool{true, false} {
		t.Run(fmt.Sprintf("in order %v", inOrder), func(t *testing.T) {
			ec, ctx := execFor(inOrder)
			var mu sync.Mutex
			var indexes []int
			got := ec.marshalList(ctx, 4, 0, false, func(ctx context.Context, i int) graphql.Marshaler {
				mu.Lock()
				indexes = append(indexes, *graphql.GetFieldContext(ctx).Index)
				mu.Unlock()
				if i == 2 {
					panic("element 2")
				}
				return graphql.MarshalInt(i * 10)
			})
			if s := text(got); s != "[0,10,null,30]" {
				t.Errorf("%s, want [0,10,null,30]", s)
			}
			slices.Sort(indexes)
			if !slices.Equal(indexes, []int{0, 1, 2, 3}) {
				t.Errorf("field context indexes %v, want 0 1 2 3", indexes)
			}
			if msgs := messages(graphql.GetErrors(ctx)); !slices.Equal(msgs, []string{"panic: element 2"}) {
				t.Errorf("errors %q, want the panic of element 2", msgs)
			}
			if got := ec.marshalList(ctx, 0, 0, false, nil); len(got) != 0 {
				t.Errorf("an empty list marshals to %d elements", len(got))
			}
		})
	}
}

// TestResolveField checks that fields resolved in order land where gqlgen's
// Dispatch puts them: the value at its index, a panic a null with an error,
// and a null counted as invalid only where the field is non-null (Null) or
// the resolver says the parent must be null (RequiredNull).
func TestResolveField(t *testing.T) {
	fail := errors.New("boom")
	resolvers := []struct {
		name    string
		nonNull bool
		resolve func(ctx context.Context) graphql.Marshaler
		want    string
	}{
		{"a value", true, func(context.Context) graphql.Marshaler { return graphql.MarshalString("x") }, `"x"`},
		{"a null of a nullable field", false, func(context.Context) graphql.Marshaler { return graphql.Null }, "null"},
		{"a panic", false, func(context.Context) graphql.Marshaler { panic(fail) }, "null"},
		{"a null of a non-null field", true, func(context.Context) graphql.Marshaler { return graphql.Null }, "null"},
	}
	for _, inOrder := range []bool{true, false} {
		t.Run(fmt.Sprintf("in order %v", inOrder), func(t *testing.T) {
			ec, ctx := execFor(inOrder)
			fields := make([]graphql.CollectedField, len(resolvers))
			for i, r := range resolvers {
				fields[i] = graphql.CollectedField{Field: &ast.Field{Name: fmt.Sprintf("f%d", i), Alias: r.name}}
			}
			out := graphql.NewFieldSet(fields)
			deferred := ec.newDeferredGroup(ctx, fields)
			for i, r := range resolvers {
				ec.resolveField(ctx, out, fields[i], &deferred, i, true, r.nonNull, r.resolve)
			}
			out.Dispatch(ctx)
			for i, r := range resolvers {
				if s := text(out.Values[i]); s != r.want {
					t.Errorf("%s: %s, want %s", r.name, s, r.want)
				}
			}
			if out.Invalids != 1 {
				t.Errorf("%d invalid fields, want 1 (the null of the non-null field)", out.Invalids)
			}
			if msgs := messages(graphql.GetErrors(ctx)); !slices.Equal(msgs, []string{"panic: boom"}) {
				t.Errorf("errors %q, want the panic", msgs)
			}
			if deferred.Defers != nil {
				t.Errorf("an object without deferred fields has a deferred group %v", deferred)
			}
		})
	}
}
