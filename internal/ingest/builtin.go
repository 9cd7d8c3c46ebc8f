package ingest

// Default returns the built-in gazetteer: the countries, cities, initiatives
// and institutions that reports of Track II meetings around the Caucasus,
// the Caspian and Central Asia name most, and keyword rules for the theme
// taxonomy of seed/themes.yaml. Each call returns a new Gazetteer.
func Default() *Gazetteer {
	g := &Gazetteer{
		Countries:    builtinCountries(),
		Cities:       builtinCities(),
		Initiatives:  builtinInitiatives(),
		Institutions: builtinInstitutions(),
		Themes:       builtinThemes(),
	}
	return g
}

func builtinCountries() []Entry {
	return []Entry{
		{ID: "russia", Name: "Russia", Aliases: []string{"Russian Federation", "Russian", "Russians", "Moscow", "Kremlin"}},
		{ID: "azerbaijan", Name: "Azerbaijan", Aliases: []string{"Republic of Azerbaijan", "Azerbaijani", "Azerbaijanis", "Azeri", "Baku"}},
		{ID: "armenia", Name: "Armenia", Aliases: []string{"Republic of Armenia", "Armenian", "Armenians", "Yerevan"}},
		{ID: "iran", Name: "Iran", Aliases: []string{"Islamic Republic of Iran", "Iranian", "Iranians", "Tehran"}},
		{ID: "turkiye", Name: "Türkiye", Aliases: []string{"Turkey", "Republic of Türkiye", "Turkish", "Ankara"}},
		{ID: "georgia", Name: "Georgia", Aliases: []string{"Georgian", "Tbilisi"}},
		{ID: "kazakhstan", Name: "Kazakhstan", Aliases: []string{"Kazakh", "Kazakhstani", "Astana", "Almaty"}},
		{ID: "uzbekistan", Name: "Uzbekistan", Aliases: []string{"Uzbek", "Tashkent", "Samarkand"}},
		{ID: "kyrgyzstan", Name: "Kyrgyzstan", Aliases: []string{"Kyrgyz", "Bishkek"}},
		{ID: "tajikistan", Name: "Tajikistan", Aliases: []string{"Tajik", "Dushanbe"}},
		{ID: "turkmenistan", Name: "Turkmenistan", Aliases: []string{"Turkmen", "Ashgabat"}},
		{ID: "belarus", Name: "Belarus", Aliases: []string{"Belarusian", "Minsk"}},
		{ID: "ukraine", Name: "Ukraine", Aliases: []string{"Ukrainian", "Kyiv", "Kiev"}},
		{ID: "china", Name: "China", Aliases: []string{"People's Republic of China", "Chinese", "Beijing"}},
		{ID: "india", Name: "India", Aliases: []string{"Indian", "New Delhi"}},
		{ID: "pakistan", Name: "Pakistan", Aliases: []string{"Pakistani", "Islamabad"}},
		{ID: "afghanistan", Name: "Afghanistan", Aliases: []string{"Afghan", "Kabul"}},
		{ID: "syria", Name: "Syria", Aliases: []string{"Syrian", "Damascus"}},
		{ID: "israel", Name: "Israel", Aliases: []string{"Israeli"}},
		{ID: "united-states", Name: "United States", Aliases: []string{"United States of America", "USA", "US", "U.S.", "American", "Washington"}},
		{ID: "mongolia", Name: "Mongolia", Aliases: []string{"Mongolian", "Ulaanbaatar"}},
	}
}

