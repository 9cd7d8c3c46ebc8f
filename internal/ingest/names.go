package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// givenNames are first names common in the reports' region and beyond. A
// capitalised word from this list followed by one more starts a person's
// name; so does an initial, or a word followed by a surname with a typical
// ending (see surnameEndings).
var givenNames = wordSet(strings.ToLower(`
Igor Ivan Mikhail Andrey Andrei Sergey Sergei Dmitry Dmitri Dmitriy Alexander Aleksandr Alexandr Alexey Alexei Aleksei Vladimir Nikolai Nikolay
Pavel Fyodor Fedor Yuri Yury Oleg Maxim Maksim Anton Artem Artyom Boris Viktor Victor Vyacheslav Konstantin Leonid Grigory Grigoriy Gennady
Yevgeny Evgeny Evgeniy Kirill Roman Denis Ilya Timur Ruslan Milan Anna Maria Elena Yelena Olga Natalia Natalya Irina Tatiana Tatyana Svetlana
Ekaterina Yekaterina Daria Darya Lada Lyudmila Galina Valentina Marina Nadezhda Sofia Sofya Polina Anastasia Ksenia Yulia Julia Zakhar Lev
Stepan Vasily Vasiliy Valery Valeriy Vitaly Vitaliy Georgy Georgiy Semyon Arkady Anatoly Anatoliy Stanislav Yaroslav Rostislav Vadim Nikita
Egor Yegor Matvey Fyodor Lavrenty Zinaida Alla Inna Vera Lyubov Larisa Oksana Veronika Alina Kristina Margarita Nina Raisa Yana Elizaveta
Hikmet Hikmat Farid Elshad Elchin Jeyhun Ceyhun Ilham Anar Rashad Ramin Rovshan Vusal Javid Cavid Farhad Fuad Zahid Kamran Tural Orkhan Elnur
Elmar Ilgar Mubariz Novruz Ali Samir Emin Nigar Gulnara Aynur Leyla Leila Sevinj Hafiz Azer Araz Vugar Khazar Mahammad Mammad Rauf Ramiz Eldar
Elnara Togrul Tofig Shahin Ziya Fariz Esmira Gunel Konul Shahla Aygun Parvin Khalaf Hasan Hassan Huseyn Hussein Nasimi Elkhan Elmir Elvin
Gabil Qabil Kamal Rasim Rafael Ogtay Mehriban Ilgar Rufat Ruslan Sabina Samira Sevda Tahir Ulviyya Vafa Zaur Zaur Nazim Natig Ramil Sahil
Polat Mehmet Ahmet Mustafa Hakan Burak Emre Murat Ibrahim İbrahim Asma Esma Yasar Yaşar Ayse Ayşe Fatma Zeynep Kemal Omer Ömer Selim Cem
Serkan Ozan Kerem Gokhan Gökhan Huseyin Hüseyin Recep Mevlut Mevlüt Cagri Çağrı Tugba Tuğba Elif Merve Busra Büşra Necati Sedat Volkan Ufuk
Nurlan Nursultan Kassym Kasym Askar Yerlan Erlan Aidos Aigerim Dana Saule Gulnar Marat Bolat Daniyar Dilshod Bakhtiyor Sherzod Jasur Akmal
Rustam Sardor Shavkat Abdulaziz Eldor Farrukh Nodir Otabek Ulugbek Zafar Azamat Almaz Bakyt Chingiz Emil Nurbek Aziz Gulnoza Dildora Malika
Nilufar Kamila Madina Yerzhan Yermek Kairat Serik Bakhytzhan Zhanna Aliya Assel Dinara Gulnara Arman Adil Berik Murat Talgat Nurzhan Aibek
Sanjar Laziz Bobur Davron Anvar Alisher Gayrat Umid Javlon Behzod Mirzo Saida Feruza Lola Zarina Sitora Nigora Kamoliddin Muzaffar Akbar
Mohammad Mohammed Muhammad Hossein Hosein Mahmoud Mahmood Abbas Javad Mehdi Reza Saeed Saeid Hamid Kazem Kayhan Mostafa Seyed Seyyed Ebrahim
Amir Hamidreza Alireza Nasser Naser Mohsen Majid Vahid Hadi Ahmad Kamal Kayvan Jahangir Mojtaba Ruhollah Farzaneh Maryam Zahra Fatemeh
Armen Ararat Tigran Levon Nikol Ruben Vahan Vahe Ani Giorgi Irakli Nino Davit David Levan Zurab Gevorg Hovhannes Karen Aram Arman
John James Michael Robert Thomas Peter Paul Mark Richard Anne Mary Sarah Laura Daniel Joseph Charles George William Henry Edward Christopher
Andrew Stephen Steven Kevin Brian Frank Patrick Simon Martin Philip Jonathan Emma Olivia Sophie Claire Helen Catherine Elizabeth Jan Hans
Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo Xi Narendra Rahul Raj Sanjay
Fyodor Lukas Luca Marco Giorgio Jean Pierre Francois Michel Carlos Jose Juan Miguel Javier
`))

