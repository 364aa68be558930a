// A feed of mixed cards, as LinkedIn really shows it: posts wrapped in someone else's action
// ("… commented on this", likes, reposts, celebrations, follows, aggregates), adverts and job
// cards, placeholders that fill as the user scrolls, a card in unknown markup. Roos must read
// every answerable post and comment under the post's own id and say what it could not read.
import assert from "node:assert/strict";
import { test } from "node:test";
import { byKind, expected, extractor, load } from "./linkedin-fixtures.mjs";

const PAGES = ["feed-wrapped.html", "feed-wrapped-new.html"];
const read = (name, doc = load(name)) =>
  extractor.extractItems(doc, expected[name].url, { now: expected[name].now });

/** The page after LinkedIn filled its placeholders (the fill markup is in the answer key). */
function filled(name) {
  const doc = load(name);
  for (const { selector, html } of expected[name].fills) {
    const box = doc.querySelector(selector);
    assert.ok(box, selector);
    box.outerHTML = html;
  }
  return doc;
}

for (const name of PAGES) {
  test(`${name}: every post and comment of the answer key, wrapped cards included`, () => {
    const items = read(name);
    assert.equal(items.length, expected[name].items.length);
    items.forEach((item, n) => assert.deepEqual(item, expected[name].items[n], `item ${n} (${item.id})`));
    assert.ok(byKind(items, "reply").length >= 1);
  });

  test(`${name}: a wrapped card's item has the post's own id and the actor's event as context`, () => {
    const wrapped = read(name).filter((item) => item.context);
    assert.ok(wrapped.length >= 5);
    assert.deepEqual(
      new Set(wrapped.map((item) => item.context.kind)),
      new Set(["comment", "reaction", "repost", "follow"]),
    );
    for (const item of wrapped) {
      assert.match(item.id, /^urn:li:activity:\d+$/);
      assert.notEqual(item.id, item.context.event_id);
      assert.equal(item.url, `https://www.linkedin.com/feed/update/${item.id}/`);
      assert.ok(item.context.actors.every((a) => a.name && a.profile_url.startsWith("https://www.linkedin.com/")));
    }
    // the post's comments hang under the post, not under the commenter's event
    const ids = new Set(wrapped.map((item) => item.id));
    const events = new Set(wrapped.map((item) => item.context.event_id).filter(Boolean));
    for (const item of read(name).filter((i) => i.kind === "comment")) {
      assert.ok(!events.has(item.parent_id));
      if (ids.has(item.parent_id)) assert.ok(item.id.includes(item.parent_id.replace("urn:li:", "")));
    }
  });

  test(`${name}: the page report counts cards read, pending, skipped by reason and unknown`, () => {
    assert.deepEqual(extractor.pageReport(load(name)), expected[name].report);
    const report = expected[name].report;
    assert.ok(report.pending === 2 && report.unknown === 1 && report.skipped.promoted === 1);
  });

  test(`${name}: placeholders are pending until they fill, then read like any card`, () => {
    const doc = filled(name);
    const items = read(name, doc);
    const want = [...expected[name].items.map((i) => i.id), ...expected[name].fill_items.map((i) => i.id)];
    assert.deepEqual(new Set(items.map((i) => i.id)), new Set(want));
    for (const item of expected[name].fill_items)
      assert.deepEqual(items.find((i) => i.id === item.id), item);
    assert.deepEqual(extractor.pageReport(doc), expected[name].report_after_fill);
  });
}

test("a comment urn reads the same in both markups: (urn:li:activity:P,C) is (activity:P,C)", () => {
  for (const item of read("feed-wrapped-new.html").filter((i) => i.kind !== "post"))
    assert.match(item.id, /^urn:li:comment:\(activity:\d+,\d+\)$/);
});

