package httpserver

import (
	"context"
	"errors"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// GraphQL error codes (extensions.code) of domain errors.
var codes = map[string]string{
	domain.ENOTFOUND:    "NOT_FOUND",
	domain.EINVALID:     "BAD_USER_INPUT",
	domain.ECONFLICT:    "CONFLICT",
	domain.EUNAVAILABLE: "UNAVAILABLE",
	domain.EINTERNAL:    "INTERNAL",

	domain.EUNAUTHORIZED: "UNAUTHENTICATED",
	domain.EFORBIDDEN:    "FORBIDDEN",
}

// Codes of the server's own refusals.
const (
	codeTimeout      = "TIMEOUT"
	codeTooDeep      = "QUERY_TOO_DEEP"
	codeTooManyField = "TOO_MANY_FIELDS"
	codeBodyTooLarge = "BODY_TOO_LARGE"
	codeInternal     = "INTERNAL"
	codeBadRequest   = "BAD_REQUEST"
)

// presenter maps an error to what the client sees: domain errors keep their
// message and get their code; errors gqlgen raised itself (parse, validation,
// complexity) keep theirs; anything else is logged and shown as INTERNAL with
// no details.
// UNAVAILABLE is logged at most once a second (with the number held back).
func presenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	unavailable := newThrottle(time.Second)
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		cause := err
		if gqlErr.Err != nil {
			cause = gqlErr.Err // what the resolver returned, with its whole chain
		}
		var de *domain.Error
		switch {
		case errors.As(err, &de):
			gqlErr.Message = domain.ErrorMessage(err)
			switch de.Code {
			case domain.EUNAVAILABLE:
				unavailable.log(ctx, log, slog.LevelError, "store error", "code", de.Code, "path", gqlErr.Path.String(), "err", cause)
			case domain.EINTERNAL:
				log.ErrorContext(ctx, "store error", "code", de.Code, "path", gqlErr.Path.String(), "err", cause)
			}
			if de.Code == domain.EINTERNAL {
				gqlErr.Message = "internal error"
			}
			errcode.Set(gqlErr, codes[de.Code])
			detail(gqlErr, err)
		case errors.Is(err, context.DeadlineExceeded):
			gqlErr.Message = "the request took too long and was stopped; ask for less (smaller pages, fewer fields)"
			errcode.Set(gqlErr, codeTimeout)
		case errors.Is(err, context.Canceled):
			gqlErr.Message = "the request was cancelled"
			errcode.Set(gqlErr, codeTimeout)
		case gqlErr.Extensions["code"] != nil:
			// gqlgen's own: GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, COMPLEXITY_LIMIT_EXCEEDED, ...
		case len(gqlErr.Path) == 0:
			// About the request itself (a body that is not JSON, no query): no resolver ran.
			errcode.Set(gqlErr, codeBadRequest)
		default:
			log.ErrorContext(ctx, "unexpected error", "path", gqlErr.Path.String(), "err", cause)
			gqlErr.Message = "internal error"
			errcode.Set(gqlErr, codeInternal)
		}
		return gqlErr
	}
}

// recoverer turns a panic in a resolver into an INTERNAL error; the stack goes
// to the log, never to the client.
func recoverer(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", p, "stack", string(debug.Stack()))
		e := gqlerror.Errorf("internal error")
		errcode.Set(e, codeInternal)
		return e
	}
}

// detail adds what a client needs to act on a domain error: the nodes a
// CONFLICT is about (extensions.candidates of an ambiguous name,
// extensions.referrers of a refused delete), and every problem of a
// BAD_USER_INPUT with the input path at fault (extensions.problems).
func detail(gqlErr *gqlerror.Error, err error) {
	if gqlErr.Extensions == nil {
		gqlErr.Extensions = map[string]any{}
	}
	var ne *domain.NodesError
	if errors.As(err, &ne) {
		nodes := make([]map[string]any, len(ne.Nodes))
		for i, n := range ne.Nodes {
			nodes[i] = map[string]any{"id": n.ID, "kind": string(n.Kind), "name": n.Name}
		}
		gqlErr.Extensions[ne.Key] = nodes
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		problems := make([]map[string]any, len(ve.Problems))
		for i, p := range ve.Problems {
			problems[i] = map[string]any{"field": p.Field, "message": p.Message}
		}
		gqlErr.Extensions["problems"] = problems
	} else {
		var de *domain.Error
		if errors.As(err, &de) && de.Field != "" {
			gqlErr.Extensions["field"] = de.Field
		}
	}
}
