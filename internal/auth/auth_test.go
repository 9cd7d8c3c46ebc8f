package auth

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/expertgraph/expertgraph/internal/domain"
)

const secret = "a-test-secret-of-at-least-32-bytes!!"

func hs256(t *testing.T, claims jwt.MapClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(secret))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func claims(sub, role string, exp time.Duration) jwt.MapClaims {
	return jwt.MapClaims{"sub": sub, "role": role, "exp": time.Now().Add(exp).Unix()}
}

// probe answers with what Require says for each role.
func probe(w http.ResponseWriter, r *http.Request) {
	out := map[string]string{}
	for _, role := range []Role{RoleReader, RoleEditor, RoleAdmin} {
		out[role.String()] = domain.ErrorCode(Require(r.Context(), role))
	}
	p, _ := FromContext(r.Context())
	out["name"] = p.Name
	json.NewEncoder(w).Encode(out)
}

func testConfig(t *testing.T) Config {
	t.Helper()
	env := map[string]string{
		EnvAPIKeys:   "ci:editor:" + HashKey("editor-key") + ", ops:admin:" + HashKey("admin-key") + ",viewer:reader:" + HashKey("reader-key"),
		EnvJWTSecret: secret,
	}
	cfg, err := FromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestMiddlewareAndRequire(t *testing.T) {
	h := Middleware(testConfig(t))(http.HandlerFunc(probe))
	const (
		ok     = ""
		unauth = domain.EUNAUTHORIZED
		forbid = domain.EFORBIDDEN
	)
	for _, c := range []struct {
		name   string
		header string
		status int
		want   map[string]string // Require(reader, editor, admin) codes and the principal's name
	}{
		{"no token", "", 200, map[string]string{"reader": unauth, "editor": unauth, "admin": unauth, "name": ""}},
		{"bad API key", "Bearer nope", 401, nil},
		{"not bearer", "Basic dXNlcjpwYXNz", 401, nil},
		{"bad JWT signature", "Bearer " + hs256(t, claims("eve", "admin", time.Hour))[:40] + "x.y.z", 401, nil},
		{"expired JWT", "Bearer " + hs256(t, claims("alice", "admin", -time.Hour)), 401, nil},
		{"JWT without exp", "Bearer " + hs256(t, jwt.MapClaims{"sub": "alice", "role": "admin"}), 401, nil},
		{"JWT with an unknown role", "Bearer " + hs256(t, claims("alice", "root", time.Hour)), 401, nil},
		{"reader JWT", "Bearer " + hs256(t, claims("rita", "reader", time.Hour)), 200,
			map[string]string{"reader": ok, "editor": forbid, "admin": forbid, "name": "rita"}},
		{"editor JWT", "Bearer " + hs256(t, claims("ed", "editor", time.Hour)), 200,
			map[string]string{"reader": ok, "editor": ok, "admin": forbid, "name": "ed"}},
		{"admin JWT", "Bearer " + hs256(t, claims("ada", "admin", time.Hour)), 200,
			map[string]string{"reader": ok, "editor": ok, "admin": ok, "name": "ada"}},
		{"reader API key", "Bearer reader-key", 200, map[string]string{"reader": ok, "editor": forbid, "admin": forbid, "name": "viewer"}},
		{"editor API key", "Bearer editor-key", 200, map[string]string{"reader": ok, "editor": ok, "admin": forbid, "name": "ci"}},
		{"admin API key", "bearer admin-key", 200, map[string]string{"reader": ok, "editor": ok, "admin": ok, "name": "ops"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/graphql", nil)
			if c.header != "" {
				req.Header.Set("Authorization", c.header)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != c.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, c.status, rec.Body)
			}
			if c.status == 401 {
				if !strings.Contains(rec.Body.String(), `"code":"UNAUTHENTICATED"`) {
					t.Errorf("401 body %s has no UNAUTHENTICATED code", rec.Body)
				}
				return
			}
			var got map[string]string
			json.NewDecoder(rec.Body).Decode(&got)
			for k, v := range c.want {
				if got[k] != v {
					t.Errorf("%s: got %q, want %q (all: %v)", k, got[k], v, got)
				}
			}
		})
	}
}

func TestRequireReadToken(t *testing.T) {
	cfg := testConfig(t)
	cfg.RequireReadToken = true
	h := Middleware(cfg)(http.HandlerFunc(probe))
	for header, status := range map[string]int{"": 401, "Bearer reader-key": 200} {
		req := httptest.NewRequest(http.MethodGet, "/graphql", nil)
		if header != "" {
			req.Header.Set("Authorization", header)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != status {
			t.Errorf("header %q: status %d, want %d", header, rec.Code, status)
		}
	}
}

func TestJWKS(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	b64 := base64.RawURLEncoding.EncodeToString
	set := map[string]any{"keys": []any{map[string]any{"kty": "RSA", "kid": "k1", "alg": "RS256", "use": "sig",
		"n": b64(key.N.Bytes()), "e": b64(big.NewInt(int64(key.E)).Bytes())}}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { json.NewEncoder(w).Encode(set) }))
	defer srv.Close()
	cfg, err := FromEnv(func(k string) string { return map[string]string{EnvJWKSURL: srv.URL}[k] })
	if err != nil {
		t.Fatal(err)
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, claims("sso-user", "admin", time.Hour))
	tok.Header["kid"] = "k1"
	signed, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	p, err := cfg.withClock().verify(signed)
	if err != nil || p.Name != "sso-user" || p.Role != RoleAdmin {
		t.Errorf("verify(RS256 from JWKS) = %+v, %v", p, err)
	}
	// An HS256 token is refused when no secret is configured.
	if _, err := cfg.withClock().verify(hs256(t, claims("x", "admin", time.Hour))); err == nil {
		t.Errorf("an HS256 token passed without a secret")
	}
}

func (c Config) withClock() Config {
	c.now = time.Now
	return c
}

func TestFromEnvErrors(t *testing.T) {
	for name, env := range map[string]map[string]string{
		"short secret":    {EnvJWTSecret: "short"},
		"bad role":        {EnvAPIKeys: "ci:root:" + HashKey("k")},
		"bad hash":        {EnvAPIKeys: "ci:editor:abc"},
		"missing part":    {EnvAPIKeys: "ci:" + HashKey("k")},
		"duplicate name":  {EnvAPIKeys: "ci:editor:" + HashKey("a") + ",ci:admin:" + HashKey("b")},
		"bad bool":        {EnvRequireReadToken: "maybe"},
		"bad JWKS scheme": {EnvJWKSURL: "ftp://example.org/jwks"},
	} {
		if _, err := FromEnv(func(k string) string { return env[k] }); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
