package graph

import (
	"context"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
)

// In-order resolution.
//
// gqlgen resolves each element of a list of objects, and each resolver field
// of an object beyond the first, in a goroutine of its own. Over Neo4j that
// is what batches a level's reads: the goroutines of a level ask their
// dataloaders at once, and one statement answers them all. The embedded
// store answers in process, in less time than a goroutine costs to start
// and to grow its stack: a person's 290 appearances, each with its meeting,
// council and institution, started about a thousand goroutines.
//
// With Resolver.InOrder (httpserver.Config.InOrder, which also makes the
// loaders read at once) the functions below resolve lists and fields one
// after another in the calling goroutine; otherwise they do what gqlgen
// does. The generator (graph/generate) routes the generated code through
// them.

// inOrder reports whether this request's resolvers run in order.
func (ec *executionContext) inOrder() bool {
	r, ok := ec.Resolvers.(*Resolver)
	return ok && r.InOrder
}

// marshalList is graphql.MarshalSliceConcurrently, element after element when
// in order: each element under its own field context (its index in the
// path), a panic in one recovered into an error and a null, as gqlgen does.
func (ec *executionContext) marshalList(ctx context.Context, n int, workerLimit int64, omitPanicHandler bool,
	marshal func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	if !ec.inOrder() {
		return graphql.MarshalSliceConcurrently(ctx, n, workerLimit, omitPanicHandler, marshal)
	}
	ret := make(graphql.Array, n)
	for i := range n {
		ctx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i})
		ret[i] = marshalElement(ctx, i, omitPanicHandler, marshal)
	}
	return ret
}

func marshalElement(ctx context.Context, i int, omitPanicHandler bool,
	marshal func(ctx context.Context, i int) graphql.Marshaler) (ret graphql.Marshaler) {
	if !omitPanicHandler {
		defer func() {
			if r := recover(); r != nil {
				graphql.AddError(ctx, graphql.Recover(ctx, r))
				ret = graphql.Null
			}
		}()
	}
	return marshal(ctx, i)
}

// resolveField is out.ResolveConcurrently, resolved at once when in order
// (and the field is not deferred): the value stored at i, a panic recovered
// into an error and a null, and an invalid result counted against the
// object, as gqlgen's Dispatch does.
func (ec *executionContext) resolveField(ctx context.Context, out *graphql.FieldSet, field graphql.CollectedField,
	deferred *graphql.DeferredGroup, i int, recoverFromPanic, nonNull bool,
	resolve func(ctx context.Context) graphql.Marshaler) {
	if !ec.inOrder() || field.IsDeferred() {
		out.ResolveConcurrently(ec.OperationContext, deferred, i, recoverFromPanic, nonNull, resolve)
		return
	}
	v := resolveRecovered(ctx, ec.OperationContext, recoverFromPanic, resolve)
	out.Values[i] = v
	invalid := graphql.Marshaler(graphql.RequiredNull)
	if nonNull {
		invalid = graphql.Null
	}
	if v == invalid {
		atomic.AddUint32(&out.Invalids, 1)
	}
}

func resolveRecovered(ctx context.Context, oc *graphql.OperationContext, recoverFromPanic bool,
	resolve func(ctx context.Context) graphql.Marshaler) (ret graphql.Marshaler) {
	if recoverFromPanic {
		defer func() {
			if r := recover(); r != nil {
				oc.Error(ctx, oc.Recover(ctx, r))
				ret = graphql.Null
			}
		}()
	}
	return resolve(ctx)
}

// newDeferredGroup is graphql.NewDeferredGroup for an object with a deferred
// field; for any other it is the empty group, which collects nothing and
// costs nothing (NewDeferredGroup computes the object's path, a slice, for
// every object of the answer).
func (ec *executionContext) newDeferredGroup(ctx context.Context, fields []graphql.CollectedField) graphql.DeferredGroup {
	for _, f := range fields {
		if f.IsDeferred() {
			return graphql.NewDeferredGroup(ctx)
		}
	}
	return graphql.DeferredGroup{}
}
