package domain_test

import (
	"fmt"

	"github.com/expertgraph/expertgraph/internal/domain"
)

func ExampleNormalizeName() {
	for _, s := range []string{"North–South Corridor", "north-south  corridor", "Şuşa", "Hikmət Hacıyev", "3+3 format"} {
		fmt.Printf("%q\n", domain.NormalizeName(s))
	}
	// Output:
	// "north south corridor"
	// "north south corridor"
	// "susa"
	// "hikmet haciyev"
	// "3+3 format"
}

func ExampleParseDate() {
	for _, s := range []string{"2024-06-21", "2024-06", "2024", "2023-02-30"} {
		d, err := domain.ParseDate(s)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(d, d.Precision(), d.Start().Format("2006-01-02"), d.End().Format("2006-01-02"))
	}
	// Output:
	// 2024-06-21 DAY 2024-06-21 2024-06-21
	// 2024-06 MONTH 2024-06-01 2024-06-30
	// 2024 YEAR 2024-01-01 2024-12-31
	// error: 2023-02 has no day 30
}

func ExampleGraph_Validate() {
	g := &domain.Graph{
		Countries: []*domain.Country{{ID: "russia", Name: "Russia"}},
		Councils:  []*domain.Council{{ID: "raec", Name: "Russia–Azerbaijan Expert Council", CountryIDs: []string{"russia", "azerbaijan"}}},
	}
	fmt.Println(g.Validate(nil))
	// Output:
	// councils[raec].countries[1]: unknown country "azerbaijan"
}
