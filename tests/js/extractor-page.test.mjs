// What the extension's overlays need from a page: the element of each post and comment, where the
// author's name sits, which editor answers what, and a signal when LinkedIn's markup changed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { expected, extractor, fixtureNames, load, page } from "./linkedin-fixtures.mjs";

const FEEDS = ["feed-classic.html", "feed-new.html", "group.html", "group-new.html", "post.html"];

test("finds the element of every post, comment and reply, in page order", () => {
  for (const name of FEEDS) {
    const found = extractor.findItemElements(load(name));
    assert.deepEqual(
      found.map(({ id, kind }) => ({ id, kind })),
      expected[name].items.map(({ id, kind }) => ({ id, kind })),
      name,
    );
    for (const { element } of found) assert.equal(typeof element.querySelector, "function");
  }
});

test("points overlays at the element that shows the author's name", () => {
  for (const name of FEEDS) {
    const items = expected[name].items;
    extractor.findItemElements(load(name)).forEach(({ element }, index) => {
      const nameElement = extractor.authorNameElement(element);
      assert.ok(element.contains(nameElement), `${name} ${index}`);
      assert.ok(nameElement.textContent.includes(items[index].author.name), `${name} ${index}`);
    });
  }
});

test("finds every open editor and what it answers: a new post, a post, or a comment", () => {
  for (const name of FEEDS) {
    const found = extractor.composers(load(name));
    assert.deepEqual(
      found.map(({ kind, parent_id }) => ({ kind, parent_id })),
      expected[name].composers,
      name,
    );
    for (const { element } of found) assert.equal(element.getAttribute("contenteditable"), "true");
  }
  const kinds = FEEDS.flatMap((name) => expected[name].composers.map((c) => c.kind));
  for (const kind of ["post", "comment", "reply"]) assert.ok(kinds.includes(kind), kind);
});

test("finds classic ql-editor boxes and newer role=textbox editors alike", () => {
  const doc = page(`
    <div class="ql-editor" contenteditable="true"><p>klassiek</p></div>
    <div contenteditable="true" role="textbox"><p>nieuw</p></div>
    <div class="ql-editor" contenteditable="true" role="textbox"><p>beide</p></div>
    <div contenteditable="false" role="textbox"><p>gesloten</p></div>`);
  assert.deepEqual(
    extractor.composers(doc).map((c) => c.element.textContent),
    ["klassiek", "nieuw", "beide"],
  );
});

test("gives each post and comment its own open comment box, and none to the others", () => {
  for (const name of FEEDS) {
    const doc = load(name);
    const boxes = new Map(
      extractor
        .composers(doc)
        .filter((c) => c.parent_id)
        .map((c) => [c.parent_id, c.element]),
    );
    const elements = extractor.findItemElements(doc);
    const replyBoxes = new Map(
      expected[name].composers.filter((c) => c.kind === "reply").map((c) => [c.parent_id, true]),
    );
    let seen = 0;
    for (const { element, id, kind, parent_id } of elements) {
      const box = extractor.commentBox(element);
      if (kind === "reply") {
        assert.equal(box, replyBoxes.has(parent_id) ? boxes.get(parent_id) : null, id);
      } else {
        assert.equal(box, boxes.get(id) || null, id);
      }
      if (box) seen += 1;
    }
    if (expected[name].composers.some((c) => c.kind !== "post")) assert.ok(seen > 0, name);
  }
});

test("clicks 'see more' only when the scraper asks for it", () => {
  for (const [name, toggles] of [
    ["feed-classic.html", 4],
    ["feed-new.html", 3],
    ["post.html", 1],
  ]) {
    const doc = load(name);
    let clicks = 0;
    for (const button of doc.querySelectorAll("button"))
      button.addEventListener("click", () => (clicks += 1));
    extractor.extractItems(doc, expected[name].url);
    assert.equal(clicks, 0, name);
    extractor.extractItems(doc, expected[name].url, { expandSeeMore: true });
    assert.equal(clicks, toggles, name);
  }
});