test("a post seen wrapped and then plain on one page is one item", () => {
  const items = read("feed-wrapped.html");
  const ids = items.map((i) => i.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(expected["feed-wrapped.html"].report.skipped.duplicate, 1);
});

test("a quoted post inside a liked repost does not lend the card its id", () => {
  const doc = load("feed-wrapped.html");
  const quoted = doc.querySelector(".update-components-mini-update-v2").getAttribute("data-urn");
  assert.ok(!read("feed-wrapped.html").some((item) => item.id === quoted));
});

test("a 'commented on this' card without any trace of its post is reported, never stored under the event", () => {
  const report = extractor.pageReport(load("feed-wrapped.html"));
  assert.equal(report.unreadable, 1);
  const items = read("feed-wrapped.html");
  assert.ok(!items.some((item) => item.id.startsWith("urn:li:aggregate:")));
});

test("wrapped items, context included, validate against the shared item schema", async () => {
  const { readFileSync } = await import("node:fs");
  const { default: Ajv2020 } = await import("ajv/dist/2020.js");
  const schema = JSON.parse(readFileSync(new URL("../../shared/schema/item.json", import.meta.url), "utf8"));
  const validate = new Ajv2020({ allErrors: true, validateSchema: false }).compile(schema);
  for (const name of PAGES) {
    for (const item of [...read(name), ...expected[name].fill_items])
      assert.ok(validate(item), `${item.id}: ${JSON.stringify(validate.errors)}`);
  }
  assert.equal(validate({ ...expected["feed-wrapped.html"].items[1], context: { kind: "gossip" } }), false);
});

test("a card on someone's activity page ('… commented on this', no comments shown) gets the post's id from its hashtags", async () => {
  const { page } = await import("./linkedin-fixtures.mjs");
  // the shape of the Comments tab of a profile's activity: the card's urn is the comment event
  const doc = page(`<main><ul>
    <li class="profile-creator-shared-feed-update__container"><div><div class="relative">
      <div class="full-height" data-view-name="feed-full-update"><div class="full-height">
        <div class="feed-shared-update-v2 artdeco-card" role="region" data-urn="urn:li:activity:7242000000000000001">
          <h2 class="visually-hidden">Feed post number 1</h2>
          <div class="update-components-header"><div class="update-components-header__text-wrapper">
            <a class="app-aware-link" href="https://www.linkedin.com/in/kim-vos?miniProfileUrn=urn%3Ali%3Afsd_profile%3AACoAAA1"><img alt="Kim Vos"></a>
            <span class="update-components-header__text-view"><span><a href="/in/kim-vos/">Kim Vos</a></span><span class="white-space-pre"> </span>commented on this</span>
          </div></div>
          <div class="update-components-actor__container"><a class="app-aware-link update-components-actor__meta-link" href="https://www.linkedin.com/in/jan-pol?miniProfileUrn=x">
            <span class="update-components-actor__title"><span dir="ltr"><span aria-hidden="true">Jan Pol</span><span class="visually-hidden">Jan Pol</span></span></span></a>
            <span class="update-components-actor__sub-description"><span aria-hidden="true">2d •</span></span></div>
          <div class="update-components-text relative update-components-update-v2__commentary"><span dir="ltr">Een nieuw record!
            <a class="app-aware-link" href="https://www.linkedin.com/feed/hashtag/?keywords=vlotbank&amp;highlightedUpdateUrns=urn%3Ali%3Aactivity%3A7241600000000000002"><span class="visually-hidden">hashtag</span>#vlotbank</a></span></div>
          <div class="update-v2-social-activity"><div class="social-details-social-counts"><ul>
            <li class="social-details-social-counts__reactions"><button aria-label="2,948 reactions"><span class="social-details-social-counts__reactions-count">2,948</span></button></li>
            <li class="social-details-social-counts__comments"><button aria-label="221 comments"><span>221 comments</span></button></li></ul></div></div>
        </div></div></div></div></div></li></ul></main>`);
  const [item] = extractor.extractItems(doc, "https://www.linkedin.com/in/kim-vos/recent-activity/comments/", { now: "2026-12-04T12:00:00Z" });
  assert.equal(item.id, "urn:li:activity:7241600000000000002");
  assert.deepEqual(item.context, {
    kind: "comment",
    actors: [{ name: "Kim Vos", profile_url: "https://www.linkedin.com/in/kim-vos/" }],
    event_id: "urn:li:activity:7242000000000000001",
  });
  assert.equal(item.author.name, "Jan Pol");
  assert.equal(item.reactions, 2948);
  assert.equal(item.comments_count, 221);
});

test("a 'Recommended for you' aggregate of people is not a post and not a miss", async () => {
  const { page } = await import("./linkedin-fixtures.mjs");
  const doc = page(`<main><div data-id="urn:li:aggregate:(urn:li:member:123,urn:li:member:456)" data-finite-scroll-hotkey-item="0">
    <div class="feed-shared-update-v2" role="article" data-urn="urn:li:aggregate:(urn:li:member:123,urn:li:member:456)">
      <div class="update-components-header"><span class="update-components-header__text-view">Recommended for you</span></div>
      <div class="update-components-feed-discovery-entity"><a href="https://www.linkedin.com/in/kim-vos/">Kim Vos</a><button aria-label="Follow Kim Vos">Follow</button></div>
    </div></div></main>`);
  const report = extractor.pageReport(doc);
  assert.deepEqual([report.unknown, report.unreadable, report.cards, report.skipped["not-a-post"]], [0, 0, 0, 1]);
});

test("a comment in older markup still has its author, found by its profile link", async () => {
  const { page } = await import("./linkedin-fixtures.mjs");
  const doc = page(`<main><div class="feed-shared-update-v2" data-urn="urn:li:activity:7300000000000000001">
    <div class="update-components-actor__meta"><a class="update-components-actor__meta-link" href="/in/jan-pol/"><span class="update-components-actor__title"><span aria-hidden="true">Jan Pol</span></span></a></div>
    <div class="update-components-update-v2__commentary"><span dir="ltr">Wie weet raad?</span></div>
    <article class="comments-comment-item" data-id="urn:li:comment:(activity:7300000000000000001,7300000000000000009)">
      <a class="comments-post-meta__actor-link" href="https://www.linkedin.com/in/kim-vos/"><img alt=""></a>
      <a class="comments-post-meta__profile-link" href="https://www.linkedin.com/in/kim-vos/"><span class="comments-post-meta__name-text"><span aria-hidden="true">Kim Vos</span></span></a>
      <span class="comments-comment-item__main-content" dir="ltr">Bel de klantenservice van Vlotbank.</span>
    </article></div></main>`);
  const [, comment] = extractor.extractItems(doc, "https://www.linkedin.com/feed/", { now: "2026-12-04T12:00:00Z" });
  assert.deepEqual(comment.author, { name: "Kim Vos", profile_url: "https://www.linkedin.com/in/kim-vos/" });
  assert.equal(comment.text, "Bel de klantenservice van Vlotbank.");
  assert.equal(extractor.authorNameElement(doc.querySelector("article")).textContent, "Kim Vos");
});
