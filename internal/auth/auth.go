// Package auth decides who may read and write the graph. Reads are open by
// default (Config.RequireReadToken closes them); writes need a bearer token
// of role editor, merges and deletes of role admin.
//
// A token is either an API key from the configuration, which keeps only its
// SHA-256 (HashKey, or `printf %s KEY | sha256sum`), or a JWT signed with
// HS256 and a shared secret, or with a key of a JWKS URL (RS256, ES256, ...),
// whose "role" claim is reader, editor or admin and whose "sub" names the
// principal; JWTs must carry "exp". Middleware puts the Principal in the
// request's context; Require checks it.
//
// Errors: no token where one is needed is EUNAUTHORIZED, as is a token that
// does not check out (the middleware answers that at once, with 401); a role
// too low for the operation is EFORBIDDEN. The GraphQL error presenter maps
// them to UNAUTHENTICATED and FORBIDDEN.
package auth

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Role is what a principal may do; each role may do what the roles below it may.
type Role int

// Roles, lowest first.
const (
	RoleNone Role = iota
	RoleReader
	RoleEditor
	RoleAdmin
)

var roleNames = map[Role]string{RoleNone: "none", RoleReader: "reader", RoleEditor: "editor", RoleAdmin: "admin"}

func (r Role) String() string { return roleNames[r] }

// ParseRole reads "reader", "editor" or "admin".
func ParseRole(s string) (Role, error) {
	for r, n := range roleNames {
		if r != RoleNone && strings.EqualFold(strings.TrimSpace(s), n) {
			return r, nil
		}
	}
	return RoleNone, fmt.Errorf("unknown role %q: reader, editor or admin", s)
}

// Principal is who makes a request.
type Principal struct {
	Name string // the API key's name, or the JWT's subject
	Role Role
	Via  string // "api-key" or "jwt"
}

// APIKey is one configured key: its name, role and the SHA-256 of the key.
type APIKey struct {
	Name string
	Role Role
	Hash [sha256.Size]byte
}

// Config says which tokens the server accepts.
type Config struct {
	// RequireReadToken closes reads to requests without a valid token.
	RequireReadToken bool
	APIKeys          []APIKey
	// JWTSecret verifies HS256 JWTs; JWKSURL, RS256/ES256/EdDSA JWTs with
	// the keys it publishes (fetched in the background, refreshed hourly
	// and on an unknown key ID). Either, both or neither may be set.
	JWTSecret []byte
	JWKSURL   string
	// Issuer and Audience, when set, must match the JWT's iss and aud.
	Issuer   string
	Audience string

	jwks jwt.Keyfunc // made by FromEnv or Middleware from JWKSURL
	now  func() time.Time
}

// Environment variables FromEnv reads.
const (
	EnvAPIKeys          = "EXPERTGRAPH_API_KEYS"           // name:role:sha256hex,...
	EnvJWTSecret        = "EXPERTGRAPH_JWT_SECRET"         // HS256 secret
	EnvJWKSURL          = "EXPERTGRAPH_JWKS_URL"           // https://issuer/.well-known/jwks.json
	EnvJWTIssuer        = "EXPERTGRAPH_JWT_ISSUER"         // optional
	EnvJWTAudience      = "EXPERTGRAPH_JWT_AUDIENCE"       // optional
	EnvRequireReadToken = "EXPERTGRAPH_REQUIRE_READ_TOKEN" // true: reads need a token too
)

// HashKey returns the hex SHA-256 of an API key, as EXPERTGRAPH_API_KEYS holds it.
func HashKey(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:])
}

