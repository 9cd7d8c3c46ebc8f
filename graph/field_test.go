package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// TestResolveValue checks that a field read directly answers what gqlgen's
// ResolveField answers, value and errors (with the field's path), for every
// way a read can end; and that a field with directives, or a resolver
// without DirectFields, still goes through the field middleware.
func TestResolveValue(t *testing.T) {
	type result struct {
		text     string
		errors   []string
		paths    []string
		fcResult any
	}
	marshal := func(_ context.Context, _ ast.SelectionSet, v string) graphql.Marshaler {
		return graphql.MarshalString(v)
	}
	panicking := func(context.Context, ast.SelectionSet, string) graphql.Marshaler { panic("marshal") }
	cases := []struct {
		name    string
		read    func(ctx context.Context) (any, error)
		marshal func(context.Context, ast.SelectionSet, string) graphql.Marshaler
		nonNull bool
		want    string
		errors  []string
	}{
		{"a value", func(context.Context) (any, error) { return "x", nil }, marshal, true, `"x"`, nil},
		{"an error", func(context.Context) (any, error) { return nil, errors.New("boom") }, marshal, false, "null", []string{"boom"}},
		{"a panic in the read", func(context.Context) (any, error) { panic("read") }, marshal, false, "null", []string{"panic: read"}},
		{"a panic in the marshaller", func(context.Context) (any, error) { return "x", nil }, panicking, false, "null", []string{"panic: marshal"}},
		{"a null of a nullable field", func(context.Context) (any, error) { return nil, nil }, marshal, false, "null", nil},
		{"a null of a non-null field", func(context.Context) (any, error) { return nil, nil }, marshal, true, "null",
			[]string{"cannot return null for non-null field Thing.f"}},
		{"a marshaller", func(context.Context) (any, error) { return graphql.MarshalInt(7), nil }, marshal, false, "7", nil},
		{"a value of another type", func(context.Context) (any, error) { return 7, nil }, marshal, false, "null",
			[]string{"unexpected type int from middleware/directive chain, should be string"}},
	}
	run := func(direct bool, mw func(ctx context.Context, next graphql.Resolver) graphql.Resolver, i int) (result, int) {
		c := cases[i]
		ec, ctx := execWith(&Resolver{DirectFields: direct})
		intercepted := 0
		ec.OperationContext.ResolverMiddleware = func(ctx context.Context, next graphql.Resolver) (any, error) {
			intercepted++
			return next(ctx)
		}
		ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Query", Field: graphql.CollectedField{Field: &ast.Field{Alias: "q"}}})
		var fc *graphql.FieldContext
		field := graphql.CollectedField{Field: &ast.Field{Name: "f", Alias: "f"}}
		got := resolveValue(ec, ctx, ec.OperationContext, field,
			func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
				fc, _ = graphql.NewScalarFieldContext("Thing", field, false, false, "String")
				return fc, nil
			}, c.read, mw, c.marshal, true, c.nonNull)
		r := result{text: text(got), fcResult: fc.Result}
		for _, e := range graphql.GetErrors(ctx) {
			r.errors = append(r.errors, e.Message)
			r.paths = append(r.paths, e.Path.String())
		}
		return r, intercepted
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			direct, n := run(true, nil, i)
			if n != 0 {
				t.Errorf("read directly, the field middleware ran %d times", n)
			}
			gqlgen, n := run(false, nil, i)
			if n != 1 {
				t.Errorf("through gqlgen, the field middleware ran %d times, want 1", n)
			}
			if fmt.Sprint(direct) != fmt.Sprint(gqlgen) {
				t.Errorf("read directly %+v, through gqlgen %+v", direct, gqlgen)
			}
			if direct.text != c.want {
				t.Errorf("%s, want %s", direct.text, c.want)
			}
			for j, e := range c.errors {
				if j >= len(direct.errors) || !strings.Contains(direct.errors[j], e) {
					t.Errorf("errors %q, want %q", direct.errors, c.errors)
				}
			}
			if len(direct.errors) != len(c.errors) {
				t.Errorf("errors %q, want %q", direct.errors, c.errors)
			}
			for _, p := range direct.paths {
				if p != "q.f" {
					t.Errorf("error at %q, want q.f", p)
				}
			}
			directive := func(ctx context.Context, next graphql.Resolver) graphql.Resolver { return next }
			if _, n := run(true, directive, i); n != 1 {
				t.Errorf("a field with a directive: the field middleware ran %d times, want 1", n)
			}
		})
	}
}

