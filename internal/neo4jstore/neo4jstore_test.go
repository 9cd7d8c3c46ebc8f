package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/storetest"
)

// testConfig is the Neo4j the tests use: NEO4J_URI (and NEO4J_USER,
// NEO4J_PASSWORD, NEO4J_DATABASE). Without NEO4J_URI the tests skip, except
// under CI (CI=true), where they fail: CI must never pass without Neo4j.
func testConfig(t testing.TB) Config {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but NEO4J_URI is not set: the Neo4j store must be tested in CI " +
				"(start Neo4j with scripts/neo4j start and set NEO4J_URI=bolt://127.0.0.1:7687)")
		}
		t.Skip("NEO4J_URI is not set; start Neo4j (scripts/neo4j start) and set NEO4J_URI=bolt://127.0.0.1:7687 to run")
	}
	db := os.Getenv("NEO4J_DATABASE")
	if db == "" {
		db = "neo4j"
	}
	return Config{URI: uri, User: os.Getenv("NEO4J_USER"), Password: os.Getenv("NEO4J_PASSWORD"), Database: db,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), ConnectTimeout: 30 * time.Second}
}

// shared is the one store (one driver, schema created once) that every test
// of the package borrows.
var shared struct {
	once  sync.Once
	store *Store
	err   error
}

func sharedStore(t testing.TB) *Store {
	t.Helper()
	cfg := testConfig(t)
	shared.once.Do(func() { shared.store, shared.err = Open(context.Background(), cfg) })
	if shared.err != nil {
		t.Fatalf("opening Neo4j at %s: %v", cfg.URI, shared.err)
	}
	return shared.store
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.store != nil {
		shared.store.Close(context.Background())
	}
	os.Exit(code)
}

// borrowed is the shared store handed to one test: closing it leaves the
// shared driver open.
type borrowed struct{ *Store }

func (borrowed) Close(context.Context) error { return nil }

// wipe deletes everything in the database, in batches so that a large
// graph does not need one huge transaction.
func wipe(t testing.TB, s *Store) {
	t.Helper()
	// CALL ... IN TRANSACTIONS needs an auto-commit transaction: Session.Run.
	sess := s.driver.NewSession(t.Context(), neo4j.SessionConfig{DatabaseName: s.db})
	defer sess.Close(context.Background())
	res, err := sess.Run(t.Context(), "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS", nil)
	if err == nil {
		_, err = res.Consume(t.Context())
	}
	if err != nil {
		t.Fatalf("cleaning the database: %v", err)
	}
}

// newStore returns the shared store on a clean database.
func newStore(t *testing.T) domain.Store { return cleanStore(t) }

func cleanStore(t testing.TB) borrowed {
	t.Helper()
	s := sharedStore(t)
	wipe(t, s)
	b := borrowed{s}
	t.Cleanup(func() { b.Close(context.Background()) })
	return b
}

func TestContract(t *testing.T) {
	storetest.Run(t, newStore)
}

// TestUpsertTwice checks that writing the same graph twice leaves exactly
// what writing it once does, down to the relationships and :Name nodes that
// Export does not show.
func TestUpsertTwice(t *testing.T) {
	st := newStore(t).(borrowed)
	ctx := t.Context()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.Upsert(ctx, storetest.Fixture()))
	stats1, err := st.Stats(ctx)
	must(err)
	export1, err := st.Export(ctx)
	must(err)
	shape1 := shape(t, st.Store)

	must(st.Upsert(ctx, storetest.Fixture()))
	stats2, err := st.Stats(ctx)
	must(err)
	export2, err := st.Export(ctx)
	must(err)
	shape2 := shape(t, st.Store)

	if diff := cmp.Diff(stats1, stats2); diff != "" {
		t.Errorf("Stats after a second Upsert (-once +twice):\n%s", diff)
	}
	if diff := cmp.Diff(export1, export2); diff != "" {
		t.Errorf("Export after a second Upsert (-once +twice):\n%s", diff)
	}
	if diff := cmp.Diff(shape1, shape2); diff != "" {
		t.Errorf("labels and relationship types after a second Upsert (-once +twice):\n%s", diff)
	}
	if shape1["AFFILIATED_WITH derived"] == 0 || shape1[labelName] == 0 {
		t.Errorf("the fixture should make derived affiliations and names: %v", shape1)
	}
}

