// Package explorer serves the explorer at /explore/: a few views of the graph
// (search, initiative recurrence, who spoke where, a graph around any node, a
// meeting page) for people who would rather look than read.
//
// It is plain HTML, CSS and JavaScript modules embedded in the binary, with no
// build step and nothing fetched from elsewhere: the page asks the public
// GraphQL API at /graphql, the same way any client would, and shows on every
// view the exact query it sent. Charts and the graph are SVG drawn by the
// page's own modules.
package explorer

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed static
var static embed.FS

// Files returns the explorer's files: index.html, style.css and js/.
func Files() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the directory is embedded above
	}
	return sub
}

// contentSecurityPolicy lets the page load only its own files and talk only to
// its own server, so the explorer provably works offline and cannot be made
// to run code from elsewhere.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Handler serves the explorer's files; mount it under /explore/ with the
// prefix stripped.
func Handler() http.Handler {
	files := http.FileServerFS(Files())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		// The files change with the binary, not on their own: revalidate.
		h.Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
