// Package graphio writes and reads a whole domain.Graph in interchange formats:
//
//   - JSON, the lossless export and import format: one versioned document,
//     {"format": "expertgraph", "version": 1, "graph": {"countries": [...], ...}},
//     with a collection per kind of node plus appearances, the redirects that
//     merges left ({"id": merged ID, "target": kept ID}, domain.Redirect), and
//     the field names of the YAML seed (seed/README.md). WriteJSON writes it; ReadJSON and
//     ReadJSONWith read it back, strictly, reporting every problem at once.
//   - GraphML, for graph tools such as Gephi and yEd (WriteGraphML): every node
//     with its kind and name, every link as an edge of one of the domain's
//     edge types (domain.EdgePartOf, ...), plus REPORTED_BY edges from facts to
//     their sources and ATTRIBUTED_TO edges from recommendations to people;
//     a node that others were merged into lists their IDs in "merged".
//   - CSV, for spreadsheets (WriteCSV, WriteCSVZip): one file per collection,
//     with a header row, list fields joined with "; "; redirects.csv holds
//     the redirects.
//
// Only JSON round-trips: WriteJSON then ReadJSON gives back an equal graph.
// GraphML and CSV are for reading elsewhere, and there is no reader for them.
//
// Problems in a JSON document are *domain.Error values of code EINVALID,
// collected in a *domain.ValidationError, each located as FILE:ENTRY.FIELD:
//
//	meetings.json:meetings[raec-5].date: month 13 is not 1-12
//	meetings.json:appearances[raec-5/igor-maslov].roles[0]: "SPEAK" is not one of [...]
//
// where ENTRY is the collection and the entry's ID (an appearance's is
// meeting/person; an entry without one is named by its position from 0, as
// meetings[#3]) and FIELD the path of the field within it, exactly as
// domain.Graph.Validate names fields.
package graphio
