// Package ingest turns a report of an expert meeting (a news item, a press
// release, a web page) into a reviewable Draft of facts, and writes a reviewed
// draft into a domain.Store.
//
// Extract reads plain text or HTML. It strips page furniture (ratings, share
// buttons, polls, menus), counts a paragraph that a scraper repeated once, and
// reads the meeting (council, ordinal, date with its precision, city, theme,
// organisers, format), the speakers with their titles, institutions and
// roles, the publications presented or announced, and each conclusion,
// proposal, agreement or follow-up action as a recommendation tagged with
// the initiatives, themes and countries it mentions. Every fact carries the
// span of the original input that supports it and a confidence, so that a
// reviewer can check it; no person's name is ever made up: each is a span of
// the input.
//
// Extract takes time in proportion to the length of its input
// (TestExtractIsLinear): its patterns are compiled once, and each part of
// the text is read a bounded number of times, however the text repeats
// itself.
//
// Extract is rule-based and deterministic: gazetteers of countries, cities,
// initiatives, institutions and theme keywords (Gazetteer, extendable from a
// store) and patterns of the genre ("Opening speeches were delivered by
// NAME, TITLE; ...", "RIAC Director General Ivan Timofeev said").
// Text that is not English yields an empty draft with a warning (only the
// meeting's identity — council, ordinal, date, city — is read from Russian
// and Azerbaijani text, so that the report can still be recorded as a source
// of a meeting already known).
//
// Apply resolves a draft's entities against a store (names normalised with
// domain.NormalizeName, aliases, and transliteration variants such as
// Hajiyev/Gadzhiev), merges into a meeting the store already knows (same
// council and date, or same council and ordinal), adds the report as one
// more source, and writes the result with one Upsert. Every node it makes
// (meeting, council, person, institution, country, place, initiative, theme,
// appearance, recommendation, publication) cites the report.
//
// Score compares a draft with an expected one and gives precision and recall
// per kind of fact.
package ingest
