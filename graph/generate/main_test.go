package main

import (
	"strings"
	"testing"
)

func TestApply(t *testing.T) {
	src := "package graph\n\nfunc f() {\n\tgraphql.MarshalSliceConcurrently(ctx, 1)\n\tgraphql.MarshalSliceConcurrently(ctx, 2)\n}\n"
	tests := []struct {
		name    string
		rs      []rewrite
		want    string // "" for an error
		wantErr string
	}{
		{"every occurrence", []rewrite{{"graphql.MarshalSliceConcurrently(ctx,", "ec.marshalList(ctx,"}},
			"package graph\n\nfunc f() {\n\tec.marshalList(ctx, 1)\n\tec.marshalList(ctx, 2)\n}\n", ""},
		{"a call gqlgen no longer makes", []rewrite{{"graphql.NewDeferredGroup(ctx)", "x"}}, "", "gqlgen changed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := apply([]byte(src), tt.rs)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
