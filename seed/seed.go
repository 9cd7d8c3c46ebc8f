// Package seed holds expertgraph's seed data: the councils, meetings, people,
// institutions, initiatives and themes of bilateral expert meetings, each fact
// with the public reports that state it. The data is human-edited YAML,
// documented in README.md, and is embedded in the binary; internal/dataset
// reads it into a domain.Graph:
//
//	g, err := dataset.Load(seed.FS)
package seed

import "embed"

// FS holds the seed data files: the list files at the top level
// (countries.yaml, people.yaml, sources.yaml, ...) and one file per meeting
// under meetings/.
//
//go:embed *.yaml meetings/*.yaml
var FS embed.FS