test("reports a page full of posts the extractor no longer recognises, with markup hints only", () => {
  const doc = load("feed-changed.html");
  assert.deepEqual(extractor.extractItems(doc, "https://www.linkedin.com/feed/"), []);
  const miss = extractor.looksLikeFeedWithoutItems(doc, "https://www.linkedin.com/feed/?trk=nav");
  assert.deepEqual(miss, {
    hints: {
      url_path: "/feed/",
      comment_buttons: 12,
      like_buttons: 12,
      listitems: 12,
      articles: 0,
      feed_container: true,
      editors: 0,
      item_attributes: ["data-entity-id", "role"],
      urn_attributes: ["data-entity-id"],
      urn_kinds: { activity: 12, comment: 13 },
    },
  });
  const text = JSON.stringify(miss);
  for (const private_ of ["Vlotbank", "Sanne", "trk=nav"]) assert.ok(!text.includes(private_), private_);
});

test("stays quiet on pages where extraction works or that show no posts", () => {
  const urls = {
    "feed-classic.html": "https://www.linkedin.com/feed/",
    "feed-new.html": "https://www.linkedin.com/feed/",
    "group.html": expected["group.html"].url,
    "group-new.html": expected["group-new.html"].url,
    "post.html": expected["post.html"].url,
    "feed-wrapped.html": expected["feed-wrapped.html"].url,
    "feed-wrapped-new.html": expected["feed-wrapped-new.html"].url,
    "company-nl.html": "https://www.linkedin.com/company/vlotbank/",
    "company-en.html": "https://www.linkedin.com/company/vlotbank/",
    "profile-nl.html": "https://www.linkedin.com/in/pieter-bakker-3f1a9c/",
    "profile-en.html": "https://www.linkedin.com/in/ameliabrooks/",
    "profile-own-nl.html": "https://www.linkedin.com/in/sanne-de-wit-4b7a21/",
    "login-wall.html": "https://www.linkedin.com/authwall?trk=gf",
    "profile-activity-en.html": "https://www.linkedin.com/in/marcus-ellery-2d7c41/",
    "profile-activity-nl.html": "https://www.linkedin.com/in/wendy-brouwer-5a9e03/",
    "network-followers-en.html": "https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/",
    "network-followers-nl.html": "https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/",
    "network-following-en.html": "https://www.linkedin.com/mynetwork/network-manager/people-follow/following/",
    "network-following-nl.html": "https://www.linkedin.com/mynetwork/network-manager/people-follow/following/",
  };
  assert.deepEqual(
    Object.keys(urls).sort(),
    fixtureNames().filter((n) => !n.startsWith("x-") && n !== "feed-changed.html"),
  );
  for (const [name, url] of Object.entries(urls)) {
    assert.equal(extractor.looksLikeFeedWithoutItems(load(name), url), null, name);
  }
});

test("non-post pages give no items", () => {
  for (const name of [
    "company-nl.html",
    "profile-nl.html",
    "profile-own-nl.html",
    "login-wall.html",
    "x-profile.html",
  ]) {
    assert.deepEqual(extractor.extractItems(load(name), "https://www.linkedin.com/"), [], name);
  }
});

test("a miss report on someone's activity page does not say whose page it was", () => {
  const doc = load("feed-changed.html");
  const url = "https://www.linkedin.com/in/sanne-de-wit-4b7a21/recent-activity/all/";
  assert.equal(extractor.looksLikeFeedWithoutItems(doc, url).hints.url_path, "/in/*/recent-activity/all/");
  const post = "https://www.linkedin.com/feed/update/urn:li:activity:7436984175820850001/";
  assert.equal(extractor.looksLikeFeedWithoutItems(doc, post).hints.url_path, "/feed/update/urn/");
});