// FromEnv reads the configuration from the environment (see the Env
// constants). A malformed value is an error naming the variable.
func FromEnv(getenv func(string) string) (Config, error) {
	var c Config
	if v := strings.TrimSpace(getenv(EnvRequireReadToken)); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return c, fmt.Errorf("%s=%q: not true or false", EnvRequireReadToken, v)
		}
		c.RequireReadToken = b
	}
	keys, err := ParseAPIKeys(getenv(EnvAPIKeys))
	if err != nil {
		return c, fmt.Errorf("%s: %w", EnvAPIKeys, err)
	}
	c.APIKeys = keys
	if s := getenv(EnvJWTSecret); s != "" {
		if len(s) < 32 {
			return c, fmt.Errorf("%s: the HS256 secret must be at least 32 bytes (got %d)", EnvJWTSecret, len(s))
		}
		c.JWTSecret = []byte(s)
	}
	c.JWKSURL = strings.TrimSpace(getenv(EnvJWKSURL))
	c.Issuer, c.Audience = getenv(EnvJWTIssuer), getenv(EnvJWTAudience)
	if c.JWKSURL != "" {
		if err := c.loadJWKS(); err != nil {
			return c, fmt.Errorf("%s: %w", EnvJWKSURL, err)
		}
	}
	return c, nil
}

// loadJWKS prepares the key function of JWKSURL; the keys are fetched in the
// background for as long as the process runs.
func (c *Config) loadJWKS() error {
	if !strings.HasPrefix(c.JWKSURL, "https://") && !strings.HasPrefix(c.JWKSURL, "http://") {
		return fmt.Errorf("%q is not an http(s) URL", c.JWKSURL)
	}
	k, err := keyfunc.NewDefaultCtx(context.Background(), []string{c.JWKSURL})
	if err != nil {
		return err
	}
	c.jwks = k.Keyfunc
	return nil
}

// ParseAPIKeys reads "name:role:sha256hex,..." (spaces and empty entries ignored).
func ParseAPIKeys(s string) ([]APIKey, error) {
	var out []APIKey
	names := map[string]bool{}
	for i, entry := range strings.Split(s, ",") {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		parts := strings.Split(entry, ":")
		if len(parts) != 3 {
			return nil, fmt.Errorf("entry %d: %q is not name:role:sha256hex", i+1, redact(entry))
		}
		role, err := ParseRole(parts[1])
		if err != nil {
			return nil, fmt.Errorf("entry %d (%s): %w", i+1, parts[0], err)
		}
		raw, err := hex.DecodeString(parts[2])
		if err != nil || len(raw) != sha256.Size {
			return nil, fmt.Errorf("entry %d (%s): the hash is not 64 hex digits (hash the key: printf %%s KEY | sha256sum)", i+1, parts[0])
		}
		if parts[0] == "" || names[parts[0]] {
			return nil, fmt.Errorf("entry %d: the name %q is empty or used twice", i+1, parts[0])
		}
		names[parts[0]] = true
		k := APIKey{Name: parts[0], Role: role}
		copy(k.Hash[:], raw)
		out = append(out, k)
	}
	return out, nil
}

// redact shortens an entry that may hold a secret.
func redact(s string) string {
	if len(s) > 12 {
		return s[:12] + "…"
	}
	return s
}

type ctxKey struct{}

// state is what the middleware learnt of a request.
type state struct {
	p  Principal
	ok bool // a valid token was presented
}

// NewContext returns ctx carrying p, as the middleware does; for tests and
// for commands that act as a known principal.
func NewContext(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, ctxKey{}, state{p: p, ok: true})
}

// FromContext returns the principal of ctx, if a valid token was presented.
func FromContext(ctx context.Context) (Principal, bool) {
	s, ok := ctx.Value(ctxKey{}).(state)
	return s.p, ok && s.ok
}

// Require returns nil if the principal of ctx has role at least; EUNAUTHORIZED
// if there is none; EFORBIDDEN if its role is lower.
func Require(ctx context.Context, role Role) error {
	p, ok := FromContext(ctx)
	switch {
	case !ok:
		return domain.Errorf(domain.EUNAUTHORIZED, "this operation needs a token of role %s or higher: send Authorization: Bearer <token>", role)
	case p.Role < role:
		return domain.Errorf(domain.EFORBIDDEN, "%s has role %s; this operation needs role %s or higher", p.Name, p.Role, role)
	}
	return nil
}

