package graph

import (
	"context"
	"testing"
)

func TestAnswerBuffers(t *testing.T) {
	ctx := context.Background()
	if a, b := answerBuffer(ctx), answerBuffer(ctx); a == b || a.Len() != 0 {
		t.Errorf("without a lender, each answer should get a new empty buffer")
	}
	for range 3 { // a buffer given back comes back empty
		lctx, release := LendAnswerBuffers(ctx)
		a, b := answerBuffer(lctx), answerBuffer(lctx)
		if a == b {
			t.Fatal("one request was lent the same buffer twice")
		}
		if a.Len() != 0 || b.Len() != 0 {
			t.Fatalf("a lent buffer holds %q and %q", a, b)
		}
		a.WriteString(`{"meeting":null}`)
		b.WriteString(`{"person":null}`)
		release()
	}
}