// surnameEndings are endings of surnames common in the region.
var surnameEndings = []string{"ov", "ev", "ova", "eva", "yev", "yeva", "iev", "ieva", "sky", "skiy", "skii", "skaya", "ski", "enko",
	"yan", "ian", "adze", "dze", "shvili", "oglu", "oğlu", "zade", "zadeh", "uly", "kyzy", "ovich", "evich", "ovna", "evna", "bekov",
	"in", "ina", "yn", "li", "lu"}

// strongEndings are surname endings reliable enough to accept a name whose
// first word is not a known given name.
var strongEndings = []string{"ov", "ev", "ova", "eva", "yev", "yeva", "iev", "sky", "skiy", "skii", "skaya", "enko", "yan", "adze",
	"shvili", "oglu", "zade", "zadeh", "ovich", "evich", "bekov", "yeva"}

// notNames are capitalised words that are never part of a person's name:
// titles, institution words, places, months, days, sentence openers.
var notNames = wordSet(strings.ToLower(`
The A An On In At Of For And To By With From During According Speaking Addressing Opening Following Today Yesterday Subsequently
However Moreover Furthermore Meanwhile Also He She They It This That These Those Both Our We Their His Her Its Mr Mrs Ms Dr Prof
President Vice Chairman Chairwoman Chairperson Chair Director Directors General Head Chief Ambassador Minister Deputy Advisor Adviser
Assistant Secretary Coordinator Professor Fellow Researcher Expert Experts Editor Rector Dean Member Members Spokesperson Spokeswoman
Spokesman Representative Envoy Consul Senator MP Founder Counsellor Counselor Governor Mayor Lecturer Analyst Manager Officer Leader
Executive Extraordinary Plenipotentiary Programme Program Board Management Senior Junior Leading Emeritus Honorary Special Permanent
Acting Co-chair Co-chairman Council Center Centre Institute Ministry University Administration Directorate Department Office Foundation
Club Academy Agency Embassy Committee Parliament Assembly Forum Dialogue Commission Group Society School College Association Union
Organization Organisation Bank Company Corporation Service Studies Research Analysis Affairs Relations International Foreign Policy
Strategic Federation Republic State States National Presidential Cabinet Government Duma Majlis News Press Media Trend Reports Report
Caucasus Caspian Asia Central Eurasia Eurasian Europe European Middle East West North South Sea Region Declaration Allied Cooperation
Interaction Conference Parties United Nations Framework Convention Climate Change Days Day Culture Cultural Contacts Countries Country
January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday
Saturday Sunday Photo Video Read More Latest Tags Share Rate Politics Materials Economy Society World Russia Russian Azerbaijan
Azerbaijani Armenia Armenian Iran Iranian Türkiye Turkey Turkish Turkic Georgia Georgian Kazakhstan Kazakh Uzbekistan Uzbek Moscow Baku
Tehran Yerevan Shusha Ankara Astana Tashkent Samarkand Almaty China Chinese India Indian Islamic Affairs Economic Social Political
Science Sciences Higher Economics Public Transport Corridor Initiative Platform Format Summit Session Meeting Round Table Panel
Ministerial Programme Project Projects Program Law Faculty Department Division Unit Secretariat Commission Chamber Trade Industry
Commerce Energy Security Defense Defence Interior Justice Education Health Culture Sport Tourism Regional Development Investment
Analytical Studies Kremlin Majesty Excellency Sheikh Sir Madam Lady Lord Saint St Hall Palace Hotel Street Avenue Square Park
Diplomatic Diplomacy Department Bureau Relations Conflict Peace War Mr. Dr. Prof. Think Tanks Tank Centers Centres Institutes
Azernews Azertac AZERTAC Trend TASS Interfax Sputnik Reuters Xinhua Anadolu APA Report News.Az`))

