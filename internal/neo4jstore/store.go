package neo4jstore

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/expertgraph/expertgraph/internal/domain"
)

var _ domain.Store = (*Store)(nil)

// Defaults of Config.
const (
	DefaultConnectTimeout = 60 * time.Second
	DefaultRetryTimeout   = 3 * time.Second
	DefaultReadTimeout    = 30 * time.Second
	DefaultWriteTimeout   = 10 * time.Minute
)

// pingTimeout bounds Ping (the readiness probe): a readiness check that
// hangs is worse than one that says no.
const pingTimeout = 10 * time.Second

// Config says where the Neo4j server is and how to reach it.
type Config struct {
	URI      string // bolt://host:7687 for one server, neo4j://host:7687 for a cluster
	User     string // empty for no authentication
	Password string
	Database string // always named: "neo4j" on Community edition
	Logger   *slog.Logger

	// ConnectTimeout bounds how long Open keeps retrying while the server is
	// not up yet (a container starting beside ours); DefaultConnectTimeout if zero.
	ConnectTimeout time.Duration
	// RetryTimeout bounds how long the driver retries one transaction that
	// fails transiently (lost connection, leader switch, deadlock) before the
	// method gives up with EUNAVAILABLE; DefaultRetryTimeout if zero. It
	// also bounds the wait for a connection from the pool.
	RetryTimeout time.Duration
	// ReadTimeout and WriteTimeout bound one read or write method, retries
	// included (EUNAVAILABLE when they pass): a server that accepts the
	// connection but does not answer (a database still starting) cannot hold
	// a call longer. DefaultReadTimeout and DefaultWriteTimeout if zero;
	// writes get more, since one import file is one transaction.
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
}

// Store is a domain.Store kept in Neo4j. It is safe for concurrent use.
type Store struct {
	driver       neo4j.DriverWithContext
	probe        neo4j.DriverWithContext // the health probe's own driver (one connection)
	health       *health
	statements   *statements  // the read statements run, for the warm-up (warm.go)
	calls        atomic.Int64 // calls running, but the warm-up's
	lastCall     atomic.Int64 // when one of those last started or ended (Unix nanoseconds)
	db           string
	log          *slog.Logger
	readTimeout  time.Duration
	writeTimeout time.Duration
}

// Open connects to Neo4j, retrying with exponential backoff until the server
// answers or cfg.ConnectTimeout passes (EUNAVAILABLE), then creates the
// constraints and indexes the store relies on if they do not exist yet.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Database == "" {
		return nil, fmt.Errorf("neo4jstore: no database named")
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = DefaultConnectTimeout
	}
	if cfg.RetryTimeout <= 0 {
		cfg.RetryTimeout = DefaultRetryTimeout
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = DefaultReadTimeout
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = DefaultWriteTimeout
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		c.MaxTransactionRetryTime = cfg.RetryTimeout
		c.SocketConnectTimeout = min(2*time.Second, cfg.ConnectTimeout)
		c.ConnectionAcquisitionTimeout = cfg.RetryTimeout
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: %w", err)
	}
	probe, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		c.MaxConnectionPoolSize = 1
		c.SocketConnectTimeout = 2 * time.Second
		c.ConnectionAcquisitionTimeout = probeTimeout
		c.MaxTransactionRetryTime = 0
	})
	if err != nil {
		driver.Close(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("neo4jstore: %w", err)
	}
	s := &Store{driver: driver, probe: probe, db: cfg.Database, log: log, statements: &statements{},
		readTimeout: cfg.ReadTimeout, writeTimeout: cfg.WriteTimeout}
	s.health = newHealth(func(ctx context.Context) error { return pingWith(ctx, probe, s.db) }, log)
	s.health.warm = s.warm
	if err := s.connect(ctx, cfg.ConnectTimeout); err != nil {
		s.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	if err := s.createSchema(ctx); err != nil {
		s.Close(context.WithoutCancel(ctx))
		return nil, s.mapErr(fmt.Errorf("neo4jstore: creating the schema: %w", err))
	}
	return s, nil
}

// connect waits for the server to answer a query on the database, backing
// off exponentially from 250 ms to 5 s between tries.
func (s *Store) connect(ctx context.Context, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	wait := 250 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := s.ping(ctx)
		if err == nil {
			return nil
		}
		if !unavailable(err) {
			return s.mapErr(fmt.Errorf("neo4jstore: connecting: %w", err))
		}
		if time.Until(deadline) < wait {
			return domain.Unavailable(fmt.Errorf("neo4jstore: no answer from Neo4j within %s after %d attempts: %w", timeout, attempt, err))
		}
		s.log.Warn("Neo4j does not answer yet; retrying", "attempt", attempt, "in", wait, "err", err)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return domain.Unavailable(fmt.Errorf("neo4jstore: connecting: %w (last error: %v)", ctx.Err(), err))
		}
		wait = min(2*wait, 5*time.Second)
	}
}

