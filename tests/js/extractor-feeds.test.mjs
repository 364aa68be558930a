// The user scrolls through LinkedIn (classic and 2026 markup, Dutch and English UI) and Roos must
// see every post, comment and reply exactly as the answer key written by make_feed.py says.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { byKind, expected, extractor, load, page, source } from "./linkedin-fixtures.mjs";

const fresh = (name) => extractor.extractItems(load(name), expected[name].url, { now: expected[name].now });
const cache = new Map();
/** Items of a fixture page, extracted once per run: the pages are big and the tests only read. */
const extract = (name) => {
  if (!cache.has(name)) cache.set(name, fresh(name));
  return cache.get(name);
};

const SIZES = {
  "feed-classic.html": { post: 61, comment: 82, reply: 45 },
  "feed-new.html": { post: 46, comment: 70, reply: 44 },
  "group.html": { post: 8, comment: 11, reply: 3 },
  "group-new.html": { post: 6, comment: 3, reply: 3 },
  "post.html": { post: 1, comment: 5, reply: 4 },
};

for (const [name, size] of Object.entries(SIZES)) {
  test(`${name}: finds ${size.post} posts, ${size.comment} comments and ${size.reply} replies`, () => {
    const items = extract(name);
    assert.deepEqual(
      {
        post: byKind(items, "post").length,
        comment: byKind(items, "comment").length,
        reply: byKind(items, "reply").length,
      },
      size,
    );
  });

  test(`${name}: every item has the id, author, text, time, parent and counts of the answer key`, () => {
    const items = extract(name);
    assert.equal(items.length, expected[name].items.length);
    items.forEach((item, index) =>
      assert.deepEqual(item, expected[name].items[index], `item ${index} (${item.id})`),
    );
  });
}

test("the two feeds together hold more than 100 posts", () => {
  const posts =
    byKind(extract("feed-classic.html"), "post").length + byKind(extract("feed-new.html"), "post").length;
  assert.ok(posts >= 100, `${posts} posts`);
});

test("ids are LinkedIn's own urns, stable from one extraction to the next", () => {
  const first = fresh("feed-classic.html").map((item) => item.id);
  const again = fresh("feed-classic.html").map((item) => item.id);
  assert.deepEqual(again, first);
  assert.equal(new Set(first).size, first.length);
  for (const id of first) assert.match(id, /^urn:li:(activity:\d+|comment:\(activity:\d+,\d+\))$/);
});

const doubled = (name) => {
  const letters = name.replace(/\s/g, "");
  const half = letters.length / 2;
  return Number.isInteger(half) && letters.slice(0, half) === letters.slice(half);
};

test("names every author once, although LinkedIn prints each name twice", () => {
  const html = source("feed-classic.html");
  assert.ok(
    html.includes(
      '<span aria-hidden="true"><!---->Sanne de Wit<!----></span><span class="visually-hidden"><!---->Sanne de Wit<!----></span>',
    ),
  );
  for (const name of ["feed-classic.html", "feed-new.html"]) {
    for (const item of extract(name)) {
      assert.ok(!doubled(item.author.name), item.author.name);
      assert.ok(!/[•·]|\b(2e|2nd|3e\+|3rd\+|Auteur)$/.test(item.author.name), item.author.name);
    }
  }
});

test("skips aggregates, adverts and job and course recommendations, with their comments", () => {
  for (const name of ["feed-classic.html", "feed-new.html"]) {
    const { skipped } = expected[name];
    assert.equal(skipped.length, 3);
    const html = source(name);
    for (const urn of skipped) assert.ok(html.includes(urn), `${urn} is on the page`);
    const ids = extract(name).map((item) => item.id);
    for (const urn of skipped) {
      assert.ok(!ids.includes(urn), urn);
      const number = /\d{12,}/.exec(urn);
      if (number)
        assert.ok(
          !ids.some((id) => id.startsWith("urn:li:comment:") && id.includes(number[0])),
          `comments of ${urn}`,
        );
    }
  }
  assert.match(source("feed-classic.html"), /Gepromoot/);
  assert.match(source("feed-new.html"), /Promoted/);
});

