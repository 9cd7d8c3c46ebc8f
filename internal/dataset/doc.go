// Package dataset reads expertgraph's data files into a domain.Graph.
//
// The files are human-edited YAML, laid out and documented in seed/README.md:
// one list file per kind of thing at the top level (countries.yaml,
// people.yaml, sources.yaml, ...) and one file per meeting under meetings/,
// holding the meeting, who appeared at it and what it concluded. Load reads
// them from any fs.FS: the seed embedded in the binary (seed.FS) or a user's
// directory (os.DirFS) for an import.
//
// Loading is strict and tells the editor exactly what to fix: every problem is
// reported, each with its file, line, entry and field, as one
// *domain.ValidationError of EINVALID problems.
package dataset
