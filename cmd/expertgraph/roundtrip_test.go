package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/httpserver"
	"github.com/expertgraph/expertgraph/internal/instrument"
	"github.com/expertgraph/expertgraph/internal/loader"
)

// syntheticGraph makes n meetings of one council, each with three speakers
// from three of ten institutions.
func syntheticGraph(n int) *domain.Graph {
	g := &domain.Graph{
		Countries: []*domain.Country{{ID: "aland", Name: "Aland"}, {ID: "borduria", Name: "Borduria"}},
		Sources:   []*domain.Source{{ID: "src", URL: "https://example.org/report", Publisher: "Example"}},
	}
	g.Councils = []*domain.Council{{ID: "abc", Name: "Aland–Borduria Council", CountryIDs: []string{"aland", "borduria"}}}
	src := []domain.SourceRef{{SourceID: "src"}}
	for i := 0; i < 10; i++ {
		g.Institutions = append(g.Institutions, &domain.Institution{ID: fmt.Sprintf("inst-%d", i), Name: fmt.Sprintf("Institute %d", i), Kind: domain.InstitutionThinkTank})
	}
	for i := 0; i < 30; i++ {
		g.People = append(g.People, &domain.Person{ID: fmt.Sprintf("person-%d", i), Name: fmt.Sprintf("Person %d", i)})
	}
	for i := 0; i < n; i++ {
		m := &domain.Meeting{ID: fmt.Sprintf("abc-%d", i+1), CouncilID: "abc", Ordinal: i + 1, Title: fmt.Sprintf("Meeting %d", i+1),
			Date: domain.Date{Year: 2000 + i/12, Month: i%12 + 1, Day: 1}, Sources: src}
		g.Meetings = append(g.Meetings, m)
		for j := 0; j < 3; j++ {
			g.Appearances = append(g.Appearances, &domain.Appearance{MeetingID: m.ID, PersonID: fmt.Sprintf("person-%d", (i+j*7)%30),
				Roles: []domain.Role{domain.RoleSpeaker}, InstitutionID: fmt.Sprintf("inst-%d", (i+j)%10), Order: j + 1, Sources: src})
		}
	}
	return g
}

// TestNoNPlusOne checks that 100 meetings with their speakers and the
// speakers' institutions cost as many store round trips as 10 do, on every store.
func TestNoNPlusOne(t *testing.T) {
	const query = `{meetings(first: 100) { nodes { id speakers { title person { name } institution { name } } } }}`
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			calls := map[int]map[string]int{}
			for _, n := range []int{10, 100} {
				s := sc.open(t)
				if err := s.Upsert(context.Background(), syntheticGraph(n)); err != nil {
					t.Fatal(err)
				}
				var c instrument.Counter
				// A wait far above the default, so that a busy machine's slow
				// goroutines still join their level's batch: the test counts
				// batches, not how fast they fill.
				h := httpserver.New(httpserver.Config{Store: instrument.Wrap(s, c.Observe), Logger: discardLogger(), BatchWait: 50 * time.Millisecond})
				r := post(t, h, query, nil)
				if codes, msg := errorCodes(t, r.Body); len(codes) > 0 {
					t.Fatalf("errors: %s", msg)
				}
				calls[n] = c.Calls()
			}
			total := func(m map[string]int) (n int) {
				for _, v := range m {
					n += v
				}
				return n
			}
			// One list, then the appearances with their people and
			// institutions (loader/include.go): two, whatever the page. On
			// a busy machine a resolver of the level may still miss the
			// batch's wait and start a second batch, so the bound leaves
			// room for that, but not for 100.
			const bound = 3
			if total(calls[100]) > bound || total(calls[10]) > bound {
				t.Errorf("store round trips grow with the page: 10 meetings %v, 100 meetings %v (want at most %d each)", calls[10], calls[100], bound)
			}
			t.Logf("round trips for 100 meetings: %v", calls[100])
		})
	}
}

