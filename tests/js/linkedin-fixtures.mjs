// Loads the extension's classic scripts into node and parses the LinkedIn fixture pages with
// linkedom, so the tests run the very files the extension and the scraper inject.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { parseHTML } from "linkedom";

const require = createRequire(import.meta.url);

export const FIXTURES = new URL("../fixtures/linkedin/", import.meta.url);
export const counts = require("../../extension/lib/counts.js");
export const selectors = require("../../extension/content/linkedin/selectors.js");
export const extractor = require("../../extension/content/linkedin/extractor.js");
export const followPage = require("../../extension/lib/follow-page.js");

/** The answer key written by tests/fixtures/linkedin/make_feed.py. */
export const expected = JSON.parse(readFileSync(new URL("expected.json", FIXTURES), "utf8"));

export const fixtureNames = () =>
  readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".html"))
    .sort();

export const source = (name) => readFileSync(new URL(name, FIXTURES), "utf8");

/** A fresh document for a fixture page (fresh, so a test may change it). */
export const load = (name) => parseHTML(source(name)).document;

/** A document around a snippet of markup, for the odd case no fixture page shows. */
export const page = (body) =>
  parseHTML(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`).document;

export const byKind = (items, kind) => items.filter((item) => item.kind === kind);
