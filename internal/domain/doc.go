// Package domain holds expertgraph's vocabulary: the things of a knowledge graph
// of bilateral expert meetings (councils, meetings, people, institutions,
// initiatives, themes, recommendations, publications, sources), the links between
// them, the Store interface every backend implements, and the rules both stores
// share (validation, name normalisation, pagination and cursors, error codes).
//
// It imports nothing of expertgraph's own. Stores, ingestion and the GraphQL
// layer import it; only cmd/expertgraph wires a concrete store in.
package domain