// TestRoundTripsPerQuestion counts the store calls of the benchmark's first
// four questions and its lookup (bench/workload) on the seed: each level of
// the answer is read with the nodes the next level asks for, and a meeting's
// or a person's with their appearances too (loader/include.go), so every
// store call below is one transaction on Neo4j (and MeetingsWith and
// PeopleWith one statement).
func TestRoundTripsPerQuestion(t *testing.T) {
	cases := []struct {
		name, query string
		want        map[string]int
		// in order (the embedded store as served): reads at once, one per
		// element, where a level is not read with the one above; nil: want
		wantInOrder map[string]int
	}{
		{"q1-speakers", `{ meeting(id: "raec-5") { id title date place { name }
			speakers { order roles title session person { id name } institution { id name } } } }`,
			map[string]int{"MeetingsWith": 1}, nil},
		{"q2-person-history", `{ person(id: "hikmet-hajiyev") { id name
			appearances { meeting { id title date council { id } } roles title institution { id name } } } }`,
			map[string]int{"PeopleWith": 1}, nil},
		{"q3-recurrence", `{ recurrence(ids: ["instc"]) { meetingCount recommendationCount
			firstMention { date meeting { id } } lastMention { date meeting { id } }
			perYear { year meetings recommendations } councils { council { id } meetings recommendations } } }`,
			map[string]int{"Recurrence": 1}, nil}, // its meetings and councils asked for their IDs alone (loader/ref.go)
		{"q4-recommendations", `{ recommendations(filter: {initiative: "instc"}, first: 20) {
			totalCount nodes { id kind text meeting { id date } } } }`,
			map[string]int{"ListRecommendationsWith": 1}, nil},
		{"q7-lookup", `{ lookup(name: "Хикмет Гаджиев") { id __typename } }`,
			map[string]int{"Lookup": 1}, nil},
		{"q8-dashboard", `{ perYear: counts(by: MEETINGS_PER_YEAR, council: "raec") { key label count }
			perTheme: counts(by: RECOMMENDATIONS_PER_THEME, council: "raec") { key label count }
			perCountry: counts(by: SPEAKERS_PER_COUNTRY, council: "raec") { key label count } }`,
			map[string]int{"Counts": 1}, nil},
		{"one chart alone", `{ counts(by: MEETINGS_PER_YEAR, council: "raec") { key count } }`,
			map[string]int{"Count": 1}, nil},
		{"a meeting's speakers, nothing they refer to", `{ meeting(id: "raec-5") { id speakers { order title } } }`,
			map[string]int{"MeetingsWith": 1}, nil},
		{"a person's appearances, nothing they refer to", `{ person(id: "hikmet-hajiyev") { id appearances { roles } } }`,
			map[string]int{"PeopleWith": 1}, nil},
		{"a speaker's appearances elsewhere: the people come with the meeting, their appearances in one more read", `{ meeting(id: "raec-5") { id speakers {
			person { name appearances { meeting { title } } } } } }`,
			map[string]int{"MeetingsWith": 1, "AppearancesByPersonWith": 1},
			map[string]int{"MeetingsWith": 1, "AppearancesByPersonWith": 8}}, // raec-5's 8 speakers
		{"references asked for their IDs alone are not read", `{ meeting(id: "raec-5") { id council { id __typename } place { ... on Node { id } } } }`,
			map[string]int{"Meetings": 1}, nil},
		{"a reference asked for more is", `{ meeting(id: "raec-5") { id council { id name } place { id } } }`,
			map[string]int{"MeetingsWith": 1}, nil},
		{"a page's meetings asked for their IDs alone", `{ recommendations(filter: {initiative: "instc"}, first: 20) { nodes { id meeting { id } } } }`,
			map[string]int{"ListRecommendationsWith": 1}, nil},
		{"nothing to include", `{ meeting(id: "raec-5") { id title } person(id: "hikmet-hajiyev") { name } }`,
			map[string]int{"Meetings": 1, "People": 1}, nil},
	}
	for _, sc := range testStores(t) {
		modes := []bool{false} // batched, as on Neo4j
		if sc.inOrder {
			modes = append(modes, true) // as serve runs the embedded store
		}
		for _, inOrder := range modes {
			t.Run(fmt.Sprintf("%s, in order %v", sc.name, inOrder), func(t *testing.T) {
				s := seeded(t, sc)
				for _, c := range cases {
					t.Run(c.name, func(t *testing.T) {
						var n instrument.Counter
						h := httpserver.New(httpserver.Config{Store: instrument.Wrap(s, n.Observe), Logger: discardLogger(), BatchWait: 50 * time.Millisecond, InOrder: inOrder})
						r := post(t, h, c.query, nil)
						if codes, msg := errorCodes(t, r.Body); len(codes) > 0 {
							t.Fatalf("errors: %s", msg)
						}
						if !strings.Contains(string(r.Body), `"id"`) && !strings.Contains(string(r.Body), `"key"`) {
							t.Fatalf("no answer: %s", r.Body)
						}
						want := c.want
						if inOrder && c.wantInOrder != nil {
							want = c.wantInOrder
						}
						if got := n.Calls(); !reflect.DeepEqual(got, want) {
							t.Errorf("store calls %v, want %v", got, want)
						}
					})
				}
			})
		}
	}
}