// particles may stand inside a name in lower case ("Ibn", "al-", "oglu").
var particles = wordSet("bin ibn al el de van von der da di la le oglu ogly kyzy uly")

// word is a word of a text with its byte span.
type word struct {
	s    string
	span span
}

// words splits text[s] into words: runs of letters, digits, apostrophes and
// hyphens inside a word, and dots after initials ("N.S.").
func words(text string, s span) []word {
	out := make([]word, 0, max(0, s.end-s.start)/5+1)
	i := s.start
	for i < s.end {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i
		for j < s.end {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				j += n
				continue
			}
			if (r == '-' || r == '\'' || r == '’' || r == '‑') && j+n < s.end {
				r2, _ := utf8.DecodeRuneInString(text[j+n:])
				if unicode.IsLetter(r2) {
					j += n
					continue
				}
			}
			if r == '.' && utf8.RuneCountInString(text[i:j]) <= 2 && isUpperWord(text[i:j]) {
				// an initial: "N." or "N.S."
				j += n
				continue
			}
			break
		}
		out = append(out, word{text[i:j], span{i, j}})
		i = j
	}
	return out
}

func isUpperWord(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) && r != '.' {
			return false
		}
	}
	return s != ""
}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isInitial reports "N." or "N.S." or "Zh.".
func isInitial(s string) bool {
	if !strings.HasSuffix(s, ".") {
		return false
	}
	parts := strings.Split(strings.TrimSuffix(s, "."), ".")
	for _, p := range parts {
		if n := utf8.RuneCountInString(p); n < 1 || n > 2 || !capitalised(p) {
			return false
		}
	}
	return true
}

// stripPossessive drops "’s" and "'s".
func stripPossessive(s string) string {
	for _, suf := range []string{"’s", "'s", "’", "'"} {
		if strings.HasSuffix(s, suf) {
			return strings.TrimSuffix(s, suf)
		}
	}
	return s
}

func lowerNoDiacritics(s string) string { return normalizeName(s) }

func isGiven(w string) bool {
	w = stripPossessive(w)
	if givenNames[strings.ToLower(w)] {
		return true
	}
	if i := strings.IndexAny(w, "-‑"); i > 0 { // Kassym-Jomart
		return givenNames[strings.ToLower(w[:i])]
	}
	return givenNames[lowerNoDiacritics(w)]
}

func isNotName(w string) bool {
	w = stripPossessive(w)
	return notNames[strings.ToLower(w)] || notNames[lowerNoDiacritics(w)]
}

func hasEnding(w string, ends []string) bool {
	l := strings.ToLower(stripPossessive(w))
	for _, e := range ends {
		if strings.HasSuffix(l, e) && len(l) > len(e)+2 {
			return true
		}
	}
	return false
}

// nameWord reports whether w may be a word of a name after its first one.
func nameWord(w string) bool {
	if particles[strings.ToLower(w)] {
		return true
	}
	if !capitalised(w) || isNotName(w) {
		return false
	}
	// All-capital words are acronyms, not names (but allow initials).
	if isUpperWord(w) && !isInitial(w) && utf8.RuneCountInString(w) > 1 {
		return false
	}
	return true
}

