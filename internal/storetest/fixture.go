package storetest

import (
	"fmt"

	"github.com/expertgraph/expertgraph/internal/domain"
)

// Fixture returns a small hand-made graph, fresh on every call so that a test
// may change it: two councils and a one-off round table, six meetings in
// 2022-2024 in Moscow, Baku and Astana (one without a place), eight people
// with appearances in several roles, eight institutions, six initiatives
// whose names and aliases use dashes and diacritics, five themes, twelve
// recommendations, three publications and seven sources.
//
// It is invented (no real person said any of it) and deliberately irregular:
// collections are not in ID order, names sort differently from IDs, two
// meetings share a date, two appearances share an order, two recommendations
// share an order of 0, and one meeting has no place and no council. The
// expected results throughout the suite are worked out by hand from it.
func Fixture() *domain.Graph {
	d := domain.MustDate
	src := func(id string) []domain.SourceRef { return []domain.SourceRef{{SourceID: id}} }
	ap := func(meeting, person string, roles []domain.Role, title, inst, country, session string, order int) *domain.Appearance {
		return &domain.Appearance{MeetingID: meeting, PersonID: person, Roles: roles, Title: title, InstitutionID: inst,
			CountryID: country, Session: session, Order: order, Sources: src(meetingSource[meeting])}
	}
	rec := func(id, meeting string, kind domain.RecommendationKind, order int, text string, inits, themes, countries []string) *domain.Recommendation {
		return &domain.Recommendation{ID: id, MeetingID: meeting, Kind: kind, Order: order, Text: text,
			InitiativeIDs: inits, ThemeIDs: themes, CountryIDs: countries, Sources: src(meetingSource[meeting])}
	}
	by := func(r *domain.Recommendation, people ...string) *domain.Recommendation {
		r.AttributedTo = people
		return r
	}
	paraphrased := func(r *domain.Recommendation) *domain.Recommendation { r.Paraphrase = true; return r }
	type roles = []domain.Role
	const (
		opening   = domain.RoleOpeningSpeech
		speaker   = domain.RoleSpeaker
		moderator = domain.RoleModerator
		panellist = domain.RolePanellist
		guest     = domain.RoleParticipant
	)
	ids := func(s ...string) []string { return s }

	return &domain.Graph{
		Countries: []*domain.Country{
			{ID: "russia", Name: "Russia", Aliases: ids("Russian Federation")},
			{ID: "azerbaijan", Name: "Azerbaijan", Aliases: ids("Republic of Azerbaijan", "Azərbaycan")},
			{ID: "kazakhstan", Name: "Kazakhstan", Aliases: ids("Qazaqstan"), Sources: src("src-kisi-2023")},
			{ID: "armenia", Name: "Armenia"},
			{ID: "iran", Name: "Iran", Aliases: ids("Islamic Republic of Iran")},
		},
		Places: []*domain.Place{
			{ID: "moscow", Name: "Moscow", Aliases: ids("Moskva"), CountryID: "russia"},
			{ID: "baku", Name: "Baku", Aliases: ids("Bakı"), CountryID: "azerbaijan",
				Sources: []domain.SourceRef{{SourceID: "src-riac-2024", Excerpt: "held in Baku"}}},
			{ID: "astana", Name: "Astana", Aliases: ids("Nur-Sultan"), CountryID: "kazakhstan"},
			{ID: "shusha", Name: "Shusha", Aliases: ids("Şuşa"), CountryID: "azerbaijan"},
		},
		Institutions: []*domain.Institution{
			{ID: "riac", Name: "Russian International Affairs Council", ShortName: "RIAC", Aliases: ids("Russian Council"),
				Kind: domain.InstitutionThinkTank, CountryID: "russia", Sources: src("src-riac-2022")},
			{ID: "air-center", Name: "Center of Analysis of International Relations", ShortName: "AIR Center",
				Aliases: ids("Analysis of International Relations Center"), Kind: domain.InstitutionThinkTank, CountryID: "azerbaijan"},
			{ID: "mgimo", Name: "MGIMO University", ShortName: "MGIMO", Aliases: ids("Moscow State Institute of International Relations"),
				Kind: domain.InstitutionUniversity, CountryID: "russia"},
			{ID: "ada-university", Name: "ADA University", Aliases: ids("Azerbaijan Diplomatic Academy"),
				Kind: domain.InstitutionUniversity, CountryID: "azerbaijan"},
			{ID: "mfa-russia", Name: "Ministry of Foreign Affairs of the Russian Federation", ShortName: "MFA of Russia",
				Kind: domain.InstitutionMinistry, CountryID: "russia"},
			{ID: "embassy-russia-baku", Name: "Embassy of the Russian Federation in Azerbaijan", Kind: domain.InstitutionEmbassy,
				CountryID: "russia", ParentID: "mfa-russia"},
			{ID: "pa-azerbaijan", Name: "Presidential Administration of Azerbaijan", Kind: domain.InstitutionAdministration,
				CountryID: "azerbaijan"},
			{ID: "kisi", Name: "Kazakhstan Institute for Strategic Studies", ShortName: "KazISS", Aliases: ids("KISI"),
				Kind: domain.InstitutionThinkTank, CountryID: "kazakhstan"},
		},
		People: []*domain.Person{
			{ID: "pavel-orlov", Name: "Pavel Orlov", Aliases: ids("Павел Орлов"), CountryID: "russia",
				Affiliations: []domain.Affiliation{{InstitutionID: "riac", Title: "Director General", From: d("2020")}},
				Sources:      []domain.SourceRef{{SourceID: "src-riac-2022", Excerpt: "RIAC Director General Pavel Orlov"}}},
			{ID: "farida-mammadova", Name: "Farida Mammadova", Aliases: ids("Farida Mamedova"), CountryID: "azerbaijan",
				Affiliations: []domain.Affiliation{{InstitutionID: "air-center", Title: "Executive Director", From: d("2019-03")}}},
			{ID: "rashad-hajiyev", Name: "Rashad Hajiyev", Aliases: ids("Rashad Gadzhiev", "Rəşad Hacıyev"), CountryID: "azerbaijan",
				Affiliations: []domain.Affiliation{
					{InstitutionID: "air-center", Title: "Senior Fellow", From: d("2018"), To: d("2022-12")},
					{InstitutionID: "pa-azerbaijan", Title: "Head of Department", From: d("2023-01")},
				}},
			{ID: "elena-kuzmina", Name: "Yelena Kuzmina", Aliases: ids("Elena Kuzmina", "Елена Кузьмина"), CountryID: "russia",
				Affiliations: []domain.Affiliation{
					{InstitutionID: "mgimo", Title: "Professor"},
					{InstitutionID: "riac", Title: "Member"},
				}},
			{ID: "aydin-aliyev", Name: "Aydın Aliyev", Aliases: ids("A. Aliyev"), CountryID: "azerbaijan",
				Affiliations: []domain.Affiliation{{InstitutionID: "air-center", Title: "Leading Adviser"}}},
			{ID: "anar-aliyev", Name: "Anar Aliyev", Aliases: ids("A. Aliyev"), CountryID: "azerbaijan",
				Affiliations: []domain.Affiliation{{InstitutionID: "ada-university", Title: "Dean"}}},
			{ID: "timur-zhakenov", Name: "Timur Zhakenov", Aliases: ids("Timur Jakenov"), CountryID: "kazakhstan",
				Affiliations: []domain.Affiliation{{InstitutionID: "kisi", Title: "Deputy Director"}}},
			{ID: "dmitry-belov", Name: "Dmitry Belov", Aliases: ids("Dmitri Belov")},
		},
		Councils: []*domain.Council{
			{ID: "rked", Name: "Russia—Kazakhstan Expert Dialogue", ShortName: "RKED", Frequency: "annual (irregular in practice)",
				Founded: d("2023-10"), CountryIDs: ids("russia", "kazakhstan"), OrganizerIDs: ids("riac", "kisi"),
				Sources: src("src-kisi-2023")},
			{ID: "raec", Name: "Russia–Azerbaijan Expert Council", ShortName: "RAEC", Aliases: ids("Russian-Azerbaijani Expert Council"),
				Description: "Annual meetings of Russian and Azerbaijani experts.", Frequency: "annual", Founded: d("2019"),
				CountryIDs: ids("russia", "azerbaijan"), OrganizerIDs: ids("riac", "air-center"), Sources: src("src-riac-2022")},
		},
		Initiatives: []*domain.Initiative{
			{ID: "instc", Name: "International North–South Transport Corridor", ShortName: "INSTC",
				Aliases: ids("North-South corridor", "Sever—Yug"), Kind: domain.InitiativeCorridor, Sources: src("src-riac-2024")},
			{ID: "middle-corridor", Name: "Trans-Caspian International Transport Route", ShortName: "TITR",
				Aliases: ids("Middle Corridor", "Orta Dəhliz"), Kind: domain.InitiativeCorridor,
				Sources: []domain.SourceRef{{SourceID: "src-caspian-2023"}, {SourceID: "src-riac-2024", Excerpt: "the Middle Corridor"}}},
			{ID: "three-plus-three", Name: "3+3 Regional Consultative Platform", ShortName: "3+3",
				Aliases: ids("Six-Party Platform"), Kind: domain.InitiativePlatform},
			{ID: "caspian-five", Name: "Caspian Five", Aliases: ids("Caspian Summit"), Kind: domain.InitiativeProcess},
			{ID: "sco", Name: "Shanghai Cooperation Organisation", ShortName: "SCO",
				Aliases: ids("Shanghai Cooperation Organization"), Kind: domain.InitiativeOrganisation},
			{ID: "astana-process", Name: "Astana Process", Aliases: ids("Astana format", "Astana"), Kind: domain.InitiativeProcess,
				Description: "Never mentioned in the fixture."},
		},
		Themes: []*domain.Theme{
			{ID: "transport", Name: "Transport and logistics", Aliases: ids("Logistics", "Transport")},
			{ID: "energy", Name: "Energy", Sources: src("src-riac-2024")},
			{ID: "trade", Name: "Trade and investment", Aliases: ids("Trade")},
			{ID: "security", Name: "Regional security", Aliases: ids("Security")},
			{ID: "culture", Name: "Culture and humanitarian ties", Aliases: ids("Humanitarian cooperation"),
				Description: "Never mentioned in the fixture."},
		},
		Sources: []*domain.Source{
			{ID: "src-riac-2022", URL: "https://russiancouncil.example/news/raec-3", Title: "Third RAEC meeting held in Moscow",
				Publisher: "RIAC", Published: d("2022-05-18"), Language: "en"},
			{ID: "src-air-2023", URL: "https://aircenter.example/en/raec-4", Title: "AIR Center hosts the fourth RAEC meeting",
				Publisher: "AIR Center", Published: d("2023-06"), Language: "en"},
			{ID: "src-trend-2023", URL: "https://trend.example/az/raec-4", Publisher: "Trend", Language: "az"},
			{ID: "src-riac-2024", URL: "https://russiancouncil.example/news/raec-5",
				Title: "Fifth meeting of the Russia–Azerbaijan Expert Council in Baku", Publisher: "RIAC",
				Published: d("2024-06-21"), Language: "en"},
			{ID: "src-kisi-2023", URL: "https://kisi.example/ru/rked-1", Title: "Astana hosts Russia–Kazakhstan expert dialogue",
				Publisher: "KazISS", Published: d("2023-10-13"), Language: "ru"},
			{ID: "src-caspian-2023", URL: "https://caspianpost.example/roundtable", Title: "Caspian connectivity roundtable",
				Publisher: "Caspian Post", Published: d("2023-10"), Language: "en"},
			{ID: "src-rked-2", URL: "https://russiancouncil.example/news/rked-2",
				Title: "Russia-Kazakhstan Expert Dialogue meets in Moscow", Publisher: "RIAC", Published: d("2024"), Language: "ru"},
		},
		Publications: []*domain.Publication{
			{ID: "riac-brief-2022", Title: "Russia and Azerbaijan: An Agenda for 2022", Kind: "policy brief",
				InstitutionIDs: ids("riac"), Status: "published", Sources: src("src-riac-2022")},
			{ID: "raec-joint-paper", Title: "Russia–Azerbaijan Cooperation in Regional Transport Projects", Kind: "joint paper",
				InstitutionIDs: ids("riac", "air-center"), Status: "published",
				Sources: []domain.SourceRef{{SourceID: "src-air-2023"}, {SourceID: "src-riac-2024", Excerpt: "presented the joint paper"}}},
			{ID: "kisi-caspian-outlook", Title: "Caspian Connectivity Outlook", Kind: "report", InstitutionIDs: ids("kisi"),
				Status: "planned", Sources: src("src-kisi-2023")},
		},
		Meetings: []*domain.Meeting{
			{ID: "raec-5", CouncilID: "raec", Ordinal: 5, Title: "Fifth Meeting of the Russia–Azerbaijan Expert Council",
				Theme: "Cooperation Between Russia and Azerbaijan in Regional Projects and Initiatives", Date: d("2024-06-21"),
				PlaceID: "baku", Format: "two sessions and a panel discussion", OrganizerIDs: ids("riac", "air-center"),
				ThemeIDs: ids("transport", "energy"), InitiativeIDs: ids("instc"),
				Publications: []domain.PublicationLink{{PublicationID: "raec-joint-paper", Relation: domain.PublicationPresented}},
				Sources:      []domain.SourceRef{{SourceID: "src-riac-2024", Excerpt: "The 5th meeting was held in Baku on 21 June 2024."}}},
			{ID: "raec-3", CouncilID: "raec", Ordinal: 3, Title: "Third Meeting of the Russia–Azerbaijan Expert Council",
				Theme: "Russia and Azerbaijan: Trade in a Changing World", Date: d("2022-05-17"), PlaceID: "moscow",
				Format: "plenary session", OrganizerIDs: ids("riac", "air-center"), ThemeIDs: ids("trade"),
				Publications: []domain.PublicationLink{{PublicationID: "riac-brief-2022", Relation: domain.PublicationPresented}},
				Sources:      src("src-riac-2022")},
			{ID: "raec-4", CouncilID: "raec", Ordinal: 4, Title: "Fourth Meeting of the Russia-Azerbaijan Expert Council",
				Theme: "Transport Connectivity in the South Caucasus", ThemeVariants: ids("Transport and logistics connectivity in the region"),
				Date: d("2023-06"), DateNote: "AIR Center gives 14 June, Trend gives 15 June", PlaceID: "baku",
				OrganizerIDs: ids("air-center", "riac"), ThemeIDs: ids("transport"), InitiativeIDs: ids("instc", "three-plus-three"),
				Publications: []domain.PublicationLink{{PublicationID: "raec-joint-paper", Relation: domain.PublicationAnnounced}},
				Sources:      []domain.SourceRef{{SourceID: "src-air-2023"}, {SourceID: "src-trend-2023"}}},
			{ID: "rked-1", CouncilID: "rked", Ordinal: 1, Title: "First Russia–Kazakhstan Expert Dialogue", Date: d("2023-10-12"),
				PlaceID: "astana", OrganizerIDs: ids("kisi", "riac"), ThemeIDs: ids("trade", "energy"),
				Publications: []domain.PublicationLink{{PublicationID: "kisi-caspian-outlook", Relation: domain.PublicationAnnounced}},
				Sources:      src("src-kisi-2023")},
			{ID: "caspian-roundtable-2023", Title: "Caspian Connectivity Roundtable", Date: d("2023-10-12"),
				OrganizerIDs: ids("kisi", "ada-university"), ThemeIDs: ids("energy"), InitiativeIDs: ids("caspian-five"),
				Sources: src("src-caspian-2023")},
			{ID: "rked-2", CouncilID: "rked", Ordinal: 2, Title: "Second Russia–Kazakhstan Expert Dialogue", Date: d("2024"),
				PlaceID: "moscow", OrganizerIDs: ids("riac"), InitiativeIDs: ids("sco"), Sources: src("src-rked-2")},
		},
		Appearances: []*domain.Appearance{
			ap("raec-3", "pavel-orlov", roles{opening, moderator}, "Director General", "riac", "russia", "Opening", 1),
			ap("raec-3", "farida-mammadova", roles{opening}, "Executive Director", "air-center", "azerbaijan", "Opening", 2),
			ap("raec-3", "rashad-hajiyev", roles{speaker}, "Senior Fellow", "air-center", "", "Session 1", 3),
			ap("raec-3", "elena-kuzmina", roles{speaker}, "Professor", "mgimo", "", "Session 1", 4),

			ap("raec-4", "farida-mammadova", roles{opening, moderator}, "Executive Director", "air-center", "azerbaijan", "", 1),
			ap("raec-4", "pavel-orlov", roles{opening}, "Director General", "riac", "russia", "", 2),
			ap("raec-4", "rashad-hajiyev", roles{speaker}, "Head of Department", "pa-azerbaijan", "", "", 3),
			ap("raec-4", "aydin-aliyev", roles{panellist}, "Leading Adviser", "air-center", "", "Panel discussion", 4),
			ap("raec-4", "anar-aliyev", roles{panellist}, "Dean", "ada-university", "", "Panel discussion", 4),
			ap("raec-4", "dmitry-belov", roles{guest}, "Counsellor", "embassy-russia-baku", "russia", "", 0),

			ap("raec-5", "pavel-orlov", roles{opening}, "Director General", "riac", "", "", 1),
			ap("raec-5", "rashad-hajiyev", roles{opening, speaker}, "Head of Department", "pa-azerbaijan", "", "Session 1", 2),
			ap("raec-5", "farida-mammadova", roles{moderator}, "Executive Director", "air-center", "", "Session 2", 3),
			ap("raec-5", "elena-kuzmina", roles{speaker}, "Professor", "mgimo", "", "Session 2", 4),
			ap("raec-5", "dmitry-belov", roles{guest}, "Counsellor", "embassy-russia-baku", "", "", 0),

			ap("rked-1", "timur-zhakenov", roles{opening, moderator}, "Deputy Director", "kisi", "kazakhstan", "", 1),
			ap("rked-1", "pavel-orlov", roles{speaker}, "Director General", "riac", "russia", "", 2),
			ap("rked-1", "elena-kuzmina", roles{panellist}, "Professor", "mgimo", "", "", 3),

			ap("caspian-roundtable-2023", "timur-zhakenov", roles{speaker}, "Deputy Director", "kisi", "", "", 1),
			ap("caspian-roundtable-2023", "aydin-aliyev", roles{speaker}, "Leading Adviser", "air-center", "", "", 2),
			ap("caspian-roundtable-2023", "dmitry-belov", roles{guest}, "", "", "", "", 0),

			ap("rked-2", "pavel-orlov", roles{opening}, "Director General", "riac", "", "", 1),
			ap("rked-2", "timur-zhakenov", roles{speaker}, "Deputy Director", "kisi", "", "", 2),
			ap("rked-2", "elena-kuzmina", roles{moderator}, "Professor", "mgimo", "", "", 3),
		},
		Recommendations: []*domain.Recommendation{
			by(rec("raec-3-r1", "raec-3", domain.RecommendationConclusion, 1, "Bilateral trade keeps growing despite external pressure.",
				nil, ids("trade"), ids("russia", "azerbaijan")), "pavel-orlov"),
			rec("raec-3-r2", "raec-3", domain.RecommendationProposal, 2, "Study the western route of the North–South corridor jointly.",
				ids("instc"), ids("transport", "trade"), ids("azerbaijan", "iran")),
			rec("raec-4-r1", "raec-4", domain.RecommendationProposal, 1, "Link the North–South and Middle corridors at Baku port.",
				ids("instc", "middle-corridor"), ids("transport"), ids("kazakhstan")),
			paraphrased(by(rec("raec-4-r2", "raec-4", domain.RecommendationConclusion, 2, "The 3+3 platform can support normalisation in the South Caucasus.",
				ids("three-plus-three"), ids("security"), ids("armenia", "azerbaijan")), "rashad-hajiyev")),
			by(rec("raec-4-r3", "raec-4", domain.RecommendationFollowUp, 3, "Prepare a joint paper for the next meeting.", nil, nil, nil),
				"pavel-orlov", "farida-mammadova"),
			rec("raec-5-r1", "raec-5", domain.RecommendationAgreement, 2, "Use the 3+3 format to advance regional transport projects.",
				ids("instc", "three-plus-three"), ids("transport", "security"), ids("russia", "azerbaijan", "armenia")),
			rec("raec-5-r2", "raec-5", domain.RecommendationProposal, 1, "Extend the INSTC to energy supplies to Iran.",
				ids("instc"), ids("energy", "transport"), ids("iran")),
			rec("rked-1-r1", "rked-1", domain.RecommendationConclusion, 1, "The Middle Corridor and the SCO complement each other.",
				ids("middle-corridor", "sco"), ids("transport"), ids("kazakhstan", "russia")),
			rec("rked-1-r2", "rked-1", domain.RecommendationProposal, 2, "Hold SCO expert consultations on regional security.",
				ids("sco"), ids("security"), ids("kazakhstan")),
			rec("caspian-roundtable-2023-r1", "caspian-roundtable-2023", domain.RecommendationConclusion, 1,
				"Caspian Five energy links should include the North–South corridor.",
				ids("caspian-five", "instc"), ids("energy"), ids("azerbaijan", "kazakhstan", "russia", "iran")),
			rec("rked-2-r2", "rked-2", domain.RecommendationProposal, 0, "Simplify customs for transit trade.",
				nil, ids("transport", "trade"), ids("russia", "kazakhstan")),
			rec("rked-2-r1", "rked-2", domain.RecommendationFollowUp, 0, "Report on Middle Corridor trade volumes next year.",
				ids("middle-corridor"), ids("trade"), ids("kazakhstan")),
		},
	}
}