// TestMarshalFields checks that an object written by marshalFields reads as
// gqlgen's FieldSet writes it, and that an object with a deferred field is
// gqlgen's own.
func TestMarshalFields(t *testing.T) {
	field := func(alias string) graphql.CollectedField {
		return graphql.CollectedField{Field: &ast.Field{Name: alias, Alias: alias}}
	}
	cases := []struct {
		name   string
		fields []graphql.CollectedField
		values []graphql.Marshaler
		want   string
	}{
		{"no field", nil, nil, `{}`},
		{"fields", []graphql.CollectedField{field("id"), field("name"), field("count")},
			[]graphql.Marshaler{graphql.MarshalString("m-1"), graphql.MarshalString(`a "quoted" name`), graphql.MarshalInt(3)},
			`{"id":"m-1","name":"a \"quoted\" name","count":3}`},
		{"a null", []graphql.CollectedField{field("id"), field("place")},
			[]graphql.Marshaler{graphql.MarshalString("m-1"), graphql.Null}, `{"id":"m-1","place":null}`},
		{"an alias twice: the first", []graphql.CollectedField{field("a"), field("b"), field("a")},
			[]graphql.Marshaler{graphql.MarshalInt(1), graphql.MarshalInt(2), graphql.MarshalInt(3)}, `{"a":1,"b":2}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := graphql.NewFieldSet(c.fields)
			copy(out.Values, c.values)
			got := text(marshalFields(out, c.fields, &graphql.DeferredGroup{}))
			if got != c.want {
				t.Errorf("%s, want %s", got, c.want)
			}
			if _, ok := marshalFields(out, c.fields, &graphql.DeferredGroup{}).(*graphql.FieldSet); ok {
				t.Errorf("an object without deferred fields is written by gqlgen's FieldSet")
			}
			if gqlgen := text(out); got != gqlgen {
				t.Errorf("%s, gqlgen writes %s", got, gqlgen)
			}
		})
	}
	out := graphql.NewFieldSet(nil)
	deferred := graphql.DeferredGroup{Defers: map[string]*graphql.FieldSetView{"label": nil}}
	if m := marshalFields(out, nil, &deferred); m != graphql.Marshaler(out) {
		t.Errorf("an object with a deferred field is %T, want gqlgen's FieldSet", m)
	}
}

// TestPlainFields checks that the fields and lists graph/generate answers at
// once (plain: read from a struct field, written by a marshaller that cannot
// fail) answer what gqlgen answers, errors and paths included, with or
// without DirectFields; and that read directly they make no field context:
// they allocate at most what their marshaller does.
func TestPlainFields(t *testing.T) {
	date, err := domain.ParseDate("2024-06-21")
	if err != nil {
		t.Fatal(err)
	}
	field := func(name string) graphql.CollectedField {
		return graphql.CollectedField{Field: &ast.Field{Name: name, Alias: name}}
	}
	title, founded, totalCount, rolesField := field("title"), field("founded"), field("totalCount"), field("roles")
	meeting, untitled := &domain.Meeting{Title: "Fifth meeting"}, &domain.Meeting{}
	appearance, bare := &domain.Appearance{Title: "Director"}, &domain.Appearance{}
	council, page := &domain.Council{Founded: date}, &domain.Connection[*domain.Council]{TotalCount: 7}
	roles, empty, withEmpty := []domain.Role{domain.RoleSpeaker, domain.RoleModerator}, []domain.Role(nil), []domain.Role{domain.RoleSpeaker, ""}
	cases := []struct {
		name   string
		answer func(ec *executionContext, ctx context.Context) graphql.Marshaler
		want   string
		errors int
		allocs float64 // read directly, at most; written, none (into a buffer that has room)
	}{
		{"a required string", func(ec *executionContext, ctx context.Context) graphql.Marshaler {
			return ec._Meeting_title(ctx, title, meeting)
		}, `"Fifth meeting"`, 0, 0},
		{"a required string left empty: gqlgen's error", func(ec *executionContext, ctx context.Context) graphql.Marshaler {
			return ec._Meeting_title(ctx, title, untitled)
		}, "null", 1, -1},
		{"an optional string", func(ec *executionContext, ctx context.Context) graphql.Marshaler {
			return ec._Appearance_title(ctx, title, appearance)
		}, `"Director"`, 0, 0},
		{"an optional string left empty", func(ec *executionContext, ctx context.Context) graphql.Marshaler {
			return ec._Appearance_title(ctx, title, bare)
		}, "null", 0, 0},
		{"a date", func(ec *executionContext, ctx context.Context) graphql.Marshaler {
			return ec._Council_founded(ctx, founded, council)
		}, `"2024-06-21"`, 0, 0},
		{"an int", func(ec *executionContext, ctx context.Context) graphql.Marshaler {
			return ec._CouncilConnection_totalCount(ctx, totalCount, page)
		}, "7", 0, 0},
		{"a list of enums", func(ec *executionContext, ctx context.Context) graphql.Marshaler {
			return ec.marshalNRole2ᚕgithubᚗcomᚋexpertgraphᚋexpertgraphᚋinternalᚋdomainᚐRoleᚄ(ctx, nil, roles)
		}, `["SPEAKER","MODERATOR"]`, 0, 2}, // the array, boxed
		{"an empty list of enums", func(ec *executionContext, ctx context.Context) graphql.Marshaler {
			return ec.marshalNRole2ᚕgithubᚗcomᚋexpertgraphᚋexpertgraphᚋinternalᚋdomainᚐRoleᚄ(ctx, nil, empty)
		}, `[]`, 0, 1},
		{"a list with an empty enum: gqlgen's error", func(ec *executionContext, ctx context.Context) graphql.Marshaler {
			return ec.marshalNRole2ᚕgithubᚗcomᚋexpertgraphᚋexpertgraphᚋinternalᚋdomainᚐRoleᚄ(ctx, nil, withEmpty)
		}, "null", 1, -1},
		{"a field that is a list of enums", func(ec *executionContext, ctx context.Context) graphql.Marshaler {
			return ec._Appearance_roles(ctx, rolesField, &domain.Appearance{Roles: roles})
		}, `["SPEAKER","MODERATOR"]`, 0, 3}, // the appearance, the array, boxed
		{"a field that is a list of enums, none", func(ec *executionContext, ctx context.Context) graphql.Marshaler {
			return ec._Appearance_roles(ctx, rolesField, bare)
		}, `[]`, 0, 1},
		{"a field that is a list with an empty enum: gqlgen's error", func(ec *executionContext, ctx context.Context) graphql.Marshaler {
			return ec._Appearance_roles(ctx, rolesField, &domain.Appearance{Roles: withEmpty})
		}, "null", 1, -1},
	}
	type result struct {
		text          string
		errors, paths []string
	}
	run := func(direct bool, c int) result {
		ec, ctx := execWith(&Resolver{DirectFields: direct})
		ec.OperationContext.ResolverMiddleware = func(ctx context.Context, next graphql.Resolver) (any, error) { return next(ctx) }
		ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Query", Field: field("q")})
		r := result{text: text(cases[c].answer(ec, ctx))}
		for _, e := range graphql.GetErrors(ctx) {
			r.errors = append(r.errors, e.Message)
			r.paths = append(r.paths, e.Path.String())
		}
		return r
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			direct, gqlgen := run(true, i), run(false, i)
			if fmt.Sprint(direct) != fmt.Sprint(gqlgen) {
				t.Errorf("read directly %+v, through gqlgen %+v", direct, gqlgen)
			}
			if direct.text != c.want || len(direct.errors) != c.errors {
				t.Errorf("%s with errors %q, want %s with %d", direct.text, direct.errors, c.want, c.errors)
			}
			if c.allocs < 0 {
				return
			}
			ec, ctx := execWith(&Resolver{DirectFields: true})
			if n := testing.AllocsPerRun(100, func() { c.answer(ec, ctx) }); n > c.allocs {
				t.Errorf("read directly: %.0f allocations, want at most %.0f (no field context)", n, c.allocs)
			}
			answer, buf := c.answer(ec, ctx), bytes.NewBuffer(make([]byte, 0, 256))
			if n := testing.AllocsPerRun(100, func() { buf.Reset(); answer.MarshalGQL(buf) }); n > 0 {
				t.Errorf("written: %.0f allocations, want none", n)
			}
		})
	}
}
