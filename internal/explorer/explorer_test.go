package explorer_test

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/expertgraph/expertgraph/internal/explorer"
)

func TestHandlerServesTheFiles(t *testing.T) {
	tests := []struct {
		path        string
		status      int
		contentType string
		contains    string
	}{
		{"/", http.StatusOK, "text/html", `<script type="module" src="js/app.js">`},
		{"/index.html", http.StatusMovedPermanently, "", ""},
		{"/style.css", http.StatusOK, "text/css", ":focus-visible"},
		{"/js/app.js", http.StatusOK, "text/javascript", "hashchange"},
		{"/js/views/meeting.js", http.StatusOK, "text/javascript", "query ExplorerMeeting"},
		{"/js/missing.js", http.StatusNotFound, "", ""},
	}
	h := explorer.Handler()
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
			if rec.Code != tt.status {
				t.Fatalf("GET %s = %d, want %d", tt.path, rec.Code, tt.status)
			}
			if !strings.HasPrefix(rec.Header().Get("Content-Type"), tt.contentType) {
				t.Errorf("Content-Type = %q, want %s", rec.Header().Get("Content-Type"), tt.contentType)
			}
			if !strings.Contains(rec.Body.String(), tt.contains) {
				t.Errorf("body does not contain %q", tt.contains)
			}
			if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("Content-Security-Policy = %q: the page must be limited to its own files", csp)
			}
		})
	}
}

var (
	importRE = regexp.MustCompile(`(?m)^import\s+(?:[^'"]+\s+from\s+)?'([^']+)';`)
	remoteRE = regexp.MustCompile(`(?i)(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import|from\s+['"](?:https?:)?//|fetch\(\s*['"](?:https?:)?//`)
)

// TestModulesResolve checks that every module imports only embedded files
// (no CDN, nothing fetched elsewhere), that every import resolves, and that
// every module is used.
func TestModulesResolve(t *testing.T) {
	files := explorer.Files()
	used := map[string]bool{"js/app.js": true}
	err := fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(files, name)
		if err != nil {
			return err
		}
		if loc := remoteRE.FindIndex(b); loc != nil {
			t.Errorf("%s refers to another site: %q", name, b[loc[0]:loc[1]])
		}
		if !strings.HasSuffix(name, ".js") {
			return nil
		}
		for _, m := range importRE.FindAllSubmatch(b, -1) {
			spec := string(m[1])
			if !strings.HasPrefix(spec, "./") && !strings.HasPrefix(spec, "../") {
				t.Errorf("%s imports %q: only relative imports of the explorer's own modules are allowed", name, spec)
				continue
			}
			target := path.Join(path.Dir(name), spec)
			if _, err := fs.Stat(files, target); err != nil {
				t.Errorf("%s imports %q, which is not embedded", name, spec)
			}
			used[target] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	js, _ := fs.Glob(files, "js/*.js")
	views, _ := fs.Glob(files, "js/views/*.js")
	for _, name := range slices.Concat(js, views) {
		if !used[name] {
			t.Errorf("%s is embedded but no module imports it", name)
		}
	}
}
