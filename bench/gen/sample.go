package gen

import (
	"math/rand/v2"
	"slices"
)

// Sample holds parameters for the workload, drawn while generating (reservoir
// sampling, with a random source of its own so that sampling never changes
// the graph): IDs that exist and names that find something.
type Sample struct {
	r *rand.Rand
	n map[string]int // items seen per list

	Meetings    []string    `json:"meetings"`    // Q1, meetings with speakers
	People      []string    `json:"people"`      // Q2, people who appeared
	Initiatives []string    `json:"initiatives"` // Q3, Q4
	Councils    []string    `json:"councils"`    // Q5, Q8
	Paths       [][2]string `json:"paths"`       // Q6, a person and an initiative of a meeting they attended
	Names       []string    `json:"names"`       // Q7, names and aliases as written
}

// SampleSize is the most of each list a Sample keeps.
const SampleSize = 500

func newSample(seed uint64) *Sample {
	return &Sample{r: rand.New(rand.NewPCG(seed, 0xa11ce)), n: map[string]int{}}
}

func reservoir[T any](s *Sample, key string, list *[]T, x T) {
	s.n[key]++
	if len(*list) < SampleSize {
		*list = append(*list, x)
	} else if j := s.r.IntN(s.n[key]); j < SampleSize {
		(*list)[j] = x
	}
}

func (s *Sample) meeting(id string)    { reservoir(s, "m", &s.Meetings, id) }
func (s *Sample) person(id string)     { reservoir(s, "p", &s.People, id) }
func (s *Sample) initiative(id string) { reservoir(s, "i", &s.Initiatives, id) }
func (s *Sample) council(id string)    { reservoir(s, "c", &s.Councils, id) }
func (s *Sample) name(n string)        { reservoir(s, "n", &s.Names, n) }
func (s *Sample) path(a, b string)     { reservoir(s, "x", &s.Paths, [2]string{a, b}) }

// Done sorts and deduplicates the lists, so that the same graph gives the
// same sample whatever the chunking.
func (s *Sample) Done() {
	for _, l := range []*[]string{&s.Meetings, &s.People, &s.Initiatives, &s.Councils, &s.Names} {
		slices.Sort(*l)
		*l = slices.Compact(*l)
	}
	slices.SortFunc(s.Paths, func(a, b [2]string) int {
		if a[0] != b[0] {
			return cmpStr(a[0], b[0])
		}
		return cmpStr(a[1], b[1])
	})
	s.Paths = slices.Compact(s.Paths)
}

func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
