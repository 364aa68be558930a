// The worker's cache of analyses: a page the user returns to is answered at once, but only
// with what is whole, recent and true.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  cacheSize,
  cachedResults,
  forgetResults,
  keepResults,
  updateResult,
} from "../../extension/background/result-cache.js";

const result = (id, label = "neutral") => ({ id, sentiment: { label } });

test("a page whose every item was analysed is answered from the cache, in the page's order", () => {
  forgetResults();
  keepResults([result("a"), result("b", "negative")]);
  assert.deepEqual(cachedResults(["b", "a"]), [result("b", "negative"), result("a")]);
});

test("one item the cache does not know sends the whole request to the agent", () => {
  forgetResults();
  keepResults([result("a")]);
  assert.equal(cachedResults(["a", "new"]), null);
});

test("an analysis older than half an hour is not shown", () => {
  forgetResults();
  const then = Date.now();
  keepResults([result("a")], then);
  assert.ok(cachedResults(["a"], then + 29 * 60_000));
  assert.equal(cachedResults(["a"], then + 31 * 60_000), null);
});

test("the agent's item.updated replaces a cached analysis, and adds none it never showed", () => {
  forgetResults();
  keepResults([result("a")]);
  updateResult({ id: "a", analysis: { sentiment: { label: "negative" } } });
  updateResult({ id: "elsewhere", analysis: { sentiment: { label: "positive" } } });
  assert.deepEqual(cachedResults(["a"]), [result("a", "negative")]);
  assert.equal(cacheSize(), 1);
});

test("the cache holds at most 5,000 analyses and lets the oldest go first", () => {
  forgetResults();
  keepResults(Array.from({ length: 5003 }, (_, n) => result(`item-${n}`)));
  assert.equal(cacheSize(), 5000);
  assert.equal(cachedResults(["item-2"]), null);
  assert.ok(cachedResults(["item-3", "item-5002"]));
});
