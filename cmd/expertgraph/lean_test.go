package main

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/expertgraph/expertgraph/internal/httpserver"
)

// TestLeanNodesAreNotSeen checks that the nodes a With reader returns lean
// or projected (loader/include.go, loader/fields.go, domain.Lean,
// domain.Project) never answer a field that needs what they lack: each
// node reached through a list, with relations asked for in the same query,
// answers as it does when asked for alone by ID, on every store. It fails
// if nodes are read lean when the query names their relations, or
// projected without a field another type's resolver reads of them (a
// meeting's country is its place's).
func TestLeanNodesAreNotSeen(t *testing.T) {
	cases := []struct {
		name   string
		nested string                      // a query reaching nodes through lists
		pick   func(data any) []any        // the nodes it reached
		single string                      // the same fields of one node, by $id
		one    func(data any) any          // the node of single's answer
		want   func(t *testing.T, n []any) // what must be there for the case to mean something
	}{
		{
			name: "speakers' people with affiliations, sources and country",
			nested: `{ meeting(id: "raec-5") { speakers { person {
				id name affiliations { title institution { id } } sources { excerpt source { id } } country { id } } } } }`,
			pick:   func(d any) []any { return field(list(at(d, "meeting", "speakers")), "person") },
			single: `query($id: ID!) { person(id: $id) { id name affiliations { title institution { id } } sources { excerpt source { id } } country { id } } }`,
			one:    func(d any) any { return at(d, "person") },
			want:   nonEmpty("affiliations"),
		},
		{
			name:   "speakers' institutions with country and sources",
			nested: `{ meeting(id: "raec-5") { speakers { institution { id name country { id } sources { source { id } } } } } }`,
			pick:   func(d any) []any { return field(list(at(d, "meeting", "speakers")), "institution") },
			single: `query($id: ID!) { institution(id: $id) { id name country { id } sources { source { id } } } }`,
			one:    func(d any) any { return at(d, "institution") },
			want:   nonEmpty("sources"),
		},
		{
			name: "a person's meetings with their country (through the place), organizers, themes and initiatives",
			nested: `{ person(id: "farid-shafiyev") { appearances { meeting {
				id title country { id } organizers { id } themes { id } initiatives { id } council { id countries { id } } } } } }`,
			pick: func(d any) []any { return field(list(at(d, "person", "appearances")), "meeting") },
			single: `query($id: ID!) { meeting(id: $id) {
				id title country { id } organizers { id } themes { id } initiatives { id } council { id countries { id } } } }`,
			one:  func(d any) any { return at(d, "meeting") },
			want: nonEmpty("initiatives"),
		},
		{
			name:   "a person's meetings with their place's name and their country (the place's country)",
			nested: `{ person(id: "farid-shafiyev") { appearances { meeting { id place { name } country { id name } } } } }`,
			pick:   func(d any) []any { return field(list(at(d, "person", "appearances")), "meeting") },
			single: `query($id: ID!) { meeting(id: $id) { id place { name } country { id name } } }`,
			one:    func(d any) any { return at(d, "meeting") },
			want:   present("country"),
		},
	}
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			h := httpserver.New(httpserver.Config{Store: seeded(t, sc), Logger: discardLogger(), InOrder: sc.inOrder})
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					nodes := c.pick(data(t, post(t, h, c.nested, nil)))
					if len(nodes) == 0 {
						t.Fatal("the query reached no node")
					}
					c.want(t, nodes)
					for _, n := range nodes {
						id, _ := n.(map[string]any)["id"].(string)
						alone := c.one(data(t, post(t, h, c.single, map[string]any{"id": id})))
						if !reflect.DeepEqual(n, alone) {
							g, _ := json.Marshal(n)
							w, _ := json.Marshal(alone)
							t.Errorf("%s through the list:\n%s\nalone:\n%s", id, g, w)
						}
					}
				})
			}
		})
	}
}

// data returns the data of a GraphQL answer, failing on errors.
func data(t *testing.T, r gqlResponse) any {
	t.Helper()
	if codes, msg := errorCodes(t, r.Body); len(codes) > 0 {
		t.Fatalf("errors: %s", msg)
	}
	var v struct{ Data any }
	if err := json.Unmarshal(r.Body, &v); err != nil {
		t.Fatal(err)
	}
	return v.Data
}

// at follows keys through nested objects.
func at(v any, keys ...string) any {
	for _, k := range keys {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

func list(v any) []any { xs, _ := v.([]any); return xs }

// field returns the non-null values of key in each object of xs.
func field(xs []any, key string) []any {
	var out []any
	for _, x := range xs {
		if v := at(x, key); v != nil {
			out = append(out, v)
		}
	}
	return out
}

// nonEmpty wants some node to have a non-empty list under key.
func nonEmpty(key string) func(t *testing.T, nodes []any) {
	return func(t *testing.T, nodes []any) {
		t.Helper()
		for _, n := range nodes {
			if len(list(at(n, key))) > 0 {
				return
			}
		}
		t.Fatalf("no node has any %s: the case checks nothing", key)
	}
}

// present returns a check that some node has a value under key.
func present(key string) func(t *testing.T, nodes []any) {
	return func(t *testing.T, nodes []any) {
		t.Helper()
		for _, n := range nodes {
			if at(n, key) != nil {
				return
			}
		}
		t.Fatalf("no node has a %s: the case checks nothing", key)
	}
}
