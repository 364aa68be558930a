import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { counts, FIXTURES } from "./linkedin-fixtures.mjs";

const { cases } = JSON.parse(readFileSync(new URL("counts-cases.json", FIXTURES), "utf8"));

test("reads every count in the shared table the way the agent reads it", () => {
  for (const { text, value, exact } of cases) {
    const detail = counts.parseCountDetail(text);
    assert.deepEqual(detail, value === null ? null : { value, exact }, JSON.stringify(text));
    assert.equal(counts.parseCount(text), value, JSON.stringify(text));
  }
});

test("reads Dutch and English thousands separators alike", () => {
  assert.equal(counts.parseCount("1.234 volgers"), 1234);
  assert.equal(counts.parseCount("1,234 followers"), 1234);
  assert.equal(counts.parseCount("12,5K"), 12500);
  assert.equal(counts.parseCount("1.2M"), 1200000);
  assert.equal(counts.parseCount("1,2 mln."), 1200000);
});

test("keeps 500+ connections at 500 and tells it is a lower bound", () => {
  assert.deepEqual(counts.parseCountDetail("500+ connecties"), { value: 500, exact: false });
  assert.deepEqual(counts.parseCountDetail("10.000+"), { value: 10000, exact: false });
  assert.deepEqual(counts.parseCountDetail("10.000"), { value: 10000, exact: true });
});

test("answers nonsense with null instead of a guess", () => {
  for (const text of ["", "veel", "1.2.3", "1,5 volgers", "-5", "NaN", null, undefined, {}, [], 1.5, -1]) {
    assert.equal(counts.parseCount(text), null, JSON.stringify(text));
  }
});

test("takes a number that is already a count as it is", () => {
  assert.equal(counts.parseCount(0), 0);
  assert.equal(counts.parseCount(42), 42);
});
