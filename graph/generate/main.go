// Command generate runs gqlgen on the schema (gqlgen.yml), then routes
// seven spots of the generated code through graph's own functions
// (inorder.go, field.go, answer.go, collect.go) and makes an eighth kind of
// spot, plain fields, write at once:
//
//   - graphql.MarshalSliceConcurrently, which starts a goroutine per element
//     of every list of objects;
//   - FieldSet.ResolveConcurrently, which starts a goroutine for every
//     resolver field of an object beyond the first;
//   - graphql.NewDeferredGroup, which computes the object's path for @defer
//     even when no field of the object is deferred;
//   - graphql.ResolveField, which sends every field's read through the field
//     middleware by way of two closures, and boxes its value twice;
//   - the FieldSet every object returns, whose MarshalGQL copies each field
//     to the heap and makes a map to write the object;
//   - the buffer each answer is written into, new and grown from empty
//     (answerBuffer: a pooled one when the transport lends them);
//   - graphql.CollectFields, which hashes the type's names into a new
//     cache key for every object (collectFields: a key of addresses, in a
//     field the executionContext is given);
//   - a plain field (one read from its object's struct field, obj.X, and
//     written by a marshaller that cannot report an error: plainFields),
//     which gqlgen also reads through a field context, a context, three
//     closures and a boxed value, is written at once, a string, an Int or a
//     date as a pointer into its struct field (field.go's quoted, integer,
//     optional); so is each element of a list of enums, which gqlgen writes
//     with a field context each (and a goroutine each, unless in order).
//
// The first three do what gqlgen does, unless the request is resolved in
// order (Resolver.InOrder: the embedded store, which answers in process, so
// that a goroutine costs more than the read it waits for); the fourth and
// the eighth, unless no extension intercepts fields (Resolver.DirectFields,
// both stores); the fifth, sixth and seventh do what gqlgen does, always.
// gqlgen 0.17.98 has no option for any of the eight. Run it
// from the repository (go generate ./graph); CI runs it and fails if the
// committed code differs.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen/config"
)

// rewrite is one call of the generated code routed through graph.
type rewrite struct{ from, to string }

var rewrites = []rewrite{
	{"graphql.MarshalSliceConcurrently(ctx,", "ec.marshalList(ctx,"},
	{"out.ResolveConcurrently(ec.OperationContext, &deferred, i,", "ec.resolveField(ctx, out, field, &deferred, i,"},
	{"graphql.NewDeferredGroup(ctx)", "ec.newDeferredGroup(ctx, fields)"},
	{"return graphql.ResolveField(\n", "return resolveValue(ec,\n"},
	{"\n\treturn out\n}\n", "\n\treturn marshalFields(out, fields, &deferred)\n}\n"},
	{"var buf bytes.Buffer\n\t\t\tdata.MarshalGQL(&buf)", "buf := answerBuffer(ctx)\n\t\t\tdata.MarshalGQL(buf)"},
	{"\t\"bytes\"\n", ""}, // the answer buffer was its only use
	{"graphql.CollectFields(ec.OperationContext, sel, ", "ec.collectFields(sel, "},
	{"type executionContext struct {\n", "type executionContext struct {\n\tcollected collected // this operation's collected fields (collect.go)\n"},
}

func main() {
	verbose := flag.Bool("v", false, "show gqlgen's log")
	flag.Parse()
	if !*verbose {
		log.SetOutput(io.Discard) // as gqlgen generate does
	}
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.LoadConfigFromDefaultLocations() // and moves to its directory
	if err != nil {
		return err
	}
	// gqlgen builds its own output to check it; this one only builds once
	// rewritten (collect.go needs the field the rewrite gives
	// executionContext).
	cfg.SkipValidation = true
	if err := api.Generate(cfg); err != nil {
		return err
	}
	path := cfg.Exec.Filename
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := apply(src, rewrites)
	if err == nil {
		out, err = plain(out)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		return err
	}
	build := exec.Command("go", "build", filepath.Dir(path), cfg.Model.Dir())
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("the generated code does not build: %w", err)
	}
	return nil
}

// apply makes every rewrite in src, each of which must occur, and formats
// the result.
func apply(src []byte, rs []rewrite) ([]byte, error) {
	for _, r := range rs {
		n := bytes.Count(src, []byte(r.from))
		if n == 0 {
			return nil, fmt.Errorf("no %q in the generated code: gqlgen changed, update graph/generate and graph/inorder.go", r.from)
		}
		src = bytes.ReplaceAll(src, []byte(r.from), []byte(r.to))
	}
	return format.Source(src)
}

