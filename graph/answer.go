package graph

import (
	"bytes"
	"context"
	"sync"
)

// Answer buffers.
//
// gqlgen writes each answer into a new bytes.Buffer that grows from empty by
// doubling: a person's history of 94 KB cost about 250 KB of copies and
// garbage. A transport that writes the answer out before the request
// ends (httpserver's POST) lends the executor buffers from a pool for the
// request (LendAnswerBuffers) and takes them back once it has written the
// answer; without that, answerBuffer is a new buffer, as gqlgen's. The
// generator (graph/generate) routes the generated code through it.

// maxPooled is the largest buffer kept for another answer: a rare huge
// answer's buffer goes to the garbage collector.
const maxPooled = 1 << 20

var answerPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

type lentKey struct{}

// lent are the buffers one request was lent.
type lent struct {
	mu   sync.Mutex
	bufs []*bytes.Buffer
}

// LendAnswerBuffers returns a context under which answers are written into
// pooled buffers, and the function that takes them back: call it once the
// answers (graphql.Response.Data) are written and no longer read.
func LendAnswerBuffers(ctx context.Context) (context.Context, func()) {
	l := &lent{}
	return context.WithValue(ctx, lentKey{}, l), func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		for _, b := range l.bufs {
			if b.Cap() <= maxPooled {
				b.Reset()
				answerPool.Put(b)
			}
		}
		l.bufs = nil
	}
}

// answerBuffer returns an empty buffer to write an answer into: a pooled
// one if ctx was lent buffers, a new one otherwise.
func answerBuffer(ctx context.Context) *bytes.Buffer {
	l, ok := ctx.Value(lentKey{}).(*lent)
	if !ok {
		return new(bytes.Buffer)
	}
	b := answerPool.Get().(*bytes.Buffer)
	l.mu.Lock()
	l.bufs = append(l.bufs, b)
	l.mu.Unlock()
	return b
}
