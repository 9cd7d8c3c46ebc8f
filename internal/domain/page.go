package domain

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// Page sizes: a list returns DefaultPageSize items unless asked for more, and
// never more than MaxPageSize.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// PageRequest asks for the First items after the cursor After (both optional).
type PageRequest struct {
	First *int
	After *string
}

// Cursor is a decoded keyset position: the sort key and ID of the last item seen.
type Cursor struct {
	Scope string `json:"s"`
	Key   string `json:"k"`
	ID    string `json:"i"`
}

// Encode returns the cursor's opaque text.
func (c Cursor) Encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Scope identifies one query (list, order and filter) so that a cursor from
// another query is refused rather than silently misread.
func Scope(list string, sort any, filter any) string {
	b, _ := json.Marshal([]any{list, sort, filter})
	h := sha256.Sum256(b)
	return list + ":" + hex.EncodeToString(h[:6])
}

// Resolve checks the request against scope: First defaults to
// DefaultPageSize and must be 0..MaxPageSize; After must be a cursor of this
// query. It returns the page size and the decoded cursor (nil at the start).
func (p PageRequest) Resolve(scope string) (int, *Cursor, error) {
	first := DefaultPageSize
	if p.First != nil {
		first = *p.First
	}
	if first < 0 {
		return 0, nil, Invalidf("first", "first must not be negative (got %d)", first)
	}
	if first > MaxPageSize {
		return 0, nil, Invalidf("first", "first may be at most %d (got %d); page through the rest with after", MaxPageSize, first)
	}
	if p.After == nil || *p.After == "" {
		return first, nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(*p.After)
	var c Cursor
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil || c.ID == "" {
		return 0, nil, Invalidf("after", "%q is not a cursor; pass an endCursor or edge cursor this list returned", *p.After)
	}
	if c.Scope != scope {
		return 0, nil, Invalidf("after", "the cursor belongs to another query (list, order or filter differ); start again without after")
	}
	return first, &c, nil
}

// After reports whether (key, id) comes after the cursor c in ascending order
// (descending when desc). A nil cursor admits everything.
func (c *Cursor) After(key, id string, desc bool) bool {
	if c == nil {
		return true
	}
	if key != c.Key {
		return (key > c.Key) != desc
	}
	return id > c.ID
}

// PageInfo tells a client whether there is more to fetch.
type PageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

// Edge is one item of a page, with the cursor that resumes after it.
type Edge[T any] struct {
	Cursor string
	Node   T
}

// Connection is a page of a list in the shape of a Relay connection.
type Connection[T any] struct {
	Edges      []*Edge[T]
	PageInfo   *PageInfo
	TotalCount int
}

// Nodes returns the page's items.
func (c *Connection[T]) Nodes() []T {
	out := make([]T, len(c.Edges))
	for i, e := range c.Edges {
		out[i] = e.Node
	}
	return out
}

// NewConnection builds a page from up to first+1 items that follow the cursor
// in order (the extra one only says there is a next page). keyOf returns an
// item's sort key and ID.
func NewConnection[T any](items []T, first int, scope string, after *Cursor, total int, keyOf func(T) (string, string)) *Connection[T] {
	c := &Connection[T]{PageInfo: &PageInfo{HasPreviousPage: after != nil}, TotalCount: total, Edges: []*Edge[T]{}}
	if len(items) > first {
		items = items[:first]
		c.PageInfo.HasNextPage = true
	}
	for _, it := range items {
		k, id := keyOf(it)
		c.Edges = append(c.Edges, &Edge[T]{Cursor: Cursor{Scope: scope, Key: k, ID: id}.Encode(), Node: it})
	}
	if n := len(c.Edges); n > 0 {
		c.PageInfo.StartCursor = &c.Edges[0].Cursor
		c.PageInfo.EndCursor = &c.Edges[n-1].Cursor
	}
	return c
}

// Connections of each kind, named for the GraphQL schema.
type (
	CouncilConnection        = Connection[*Council]
	CouncilEdge              = Edge[*Council]
	MeetingConnection        = Connection[*Meeting]
	MeetingEdge              = Edge[*Meeting]
	PersonConnection         = Connection[*Person]
	PersonEdge               = Edge[*Person]
	InstitutionConnection    = Connection[*Institution]
	InstitutionEdge          = Edge[*Institution]
	CountryConnection        = Connection[*Country]
	CountryEdge              = Edge[*Country]
	PlaceConnection          = Connection[*Place]
	PlaceEdge                = Edge[*Place]
	InitiativeConnection     = Connection[*Initiative]
	InitiativeEdge           = Edge[*Initiative]
	ThemeConnection          = Connection[*Theme]
	ThemeEdge                = Edge[*Theme]
	RecommendationConnection = Connection[*Recommendation]
	RecommendationEdge       = Edge[*Recommendation]
	PublicationConnection    = Connection[*Publication]
	PublicationEdge          = Edge[*Publication]
	SourceConnection         = Connection[*Source]
	SourceEdge               = Edge[*Source]
)

// NameSort orders a list by name.
type NameSort string

// Name orders.
const (
	NameAsc  NameSort = "NAME_ASC"
	NameDesc NameSort = "NAME_DESC"
)

// Desc reports whether s is descending; the zero value is ascending.
func (s NameSort) Desc() bool { return s == NameDesc }

// Validate checks s is a known order.
func (s NameSort) Validate() error {
	if s != "" && s != NameAsc && s != NameDesc {
		return Invalidf("sort", "unknown order %q", s)
	}
	return nil
}

// ListQuery is a page of a simple list (councils, countries, places,
// publications, sources) ordered by name and filtered by F.
type ListQuery[F any] struct {
	Filter F
	Sort   NameSort
	Page   PageRequest
}

// Queries of the simple lists.
type (
	CouncilQuery     = ListQuery[CouncilFilter]
	CountryQuery     = ListQuery[NameFilter]
	PlaceQuery       = ListQuery[PlaceFilter]
	PublicationQuery = ListQuery[NameFilter]
	SourceQuery      = ListQuery[NameFilter]
)

// NameFilter selects by normalised name (or alias, or title for sources and publications).
type NameFilter struct {
	Name string
}

// PlaceFilter selects places.
type PlaceFilter struct {
	CountryID string
	Name      string
}

// SortKeyName is the sort key of a name: its normalised form.
func SortKeyName(name string) string { return NormalizeName(name) }

// String helps debugging.
func (c Cursor) String() string { return fmt.Sprintf("%s@%s/%s", c.Scope, c.Key, c.ID) }