// plain answers the plain fields and lists of src (plainFields), of which
// there must be some, and formats the result.
func plain(src []byte) ([]byte, error) {
	src, fields, lists := plainFields(src)
	if fields == 0 || lists == 0 {
		return nil, fmt.Errorf("%d plain fields and %d plain lists in the generated code: gqlgen changed, update graph/generate", fields, lists)
	}
	return format.Source(src)
}

// A generated marshaller of a scalar or an enum: its name, the type it
// writes and its body.
var marshaller = regexp.MustCompile(`(?m)^func \(ec \*executionContext\) (marshal[^(\s]+)\(ctx context\.Context, sel ast\.SelectionSet, v ([^)]+)\) graphql\.Marshaler \{\n((?:\t.*\n|\n)*?)\}\n`)

// The bodies (tabs left out) of the marshallers that never report an
// error: an optional String, an Int, a Boolean, a type that writes itself;
// and of those that report one only for "", a required String, ID or enum
// (graph.MarshalString and MarshalID answer null for "", which the domain
// never leaves in a required field).
var (
	neverFails = regexp.MustCompile(`^(?:_ = sel\n_ = ctx\nres := MarshalString\(v\)\nreturn res` +
		`|if v == nil \{\nreturn graphql\.Null\n\}\n_ = sel\n_ = ctx\nres := MarshalString\(\*v\)\nreturn res` +
		`|return v` +
		`|_ = sel\nres := graphql\.Marshal(?:Int|Boolean)\(v\)\nif res == graphql\.Null \{\ngraphql\.AddInvalidNullFromMarshaler\(ctx, "\w+!"\)\n\}\nreturn res)\n$`)
	failsOnEmpty = regexp.MustCompile(`^_ = sel\nres := Marshal(?:String|ID)\((?:v|string\(v\))\)\nif res == graphql\.Null \{\ngraphql\.AddInvalidNullFromMarshaler\(ctx, "\w+!"\)\n\}\nreturn res\n$`)
)

// A field read with resolveValue from its object's struct field, without
// directives: the struct field and the field's marshaller.
var plainRead = regexp.MustCompile(`\treturn resolveValue\(ec,\n\t\tctx,\n\t\tec\.OperationContext,\n\t\tfield,\n` +
	`\t\tfunc\(ctx context\.Context, field graphql\.CollectedField\) \(\*graphql\.FieldContext, error\) \{\n\t\t\treturn ec\.fieldContext_\w+\(ctx, field\)\n\t\t\},\n` +
	`\t\tfunc\(ctx context\.Context\) \(any, error\) \{\n\t\t\treturn (obj\.\w+), nil\n\t\t\},\n` +
	`\t\tnil,\n` +
	`\t\tfunc\(ctx context\.Context, selections ast\.SelectionSet, v [^)]+\) graphql\.Marshaler \{\n\t\t\treturn ec\.(marshal[^(\s]+)\(ctx, selections, v\)\n\t\t\},\n`)

// A marshaller of a list that writes each element with its own field
// context (ec.marshalList): the list's marshaller's name, and the elements'
// marshaller.
var listMarshaller = regexp.MustCompile(`(?m)^func \(ec \*executionContext\) (marshal[^(\s]+)\(ctx context\.Context, sel ast\.SelectionSet, v \[\][^)]+\) graphql\.Marshaler \{\n` +
	`(?:\tif v == nil \{\n\t\treturn graphql\.Null\n\t\}\n)?` +
	`\tret := ec\.marshalList\(ctx, len\(v\), 0, false, func\(ctx context\.Context, i int\) graphql\.Marshaler \{\n` +
	`\t\tfc := graphql\.GetFieldContext\(ctx\)\n\t\tfc\.Result = &v\[i\]\n\t\treturn ec\.(marshalN[^(\s]+)\(ctx, sel, v\[i\]\)\n\t\}\)\n`)

// A plain marshaller's kind: how a plain field it writes is answered.
type plainKind int

const (
	callMarshaller plainKind = iota // the marshaller's answer
	quotedField                     // a String, ID or enum never "": a *quoted into the struct field
	optionalField                   // an optional String: null for "", else as quotedField
	integerField                    // an Int: an *integer into the struct field
	selfField                       // a type that writes itself: a pointer to the struct field
)

