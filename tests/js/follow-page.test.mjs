// Roos snapshots the user's audience: followers, following and connections as LinkedIn and X show
// them on profile and company pages, in Dutch and English.
import assert from "node:assert/strict";
import { test } from "node:test";
import { followPage, load, page } from "./linkedin-fixtures.mjs";

/** The counts a page shows (where each was found is checked on its own, below). */
const read = (name, url) => {
  const result = followPage.readFollowPage(load(name), url);
  if (!result) return result;
  const { found_in, ...counts } = result;
  return counts;
};

test("reads a Dutch profile: 2.481 volgers and 500+ connecties", () => {
  assert.deepEqual(
    read("profile-nl.html", "https://www.linkedin.com/in/pieter-bakker-3f1a9c/?originalSubdomain=nl"),
    {
      site: "linkedin",
      kind: "profile",
      url: "https://www.linkedin.com/in/pieter-bakker-3f1a9c/",
      name: "Pieter Bakker",
      followers: 2481,
      following: null,
      connections: 500,
      approximate: ["connections"],
    },
  );
});

test("reads an English profile in the newer markup: 1,204 followers and 500+ connections", () => {
  assert.deepEqual(read("profile-en.html", "https://www.linkedin.com/in/ameliabrooks/"), {
    site: "linkedin",
    kind: "profile",
    url: "https://www.linkedin.com/in/ameliabrooks/",
    name: "Amelia Brooks",
    followers: 1204,
    following: null,
    connections: 500,
    approximate: ["connections"],
  });
});

test("knows the user's own profile by its edit buttons and reads the following count there", () => {
  assert.deepEqual(read("profile-own-nl.html", "https://www.linkedin.com/in/sanne-de-wit-4b7a21/"), {
    site: "linkedin",
    kind: "own-profile",
    url: "https://www.linkedin.com/in/sanne-de-wit-4b7a21/",
    name: "Sanne de Wit",
    followers: 1234,
    following: 87,
    connections: 500,
    approximate: ["connections"],
  });
});

for (const [name, lang] of [
  ["company-nl.html", "Dutch"],
  ["company-en.html", "English"],
]) {
  test(`reads a company page's 12,345 followers in ${lang}, not its staff or colleagues`, () => {
    assert.deepEqual(read(name, "https://www.linkedin.com/company/vlotbank/posts/?feedView=all"), {
      site: "linkedin",
      kind: "company",
      url: "https://www.linkedin.com/company/vlotbank/",
      name: "Vlotbank",
      followers: 12345,
      following: null,
      connections: null,
      approximate: [],
    });
  });
}

test("reads the company's own X profile: 1.234 Volgend, 5.678 Volgers", () => {
  assert.deepEqual(read("x-profile.html", "https://x.com/vlotbank"), {
    site: "x",
    kind: "own-profile",
    url: "https://x.com/vlotbank",
    handle: "vlotbank",
    name: "Vlotbank",
    followers: 5678,
    following: 1234,
    connections: null,
    approximate: [],
  });
});

test("reads someone else's X profile in English, where the Following button is no count", () => {
  assert.deepEqual(read("x-profile-en.html", "https://twitter.com/harbourfinch/"), {
    site: "x",
    kind: "profile",
    url: "https://x.com/harbourfinch",
    handle: "harbourfinch",
    name: "Harbour & Finch",
    followers: 12500,
    following: 312,
    connections: null,
    approximate: ["followers"],
  });
});

test("a count missing from the top card stays null rather than borrowing one from the page", () => {
  const doc = load("profile-nl.html");
  doc.querySelector(".pv-top-card--list li").remove();
  assert.match(doc.body.textContent, /3\.000 volgers/);
  assert.equal(
    followPage.readFollowPage(doc, "https://www.linkedin.com/in/pieter-bakker-3f1a9c/").followers,
    null,
  );
  const x = load("x-profile.html");
  x.querySelector('a[href$="/verified_followers"]').remove();
  assert.match(x.body.textContent, /5\.000 volgers/);
  assert.equal(followPage.readFollowPage(x, "https://x.com/vlotbank").followers, null);
});

test("tells the kind of every LinkedIn page, including the login wall", () => {
  const cases = [
    [
      "login-wall.html",
      "https://www.linkedin.com/authwall?trk=gf&sessionRedirect=%2Fgroups%2F9876543%2F",
      "login-wall",
    ],
    ["login-wall.html", "https://www.linkedin.com/groups/9876543/", "login-wall"],
    ["feed-classic.html", "https://www.linkedin.com/feed/", "feed"],
    ["group.html", "https://www.linkedin.com/groups/9876543/", "group"],
    ["post.html", "https://www.linkedin.com/feed/update/urn:li:activity:7436984175820850001/", "post"],
    ["profile-nl.html", "https://www.linkedin.com/in/pieter-bakker-3f1a9c/", "profile"],
    ["profile-own-nl.html", "https://www.linkedin.com/in/sanne-de-wit-4b7a21/", "own-profile"],
    ["company-en.html", "https://www.linkedin.com/company/vlotbank/", "company"],
    ["feed-classic.html", "https://www.linkedin.com/jobs/", "other"],
  ];
  for (const [name, url, kind] of cases) {
    assert.deepEqual(followPage.pageKind(load(name), url), { site: "linkedin", kind }, `${name} ${url}`);
  }
});