func builtinCities() []Entry {
	return []Entry{
		{ID: "baku", Name: "Baku", Aliases: []string{"Bakı", "Баку", "Bakü"}, Country: "azerbaijan"},
		{ID: "shusha", Name: "Shusha", Aliases: []string{"Şuşa", "Шуша", "Susa"}, Country: "azerbaijan"},
		{ID: "ganja", Name: "Ganja", Aliases: []string{"Gəncə"}, Country: "azerbaijan"},
		{ID: "moscow", Name: "Moscow", Aliases: []string{"Москва", "Moskva", "Moskau"}, Country: "russia"},
		{ID: "saint-petersburg", Name: "Saint Petersburg", Aliases: []string{"St. Petersburg", "St Petersburg"}, Country: "russia"},
		{ID: "kazan", Name: "Kazan", Country: "russia"},
		{ID: "sochi", Name: "Sochi", Country: "russia"},
		{ID: "astrakhan", Name: "Astrakhan", Country: "russia"},
		{ID: "tehran", Name: "Tehran", Aliases: []string{"Teheran", "Тегеран"}, Country: "iran"},
		{ID: "yerevan", Name: "Yerevan", Aliases: []string{"Ереван"}, Country: "armenia"},
		{ID: "tbilisi", Name: "Tbilisi", Country: "georgia"},
		{ID: "ankara", Name: "Ankara", Country: "turkiye"},
		{ID: "istanbul", Name: "Istanbul", Aliases: []string{"İstanbul"}, Country: "turkiye"},
		{ID: "astana", Name: "Astana", Country: "kazakhstan"},
		{ID: "almaty", Name: "Almaty", Country: "kazakhstan"},
		{ID: "aktau", Name: "Aktau", Country: "kazakhstan"},
		{ID: "tashkent", Name: "Tashkent", Country: "uzbekistan"},
		{ID: "samarkand", Name: "Samarkand", Country: "uzbekistan"},
		{ID: "bukhara", Name: "Bukhara", Country: "uzbekistan"},
		{ID: "bishkek", Name: "Bishkek", Country: "kyrgyzstan"},
		{ID: "dushanbe", Name: "Dushanbe", Country: "tajikistan"},
		{ID: "ashgabat", Name: "Ashgabat", Country: "turkmenistan"},
		{ID: "minsk", Name: "Minsk", Country: "belarus"},
		{ID: "beijing", Name: "Beijing", Country: "china"},
		{ID: "new-delhi", Name: "New Delhi", Country: "india"},
	}
}

func builtinInitiatives() []Entry {
	return []Entry{
		{ID: "instc", Name: "International North–South Transport Corridor", ShortName: "INSTC", Kind: "CORRIDOR",
			Aliases: []string{"North–South Transport Corridor", "North–South corridor", "North–South International Transport Corridor",
				"North–South ITC", "ITC North–South", "international transport corridor North–South", "transport corridor North–South",
				"corridor North–South", "international transport and logistics corridor North–South", "North–South transport route"}},
		{ID: "3-plus-3-platform", Name: "3+3 consultative regional platform", ShortName: "3+3", Kind: "PLATFORM",
			Aliases: []string{"3+3 format", "3+3 platform", "3 + 3", "consultative regional platform 3+3", "3+3 regional platform",
				"3+3 Consultative Regional Platform"}},
		{ID: "caspian-five", Name: "Caspian Five", Kind: "PLATFORM", Aliases: []string{"Caspian Five group", "Caspian 5", "Caspian littoral states"}},
		{ID: "sco", Name: "Shanghai Cooperation Organisation", ShortName: "SCO", Kind: "ORGANISATION"},
		{ID: "russia-azerbaijan-central-asia-triangle", Name: "Russia — Azerbaijan — Central Asia triangle", Kind: "PLATFORM",
			Aliases: []string{"Russia–Azerbaijan–Central Asia triangle", "Russia-Azerbaijan-Central Asia format"}},
		{ID: "ots", Name: "Organization of Turkic States", ShortName: "OTS", Kind: "ORGANISATION", Aliases: []string{"Turkic Council"}},
		{ID: "zangezur-corridor", Name: "Zangezur corridor", Kind: "CORRIDOR", Aliases: []string{"Zangazur corridor", "Zangezur route"}},
		{ID: "middle-corridor", Name: "Trans-Caspian International Transport Route", ShortName: "TITR", Kind: "CORRIDOR",
			Aliases: []string{"Middle Corridor", "Trans-Caspian route", "Trans-Caspian corridor", "East–West corridor", "East–West route",
				"East–West Trans-Caspian International Transport Route", "East–West transport corridor"}},
		{ID: "eaeu", Name: "Eurasian Economic Union", ShortName: "EAEU", Kind: "ORGANISATION", Aliases: []string{"EEU", "EAEU"}},
		{ID: "cop29", Name: "COP29", Kind: "EVENT", Aliases: []string{"COP 29",
			"29th session of the Conference of the Parties to the United Nations Framework Convention on Climate Change"}},
		{ID: "cis", Name: "Commonwealth of Independent States", ShortName: "CIS", Kind: "ORGANISATION"},
		{ID: "csto", Name: "Collective Security Treaty Organization", ShortName: "CSTO", Kind: "ORGANISATION"},
		{ID: "brics", Name: "BRICS", Kind: "ORGANISATION"},
		{ID: "belt-and-road", Name: "Belt and Road Initiative", ShortName: "BRI", Kind: "CORRIDOR", Aliases: []string{"Belt and Road", "One Belt, One Road"}},
		{ID: "declaration-on-allied-interaction", Name: "Declaration on Allied Interaction", Kind: "AGREEMENT",
			Aliases: []string{"Declaration on Allied Cooperation", "Declaration on allied interaction"}},
		{ID: "armenia-azerbaijan-normalisation", Name: "Normalisation of Armenia–Azerbaijan relations", Kind: "PROCESS",
			Aliases: []string{"normalization of Armenian–Azerbaijani relations", "normalization of relations between Baku and Yerevan",
				"normalization of relations between Armenia and Azerbaijan", "normalization of relations between Azerbaijan and Armenia",
				"Armenia–Azerbaijan peace process", "peace treaty between Armenia and Azerbaijan", "Armenian–Azerbaijani normalization",
				"normalize relations between Baku and Yerevan", "normalization process with Armenia"}},
		{ID: "jcpoa", Name: "Joint Comprehensive Plan of Action", ShortName: "JCPOA", Kind: "AGREEMENT", Aliases: []string{"Iran nuclear deal", "Iranian nuclear deal"}},
		{ID: "c5-plus-1", Name: "C5+1", Kind: "PLATFORM", Aliases: []string{"C5 + 1", "Central Asia plus"}},
		{ID: "baku-tbilisi-kars-railway", Name: "Baku–Tbilisi–Kars railway", Kind: "CORRIDOR", Aliases: []string{"BTK railway", "Baku-Tbilisi-Kars"}},
		{ID: "southern-gas-corridor", Name: "Southern Gas Corridor", Kind: "CORRIDOR"},
		{ID: "trans-caspian-gas-pipeline", Name: "Trans-Caspian Gas Pipeline", Kind: "CORRIDOR"},
		{ID: "china-kyrgyzstan-uzbekistan-railway", Name: "China–Kyrgyzstan–Uzbekistan railway", Kind: "CORRIDOR", Aliases: []string{"CKU railway"}},
	}
}

