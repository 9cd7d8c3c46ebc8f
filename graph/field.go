package graph

import (
	"context"
	"io"
	"slices"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Direct field resolution.
//
// gqlgen resolves every field of an answer through graphql.ResolveField,
// which sends the field's read through the field middleware (the chain of
// the server's graphql.FieldInterceptor extensions) by way of two closures,
// and boxes the value a second time to keep it in the field context: a few
// allocations per field, thousands in a person's history. With
// Resolver.DirectFields (set by httpserver when no extension intercepts
// fields, whose middleware then only calls the read) resolveValue reads the
// field itself, with the same field context, errors and recovery; otherwise,
// and for a field with directives, it is graphql.ResolveField. A plain field
// (read from its struct field, written by a marshaller that cannot fail on
// its value) needs neither: with DirectFields the generated code writes it
// at once, and each element of a list of enums too (noneEmpty). Every
// object is written by marshalFields. The generator (graph/generate) routes
// the generated code through all of them.

// directFields reports whether this request's fields are read directly.
func (ec *executionContext) directFields() bool {
	r, ok := ec.Resolvers.(*Resolver)
	return ok && r.DirectFields
}

// resolveValue is graphql.ResolveField without the field middleware, when
// ec.directFields and the field has no directives (middlewareChain nil).
func resolveValue[T any](ec *executionContext, ctx context.Context, oc *graphql.OperationContext, field graphql.CollectedField,
	initializeFieldContext func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error),
	fieldResolver func(ctx context.Context) (any, error),
	middlewareChain func(ctx context.Context, next graphql.Resolver) graphql.Resolver,
	marshal func(ctx context.Context, sel ast.SelectionSet, v T) graphql.Marshaler,
	recoverFromPanic bool, nonNull bool) (ret graphql.Marshaler) {
	if middlewareChain != nil || !ec.directFields() {
		return graphql.ResolveField(ctx, oc, field, initializeFieldContext, fieldResolver, middlewareChain, marshal, recoverFromPanic, nonNull)
	}
	fc, err := initializeFieldContext(ctx, field)
	if err != nil {
		return graphql.Null
	}
	ctx = graphql.WithFieldContext(ctx, fc)
	if recoverFromPanic {
		defer func() {
			if r := recover(); r != nil {
				oc.Error(ctx, oc.Recover(ctx, r))
				ret = graphql.Null
			}
		}()
	}
	v, err := fieldResolver(ctx)
	if err != nil {
		oc.Error(ctx, graphql.AddFieldLocationToError(ctx, err))
		if fc.NonNull && !nonNull {
			return graphql.RequiredNull
		}
		return graphql.Null
	}
	if v == nil {
		if nonNull || fc.NonNull {
			graphql.AddInvalidNullError(ctx, "")
		}
		if fc.NonNull && !nonNull {
			return graphql.RequiredNull
		}
		return graphql.Null
	}
	if res, ok := v.(T); ok {
		fc.Result = v
		return marshal(ctx, field.Selections, res)
	}
	if res, ok := v.(graphql.Marshaler); ok {
		fc.Result = v
		return res
	}
	var t T
	oc.Errorf(ctx, `unexpected type %T from middleware/directive chain, should be %T`, v, t)
	return graphql.Null
}

// marshalFields is the answer of an object resolved into out, whose fields
// are fields: out itself if a field is deferred, otherwise an object that
// writes what out's MarshalGQL writes (each alias once, the first, with its
// value) without copying every field to the heap and making a map to do it,
// as gqlgen 0.17.98 does for every object of the answer.
func marshalFields(out *graphql.FieldSet, fields []graphql.CollectedField, deferred *graphql.DeferredGroup) graphql.Marshaler {
	if len(deferred.Defers) > 0 {
		return out
	}
	return &objectFields{out: out, fields: fields}
}

type objectFields struct {
	out    *graphql.FieldSet
	fields []graphql.CollectedField
}

// MarshalGQL writes the object. An alias is a GraphQL name, which needs no
// escaping in JSON.
func (o *objectFields) MarshalGQL(w io.Writer) {
	io.WriteString(w, "{")
	first := true
	for i := range o.fields {
		alias := o.fields[i].Alias
		if slices.ContainsFunc(o.fields[:i], func(f graphql.CollectedField) bool { return f.Alias == alias }) {
			continue
		}
		if !first {
			io.WriteString(w, ",")
		}
		first = false
		io.WriteString(w, `"`)
		io.WriteString(w, alias)
		io.WriteString(w, `":`)
		if v := o.out.Values[i]; v != nil {
			v.MarshalGQL(w)
		} else {
			io.WriteString(w, "null")
		}
	}
	io.WriteString(w, "}")
}

// noneEmpty reports whether no element of a list of strings or enums is
// "", which a required one's marshaller reports as an error (graph/generate
// writes such lists at once only then).
func noneEmpty[S ~[]E, E ~string](v S) bool {
	for _, x := range v {
		if x == "" {
			return false
		}
	}
	return true
}

// quoted is a string, an ID or an enum answered as a JSON string, as
// gqlgen's marshaller writes it. A plain field's is a pointer into its
// struct field: unlike the string, or the closure gqlgen's marshaller
// returns, it is an answer (graphql.Marshaler) without an allocation.
type quoted string

func (q *quoted) MarshalGQL(w io.Writer) { graphql.MarshalString(string(*q)).MarshalGQL(w) }

// optional is an optional String's answer: null for "" (the domain's
// unknown, as MarshalString answers), else quoted.
func optional(s *string) graphql.Marshaler {
	if *s == "" {
		return graphql.Null
	}
	return (*quoted)(s)
}

// integer is an Int answered as a JSON number, as gqlgen's marshaller
// writes it, and for the same reason as quoted.
type integer int

func (i *integer) MarshalGQL(w io.Writer) { io.WriteString(w, strconv.Itoa(int(*i))) }
