package memstore

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// lockFile takes an exclusive lock on path+".lock", so that a second process
// (a server and an import, say) cannot open the same store file: each would
// keep its own copy in memory and the last to save would silently undo the
// other's writes. The kernel drops the lock when the process dies, so a
// crash never leaves the store locked.
func lockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("memstore: opening the lock file of %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, domain.Errorf(domain.ECONFLICT,
				"the store file %s is in use by another expertgraph process: stop it first (the embedded store serves one process; use Neo4j to share a graph)", path)
		}
		return nil, fmt.Errorf("memstore: locking %s: %w", path, err)
	}
	return f, nil
}
