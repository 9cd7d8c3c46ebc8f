package main

import (
	"fmt"
	"strings"
	"testing"
)

func TestApply(t *testing.T) {
	src := "package graph\n\nfunc f() {\n\tgraphql.MarshalSliceConcurrently(ctx, 1)\n\tgraphql.MarshalSliceConcurrently(ctx, 2)\n}\n"
	tests := []struct {
		name    string
		rs      []rewrite
		want    string // "" for an error
		wantErr string
	}{
		{"every occurrence", []rewrite{{"graphql.MarshalSliceConcurrently(ctx,", "ec.marshalList(ctx,"}},
			"package graph\n\nfunc f() {\n\tec.marshalList(ctx, 1)\n\tec.marshalList(ctx, 2)\n}\n", ""},
		{"a call gqlgen no longer makes", []rewrite{{"graphql.NewDeferredGroup(ctx)", "x"}}, "", "gqlgen changed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := apply([]byte(src), tt.rs)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// plainSource is generated code as apply leaves it: fields read with
// resolveValue (plainField), one of them by a resolver and one a list of
// required strings; and seven marshallers (a required string, an optional
// one, an int, a boolean, a type that writes itself, a pointer that writes
// itself, one of unknown shape) and that list's marshaller.
var plainSource = func() string {
	fields := []struct {
		name, read, typ, marshal string
		nonNull                  bool
	}{
		{"title", "obj.Title, nil", "string", "marshalNString2string", true},
		{"order", "obj.Order, nil", "int", "marshalNInt2int", true},
		{"council", "ec.Resolvers.Meeting().Council(ctx, obj)", "string", "marshalNString2string", false},
		{"place", "obj.Place, nil", "*domain.Place", "marshalOPlace2ᚖdomainᚐPlace", false},
		{"weight", "obj.Weight, nil", "float64", "marshalNFloat2float64", true},
		{"dateNote", "obj.DateNote, nil", "string", "marshalOString2string", false},
		{"date", "obj.Date, nil", "domain.Date", "marshalNPartialDate2domainᚐDate", false},
		{"online", "obj.Online, nil", "bool", "marshalNBoolean2bool", false},
		{"themeIDs", "obj.ThemeIDs, nil", "[]string", "marshalNString2ᚕstringᚄ", true},
	}
	out := "package graph\n\n"
	for _, f := range fields {
		out += plainField(f.name, f.read, f.typ, f.marshal, f.nonNull)
	}
	return out + plainMarshallers
}()

// plainField is a field of a meeting as gqlgen generates it and apply
// leaves it: read returns its value, marshal writes it.
func plainField(name, read, typ, marshal string, nonNull bool) string {
	return fmt.Sprintf(`func (ec *executionContext) _Meeting_%[1]s(ctx context.Context, field graphql.CollectedField, obj *domain.Meeting) (ret graphql.Marshaler) {
	return resolveValue(ec,
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_Meeting_%[1]s(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return %[2]s
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v %[3]s) graphql.Marshaler {
			return ec.%[4]s(ctx, selections, v)
		},
		true,
		%[5]v,
	)
}

`, name, read, typ, marshal, nonNull)
}

const plainMarshallers = `func (ec *executionContext) marshalOString2string(ctx context.Context, sel ast.SelectionSet, v string) graphql.Marshaler {
	_ = sel
	_ = ctx
	res := MarshalString(v)
	return res
}

func (ec *executionContext) marshalNPartialDate2domainᚐDate(ctx context.Context, sel ast.SelectionSet, v domain.Date) graphql.Marshaler {
	return v
}

func (ec *executionContext) marshalNBoolean2bool(ctx context.Context, sel ast.SelectionSet, v bool) graphql.Marshaler {
	_ = sel
	res := graphql.MarshalBoolean(v)
	if res == graphql.Null {
		graphql.AddInvalidNullFromMarshaler(ctx, "Boolean!")
	}
	return res
}

func (ec *executionContext) marshalNString2string(ctx context.Context, sel ast.SelectionSet, v string) graphql.Marshaler {
	_ = sel
	res := MarshalString(v)
	if res == graphql.Null {
		graphql.AddInvalidNullFromMarshaler(ctx, "String!")
	}
	return res
}

func (ec *executionContext) marshalNString2ᚕstringᚄ(ctx context.Context, sel ast.SelectionSet, v []string) graphql.Marshaler {
	ret := ec.marshalList(ctx, len(v), 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		fc := graphql.GetFieldContext(ctx)
		fc.Result = &v[i]
		return ec.marshalNString2string(ctx, sel, v[i])
	})
	return ret
}

func (ec *executionContext) marshalNInt2int(ctx context.Context, sel ast.SelectionSet, v int) graphql.Marshaler {
	_ = sel
	res := graphql.MarshalInt(v)
	if res == graphql.Null {
		graphql.AddInvalidNullFromMarshaler(ctx, "Int!")
	}
	return res
}

func (ec *executionContext) marshalOPlace2ᚖdomainᚐPlace(ctx context.Context, sel ast.SelectionSet, v *domain.Place) graphql.Marshaler {
	return v
}

func (ec *executionContext) marshalNFloat2float64(ctx context.Context, sel ast.SelectionSet, v float64) graphql.Marshaler {
	_ = sel
	res := graphql.MarshalFloatContext(v)
	if res == graphql.Null {
		graphql.AddInvalidNullFromMarshaler(ctx, "Float!")
	}
	return graphql.WrapContextMarshaler(ctx, res)
}
`

// TestPlain checks which fields and lists plain answers at once: a field
// read from its struct field whose marshaller cannot fail (a required
// string only when it is not empty), a list of such elements; not a field
// read by a resolver, a pointer that writes itself, or a marshaller of
// another shape; and that generated code with none of them is refused.
func TestPlain(t *testing.T) {
	got, err := plain([]byte(plainSource))
	if err != nil {
		t.Fatal(err)
	}
	out := string(got)
	for _, want := range []string{
		"if obj.Title != \"\" && ec.directFields() {\n\t\treturn (*quoted)(&obj.Title)\n\t}\n\treturn resolveValue(ec,",
		"if ec.directFields() {\n\t\treturn (*integer)(&obj.Order)\n\t}\n\treturn resolveValue(ec,",
		"if ec.directFields() {\n\t\treturn optional(&obj.DateNote)\n\t}\n\treturn resolveValue(ec,",
		"if ec.directFields() {\n\t\treturn &obj.Date\n\t}\n\treturn resolveValue(ec,",
		"if ec.directFields() {\n\t\treturn ec.marshalNBoolean2bool(ctx, field.Selections, obj.Online)\n\t}\n\treturn resolveValue(ec,",
		"if noneEmpty(obj.ThemeIDs) && ec.directFields() {\n\t\treturn ec.marshalNString2ᚕstringᚄ(ctx, field.Selections, obj.ThemeIDs)\n\t}\n\treturn resolveValue(ec,",
		"if noneEmpty(v) && ec.directFields() {\n\t\tret := make(graphql.Array, len(v))\n\t\tfor i := range v {\n\t\t\tret[i] = (*quoted)(&v[i])\n\t\t}\n\t\treturn ret\n\t}\n\tret := ec.marshalList(",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no\n%s\nin\n%s", want, out)
		}
	}
	for _, field := range []string{"_Meeting_council", "_Meeting_place", "_Meeting_weight"} {
		i := strings.Index(out, field+"(")
		if body := out[i : i+strings.Index(out[i:], "return resolveValue")]; strings.Contains(body, "directFields") {
			t.Errorf("%s is answered at once:\n%s", field, body)
		}
	}
	if n := strings.Count(out, "directFields()"); n != 7 {
		t.Errorf("%d fields and lists answered at once, want 7", n)
	}
	if _, err := plain([]byte("package graph\n")); err == nil || !strings.Contains(err.Error(), "gqlgen changed") {
		t.Errorf("no plain field: error %v, want one saying gqlgen changed", err)
	}
}