// shape counts the database's nodes per label and relationships per type.
func shape(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	res, err := neo4j.ExecuteQuery(t.Context(), s.driver,
		"MATCH (n) UNWIND labels(n) AS l RETURN l AS k, count(*) AS n UNION ALL "+
			"MATCH ()-[r]->() RETURN type(r) + CASE WHEN r.derived THEN ' derived' ELSE '' END AS k, count(*) AS n",
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, rec := range res.Records {
		k, _, _ := neo4j.GetRecordValue[string](rec, "k")
		n, _, _ := neo4j.GetRecordValue[int64](rec, "n")
		out[k] += n
	}
	return out
}

// TestOpenUnreachable needs no server: nothing listens on port 1.
func TestOpenUnreachable(t *testing.T) {
	start := time.Now()
	_, err := Open(t.Context(), Config{URI: "bolt://127.0.0.1:1", Database: "neo4j", ConnectTimeout: 1500 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if code := domain.ErrorCode(err); code != domain.EUNAVAILABLE {
		t.Errorf("Open of an unreachable server: code %q (err %v), want %q", code, err, domain.EUNAVAILABLE)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("Open gave up after %s; ConnectTimeout is 1.5s", took)
	}
}

// TestOpenRetries checks that Open logs each retry while the server does
// not answer.
func TestOpenRetries(t *testing.T) {
	var log strings.Builder
	var mu sync.Mutex
	_, err := Open(t.Context(), Config{URI: "bolt://127.0.0.1:1", Database: "neo4j", ConnectTimeout: 1200 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(writerFunc(func(p []byte) (int, error) {
			mu.Lock()
			defer mu.Unlock()
			return log.Write(p)
		}), nil))})
	if domain.ErrorCode(err) != domain.EUNAVAILABLE {
		t.Fatalf("Open: %v", err)
	}
	if n := strings.Count(log.String(), "retrying"); n < 2 {
		t.Errorf("Open logged %d retries, want 2 or more:\n%s", n, log.String())
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// TestServerGone reaches Neo4j through a TCP proxy, then cuts the proxy:
// reads, writes and Ping must then fail with EUNAVAILABLE, promptly.
func TestServerGone(t *testing.T) {
	cfg := testConfig(t)
	sharedStore(t) // the schema exists
	u, err := url.Parse(cfg.URI)
	if err != nil {
		t.Fatal(err)
	}
	p := newProxy(t, u.Host)
	u.Scheme = "bolt" // a routing URI would route around the proxy
	u.Host = p.addr()
	cfg.URI = u.String()
	cfg.RetryTimeout = time.Second
	s, err := Open(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	if err := s.Ping(t.Context()); err != nil {
		t.Fatalf("Ping through the proxy: %v", err)
	}
	if _, err := s.Stats(t.Context()); err != nil {
		t.Fatalf("Stats through the proxy: %v", err)
	}

	p.cut()
	// A call that succeeded within freshFor answers Ping without the network
	// (health.go): wait that out, or Ping, when the map gives it first,
	// answers nil for the Stats just made (2 runs in 12 failed so).
	time.Sleep(freshFor)
	start := time.Now()
	for name, call := range map[string]func() error{
		"Stats":  func() error { _, err := s.Stats(t.Context()); return err },
		"People": func() error { _, err := s.People(t.Context(), []string{"pavel-orlov"}); return err },
		"Upsert": func() error {
			return s.Upsert(t.Context(), &domain.Graph{Countries: []*domain.Country{{ID: "russia", Name: "Russia"}}})
		},
		"Ping": func() error { return s.Ping(t.Context()) },
	} {
		if code := domain.ErrorCode(call()); code != domain.EUNAVAILABLE {
			t.Errorf("%s with the server gone: code %q, want %q", name, code, domain.EUNAVAILABLE)
		}
	}
	if took := time.Since(start); took > 30*time.Second {
		t.Errorf("the calls took %s to give up; RetryTimeout is 1s", took)
	}

	// A deadline that passes while the driver retries is EUNAVAILABLE too.
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	s2 := &Store{driver: s.driver, db: s.db, log: s.log}
	if _, err := s2.Countries(ctx, []string{"russia"}); domain.ErrorCode(err) != domain.EUNAVAILABLE {
		t.Errorf("Countries past its deadline: %v, want EUNAVAILABLE", err)
	}
}

// proxy forwards TCP connections to a target until cut.
type proxy struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln}
	t.Cleanup(p.cut)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { io.Copy(up, c); up.Close() }()
			go func() { io.Copy(c, up); c.Close() }()
		}
	}()
	return p
}

func (p *proxy) addr() string { return p.ln.Addr().String() }

// cut stops listening and closes every forwarded connection.
func (p *proxy) cut() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// TestPlans checks with PROFILE, on the fixture, that the queries which
// must not scan a label seek or scan an index instead. (EXPLAIN would do, but
// the driver's Plan.Children returns the last child for every child, v5.28.4.)
func TestPlans(t *testing.T) {
	st := newStore(t).(borrowed)
	if err := st.Upsert(t.Context(), storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	listQueries := func(lq listQuery, err error) (string, map[string]any) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		q, _, params, err := lq.build(domain.DefaultPageSize, nil)
		if err != nil {
			t.Fatal(err)
		}
		return q, params
	}
	people := func(f func(*listQuery)) (string, map[string]any) {
		lq, err := nameList("people", labelPerson, "", nil, domain.PageRequest{}, personFields)
		f(&lq)
		return listQueries(lq, err)
	}
	recs := listQuery{label: labelRecommendation, fields: recommendationFields, keyMatch: "MATCH (m:" + labelMeeting + ")-[:" + relProduced + "]->(n)",
		keys: []sortKey{{expr: "m." + propDateKey}, {expr: "m." + propID}, {expr: "n." + propOrder, num: true}}}
	meetings := listQuery{label: labelMeeting, fields: meetingFields, keys: []sortKey{{expr: "n." + propDateKey}}}
	if err := meetings.dateRange("n", domain.DateRange{From: domain.MustDate("2024")}, "dates"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		query  string
		params map[string]any
		want   []string // operators the plan must contain
	}{
		{"Lookup seeks the :Name key", lookupByKey, map[string]any{"key": "astana", "labels": []string{labelPlace, labelInitiative}},
			[]string{"NodeUniqueIndexSeek"}},
		{"a batch reader seeks ids", meetingsByID, map[string]any{"ids": []string{"raec-5", "rked-1"}}, []string{"NodeUniqueIndexSeek"}},
		{"Resolve seeks ids", refsByID, map[string]any{"ids": []string{"raec-5", "instc"}}, []string{"NodeUniqueIndexSeek"}},
		{"AppearancesByPerson seeks ids", appearancesByPerson, map[string]any{"ids": []string{"pavel-orlov"}}, []string{"NodeUniqueIndexSeek"}},
		{"Stats reads the count store", statsQuery, nil, []string{"NodeCountFromCountStore", "RelationshipCountFromCountStore"}},
		{"a list walks the sort-key index in order", "", nil, []string{"NodeIndexScan", "PartialTop"}},
		{"a name filter uses the text index", "", nil, []string{"NodeIndexContainsScan"}},
		{"a filter starts from the node it names", "", nil, []string{"NodeUniqueIndexSeek"}},
		{"recommendations walk the meetings' date index", "", nil, []string{"NodeIndexScan", "PartialTop"}},
		{"a period seeks the date index", "", nil, []string{"NodeIndexSeekByRange"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			query, params := c.query, c.params
			switch c.name {
			case "a list walks the sort-key index in order":
				query, params = people(func(*listQuery) {})
			case "a name filter uses the text index":
				query, params = people(func(lq *listQuery) { lq.nameFilter("aliyev") })
			case "a filter starts from the node it names":
				query, params = people(func(lq *listQuery) {
					lq.match("councilID", "rked", "(n:"+labelPerson+")-[:"+relAppearedAt+"]->(:"+labelMeeting+")-[:"+relPartOf+"]->(:"+labelCouncil+" {"+propID+": $councilID})")
				})
			case "recommendations walk the meetings' date index":
				query, params = listQueries(recs, nil)
			case "a period seeks the date index":
				query, params = listQueries(meetings, nil)
			}
			res, err := neo4j.ExecuteQuery(t.Context(), st.driver, "PROFILE "+query, params, neo4j.EagerResultTransformer,
				neo4j.ExecuteQueryWithDatabase(st.db), neo4j.ExecuteQueryWithReadersRouting())
			if err != nil {
				t.Fatal(err)
			}
			ops := operators(res.Summary.Profile())
			for _, want := range c.want {
				if !strings.Contains(ops, want+"@") {
					t.Errorf("the plan has no %s: %s", want, ops)
				}
			}
			for _, scan := range []string{"AllNodesScan", "NodeByLabelScan"} {
				if strings.Contains(ops, scan) {
					t.Errorf("the plan has a %s: %s", scan, ops)
				}
			}
		})
	}
}

func operators(p neo4j.ProfiledPlan) string {
	if p == nil {
		return ""
	}
	out := p.Operator()
	for _, c := range p.Children() {
		out += " " + operators(c)
	}
	return out
}

// TestByContext checks which driver errors mean a context stopped the call
// (TIMEOUT when it is the caller's) rather than the server failing.
func TestByContext(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{context.DeadlineExceeded, true},
		{fmt.Errorf("reading: %w", context.Canceled), true},
		{&neo4j.ConnectivityError{Inner: context.DeadlineExceeded}, true},
		{&neo4j.TransactionExecutionLimit{Cause: "context deadline exceeded"}, true},
		{&neo4j.TransactionExecutionLimit{Cause: "context deadline exceeded", Errors: []error{&neo4j.ConnectivityError{Inner: context.Canceled}}}, true},
		{&neo4j.TransactionExecutionLimit{Cause: "context deadline exceeded", Errors: []error{
			&neo4j.ConnectivityError{Inner: errors.New("dial tcp 127.0.0.1:1: connect: connection refused")}}}, false},
		{&neo4j.ConnectivityError{Inner: io.EOF}, false},
		{&neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable"}, false},
	} {
		if got := byContext(c.err); got != c.want {
			t.Errorf("byContext(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}

// TestErrorMapping checks the codes of driver errors.
func TestErrorMapping(t *testing.T) {
	s := &Store{}
	for _, c := range []struct {
		err  error
		want string
	}{
		{&neo4j.ConnectivityError{Inner: errors.New("refused")}, domain.EUNAVAILABLE},
		{&neo4j.TransactionExecutionLimit{Cause: "timeout"}, domain.EUNAVAILABLE},
		{&neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{&neo4j.ConnectivityError{Inner: io.EOF}}}, domain.EUNAVAILABLE},
		{&neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{
			&neo4j.Neo4jError{Code: "Neo.TransientError.General.MemoryPoolOutOfMemoryError"}}}, domain.EINTERNAL},
		{&neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable"}, domain.EUNAVAILABLE},
		{context.DeadlineExceeded, domain.EUNAVAILABLE},
		{&neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError"}, domain.EINTERNAL},
		{&neo4j.Neo4jError{Code: "Neo.ClientError.Schema.ConstraintValidationFailed"}, domain.ECONFLICT},
		{&domain.ValidationError{Problems: []*domain.Error{domain.Invalidf("x", "bad")}}, domain.EINVALID},
	} {
		if got := domain.ErrorCode(s.mapErr(c.err)); got != c.want {
			t.Errorf("mapErr(%v): %q, want %q", c.err, got, c.want)
		}
	}
	ve := &domain.ValidationError{}
	if got := s.mapErr(ve); got != error(ve) {
		t.Errorf("a validation error is not returned unchanged: %v", got)
	}
}