// meetingSource names the source that reports each fixture meeting's appearances and recommendations.
var meetingSource = map[string]string{
	"raec-3": "src-riac-2022", "raec-4": "src-air-2023", "raec-5": "src-riac-2024", "rked-1": "src-kisi-2023",
	"caspian-roundtable-2023": "src-caspian-2023", "rked-2": "src-rked-2",
}

// crowd returns a graph for the limits: people p-01 and p-02 both appear at
// the twelve meetings m-01 ... m-12, and p-03 ... p-11 at m-01 only, so there
// are 55 PERSON_PERSON pairs and 12 shortest paths from p-01 to p-02.
func crowd() *domain.Graph {
	src := []domain.SourceRef{{SourceID: "s-crowd"}}
	g := &domain.Graph{Sources: []*domain.Source{{ID: "s-crowd", URL: "https://example.org/crowd", Publisher: "Example"}}}
	for i := 1; i <= 11; i++ {
		g.People = append(g.People, &domain.Person{ID: fmt.Sprintf("p-%02d", i), Name: fmt.Sprintf("Person %02d", i)})
	}
	for i := 1; i <= 12; i++ {
		id := fmt.Sprintf("m-%02d", i)
		g.Meetings = append(g.Meetings, &domain.Meeting{ID: id, Title: "Meeting " + id,
			Date: domain.Date{Year: 2020, Month: i}, Sources: src})
		for _, p := range g.People {
			if i == 1 || p.ID == "p-01" || p.ID == "p-02" {
				g.Appearances = append(g.Appearances, &domain.Appearance{MeetingID: id, PersonID: p.ID,
					Roles: []domain.Role{domain.RoleParticipant}, Sources: src})
			}
		}
	}
	return g
}
