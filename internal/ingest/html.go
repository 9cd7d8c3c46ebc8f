package ingest

import (
	"bytes"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// skipTags hold no report text: scripts, styles, navigation, forms.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "nav": true,
	"header": true, "footer": true, "aside": true, "form": true, "button": true, "select": true,
	"option": true, "iframe": true, "head": true, "object": true, "canvas": true, "menu": true,
}

// blockTags end a line.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "tr": true, "table": true, "section": true,
	"article": true, "blockquote": true, "dd": true, "dt": true, "dl": true, "hr": true, "main": true,
	"figure": true, "figcaption": true, "pre": true, "td": true, "th": true,
}

var voidTags = map[string]bool{
	"br": true, "hr": true, "img": true, "input": true, "meta": true, "link": true, "area": true,
	"base": true, "col": true, "embed": true, "source": true, "track": true, "wbr": true,
}

// furnitureAttrRe matches the class, id or role of page furniture.
var furnitureAttrRe = regexp.MustCompile(`(?i)\b(?:share|sharing|social|rating|rate|vote|votes|poll|menu|navbar|nav|breadcrumbs?|comments?|subscribe|related|sidebar|banner|cookie|advert|ads|promo|footer|header|tags|navigation|complementary|contentinfo|print)\b`)

// stripHTML returns the text of an HTML page without its markup and
// furniture, and for each byte of it the byte offset in b it comes from.
// Block elements end lines; list items start with a bullet.
func stripHTML(b []byte) (string, []int32) {
	var out []byte
	var pos []int32
	emit := func(s string, at int) {
		for i := 0; i < len(s); i++ {
			out = append(out, s[i])
			pos = append(pos, int32(at))
		}
	}
	type open struct {
		name string
		skip bool
	}
	var stack []open
	onStack := map[string]int{} // how many elements of each name stack holds
	skipping := 0
	z := html.NewTokenizer(bytes.NewReader(b))
	off := 0
	for {
		tt := z.Next()
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.ErrorToken:
			pos = append(pos, int32(len(b)))
			return string(out), pos
		case html.TextToken:
			if skipping > 0 {
				continue
			}
			rawCopy := string(raw)
			appendText(rawCopy, start, emit)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			skip := skipTags[tag]
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "class", "id", "role":
					if furnitureAttrRe.Match(v) {
						skip = true
					}
				case "aria-hidden", "hidden":
					if string(k) == "hidden" || string(v) == "true" {
						skip = true
					}
				}
			}
			if blockTags[tag] && skipping == 0 {
				emit("\n", start)
				if tag == "li" {
					emit("• ", start)
				}
			}
			if tt == html.SelfClosingTagToken || voidTags[tag] {
				continue
			}
			stack = append(stack, open{tag, skip})
			onStack[tag]++
			if skip {
				skipping++
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			// An end tag with no open element of its name closes nothing:
			// do not look through the whole stack for it.
			for i := len(stack) - 1; i >= 0 && onStack[tag] > 0; i-- {
				if stack[i].name != tag {
					continue
				}
				for j := len(stack) - 1; j >= i; j-- {
					if stack[j].skip {
						skipping--
					}
					onStack[stack[j].name]--
				}
				stack = stack[:i]
				break
			}
			if blockTags[tag] && skipping == 0 {
				emit("\n", start)
			}
		}
	}
}

// appendText emits the text of a raw text token, decoding character
// references and turning line breaks into spaces, each output byte mapped
// to the raw byte it comes from.
func appendText(raw string, at int, emit func(string, int)) {
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '&':
			// only a reference of up to 12 bytes counts: look no further
			j := strings.IndexByte(raw[i:min(len(raw), i+12)], ';')
			if j > 1 && j < 12 {
				ent := raw[i : i+j+1]
				if dec := html.UnescapeString(ent); dec != ent {
					if dec == "\u00a0" {
						dec = " "
					}
					emit(dec, at+i)
					i += j + 1
					continue
				}
			}
			emit("&", at+i)
			i++
		case c == '\n' || c == '\r' || c == '\t':
			emit(" ", at+i)
			i++
		default:
			emit(raw[i:i+1], at+i)
			i++
		}
	}
}
