package gen

import "github.com/expertgraph/expertgraph/internal/domain"

type countrySpec struct {
	name    string
	aliases []string
	cities  []string
}

// worldCountries are the countries of the synthetic world, the most active first.
var worldCountries = []countrySpec{
	{"Russia", []string{"Russian Federation"}, []string{"Moscow", "Saint Petersburg", "Kazan", "Sochi"}},
	{"Azerbaijan", []string{"Republic of Azerbaijan"}, []string{"Baku", "Ganja", "Shusha"}},
	{"Turkey", []string{"Türkiye"}, []string{"Ankara", "Istanbul", "Izmir"}},
	{"Iran", []string{"Islamic Republic of Iran"}, []string{"Tehran", "Tabriz", "Isfahan"}},
	{"Kazakhstan", nil, []string{"Astana", "Almaty", "Aktau"}},
	{"China", []string{"People's Republic of China"}, []string{"Beijing", "Shanghai", "Urumqi"}},
	{"India", nil, []string{"New Delhi", "Mumbai"}},
	{"Armenia", nil, []string{"Yerevan", "Gyumri"}},
	{"Georgia", nil, []string{"Tbilisi", "Batumi"}},
	{"Uzbekistan", nil, []string{"Tashkent", "Samarkand"}},
	{"Turkmenistan", nil, []string{"Ashgabat"}},
	{"Kyrgyzstan", nil, []string{"Bishkek"}},
	{"Tajikistan", nil, []string{"Dushanbe"}},
	{"Belarus", nil, []string{"Minsk"}},
	{"Germany", nil, []string{"Berlin", "Munich"}},
	{"France", nil, []string{"Paris", "Lyon"}},
	{"Italy", nil, []string{"Rome", "Milan"}},
	{"Pakistan", nil, []string{"Islamabad", "Karachi"}},
	{"Egypt", nil, []string{"Cairo"}},
	{"Saudi Arabia", nil, []string{"Riyadh", "Jeddah"}},
	{"United Arab Emirates", []string{"UAE"}, []string{"Abu Dhabi", "Dubai"}},
	{"Qatar", nil, []string{"Doha"}},
	{"Mongolia", nil, []string{"Ulaanbaatar"}},
	{"Vietnam", nil, []string{"Hanoi"}},
	{"Indonesia", nil, []string{"Jakarta"}},
	{"Serbia", nil, []string{"Belgrade"}},
	{"Hungary", nil, []string{"Budapest"}},
	{"Finland", nil, []string{"Helsinki"}},
	{"Norway", nil, []string{"Oslo"}},
	{"Japan", nil, []string{"Tokyo"}},
	{"South Korea", []string{"Republic of Korea"}, []string{"Seoul"}},
	{"Brazil", nil, []string{"Brasília"}},
	{"South Africa", nil, []string{"Pretoria", "Cape Town"}},
	{"Ethiopia", nil, []string{"Addis Ababa"}},
	{"Algeria", nil, []string{"Algiers"}},
	{"Israel", nil, []string{"Jerusalem", "Tel Aviv"}},
	{"Greece", nil, []string{"Athens"}},
	{"Bulgaria", nil, []string{"Sofia"}},
	{"Moldova", nil, []string{"Chișinău"}},
	{"Afghanistan", nil, []string{"Kabul"}},
}

var themeNames = []string{"Transport and logistics", "Energy", "Trade and investment", "Culture and humanitarian ties",
	"Security", "Environment", "Education and science", "Digital economy", "Regional integration", "Migration",
	"Health", "Food security", "Media and information", "Water resources", "Tourism"}

var realInitiatives = []struct {
	id, name, short string
	aliases         []string
	kind            domain.InitiativeKind
}{
	{"instc", "International North–South Transport Corridor", "INSTC", []string{"North-South corridor", "North–South Transport Corridor"}, domain.InitiativeCorridor},
	{"3plus3", "3+3 consultative regional platform", "3+3", []string{"3+3 format", "South Caucasus Six"}, domain.InitiativePlatform},
	{"caspian-five", "Caspian Five", "", []string{"Caspian littoral states"}, domain.InitiativeOrganisation},
	{"sco", "Shanghai Cooperation Organisation", "SCO", []string{"Shanghai Cooperation Organization"}, domain.InitiativeOrganisation},
	{"middle-corridor", "Trans-Caspian International Transport Route", "TITR", []string{"Middle Corridor"}, domain.InitiativeCorridor},
	{"brics", "BRICS", "", []string{"BRICS+"}, domain.InitiativeOrganisation},
}

