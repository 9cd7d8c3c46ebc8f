package dataset_test

import (
	"errors"
	"fmt"
	"log"
	"slices"
	"testing/fstest"

	"github.com/expertgraph/expertgraph/internal/dataset"
	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/seed"
)

// Load the embedded seed and list who opened the 5th RAEC meeting.
func ExampleLoad() {
	g, err := dataset.Load(seed.FS) // or os.DirFS(dir) for a user's files
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range g.Appearances {
		if a.MeetingID == "raec-5" && slices.Contains(a.Roles, domain.RoleOpeningSpeech) {
			fmt.Printf("%d. %s (%s)\n", a.Order, a.PersonID, a.InstitutionID)
		}
	}
	// Output:
	// 1. igor-maslov (russia-presidential-administration)
	// 2. hikmet-hajiyev (azerbaijan-presidential-administration)
	// 3. mikhail-evdokimov (russia-mfa)
	// 4. elshad-iskandarov (azerbaijan-mfa)
	// 5. ivan-timofeev (riac)
	// 6. farid-shafiyev (air-center)
}

// Every problem is reported, located by file, line, entry and field.
func ExampleLoad_errors() {
	fsys := fstest.MapFS{
		"people.yaml": {Data: []byte(`
- id: hikmet-hajiyev
  nmae: Hikmet Hajiyev
  country: azerbaidjan
`)},
	}
	_, err := dataset.Load(fsys)
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Println(p)
		}
	}
	fmt.Println(domain.ErrorCode(err))
	// Output:
	// people.yaml:2: entry 1 (hikmet-hajiyev): name: is required
	// people.yaml:3: entry 1 (hikmet-hajiyev): nmae: unknown field (the fields here are id, name, aliases, country, affiliations, sources)
	// people.yaml:4: entry 1 (hikmet-hajiyev): country: unknown country "azerbaidjan"
	// invalid
}
