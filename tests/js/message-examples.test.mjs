// The runtime messages in shared/examples/messages are the ones the worker accepts: each
// example passes the worker's own shape check (and the refused one is not a known type).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import * as shapes from "../../extension/background/shapes.js";

const folder = new URL("../../shared/examples/messages/", import.meta.url);
const CHECKS = {
  analyze: shapes.itemsProblem,
  draftCheck: shapes.draftProblem,
  followRatio: shapes.followRatioProblem,
  replied: shapes.repliedProblem,
  ownPost: shapes.ownPostProblem,
  extractorMiss: shapes.extractorMissProblem,
  pageReport: shapes.pageReportProblem,
};

for (const name of readdirSync(folder).filter((f) => f.endsWith(".json"))) {
  const example = JSON.parse(readFileSync(new URL(name, folder), "utf8"));
  test(`message example ${name} is what the worker accepts`, () => {
    const check = CHECKS[example.message.type];
    if (name === "refused.json") {
      assert.equal(check, undefined);
      assert.equal(example.answer.error.code, "refused");
    } else if (check) {
      assert.equal(check(example.message), null);
    }
    assert.equal(typeof example.message.type, "string");
  });
}

test("a message with a hostile shape is refused by its check", () => {
  assert.notEqual(shapes.followRatioProblem({ type: "followRatio", account: "javascript:alert(1)", followers: 1, following: 1 }), null);
  assert.notEqual(shapes.itemsProblem({ type: "analyze", items: "not a list" }), null);
});
