package httpserver

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/expertgraph/expertgraph/graph"
)

// post is gqlgen's POST transport (with application/graphql-response+json by
// default), except that it writes a successful answer's data as gqlgen's
// executor wrote it. gqlgen writes the response with json.Marshal, which
// reads the data it holds again, byte by byte, to compact and validate it:
// a tenth of the time of a large answer (a person's 290 appearances) on the
// embedded store. The answer is written into a buffer lent from a pool for
// the request (graph.LendAnswerBuffers), not a new one grown from empty.
// Everything else, every error included, is gqlgen's: a
// request that fails before it runs is handed to transport.POST whole.
type post struct {
	gqlgen transport.POST
}

func newPost() post {
	return post{gqlgen: transport.POST{UseGrapQLResponseJsonByDefault: true}}
}

var _ graphql.Transport = post{}

func (p post) Supports(r *http.Request) bool { return p.gqlgen.Supports(r) }

func (p post) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	start := graphql.Now()
	body, err := io.ReadAll(r.Body)
	if err != nil {
		r.Body = io.NopCloser(failingReader{err})
		p.gqlgen.Do(w, r, exec)
		return
	}
	asGQLGen := func() {
		r.Body = io.NopCloser(bytes.NewReader(body))
		p.gqlgen.Do(w, r, exec)
	}
	var params graphql.RawParams
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&params); err != nil {
		asGQLGen()
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	ctx, release := graph.LendAnswerBuffers(r.Context()) // taken back once written
	defer release()
	rc, errs := exec.CreateOperationContext(ctx, &params)
	if errs != nil {
		asGQLGen()
		return
	}
	w.Header().Set("Content-Type", responseContentType(r))
	responses, ctx := exec.DispatchOperation(ctx, rc)
	writeResponse(w, responses(ctx))
}

// writeResponse writes {"data":...} around the data as it is, when that is
// the whole response, with its length (no chunks, no copy); anything more
// (errors, extensions) as gqlgen does.
func writeResponse(w http.ResponseWriter, resp *graphql.Response) {
	if len(resp.Errors) > 0 || len(resp.Extensions) > 0 || resp.Label != "" || resp.Path != nil || resp.HasNext != nil || len(resp.Data) == 0 {
		b, err := json.Marshal(resp)
		if err != nil {
			b = []byte(`{"errors":[{"message":"the answer could not be written as JSON","extensions":{"code":"INTERNAL"}}],"data":null}`)
		}
		w.Write(b)
		return
	}
	const prefix, suffix = `{"data":`, `}`
	w.Header().Set("Content-Length", strconv.Itoa(len(prefix)+len(resp.Data)+len(suffix)))
	io.WriteString(w, prefix)
	w.Write(resp.Data)
	io.WriteString(w, suffix)
}

// responseContentType is the content type transport.POST answers a request
// with (UseGrapQLResponseJsonByDefault, no explicit headers): the first of
// application/json and application/graphql-response+json the client
// accepts, the latter by default.
func responseContentType(r *http.Request) string {
	const (
		plain   = "application/json"
		graphQL = "application/graphql-response+json"
	)
	accept := r.Header.Get("Accept")
	if accept == "" {
		return graphQL
	}
	for part := range strings.SplitSeq(accept, ",") {
		mediaType, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mediaType {
		case "*/*", "application/*":
			return graphQL
		case plain:
			return plain
		case graphQL:
			return graphQL
		}
	}
	return graphQL
}

// failingReader fails every read with err: a body that could not be read,
// handed to transport.POST to answer as it does.
type failingReader struct{ err error }

func (f failingReader) Read([]byte) (int, error) { return 0, f.err }