var initiativeWords = []string{"Caspian", "Black Sea", "Eurasian", "Silk Road", "Arctic", "Volga", "Persian Gulf",
	"Trans-Asian", "Baltic", "Danube", "Aral", "Pamir", "Ural", "Caucasus", "Steppe", "Indian Ocean", "Zangezur"}

var initiativeNouns = map[domain.InitiativeKind]string{
	domain.InitiativeCorridor: "Corridor", domain.InitiativePlatform: "Platform", domain.InitiativeOrganisation: "Organisation",
	domain.InitiativeAgreement: "Agreement", domain.InitiativeProcess: "Process", domain.InitiativeEvent: "Forum",
	domain.InitiativeOther: "Initiative",
}

var instAdjectives = []string{"National", "Central", "State", "Institute of", "Higher", "Strategic", "Federal",
	"Regional", "Academy of", "Centre for"}

var instNouns = map[domain.InstitutionKind]string{
	domain.InstitutionThinkTank: "Council on International Affairs", domain.InstitutionMinistry: "Ministry of Foreign Affairs",
	domain.InstitutionAdministration: "Presidential Administration", domain.InstitutionEmbassy: "Embassy",
	domain.InstitutionUniversity: "University", domain.InstitutionParliament: "Parliamentary Committee",
	domain.InstitutionCompany: "Energy Company", domain.InstitutionOther: "Foundation",
}

var councilKinds = []string{"Expert Council", "Expert Dialogue", "Round Table", "Strategic Dialogue", "Analytical Forum"}

var firstNames = []string{"Igor", "Hikmet", "Farid", "Ivan", "Andrey", "Elshad", "Mikhail", "Leyla", "Anar", "Sergey",
	"Olga", "Natalia", "Rauf", "Kamran", "Aydin", "Mehmet", "Ali", "Reza", "Zhang", "Li", "Aigerim", "Nursultan",
	"Timur", "Dilshod", "Gulnara", "Arman", "Narek", "Giorgi", "Nino", "Pavel", "Dmitry", "Elena", "Marat", "Yusuf",
	"Hasan", "Fatima", "Ravi", "Priya", "Klaus", "Anna", "Pierre", "Marco", "Sofia", "Bakhtiyar", "Zaur", "Vugar",
	"Jahangir", "Kirill", "Yevgeny", "Vladislav"}

var lastNames = []string{"Maslov", "Hajiyev", "Shafiyev", "Timofeev", "Kortunov", "Iskandarov", "Evdokimov", "Aliyeva",
	"Mammadov", "Karimov", "Petrov", "Ivanova", "Guliyev", "Hasanov", "Yilmaz", "Demir", "Tehrani", "Moradi", "Wei",
	"Chen", "Nurpeisova", "Abdullayev", "Tursunov", "Rakhimov", "Sargsyan", "Beridze", "Kvaratskhelia", "Sokolov",
	"Kuznetsov", "Smirnova", "Zakharov", "Safarov", "Orujov", "Kazimov", "Sharma", "Patel", "Schmidt", "Müller",
	"Dubois", "Rossi", "Novikov", "Fedorov", "Yusupov", "Ismayilov", "Babayev", "Huseynov", "Kovalev", "Lebedev",
	"Volkov", "Zhukov"}

var titles = []string{"Chairman of the Board", "Director General", "Head of Department", "Senior Research Fellow",
	"Ambassador Extraordinary and Plenipotentiary", "Deputy Minister", "Programme Director", "Professor",
	"Advisor to the President", "Executive Director", "Member of Parliament", "Research Fellow", "Chief Economist",
	"Rector", "Head of the Centre for Regional Studies"}

var publishers = []string{"Russian International Affairs Council (RIAC)", "AIR Center", "Trend", "TASS", "APA",
	"Valdai Club", "Anadolu Agency", "IRNA", "Kazinform", "Xinhua"}

var themePhrases = []string{"Cooperation in regional projects", "Prospects for partnership", "Challenges and opportunities",
	"A new agenda", "Connectivity and growth", "Strategic partnership at present"}

var recStarts = []string{"The parties agreed that", "Participants concluded that", "Experts proposed that",
	"It was recommended that", "The council noted that", "Both sides stressed that"}

var recVerbs = []string{"governments should expand", "both countries should deepen work on", "experts should study",
	"the ministries should coordinate", "think tanks should jointly monitor", "business should invest in"}

var recEnds = []string{"with a joint working group by next year", "in line with earlier agreements",
	"as a matter of priority", "with the involvement of regional partners", "through a joint report",
	"to reduce costs and delays"}