// TestCountsFailAlone checks that a dashboard's charts, read together
// (loader/counts.go), still fail one by one: a chart of an unknown council
// gets its error and its siblings none, on every store. (The charts are
// non-null, so GraphQL nulls the whole answer.)
func TestCountsFailAlone(t *testing.T) {
	const query = `{ a: counts(by: MEETINGS_PER_YEAR, council: "raec") { key count }
		bad: counts(by: MEETINGS_PER_YEAR, council: "no-such-council") { key count }
		b: counts(by: SPEAKERS_PER_COUNTRY, council: "raec") { key count } }`
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			s := seeded(t, sc)
			h := httpserver.New(httpserver.Config{Store: s, Logger: discardLogger()})
			r := post(t, h, query, nil)
			var got struct {
				Errors []struct {
					Path       []any          `json:"path"`
					Extensions map[string]any `json:"extensions"`
				} `json:"errors"`
			}
			if err := json.Unmarshal(r.Body, &got); err != nil {
				t.Fatalf("%v: %s", err, r.Body)
			}
			if len(got.Errors) != 1 || fmt.Sprint(got.Errors[0].Path) != "[bad]" || got.Errors[0].Extensions["code"] != "BAD_USER_INPUT" ||
				got.Errors[0].Extensions["field"] != "council" {
				t.Errorf("errors %+v, want one BAD_USER_INPUT of the council at [bad]: %s", got.Errors, r.Body)
			}
		})
	}
}

// TestLookupBatches checks that a lookup matching many nodes reads them in
// one store call per kind, not one per node, on every store.
func TestLookupBatches(t *testing.T) {
	cases := []struct {
		name, query string
		people      int // People calls wanted
	}{
		{"names asked: the nodes are read, in one batch", `{lookup(name: "Ivan Petrov") { __typename id ... on Person { name aliases } }}`, 1},
		{"only IDs and types asked: the lookup says it all", `{lookup(name: "Ivan Petrov") { __typename ... on Person { id } ... on Node { id } }}`, 0},
	}
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			s := sc.open(t)
			g := syntheticGraph(1)
			for i := 0; i < 20; i++ {
				g.People = append(g.People, &domain.Person{ID: fmt.Sprintf("ivan-petrov-%d", i), Name: "Ivan Petrov", Aliases: []string{"I. Petrov"}})
			}
			if err := s.Upsert(context.Background(), g); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, c := range cases {
				var n instrument.Counter
				h := httpserver.New(httpserver.Config{Store: instrument.Wrap(s, n.Observe), Logger: discardLogger(), BatchWait: 50 * time.Millisecond})
				found := list(at(data(t, post(t, h, c.query, nil)), "lookup"))
				var got []string
				for _, x := range found {
					if at(x, "__typename") != "Person" {
						t.Errorf("%s: %v is not a Person", c.name, x)
					}
					id, _ := at(x, "id").(string)
					got = append(got, id)
				}
				if len(got) != 20 {
					t.Fatalf("%s: lookup found %d people, want 20: %v", c.name, len(got), found)
				}
				if ids == nil {
					ids = got
				} else if !reflect.DeepEqual(got, ids) {
					t.Errorf("%s: found %v, want %v as when the nodes are read", c.name, got, ids)
				}
				if calls := n.Calls(); calls["People"] != c.people {
					t.Errorf("%s: 20 people found by lookup took %d People calls, want %d (calls: %v)", c.name, calls["People"], c.people, calls)
				}
			}
		})
	}
}

