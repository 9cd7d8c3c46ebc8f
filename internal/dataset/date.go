package dataset

import (
	"go.yaml.in/yaml/v3"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// date is a domain.Date written as "2024-06-21", "2024-06" or "2024". YAML
// reads an unquoted 2024-06-21 as a timestamp and 2024 as a number; both are
// taken as the text they are written as.
type date domain.Date

func (p *date) decodeNode(d *decoder, path string, n *yaml.Node) {
	if isNull(n) {
		return
	}
	s, ok := d.scalar(path, n)
	if !ok {
		return
	}
	v, err := domain.ParseDate(s)
	if err != nil {
		d.fail(path, n, "%v", err)
		return
	}
	*p = date(v)
}
