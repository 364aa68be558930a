// The fixture pages are the contract with LinkedIn's markup: every selector must be exercised by
// one, the generated ones must match their generator, and none may reach the network.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { FIXTURES, fixtureNames, load, selectors, source } from "./linkedin-fixtures.mjs";

test("the generated pages and expected.json are what make_feed.py writes today", () => {
  const script = fileURLToPath(new URL("make_feed.py", FIXTURES));
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
  const run = spawnSync("python3", [script, "--check"], { encoding: "utf8", env });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test("fixture pages run no script and load nothing from the network", () => {
  for (const name of fixtureNames()) {
    const html = source(name);
    assert.ok(!/<script/i.test(html), name);
    assert.ok(!/\s(src|srcset|poster)="(https?:)?\/\//i.test(html), name);
    assert.ok(!/<link\b/i.test(html), name);
    assert.ok(!/url\(\s*['"]?(https?:)?\/\//i.test(html), name);
  }
});

test("the README names every fixture page and the URL it stands for", () => {
  const readme = readFileSync(new URL("README.md", FIXTURES), "utf8");
  for (const name of fixtureNames()) {
    const row = readme.split("\n").find((line) => line.includes(`\`${name}\``));
    assert.ok(row, name);
    assert.match(row, /https:\/\/(www\.linkedin\.com|x\.com)\//, name);
  }
});

/** Every CSS selector string in selectors.js, with its path, e.g. "classic.post". */
function allSelectors(object, path = []) {
  return Object.entries(object).flatMap(([key, value]) => {
    if (typeof value === "string" && key !== "replyClass") return [[[...path, key].join("."), value]];
    if (
      value &&
      typeof value === "object" &&
      !Array.isArray(value) &&
      !(value instanceof RegExp) &&
      key !== "strings"
    ) {
      return allSelectors(value, [...path, key]);
    }
    return [];
  });
}

test("every selector in selectors.js matches something on a fixture page", () => {
  const docs = fixtureNames().map((name) => [name, load(name)]);
  const list = allSelectors(selectors);
  assert.ok(list.length > 30);
  list.push(["classic.replyClass", `.${selectors.classic.replyClass}`]);
  for (const [path, selector] of list) {
    for (const part of selector.split(/,(?![^[]*\])/)) {
      assert.ok(
        docs.some(([, doc]) => doc.querySelector(part.trim())),
        `${path}: "${part.trim()}" matches nothing`,
      );
    }
  }
});