// TestFieldsOutsideListsDoNotWait checks that a field resolved once per
// query (a root lookup, its speakers, a lookup's nodes) is read at once and
// not held for more keys: with a batch wait of 20 s, each of these queries
// answers in well under that only if nothing on its path waited. (The
// bound is half the wait, not a speed limit: waiting once takes 20 s.)
func TestFieldsOutsideListsDoNotWait(t *testing.T) {
	const wait = 20 * time.Second
	queries := []struct{ name, query string }{
		{"root lookup and its speakers", `{ meeting(id: "raec-5") { id place { name } speakers { order person { name } institution { name } } } }`},
		{"person history", `{ person(id: "hikmet-hajiyev") { name appearances { meeting { id council { id } } } } }`},
		{"lookup", `{ lookup(name: "Hikmet Hajiyev") { ... on Person { id } } }`},
	}
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			s := seeded(t, sc)
			h := httpserver.New(httpserver.Config{Store: s, Logger: discardLogger(), BatchWait: wait})
			for _, q := range queries {
				t.Run(q.name, func(t *testing.T) {
					start := time.Now()
					r := post(t, h, q.query, nil)
					if codes, msg := errorCodes(t, r.Body); len(codes) > 0 {
						t.Fatalf("errors: %s", msg)
					}
					if took := time.Since(start); took > wait/2 {
						t.Errorf("took %v with a batch wait of %v: a field outside any list waited for more keys", took, wait)
					}
				})
			}
		})
	}
}

// TestBatchWaitHonoursTheRequest checks that a field inside a list, waiting
// for its loader's batch to gather keys, gives up when the request ends: with
// a batch wait of 20 s, a request whose deadline passes (or whose client
// cancels it) after 200 ms answers TIMEOUT at once instead of waiting out the
// batch (and then reading, or failing as UNAVAILABLE on Neo4j). Loads of
// every shape (one key, many keys, a thunk) are checked against the loaders
// directly too. The bound on the time is half the wait, not a speed limit.
func TestBatchWaitHonoursTheRequest(t *testing.T) {
	const (
		wait  = 20 * time.Second
		after = 200 * time.Millisecond
	)
	const query = `{ meetings(first: 10) { nodes { id speakers { person { name } } } } }`
	limits := httpserver.DefaultLimits
	limits.Timeout = after.Milliseconds()
	ends := []struct {
		name    string
		limits  httpserver.Limits
		ctx     func() (context.Context, context.CancelFunc)
		wantErr error
		wantMsg string
	}{
		{"deadline", limits, func() (context.Context, context.CancelFunc) { return context.WithTimeout(context.Background(), after) },
			context.DeadlineExceeded, "took too long"},
		{"cancelled", httpserver.DefaultLimits, func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(after, cancel)
			return ctx, cancel
		}, context.Canceled, "cancelled"},
	}
	loads := []struct {
		name string
		load func(ctx context.Context, l *loader.Loaders) error
	}{
		{"Load", func(ctx context.Context, l *loader.Loaders) error {
			_, err := l.Meeting.Load(ctx, "raec-5")
			return err
		}},
		{"LoadAll", func(ctx context.Context, l *loader.Loaders) error {
			_, err := loader.All(ctx, l.Person, []string{"hikmet-hajiyev", "igor-maslov"})
			return err
		}},
		{"LoadThunk", func(ctx context.Context, l *loader.Loaders) error {
			_, err := l.AppearancesByMeeting.LoadThunk(ctx, "raec-5")()
			return err
		}},
		{"Nodes", func(ctx context.Context, l *loader.Loaders) error {
			_, err := l.Nodes(ctx, []*domain.NodeRef{{ID: "raec-5", Kind: domain.KindMeeting}, {ID: "baku", Kind: domain.KindPlace}})
			return err
		}},
	}
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			s := seeded(t, sc)
			for _, end := range ends {
				t.Run(end.name, func(t *testing.T) {
					h := httpserver.New(httpserver.Config{Store: s, Logger: discardLogger(), BatchWait: wait, Limits: end.limits})
					ctx, cancel := end.ctx()
					defer cancel()
					body, _ := json.Marshal(map[string]any{"query": query})
					req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/graphql", bytes.NewReader(body))
					req.Header.Set("Content-Type", "application/json")
					rec := httptest.NewRecorder()
					start := time.Now()
					h.ServeHTTP(rec, req)
					took := time.Since(start)
					codes, msg := errorCodes(t, rec.Body.Bytes())
					if len(codes) == 0 || codes[0] != "TIMEOUT" || !strings.Contains(msg, end.wantMsg) {
						t.Errorf("codes %v (%s), want TIMEOUT (%q)", codes, msg, end.wantMsg)
					}
					if took > wait/2 {
						t.Errorf("took %v with a batch wait of %v: the request waited out the batch", took, wait)
					}
				})
				for _, ld := range loads {
					t.Run(end.name+"/"+ld.name, func(t *testing.T) {
						ctx, cancel := end.ctx()
						defer cancel()
						start := time.Now()
						err := ld.load(ctx, loader.New(s, wait))
						if took := time.Since(start); !errors.Is(err, end.wantErr) || took > wait/2 {
							t.Errorf("after %v: %v, want %v", took, err, end.wantErr)
						}
					})
				}
			}
		})
	}
}