// Ping returns nil when the store can serve requests: at once EUNAVAILABLE
// while Neo4j is known to be down, at once nil if a call has just succeeded
// (health.fresh), else a query within pingTimeout (or the read timeout if
// shorter).
func (s *Store) Ping(ctx context.Context) error {
	if err := s.health.check(); err != nil {
		return err
	}
	if s.health.fresh() {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, min(pingTimeout, cmp.Or(s.readTimeout, DefaultReadTimeout)))
	defer cancel()
	err := s.ping(ctx)
	s.health.failed(ctx, err)
	return s.mapErr(err)
}

func (s *Store) ping(ctx context.Context) error {
	return pingWith(ctx, s.driver, s.db)
}

// pingWith asks the server of driver for an answer from database db.
func pingWith(ctx context.Context, driver neo4j.DriverWithContext, db string) error {
	if err := driver.VerifyConnectivity(ctx); err != nil {
		return err
	}
	_, err := neo4j.ExecuteQuery(ctx, driver, "RETURN 1", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithReadersRouting())
	return err
}

// Close stops the health probe and releases the drivers and their
// connections.
func (s *Store) Close(ctx context.Context) error {
	s.health.close()
	err := s.driver.Close(ctx)
	if s.probe != nil {
		err = errors.Join(err, s.probe.Close(ctx))
	}
	return err
}

// read runs work in one managed read transaction, which the driver retries
// on transient failures: work must be idempotent. Inside a transaction of
// inTx (the With readers, include.go) it runs work in that one instead,
// leaving errors unmapped for the driver to judge and the outer read to map.
func read[T any](ctx context.Context, s *Store, work func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	if tx, ok := ctx.Value(txKey{}).(neo4j.ManagedTransaction); ok {
		return work(tx)
	}
	return transact(ctx, s, neo4j.AccessModeRead, cmp.Or(s.readTimeout, DefaultReadTimeout), work)
}

// write runs work in one managed write transaction (all or nothing), retried
// like read.
func write[T any](ctx context.Context, s *Store, work func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	return transact(ctx, s, neo4j.AccessModeWrite, cmp.Or(s.writeTimeout, DefaultWriteTimeout), work)
}

