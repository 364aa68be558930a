// The worker does not tell a tab again what the answer to its own analyze call just said:
// the agent announces every item it stores (item.updated), and on a feed of hundreds of posts
// those echoes would cost the page as much as the answers themselves. Other tabs, and
// anything the answer did not say, still go out.
import assert from "node:assert/strict";
import test from "node:test";

/** @type {[number, string][]} (tab, item id) of every itemUpdated message sent */
const sent = [];
globalThis.chrome = /** @type {any} */ ({
  tabs: {
    query: async () => [{ id: 1 }, { id: 2 }],
    sendMessage: async (/** @type {number} */ tab, /** @type {any} */ message) => {
      sent.push([tab, message.data.id]);
    },
  },
});
const { answered, awaitAnswer, onLiveEvent } = await import("../../extension/background/events.js");

const analysis = (/** @type {string} */ id, /** @type {string} */ label) => ({
  id,
  sentiment: { label, compound: label === "positive" ? 0.6 : 0 },
  needs_reply: false,
});
const updated = (/** @type {string} */ id, /** @type {any} */ result, answeredFlag = false) => ({
  type: "item.updated",
  data: { id, text: "Invented post text", answered: answeredFlag, analysis: result },
});

test("the echo of a tab's own analysis goes only to the other tabs", async () => {
  sent.length = 0;
  awaitAnswer(1, ["urn:a", "urn:b"]);
  await onLiveEvent(updated("urn:a", analysis("urn:a", "positive")));
  await onLiveEvent(updated("urn:b", analysis("urn:b", "neutral")));
  assert.deepEqual(sent, [], "events wait until the tab has its answer");

  await answered(1, ["urn:a", "urn:b"], [analysis("urn:a", "positive"), analysis("urn:b", "positive")]);
  assert.deepEqual(
    sent.sort(),
    [
      [1, "urn:b"], // the agent said something else about b since: tab 1 must hear it
      [2, "urn:a"],
      [2, "urn:b"],
    ].sort(),
  );
});

test("an item answered elsewhere is news even when the analysis is the same", async () => {
  sent.length = 0;
  awaitAnswer(1, ["urn:c"]);
  await onLiveEvent(updated("urn:c", analysis("urn:c", "neutral"), true));
  await answered(1, ["urn:c"], [analysis("urn:c", "neutral")]);
  assert.deepEqual(sent.sort(), [
    [1, "urn:c"],
    [2, "urn:c"],
  ]);
});

test("without an answer (agent away) every waiting event goes out to every tab", async () => {
  sent.length = 0;
  awaitAnswer(2, ["urn:d"]);
  await onLiveEvent(updated("urn:d", analysis("urn:d", "negative")));
  await answered(2, ["urn:d"], []);
  assert.deepEqual(sent.sort(), [
    [1, "urn:d"],
    [2, "urn:d"],
  ]);
});

test("events about items no tab is waiting for go out at once", async () => {
  sent.length = 0;
  await onLiveEvent(updated("urn:e", analysis("urn:e", "positive")));
  assert.deepEqual(sent.sort(), [
    [1, "urn:e"],
    [2, "urn:e"],
  ]);
  await answered(1, ["urn:e"], [analysis("urn:e", "positive")]);
  assert.equal(sent.length, 2, "an answer for an item nobody awaited sends nothing more");
});