func builtinInstitutions() []Entry {
	return []Entry{
		{ID: "riac", Name: "Russian International Affairs Council", ShortName: "RIAC", Kind: "THINK_TANK", Country: "russia", Aliases: []string{"РСМД"}},
		{ID: "air-center", Name: "Center of Analysis of International Relations", ShortName: "AIR Center", Kind: "THINK_TANK", Country: "azerbaijan",
			Aliases: []string{"Center for Analysis of International Relations", "Center for the Analysis of International Relations",
				"Centre for Analysis of International Relations", "Center of Analysis of International Relations of Azerbaijan",
				"Center for Analysis of International Relations of Azerbaijan", "Azerbaijan's Center for Analysis of International Relations",
				"Azerbaijani Center for Analysis of International Relations", "Baku Centre for the Analysis of International Relations",
				"CAIRA", "CAIR", "AIR", "Air Center", "ЦАМО"}},
		{ID: "valdai-club", Name: "Valdai Discussion Club", ShortName: "Valdai Club", Kind: "THINK_TANK", Country: "russia",
			Aliases: []string{"Foundation for Development and Support of the Valdai Discussion Club", "Valdai club"}},
		{ID: "ipis", Name: "Institute for Political and International Studies", ShortName: "IPIS", Kind: "THINK_TANK", Country: "iran"},
		{ID: "sam", Name: "Center for Strategic Research", ShortName: "SAM", Kind: "THINK_TANK", Country: "turkiye",
			Aliases: []string{"Strategic Research Center", "Center for Strategic Studies", "Strategic Studies Center",
				"Strategic Research Center of the Ministry of Foreign Affairs of the Republic of Türkiye"}},
		{ID: "mfa-russia", Name: "Ministry of Foreign Affairs of Russia", Kind: "MINISTRY", Country: "russia",
			Aliases: []string{"Ministry of Foreign Affairs of the Russian Federation", "Russian Foreign Ministry", "Russian Ministry of Foreign Affairs",
				"Russia's Foreign Ministry", "Foreign Ministry of Russia", "Russian MFA", "MFA of Russia"}},
		{ID: "mfa-azerbaijan", Name: "Ministry of Foreign Affairs of Azerbaijan", Kind: "MINISTRY", Country: "azerbaijan",
			Aliases: []string{"Ministry of Foreign Affairs of the Republic of Azerbaijan", "Azerbaijan's Foreign Ministry", "Azerbaijani Foreign Ministry",
				"Azerbaijan's Ministry of Foreign Affairs", "Foreign Ministry of Azerbaijan", "MFA of Azerbaijan", "Azerbaijani MFA"}},
		{ID: "mfa-turkiye", Name: "Ministry of Foreign Affairs of Türkiye", Kind: "MINISTRY", Country: "turkiye",
			Aliases: []string{"Ministry of Foreign Affairs of the Republic of Türkiye", "Turkish Foreign Ministry", "Türkiye's Foreign Ministry"}},
		{ID: "mfa-iran", Name: "Ministry of Foreign Affairs of Iran", Kind: "MINISTRY", Country: "iran",
			Aliases: []string{"Iranian Foreign Ministry", "Iran's Foreign Ministry"}},
		{ID: "presidential-administration-azerbaijan", Name: "Presidential Administration of Azerbaijan", Kind: "ADMINISTRATION", Country: "azerbaijan",
			Aliases: []string{"Presidential Administration of the Republic of Azerbaijan", "Administration of the President of Azerbaijan"}},
		{ID: "presidential-administration-russia", Name: "Presidential Administration of Russia", Kind: "ADMINISTRATION", Country: "russia",
			Aliases: []string{"Administration of the President of Russia", "Administration of the President of the Russian Federation", "Kremlin administration"}},
	}
}