// personName is a name found in a text.
type personName struct {
	text string
	s    span
}

// findNames returns the people's names in text[s]: two to four words, the
// first a known given name or an initial (or the last a typical surname),
// none a title or a place. Names are spans of the text, never made up.
func findNames(text string, s span) []personName {
	ws := words(text, s)
	var out []personName
	adjacent := func(a, b word) bool {
		gap := text[a.span.end:b.span.start]
		return gap == " " || gap == "\u00a0" || gap == "" || gap == "\n" || gap == "\r\n"
	}
	for i := 0; i < len(ws); i++ {
		w := ws[i].s
		if !capitalised(w) || isNotName(w) {
			continue
		}
		start := i
		switch {
		case isInitial(w) || isGiven(w):
		default:
			// Surname followed by initials: "Zadonskaya N.S."
			if i+1 < len(ws) && adjacent(ws[i], ws[i+1]) && isInitial(ws[i+1].s) && hasEnding(w, surnameEndings) {
				out = append(out, personName{text[ws[i].span.start:ws[i+1].span.end], span{ws[i].span.start, ws[i+1].span.end}})
				i++
				continue
			}
			// Unknown given name before a typical surname.
			if !(i+1 < len(ws) && adjacent(ws[i], ws[i+1]) && nameWord(ws[i+1].s) && !particles[strings.ToLower(ws[i+1].s)] &&
				hasEnding(ws[i+1].s, strongEndings) && !isUpperWord(w) && (i == 0 || !capitalised(ws[i-1].s) || isNotName(ws[i-1].s) || !adjacent(ws[i-1], ws[i]))) {
				continue
			}
		}
		j := i + 1
		for j < len(ws) && j-start < 4 && adjacent(ws[j-1], ws[j]) && nameWord(ws[j].s) {
			if isInitial(ws[j].s) && !isInitial(ws[j-1].s) {
				break
			}
			j++
		}
		// drop trailing particles
		for j > start+1 && particles[strings.ToLower(ws[j-1].s)] {
			j--
		}
		n := j - start
		if n < 2 {
			continue
		}
		// At least one word that is not an initial after the first.
		last := ws[j-1].s
		if isInitial(last) {
			continue
		}
		end := ws[j-1].span.end
		t := text[ws[start].span.start:end]
		if p := stripPossessive(last); p != last {
			end -= len(last) - len(p)
			t = text[ws[start].span.start:end]
		}
		out = append(out, personName{collapse(t), span{ws[start].span.start, end}})
		i = j - 1
	}
	return out
}

// surname returns the last word of a name.
func surname(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	if len(f) == 2 && isInitial(f[1]) { // "Zadonskaya N.S."
		return f[0]
	}
	return f[len(f)-1]
}

// initials returns the first letters of the given names: "H" for "H.
// Hajiyev" and "Hikmet Hajiyev", "NS" for "N.S. Zadonskaya".
func initials(name string) string {
	f := strings.Fields(name)
	var b strings.Builder
	if len(f) == 2 && isInitial(f[1]) {
		f = []string{f[1], f[0]}
	}
	for _, w := range f[:len(f)-1] {
		for _, p := range strings.Split(strings.TrimSuffix(w, "."), ".") {
			if r, _ := utf8.DecodeRuneInString(p); r != utf8.RuneError {
				b.WriteRune(unicode.ToUpper(r))
			}
			if !isInitial(w) {
				break
			}
		}
	}
	return b.String()
}

// hasInitialsOnly reports whether a name gives only initials before the surname.
func hasInitialsOnly(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 {
		return false
	}
	if len(f) == 2 && isInitial(f[1]) {
		return true
	}
	for _, w := range f[:len(f)-1] {
		if !isInitial(w) {
			return false
		}
	}
	return true
}
