package main

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/neo4jstore"
)

// neo4jTestConfig is the Neo4j the tests use, from the environment.
func neo4jTestConfig() neo4jstore.Config {
	return neo4jstore.Config{
		URI:            os.Getenv("NEO4J_URI"),
		User:           os.Getenv("NEO4J_USER"),
		Password:       os.Getenv("NEO4J_PASSWORD"),
		Database:       envOr(os.Getenv, "NEO4J_DATABASE", "neo4j"),
		Logger:         discardLogger(),
		ConnectTimeout: 30 * time.Second,
	}
}

// wipeNeo4j deletes everything in the test database, so that each test starts clean.
func wipeNeo4j(t *testing.T) {
	t.Helper()
	c := neo4jTestConfig()
	auth := neo4j.NoAuth()
	if c.User != "" {
		auth = neo4j.BasicAuth(c.User, c.Password, "")
	}
	ctx := context.Background()
	d, err := neo4j.NewDriverWithContext(c.URI, auth)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(ctx)
	if _, err := neo4j.ExecuteQuery(ctx, d, "MATCH (n) DETACH DELETE n", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(c.Database)); err != nil {
		t.Fatalf("wiping the Neo4j test database: %v", err)
	}
}

// openNeo4jForTest opens the Neo4j store on a wiped database.
func openNeo4jForTest(t *testing.T) domain.Store {
	t.Helper()
	wipeNeo4j(t)
	s, err := neo4jstore.Open(context.Background(), neo4jTestConfig())
	if err != nil {
		t.Fatalf("opening Neo4j at %s: %v", os.Getenv("NEO4J_URI"), err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

// neo4jEnv is the environment of a command on the Neo4j test database,
// wiped first.
func neo4jEnv(t *testing.T) map[string]string {
	t.Helper()
	wipeNeo4j(t)
	c := neo4jTestConfig()
	return map[string]string{"EXPERTGRAPH_STORE": "neo4j", "NEO4J_URI": c.URI, "NEO4J_USER": c.User,
		"NEO4J_PASSWORD": c.Password, "NEO4J_DATABASE": c.Database}
}