// builtinThemes maps keywords to the theme taxonomy of seed/themes.yaml
// (the IDs must stay the same; a test checks them when the seed is there).
func builtinThemes() []ThemeRule {
	return []ThemeRule{
		{ID: "strategic-partnership", Name: "Strategic partnership", Keywords: []string{"strategic partnership", "strategic cooperation",
			"allied interaction", "allied cooperation", "strategic alliance", "bilateral relations", "mutual trust", "partnership relations"}},
		{ID: "regional-security", Name: "Regional security", Keywords: []string{"security", "interference", "threat*", "geopolitical risk*",
			"stability", "military"}},
		{ID: "post-conflict-settlement", Name: "Post-conflict settlement", Keywords: []string{"post-conflict", "normalization", "normalize",
			"peace process", "peace treaty", "lasting peace", "reconstruction", "liberated territories"}},
		{ID: "regional-cooperation", Name: "Regional cooperation", Keywords: []string{"regional cooperation", "regional projects",
			"regional integration", "regional economic cooperation", "multilateral", "connectivity", "regional platform", "integration"}},
		{ID: "transport-and-logistics", Name: "Transport and logistics", Keywords: []string{"transport*", "logistic*", "corridor*",
			"railway*", "transit", "communications", "ports", "hub"}},
		{ID: "energy", Name: "Energy", Keywords: []string{"energy", "oil", "gas", "pipeline*", "electricity", "renewable*", "hydropower"}},
		{ID: "trade-and-investment", Name: "Trade and investment", Keywords: []string{"trade", "investment*", "investor*", "economic cooperation",
			"economic relations", "industrial", "national currencies", "capital flows", "markets", "trade turnover", "business"}},
		{ID: "interregional-ties", Name: "Interregional ties", Keywords: []string{"interregional", "between the regions", "regions of the two",
			"subjects of Russia", "regional ties", "twin cities", "sister cities"}},
		{ID: "culture-and-humanitarian-ties", Name: "Culture and humanitarian ties", Keywords: []string{"cultur*", "humanitarian",
			"soft power", "diaspora", "sports", "healthcare", "tourism", "culture days", "people-to-people"}},
		{ID: "education-and-science", Name: "Education and science", Keywords: []string{"education*", "science", "scientific", "universit*",
			"schools", "students", "academic", "research cooperation"}},
		{ID: "environment", Name: "Environment", Keywords: []string{"environment*", "climate", "ecolog*", "COP29", "water resources", "Aral Sea", "green"}},
		{ID: "media-and-information", Name: "Media and information", Keywords: []string{"media", "disinformation", "false information",
			"journalis*", "information space", "informed", "public opinion"}},
		{ID: "foreign-policy", Name: "Foreign policy and world order", Keywords: []string{"foreign policy", "world order", "sovereign*",
			"multipolar*", "great power*", "global processes", "geopolitical landscape"}},
		{ID: "expert-dialogue", Name: "Expert dialogue", Keywords: []string{"expert meetings", "expert council", "think tank*",
			"Track II", "midterm event", "direct contacts between experts", "expert community", "experts from", "analytical centers", "expert-level"}},
	}
}