// TestIDOnlyReferencesAnswerAsRead checks, on every store, that references
// asked for their IDs alone, answered from the reference without a read
// (loader/ref.go), answer the IDs of the nodes read in full.
func TestIDOnlyReferencesAnswerAsRead(t *testing.T) {
	cases := []struct{ name, idOnly, read string }{
		{"a person's history", `{ person(id: "hikmet-hajiyev") { appearances { meeting { id council { id } } person { id } institution { id } } } }`,
			`{ person(id: "hikmet-hajiyev") { appearances { meeting { id title council { id name } } person { id name } institution { id name } } } }`},
		{"a meeting", `{ meeting(id: "raec-5") { council { id } place { id } speakers { person { id } institution { id } } } }`,
			`{ meeting(id: "raec-5") { council { id name } place { id name } speakers { person { id name } institution { id name } } } }`},
		{"a recurrence", `{ recurrence(ids: ["instc"]) { firstMention { meeting { id } } lastMention { meeting { id } } councils { council { id } } } }`,
			`{ recurrence(ids: ["instc"]) { firstMention { meeting { id title } } lastMention { meeting { id title } } councils { council { id name } } } }`},
		{"recommendations", `{ recommendations(filter: {initiative: "instc"}, first: 5) { nodes { id meeting { id } } } }`,
			`{ recommendations(filter: {initiative: "instc"}, first: 5) { nodes { id meeting { id title } } } }`},
	}
	// strip removes the fields only the full read asks for.
	var strip func(v any) any
	strip = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			delete(v, "name")
			delete(v, "title")
			for k, x := range v {
				v[k] = strip(x)
			}
		case []any:
			for i, x := range v {
				v[i] = strip(x)
			}
		}
		return v
	}
	for _, sc := range testStores(t) {
		t.Run(sc.name, func(t *testing.T) {
			h := httpserver.New(httpserver.Config{Store: seeded(t, sc), Logger: discardLogger(), InOrder: sc.inOrder})
			answer := func(query string) any {
				r := post(t, h, query, nil)
				if codes, msg := errorCodes(t, r.Body); len(codes) > 0 {
					t.Fatalf("errors: %s", msg)
				}
				var got struct{ Data any }
				if err := json.Unmarshal(r.Body, &got); err != nil {
					t.Fatal(err)
				}
				return got.Data
			}
			for _, c := range cases {
				idOnly, read := answer(c.idOnly), strip(answer(c.read))
				if !reflect.DeepEqual(idOnly, read) {
					t.Errorf("%s: IDs alone answer %v, read in full %v", c.name, idOnly, read)
				}
				if !strings.Contains(fmt.Sprint(idOnly), "id:") {
					t.Errorf("%s: no IDs in %v", c.name, idOnly)
				}
			}
		})
	}
}