// The bodies (tabs left out) of the plain marshallers answered without
// boxing their value (plainKind).
var (
	optionalBody = regexp.MustCompile(`^_ = sel\n_ = ctx\nres := MarshalString\(v\)\nreturn res\n$`)
	integerBody  = regexp.MustCompile(`^_ = sel\nres := graphql\.MarshalInt\(v\)\n`)
)

// plainFields answers each plain field before its resolveValue: when the
// fields are read directly (Resolver.DirectFields) and its marshaller
// cannot fail on the value, the field is what its marshaller would answer,
// which is what resolveValue would answer, without the field context, the
// context, the closures and the boxed value it makes. A string, an Int or a
// type that writes itself is answered as a pointer into its struct field
// (plainKind; graph/field.go's quoted and integer), which costs no
// allocation; others as their marshaller's answer. Otherwise (a required
// string left empty, an extension intercepting fields) resolveValue
// answers, with its error and path. A list of required elements whose
// marshaller cannot fail on any of them is written the same way, element by
// element, before ec.marshalList. It returns src and the numbers of plain
// fields and lists.
func plainFields(src []byte) ([]byte, int, int) {
	onEmpty := map[string]bool{}    // the plain marshallers: whether each fails on ""
	kinds := map[string]plainKind{} // and how their fields are answered
	for _, m := range marshaller.FindAllSubmatch(src, -1) {
		name, typ := string(m[1]), string(m[2])
		body := strings.ReplaceAll(string(m[3]), "\t", "")
		switch {
		case strings.HasPrefix(typ, "*") && body == "return v\n", strings.HasPrefix(typ, "["):
			// A nil pointer, or a list: not plain.
		case neverFails.MatchString(body):
			onEmpty[name] = false
			switch {
			case optionalBody.MatchString(body) && typ == "string":
				kinds[name] = optionalField
			case integerBody.MatchString(body) && typ == "int":
				kinds[name] = integerField
			case body == "return v\n" && !strings.HasPrefix(typ, "*"):
				kinds[name] = selfField
			}
		case failsOnEmpty.MatchString(body):
			onEmpty[name] = true
			kinds[name] = quotedField
		}
	}
	answer := func(marshal, sel, value string) string {
		switch kinds[marshal] {
		case quotedField:
			return fmt.Sprintf("(*quoted)(&%s)", value)
		case optionalField:
			return fmt.Sprintf("optional(&%s)", value)
		case integerField:
			return fmt.Sprintf("(*integer)(&%s)", value)
		case selfField:
			return "&" + value
		}
		return fmt.Sprintf("ec.%s(ctx, %s, %s)", marshal, sel, value)
	}
	listOnEmpty := map[string]bool{} // the plain lists' marshallers: whether an element fails on ""
	for _, m := range listMarshaller.FindAllSubmatch(src, -1) {
		if fails, ok := onEmpty[string(m[2])]; ok {
			listOnEmpty[string(m[1])] = fails
		}
	}
	n := 0
	src = plainRead.ReplaceAllFunc(src, func(call []byte) []byte {
		m := plainRead.FindSubmatch(call)
		value, marshal := string(m[1]), string(m[2])
		var cond, ret string
		if fails, ok := listOnEmpty[marshal]; ok { // written element by element at once, below
			ret = fmt.Sprintf("ec.%s(ctx, field.Selections, %s)", marshal, value)
			if fails {
				cond = "noneEmpty(" + value + ") && "
			}
		} else if fails, ok := onEmpty[marshal]; ok {
			ret = answer(marshal, "field.Selections", value)
			if fails {
				cond = value + ` != "" && `
			}
		} else {
			return call
		}
		n++
		return fmt.Appendf(nil, "\tif %sec.directFields() {\n\t\treturn %s\n\t}\n%s", cond, ret, call)
	})
	lists := 0
	src = listMarshaller.ReplaceAllFunc(src, func(list []byte) []byte {
		m := listMarshaller.FindSubmatch(list)
		marshal := string(m[2])
		fails, ok := onEmpty[marshal]
		if !ok {
			return list
		}
		lists++
		cond := ""
		if fails {
			cond = "noneEmpty(v) && "
		}
		call := bytes.Index(list, []byte("\tret := ec.marshalList("))
		return fmt.Appendf(nil, "%s\tif %sec.directFields() {\n\t\tret := make(graphql.Array, len(v))\n"+
			"\t\tfor i := range v {\n\t\t\tret[i] = %s\n\t\t}\n\t\treturn ret\n\t}\n%s",
			list[:call], cond, answer(marshal, "sel", "v[i]"), list[call:])
	})
	return src, n, lists
}
