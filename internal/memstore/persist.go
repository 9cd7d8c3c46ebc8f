package memstore

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// The steps of a save that tests replace to simulate a crash between them.
var (
	syncFile = (*os.File).Sync
	rename   = os.Rename
	dirSync  = syncDir
)

// ErrNotDurable is in the chain of a write's error when the write is in
// place, in memory and in the file, but the file may not survive a crash:
// its directory could not be synced after the rename. Such a write is not
// to be reported as lost.
var ErrNotDurable = errors.New("saved but may not survive a crash")

// tempPattern names the temporary files of a save beside path.
func tempPattern(path string) string { return "." + filepath.Base(path) + ".tmp-*" }

// load reads the graph saved at path; a missing file is an empty graph. Any
// other failure is an error that names the file.
func load(path string) (*domain.Graph, *extras, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &domain.Graph{}, &extras{}, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("memstore: reading %s: %w", path, err)
	}
	fail := func(format string, args ...any) error {
		return fmt.Errorf("memstore: %s is not a valid expertgraph file: %s", path, fmt.Sprintf(format, args...))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var doc fileDoc
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, fail("%v", err)
	}
	if dec.More() {
		return nil, nil, fail("text after the document")
	}
	if doc.Version != fileVersion {
		return nil, nil, fail("version %d; this program reads version %d", doc.Version, fileVersion)
	}
	if doc.Graph == nil {
		return nil, nil, fail("no graph")
	}
	g, err := fromFile(doc.Graph)
	if err != nil {
		return nil, nil, fail("%v", err)
	}
	if err := g.Validate(nil); err != nil {
		return nil, nil, fail("%v", err)
	}
	x, err := fromFileExtras(&doc, g)
	if err != nil {
		return nil, nil, fail("%v", err)
	}
	return g, x, nil
}

// save writes g to path atomically: a temporary file in the same directory,
// synced, renamed over path, and the directory synced, so that a crash at any
// point leaves the old file or the new one, never a part. committed reports
// whether path holds the new graph (the rename happened), even if the final
// sync of the directory failed. A failed save leaves no temporary file.
func save(path string, g *domain.Graph, x *extras) (committed bool, err error) {
	doc := fileDoc{Version: fileVersion, Graph: toFile(g)}
	x.toFile(&doc)
	data, err := json.MarshalIndent(doc, "", "\t")
	if err != nil {
		return false, err
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, tempPattern(path))
	if err != nil {
		return false, err
	}
	tmp := f.Name()
	if err := writeSync(f, append(data, '\n')); err != nil {
		os.Remove(tmp)
		return false, err
	}
	if err := rename(tmp, path); err != nil {
		os.Remove(tmp)
		return false, err
	}
	return true, dirSync(dir)
}

// writeSync writes data to f, syncs and closes it.
func writeSync(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = syncFile(f)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// removeTemps removes the temporary files a crash in a save may have left
// beside path; they never hold the only copy of anything.
func removeTemps(path string) {
	entries, _ := os.ReadDir(filepath.Dir(path))
	prefix := "." + filepath.Base(path) + ".tmp-"
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && e.Type().IsRegular() {
			os.Remove(filepath.Join(filepath.Dir(path), e.Name()))
		}
	}
}