// transact runs work in one managed transaction of the mode, within
// timeout. It fails at once while Neo4j is known to be down, and is
// cancelled (the driver's retries with it) as soon as it is; a failure that
// looks like Neo4j not answering, or a call slower than suspectAfter, starts
// the health probe. A call stopped by its caller's context (the request's
// deadline, a client gone) returns that context's error, which the server
// shows as TIMEOUT as it does for the embedded store; the store's own
// timeout, or a caller's deadline passing while the driver retries a server
// that does not answer, is EUNAVAILABLE.
func transact[T any](ctx context.Context, s *Store, mode neo4j.AccessMode, timeout time.Duration, work func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	var zero T
	if err := s.health.check(); err != nil {
		return zero, err
	}
	caller := ctx
	warming := ctx.Value(warmKey{}) != nil
	if !warming {
		s.lastCall.Store(time.Now().UnixNano())
		s.calls.Add(1)
		defer func() {
			s.lastCall.Store(time.Now().UnixNano())
			s.calls.Add(-1)
		}()
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	ctx, cancelDown := context.WithCancelCause(ctx)
	defer cancelDown(nil)
	defer context.AfterFunc(s.health.upContext(), func() { cancelDown(errDown) })()
	defer time.AfterFunc(suspectAfter, s.health.suspect).Stop()
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: mode})
	defer sess.Close(context.WithoutCancel(ctx))
	guarded := func(tx neo4j.ManagedTransaction) (T, error) {
		if err := s.health.check(); err != nil {
			return zero, err // a domain error: the driver does not retry it
		}
		if mode == neo4j.AccessModeRead && s.statements != nil && !warming {
			tx = noting{tx, s.statements}
		}
		return work(tx)
	}
	var v T
	var err error
	if mode == neo4j.AccessModeWrite {
		v, err = neo4j.ExecuteWrite(ctx, sess, guarded)
	} else {
		v, err = neo4j.ExecuteRead(ctx, sess, guarded)
	}
	if err != nil {
		if errors.Is(context.Cause(ctx), errDown) {
			if down := s.health.check(); down != nil {
				return zero, down
			}
			return zero, domain.Unavailable(errDown)
		}
		s.health.failed(ctx, err)
		if cerr := caller.Err(); cerr != nil && byContext(err) {
			return zero, fmt.Errorf("neo4jstore: %w (%v)", cerr, err)
		}
		return zero, s.mapErr(err)
	}
	s.health.succeeded()
	return v, nil
}

// mapErr gives driver errors their domain code: domain errors pass
// unchanged, a server that does not answer becomes EUNAVAILABLE, a
// uniqueness constraint that refused a write ECONFLICT, anything else is
// returned as is (EINTERNAL at the edge).
func (s *Store) mapErr(err error) error {
	if err == nil {
		return nil
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	if unavailable(err) {
		return domain.Unavailable(err)
	}
	var dbErr *neo4j.Neo4jError
	if errors.As(err, &dbErr) && dbErr.Code == "Neo.ClientError.Schema.ConstraintValidationFailed" {
		// Two writers raced to give one ID two kinds; the constraint on
		// :Node(id) refused the second.
		return domain.Wrap(domain.Errorf(domain.ECONFLICT, "an ID is already used by a node of another kind; try again"), err)
	}
	return err
}

// byContext reports whether err is the driver stopping because a context
// ended, rather than a failure of the server (the driver's errors do not
// unwrap, so its retries and connectivity errors are looked into).
func byContext(err error) bool {
	var (
		conn  *neo4j.ConnectivityError
		limit *neo4j.TransactionExecutionLimit
	)
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return true
	case errors.As(err, &limit):
		return len(limit.Errors) == 0 || byContext(limit.Errors[len(limit.Errors)-1])
	case errors.As(err, &conn):
		return conn.Inner != nil && byContext(conn.Inner)
	}
	return false
}

// unavailable reports whether err means the server did not answer (or not
// in time), as opposed to a query it refused. A transaction that ran out of
// memory is not unavailability: trying again will not help.
func unavailable(err error) bool {
	var (
		conn  *neo4j.ConnectivityError
		limit *neo4j.TransactionExecutionLimit
		dbErr *neo4j.Neo4jError
		nerr  net.Error
	)
	switch {
	case errors.As(err, &limit):
		// The driver gave up retrying: judge by the last failure.
		return len(limit.Errors) == 0 || unavailable(limit.Errors[len(limit.Errors)-1])
	case errors.As(err, &conn), errors.As(err, &nerr):
		return true
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, io.EOF):
		return true
	case errors.As(err, &dbErr):
		return strings.HasPrefix(dbErr.Code, "Neo.TransientError.") && !strings.Contains(dbErr.Code, "Memory") ||
			dbErr.Code == "Neo.ClientError.Cluster.NotALeader" ||
			dbErr.Code == "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase"
	}
	return false
}

// run runs one query in tx and maps every record with f.
func run[T any](ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any, f func(*neo4j.Record) (T, error)) ([]T, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	var out []T
	for res.Next(ctx) {
		v, err := f(res.Record())
		if err != nil {
			return nil, fmt.Errorf("neo4jstore: reading a record: %w", err)
		}
		out = append(out, v)
	}
	if err := res.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// exec runs one query in tx and discards its result.
func exec(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) error {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}