test("an author whose headline starts with 'Promoted' is not mistaken for an advert", () => {
  const theo = extract("feed-classic.html").filter(
    (item) => item.author.headline === "Promoted to team lead at VlotPay",
  );
  assert.ok(theo.length > 0);
});

test("hostile post texts come out as plain text and never became markup in the fixture", () => {
  for (const name of ["feed-classic.html", "feed-new.html"]) {
    const doc = load(name);
    assert.equal(doc.querySelectorAll("script, [onerror]").length, 0);
    const texts = extract(name).map((item) => item.text);
    assert.ok(texts.includes("<img src=x onerror=alert(1)>"));
    assert.ok(texts.includes("Testing how sites handle this: <script>alert(1)</script> please ignore."));
  }
});

test("long posts are read in full, without the see-more button's words", () => {
  for (const [name, more] of [
    ["feed-classic.html", "…meer"],
    ["feed-new.html", "…more"],
    ["post.html", "…meer"],
  ]) {
    assert.ok(source(name).includes(more));
    const long = extract(name).filter((item) => item.text.length > 300);
    assert.ok(long.length > 0, name);
    for (const item of long) {
      assert.ok(!item.text.includes(more) && !/see more$/.test(item.text), item.id);
      assert.match(item.text, /#\w+$/);
      assert.ok(item.text.includes("\n\n"), "paragraphs are kept");
    }
  }
});

test("hashtags read as #word, without LinkedIn's hidden 'hashtag' label", () => {
  const item = extract("feed-classic.html").find((i) => i.text.includes("#zonnewind"));
  assert.ok(item.text.endsWith("#zonnewind #duurzaam"));
  assert.ok(!item.text.includes("hashtag"));
});

test("comments answer their post and replies answer their comment", () => {
  for (const name of Object.keys(SIZES)) {
    const items = extract(name);
    const byId = new Map(items.map((item) => [item.id, item]));
    for (const item of items) {
      if (item.kind === "post") assert.equal(item.parent_id, undefined);
      if (item.kind === "comment") assert.equal(byId.get(item.parent_id).kind, "post", item.id);
      if (item.kind === "reply") assert.equal(byId.get(item.parent_id).kind, "comment", item.id);
    }
  }
});

test("on a post page, ugcPost comment urns still belong to the activity post", () => {
  const items = extract("post.html");
  const [post] = items;
  assert.match(post.id, /^urn:li:activity:/);
  for (const comment of byKind(items, "comment")) {
    assert.match(comment.id, /^urn:li:comment:\(ugcPost:/);
    assert.equal(comment.parent_id, post.id);
    assert.ok(comment.url.startsWith(`https://www.linkedin.com/feed/update/${post.id}/?commentUrn=`));
  }
  const mention = items.find((item) => item.text.startsWith("Thijs Mulder weet jij"));
  assert.equal(mention.author.name, "Femke Bos");
});

test("group posts carry their group, from the page or from the 'posted in' header", () => {
  for (const [name, group] of [
    ["group.html", { id: "9876543", name: "Duurzaam Ondernemen Nederland" }],
    ["group-new.html", { id: "4455667", name: "Fintech Professionals Benelux" }],
  ]) {
    for (const item of extract(name)) assert.deepEqual(item.group, group);
  }
  const grouped = extract("feed-classic.html").filter((item) => item.group);
  assert.ok(grouped.length >= 2);
  for (const item of grouped) assert.deepEqual(item.group, { id: "1234567", name: "Vlotbank Gebruikers" });
});

test("the same post rendered twice while scrolling is reported once", () => {
  const doc = load("feed-new.html");
  const items = extract("feed-new.html");
  const posts = byKind(items, "post").map((item) => item.id);
  const twice = posts.filter(
    (id) => doc.documentElement.outerHTML.split(id).length > 2 && !id.includes("ugcPost"),
  );
  assert.ok(twice.length > 0);
  assert.equal(new Set(posts).size, posts.length);
});

test("a post element can be extracted on its own, comments included", () => {
  const doc = load("post.html");
  const card = doc.querySelector("div.feed-shared-update-v2");
  const items = extractor.extractItems(card, expected["post.html"].url, { now: expected["post.html"].now });
  assert.deepEqual(items, expected["post.html"].items);
});

test("publication time: a <time datetime> wins, else the id's time bits, else the '3 u' label", () => {
  const now = Date.parse("2026-03-10T09:00:00Z");
  const card = (urn, sub, time = "") => `
    <div class="feed-shared-update-v2" data-urn="${urn}">
      <span class="update-components-actor__title"><span aria-hidden="true">Wim Kramer</span></span>
      <span class="update-components-actor__sub-description"><span aria-hidden="true">${sub}</span></span>${time}
      <div class="update-components-update-v2__commentary"><span>Hallo</span></div>
    </div>`;
  const doc = page(
    card("urn:li:activity:123", "3 u • ") +
      card("urn:li:activity:456", "2 d • ", '<time datetime="2026-03-01T12:00:00Z">1 mrt</time>') +
      card("urn:li:activity:7437057911685131001", "1 w • "),
  );
  const items = extractor.extractItems(doc, "https://www.linkedin.com/feed/", { now });
  assert.deepEqual(
    items.map((item) => item.published_at),
    ["2026-03-10T06:00:00.000Z", "2026-03-01T12:00:00.000Z", "2026-03-10T08:53:00.000Z"],
  );
  assert.deepEqual(items[0].author, { name: "Wim Kramer" });
});

test("reads LinkedIn's relative time labels in Dutch and English", () => {
  const now = Date.parse("2026-03-10T09:00:00Z");
  const ago = (label) => (now - extractor.parseRelativeTime(label, now)) / 60000;
  assert.deepEqual(
    [
      "5 min",
      "5m",
      "3 u •",
      "3h",
      "2 d",
      "2d",
      "1 w",
      "1w",
      "2 mnd",
      "2mo",
      "1 j",
      "1yr",
      "3 uur geleden",
      "Zojuist",
      "now",
    ].map(ago),
    [5, 5, 180, 180, 2880, 2880, 10080, 10080, 86400, 86400, 525600, 525600, 180, 0, 0],
  );
  assert.equal(extractor.parseRelativeTime("Bewerkt", now), null);
  assert.equal(extractor.parseRelativeTime("3 appels", now), null);
  assert.equal(extractor.parseRelativeTime("3 constructor", now), null);
});

test("a classic reply rendered beside its comment still answers that comment", () => {
  const comment = (n, reply = false) => `
    <article class="comments-comment-entity${reply ? " comments-comment-entity--reply" : ""}" data-id="urn:li:comment:(activity:1,${n})">
      <span class="comments-comment-meta__description-title">Wim Kramer</span>
      <span class="comments-comment-item__main-content">Reactie ${n}</span>
    </article>`;
  const doc = page(`<div class="feed-shared-update-v2" data-urn="urn:li:activity:1">
    ${comment(2)}${comment(3, true)}${comment(4)}${comment(5, true)}</div>`);
  const items = extractor.extractItems(doc, "https://www.linkedin.com/feed/");
  assert.deepEqual(
    items.map((item) => [item.kind, item.parent_id]),
    [
      ["post", undefined],
      ["comment", "urn:li:activity:1"],
      ["reply", "urn:li:comment:(activity:1,2)"],
      ["comment", "urn:li:activity:1"],
      ["reply", "urn:li:comment:(activity:1,4)"],
    ],
  );
});

test("every extracted item validates against the shared item schema", async () => {
  const { default: Ajv2020 } = await import("ajv/dist/2020.js");
  const schema = JSON.parse(readFileSync(new URL("../../shared/schema/item.json", import.meta.url), "utf8"));
  const validate = new Ajv2020({ allErrors: true, validateSchema: false }).compile(schema);
  for (const name of Object.keys(SIZES)) {
    for (const item of extract(name))
      assert.ok(validate(item), `${item.id}: ${JSON.stringify(validate.errors)}`);
  }
  assert.equal(validate({ id: "urn:li:activity:1", source: "linkedin", kind: "post" }), false);
});
