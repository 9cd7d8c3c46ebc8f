package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/memstore"
)

// storeCase is one store the end-to-end tests run on.
type storeCase struct {
	name string
	open func(t *testing.T) domain.Store // a fresh, empty store
	// inOrder: serve resolves this store's requests in order
	// (httpserver.Config.InOrder), so the tests do too.
	inOrder bool
}

// testStores returns the stores to test: the embedded store always, Neo4j when
// NEO4J_URI is set. Under CI (CI=true) a missing NEO4J_URI fails the test
// rather than skipping Neo4j silently.
func testStores(t *testing.T) []storeCase {
	t.Helper()
	cases := []storeCase{{name: "embedded", open: func(t *testing.T) domain.Store {
		s, err := memstore.Open(filepath.Join(t.TempDir(), "graph.json"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close(context.Background()) })
		return s
	}, inOrder: true}}
	if os.Getenv("NEO4J_URI") != "" {
		cases = append(cases, storeCase{name: "neo4j", open: openNeo4jForTest})
	} else if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but NEO4J_URI is not set: the Neo4j end-to-end tests must run in CI (scripts/test starts Neo4j and sets it)")
	}
	return cases
}

// importStoreCase is one store the tests of the import and export commands
// run on, through the environment the commands read.
type importStoreCase struct {
	name string
	env  func(t *testing.T) map[string]string // of a fresh, empty store
}

// importStores returns the stores to run the commands on, as testStores
// does: the embedded store always, Neo4j when NEO4J_URI is set (and required
// under CI).
func importStores(t *testing.T) []importStoreCase {
	t.Helper()
	var cases []importStoreCase
	for _, sc := range testStores(t) {
		switch sc.name {
		case "embedded":
			cases = append(cases, importStoreCase{name: sc.name, env: storeEnv})
		case "neo4j":
			cases = append(cases, importStoreCase{name: sc.name, env: neo4jEnv})
		}
	}
	return cases
}
