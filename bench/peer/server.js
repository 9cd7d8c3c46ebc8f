// The peer of the benchmark: a GraphQL server for expertgraph's Neo4j graph
// (docs/neo4j.md) built the way @neo4j/graphql's documentation shows, with
// type definitions for the same labels and relationships. The library
// generates the queries (meetings(where: ...), speakersConnection, ...);
// what it cannot express — analytics and paths — are @cypher fields, as its
// documentation advises, with the same Cypher as the benchmark's floor
// (bench/workload/cypher.go).
//
//   NEO4J_URI=bolt://127.0.0.1:7690 PORT=27083 node server.js
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";
import { readFileSync } from "node:fs";

const here = new URL(".", import.meta.url).pathname;
const typeDefs = readFileSync(here + "schema.graphql", "utf8");
const driver = neo4j.driver(process.env.NEO4J_URI || "bolt://127.0.0.1:7690", process.env.NEO4J_USER ? neo4j.auth.basic(process.env.NEO4J_USER, process.env.NEO4J_PASSWORD) : neo4j.auth.none(), {
  maxConnectionPoolSize: 100,
});
const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const server = new ApolloServer({ schema: await neoSchema.getSchema(), introspection: true });
const port = Number(process.env.PORT || 27083);
const { url } = await startStandaloneServer(server, {
  listen: { port, host: "127.0.0.1" },
  context: async () => ({ sessionConfig: { database: "neo4j" } }),
});
console.log(`peer (@neo4j/graphql) serving at ${url}`);
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  });
}