test("reads nothing from pages that are not profiles", () => {
  assert.equal(read("login-wall.html", "https://www.linkedin.com/authwall"), null);
  assert.equal(read("feed-classic.html", "https://www.linkedin.com/feed/"), null);
  assert.equal(read("x-profile.html", "https://x.com/home"), null);
  assert.equal(read("x-profile.html", "https://example.com/vlotbank"), null);
  assert.deepEqual(followPage.pageKind(load("x-profile.html"), "not a url"), { site: null, kind: "other" });
});

test("reads rounded counts like 12,5K and 1,2 mln. as approximate", () => {
  const doc = page(`<main><section class="pv-top-card"><h1>Wim Kramer</h1>
    <ul><li>12,5K volgers</li><li>Volgend: 1,2 mln.</li></ul></section></main>`);
  const read = followPage.readFollowPage(doc, "https://www.linkedin.com/in/wim-kramer/");
  assert.deepEqual([read.followers, read.following, read.connections], [12500, 1200000, null]);
  assert.deepEqual(read.approximate, ["followers", "following"]);
});

const NETWORK = "https://www.linkedin.com/mynetwork/network-manager/people-follow";

test("a profile whose top card shows only '500+ connections' states its followers over Activity", () => {
  for (const [name, url, who] of [
    ["profile-activity-en.html", "https://www.linkedin.com/in/marcus-ellery-2d7c41/", "Marcus Ellery"],
    ["profile-activity-nl.html", "https://www.linkedin.com/in/wendy-brouwer-5a9e03/", "Wendy Brouwer"],
  ]) {
    const result = followPage.readFollowPage(load(name), url);
    // not the 20,000 of the About section, not the 10,000 of a post under Activity
    assert.equal(result.followers, 1159, name);
    assert.equal(result.name, who);
    assert.equal(result.connections, 500);
    assert.deepEqual(result.approximate, ["connections"], "500+ is a lower bound");
    assert.deepEqual(result.found_in, { followers: "activity", connections: "top-card" });
  }
});

test("the user's own network manager pages: '3,384 people are following you', 'You are following 58'", () => {
  for (const lang of ["en", "nl"]) {
    const followers = followPage.readFollowPage(load(`network-followers-${lang}.html`), `${NETWORK}/followers/`);
    assert.equal(followers.kind, "network-followers");
    assert.equal(followers.followers, 3384, lang);
    assert.equal(followers.following, null, "the followers page does not say whom you follow");
    const following = followPage.readFollowPage(load(`network-following-${lang}.html`), `${NETWORK}/following/`);
    assert.equal(following.kind, "network-following");
    assert.equal(following.following, 58, lang);
    assert.equal(following.followers, null);
  }
});

test("network pages are known by their address, and other pages of My Network are not", () => {
  const doc = load("network-followers-en.html");
  assert.equal(followPage.pageKind(doc, `${NETWORK}/followers/`).kind, "network-followers");
  assert.equal(followPage.pageKind(doc, `${NETWORK}/following/`).kind, "network-following");
  assert.equal(followPage.readFollowPage(doc, "https://www.linkedin.com/mynetwork/grow/"), null);
});

test("counts in Dutch and English number formats: 1.159 volgers, 1,159 followers, 3,4K, 12,5K", () => {
  const doc = page(
    '<main><section><h1>Iemand</h1><ul><li>3,4K volgers</li><li><span>500+</span> connecties</li></ul></section></main>',
  );
  const result = followPage.readFollowPage(doc, "https://www.linkedin.com/in/iemand/");
  assert.equal(result.followers, 3400);
  assert.deepEqual(result.approximate.sort(), ["connections", "followers"]);
});

test("the Activity header is found by its title when LinkedIn hashes its classes", () => {
  const doc = page(`<main>
    <section class="a1b2"><h1>Noor Vos</h1><ul><li><span>500+</span> connections</li></ul></section>
    <section class="c3d4"><div id="content_collections"></div>
      <div class="e5f6"><div class="g7h8"><div><h2><span aria-hidden="true">Activity</span></h2></div>
        <p class="i9j0"><span aria-hidden="true">2,406 followers</span></p></div></div>
      <ul><li>We passed 50,000 followers on our page!</li></ul>
    </section></main>`);
  const result = followPage.readFollowPage(doc, "https://www.linkedin.com/in/noor-vos/");
  assert.equal(result.followers, 2406);
  assert.equal(result.found_in.followers, "activity");
});