// Middleware puts the principal of each request's bearer token in its
// context. A request without a token goes on anonymous (and is refused with
// 401 if reads need a token); one whose token does not check out is refused
// at once with 401 and a GraphQL error of code UNAUTHENTICATED.
func Middleware(cfg Config) func(http.Handler) http.Handler {
	if cfg.JWKSURL != "" && cfg.jwks == nil {
		if err := cfg.loadJWKS(); err != nil {
			cfg.JWKSURL = "" // FromEnv reports this; a Config made by hand just loses JWKS
		}
	}
	if cfg.now == nil {
		cfg.now = time.Now
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := r.Header.Get("Authorization")
			if h == "" {
				if cfg.RequireReadToken && r.Method != http.MethodOptions {
					refuse(w, "this server needs a token for every request: send Authorization: Bearer <token>")
					return
				}
				next.ServeHTTP(w, r)
				return
			}
			scheme, token, _ := strings.Cut(h, " ")
			if !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
				refuse(w, "the Authorization header is not \"Bearer <token>\"")
				return
			}
			p, err := cfg.verify(strings.TrimSpace(token))
			if err != nil {
				refuse(w, err.Error())
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, state{p: p, ok: true})))
		})
	}
}

// refuse answers 401 with a GraphQL error body.
func refuse(w http.ResponseWriter, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
	w.WriteHeader(http.StatusUnauthorized)
	json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{
		"message": msg, "extensions": map[string]any{"code": "UNAUTHENTICATED"}}}})
}

// verify checks a token: a JWT (three dot-separated parts) or an API key.
func (c Config) verify(token string) (Principal, error) {
	if strings.Count(token, ".") == 2 {
		return c.verifyJWT(token)
	}
	sum := sha256.Sum256([]byte(token))
	for _, k := range c.APIKeys {
		if subtle.ConstantTimeCompare(sum[:], k.Hash[:]) == 1 {
			return Principal{Name: k.Name, Role: k.Role, Via: "api-key"}, nil
		}
	}
	return Principal{}, fmt.Errorf("the token is not a known API key")
}

func (c Config) verifyJWT(token string) (Principal, error) {
	if len(c.JWTSecret) == 0 && c.jwks == nil {
		return Principal{}, fmt.Errorf("this server accepts no JWTs")
	}
	keyFunc := func(t *jwt.Token) (any, error) {
		if t.Method.Alg() == jwt.SigningMethodHS256.Alg() {
			if len(c.JWTSecret) == 0 {
				return nil, fmt.Errorf("HS256 tokens are not accepted")
			}
			return c.JWTSecret, nil
		}
		if c.jwks == nil {
			return nil, fmt.Errorf("%s tokens are not accepted", t.Method.Alg())
		}
		return c.jwks(t)
	}
	opts := []jwt.ParserOption{
		jwt.WithValidMethods([]string{"HS256", "RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"}),
		jwt.WithExpirationRequired(),
		jwt.WithLeeway(30 * time.Second),
		jwt.WithTimeFunc(c.now),
	}
	if c.Issuer != "" {
		opts = append(opts, jwt.WithIssuer(c.Issuer))
	}
	if c.Audience != "" {
		opts = append(opts, jwt.WithAudience(c.Audience))
	}
	claims := jwt.MapClaims{}
	if _, err := jwt.ParseWithClaims(token, claims, keyFunc, opts...); err != nil {
		return Principal{}, fmt.Errorf("the JWT does not check out: %w", err)
	}
	roleText, _ := claims["role"].(string)
	role, err := ParseRole(roleText)
	if err != nil {
		return Principal{}, fmt.Errorf("the JWT's role claim: %w", err)
	}
	sub, _ := claims.GetSubject()
	if sub == "" {
		return Principal{}, fmt.Errorf("the JWT has no sub (subject) claim")
	}
	return Principal{Name: sub, Role: role, Via: "jwt"}, nil
}
