package ingest

import (
	"os"
	"strings"
	"testing"
)

func TestScore(t *testing.T) {
	in, err := os.ReadFile("testdata/kz-uz-forum-2023.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Extract(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	perfect := Score(d, d)
	for _, k := range perfect.Kinds {
		if k.FP != 0 || k.FN != 0 {
			t.Errorf("a draft against itself: %s has fp %d fn %d", k.Kind, k.FP, k.FN)
		}
	}
	// Drop a speaker and change a title: recall and title scores fall.
	want := *d
	want.Speakers = append([]SpeakerDraft(nil), d.Speakers...)
	want.Speakers[0].Title = "Minister of Water Resources"
	got := *d
	got.Speakers = got.Speakers[1:]
	r := Score(&got, &want)
	sp := r.Kind("speakers")
	if sp.TP != len(d.Speakers)-1 || sp.FN != 1 || sp.FP != 0 || *sp.Recall >= 1 || *sp.Precision != 1 {
		t.Errorf("speakers %+v", sp)
	}
	if ti := r.Kind("speaker-titles"); ti.FN != 1 {
		t.Errorf("speaker-titles %+v", ti)
	}
	if !strings.Contains(r.String(), "missing: "+d.Speakers[0].Name) {
		t.Errorf("the report does not list the missing speaker:\n%s", r)
	}
}
