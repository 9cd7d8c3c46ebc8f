package graphio_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/expertgraph/expertgraph/internal/domain"
	"github.com/expertgraph/expertgraph/internal/graphio"
)

func ExampleWriteJSON() {
	g := &domain.Graph{
		Countries: []*domain.Country{{ID: "aland", Name: "Aland"}},
		Places:    []*domain.Place{{ID: "mariehamn", Name: "Mariehamn", CountryID: "aland"}},
	}
	if err := graphio.WriteJSON(os.Stdout, g); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "format": "expertgraph",
	//   "version": 1,
	//   "graph": {
	//     "countries": [
	//       {
	//         "id": "aland",
	//         "name": "Aland"
	//       }
	//     ],
	//     "places": [
	//       {
	//         "id": "mariehamn",
	//         "name": "Mariehamn",
	//         "country": "aland"
	//       }
	//     ],
	//     "institutions": [],
	//     "people": [],
	//     "councils": [],
	//     "initiatives": [],
	//     "themes": [],
	//     "sources": [],
	//     "publications": [],
	//     "meetings": [],
	//     "appearances": [],
	//     "recommendations": []
	//   }
	// }
}

func ExampleReadJSON() {
	const doc = `{"format": "expertgraph", "version": 1, "graph": {
		"countries": [{"id": "aland", "name": "Aland"}],
		"places": [{"id": "mariehamn", "name": "Mariehamn", "country": "alnd", "population": 11000}],
		"sources": [{"id": "report", "url": "https://example.org/report", "publisher": "Example", "published": "2024-13"}]
	}}`
	_, err := graphio.ReadJSON(strings.NewReader(doc), "places.json")
	fmt.Println(domain.ErrorCode(err))
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Println(p)
		}
	}
	// Output:
	// invalid
	// places.json:places[mariehamn].population: unknown field (the fields here are id, name, aliases, country, sources)
	// places.json:sources[report].published: month 13 is not 1-12
	// places.json:places[mariehamn].country: unknown country "alnd"
}
