// A user sends Roos's maintainers a structure snapshot of a page Roos misread. It must keep the
// page's structure (so the extractor can run on it and it can become a fixture) and nothing of
// anyone: no text, no names, no profile addresses.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { parseHTML } from "linkedom";
import { expected, extractor, fixtureNames, load, source } from "./linkedin-fixtures.mjs";

const require = createRequire(import.meta.url);
const { snapshot, placeholder } = require("../../extension/lib/structure-snapshot.js");

const URLS = Object.fromEntries(Object.entries(expected).map(([name, entry]) => [name, entry.url]));
const take = (name) => snapshot(load(name), URLS[name] || "https://www.linkedin.com/feed/", { salt: "t" });

/** Every name, sentence and profile slug the fixture page shows its reader. */
function secrets(name) {
  const items = expected[name]?.items || [];
  const people = items.flatMap((i) => [i.author.name, i.author.headline, ...(i.context?.actors || []).map((a) => a.name)]);
  const slugs = items
    .flatMap((i) => [i.author.profile_url, ...(i.context?.actors || []).map((a) => a.profile_url)])
    .filter(Boolean)
    .map((url) => new URL(url).pathname.split("/")[2]);
  const sentences = items.map((i) => i.text).filter((t) => t.length > 12);
  // a company's headline is its follower count ("12.345 volgers"): LinkedIn's words, no secret
  const count = /^[\d.,]+ (volgers|followers)$/;
  return [...new Set([...people, ...slugs, ...sentences].filter((s) => s && s.length > 3 && !count.test(s)))];
}

test("no text, name or profile address of a feed survives in its snapshot", () => {
  for (const name of ["feed-classic.html", "feed-new.html", "feed-wrapped.html", "feed-wrapped-new.html", "post.html", "group.html"]) {
    const shot = take(name);
    const leaks = secrets(name).filter((secret) => shot.includes(secret) || shot.includes(secret.slice(0, 20)));
    assert.deepEqual(leaks, [], name);
    assert.ok(!/<img|<script|<style|data:image/i.test(shot), name);
  }
});

test("the snapshot keeps the structure: the extractor finds the same cards, kinds and threads", () => {
  for (const name of ["feed-wrapped.html", "feed-wrapped-new.html", "feed-classic.html"]) {
    const doc = parseHTML(take(name)).document;
    const before = extractor.pageReport(load(name));
    assert.deepEqual(extractor.pageReport(doc), before, name);
    const items = extractor.extractItems(doc, "https://www.linkedin.com/feed/", { now: expected[name].now });
    const original = expected[name].items;
    assert.equal(items.length, original.length, name);
    assert.deepEqual(items.map((i) => i.kind), original.map((i) => i.kind));
    // a comment still points at its post, under hashed ids
    for (const item of items.filter((i) => i.kind !== "post")) assert.ok(items.some((p) => p.id === item.parent_id));
    assert.ok(items.every((i) => !original.some((o) => o.id === i.id)), "ids are hashed");
    assert.ok(items.every((i) => /^X?x*/.test(i.author.name)));
  }
});

test("profile and company counts and LinkedIn's own words stay readable", () => {
  for (const name of ["profile-activity-en.html", "network-followers-nl.html", "company-en.html"]) {
    const shot = take(name);
    assert.match(shot, /1,159 followers|3\.384 mensen volgen je|12,345 followers/, name);
    for (const slug of ["marcus-ellery", "Marcus", "Eva Jansen", "vlotbank", "Vlotbank"]) assert.ok(!shot.includes(slug), `${name}: ${slug}`);
  }
  const shot = take("feed-wrapped.html");
  for (const words of ["heeft hierop gereageerd", "Gepromoot", "vindt dit leuk"]) assert.ok(shot.includes(words), words);
});

test("links keep their kind and lose the rest; text keeps its length", () => {
  const doc = parseHTML(
    '<html><body><main><a href="https://www.linkedin.com/in/anna-jansen-12ab/?miniProfileUrn=x" aria-label="Anna Jansen">Anna Jansen</a>' +
      '<a href="https://evil.example/x?y=1">site</a><a href="javascript:alert(1)">x</a></main></body></html>',
  ).document;
  const shot = snapshot(doc, "https://www.linkedin.com/in/anna-jansen-12ab/", { salt: "s" });
  assert.ok(!/anna|jansen|evil|javascript|miniProfile/i.test(shot), shot);
  assert.match(shot, /href="https:\/\/www\.linkedin\.com\/in\/h[0-9a-z]+\/"/);
  assert.match(shot, />Xxxx Xxxxxx</);
  assert.equal(placeholder("Wat een mooi resultaat! 123"), "Xxx xxx xxxx xxxxxxxxx! 000");
});

test("every fixture page can be snapshotted and parsed again", () => {
  for (const name of fixtureNames()) {
    const doc = parseHTML(source(name)).document;
    const shot = snapshot(doc, "https://www.linkedin.com/feed/", { salt: "x" });
    assert.ok(parseHTML(shot).document.querySelector("body"), name);
  }
});
