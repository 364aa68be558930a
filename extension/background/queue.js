// @ts-check
/**
 * What the user saw while the agent was away must not be lost, and must not
 * be counted twice when it comes back.
 *
 * Entries live in chrome.storage.local under one key, deduplicated by a
 * stable key (the item id, or the reply/post it records), bounded to LIMIT
 * with the oldest dropped first. All changes go through one promise chain so
 * two messages arriving together cannot overwrite each other's writes.
 */

export const LIMIT = 500;
const STORAGE_KEY = "queue";
const BATCH = 200;

/** @typedef {{key: string, kind: "item"|"reply"|"ownPost", payload: any, queuedAt: number}} Entry */

let chain = Promise.resolve();

/**
 * Run `fn` after every earlier queue operation has finished.
 * @template T
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
function serial(fn) {
  const run = chain.then(fn, fn);
  chain = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

/**
 * Pure: add entries, replacing same-key ones in place, then drop the oldest
 * beyond `limit`.
 * @param {Entry[]} queue
 * @param {Entry[]} entries
 * @param {number} [limit]
 * @returns {Entry[]}
 */
export function mergeEntries(queue, entries, limit = LIMIT) {
  const byKey = new Map(queue.map((entry) => [entry.key, entry]));
  for (const entry of entries) byKey.set(entry.key, entry);
  const merged = [...byKey.values()];
  return merged.length > limit ? merged.slice(merged.length - limit) : merged;
}

/** @returns {Promise<Entry[]>} */
async function read() {
  const stored = await chrome.storage.local.get(STORAGE_KEY);
  return Array.isArray(stored[STORAGE_KEY]) ? stored[STORAGE_KEY] : [];
}

/** @param {Entry[]} queue */
async function write(queue) {
  await chrome.storage.local.set({ [STORAGE_KEY]: queue });
}

/**
 * @param {Array<Omit<Entry, "queuedAt">>} entries
 * @returns {Promise<number>} the queue length afterwards
 */
export function enqueue(entries) {
  return serial(async () => {
    const now = Date.now();
    const queue = mergeEntries(
      await read(),
      entries.map((entry) => ({ ...entry, queuedAt: now })),
    );
    await write(queue);
    return queue.length;
  });
}

/** @returns {Promise<number>} */
export async function queueLength() {
  return (await read()).length;
}

/** @param {Set<string>} keys */
function removeKeys(keys) {
  return serial(async () => {
    const queue = await read();
    await write(queue.filter((entry) => !keys.has(entry.key)));
  });
}

let flushing = /** @type {Promise<number> | null} */ (null);

/**
 * Send everything queued, oldest first. Entries the agent refuses as invalid
 * are dropped (else one bad entry would block the queue forever); on any
 * connection error the rest stays queued for the next attempt.
 * @param {object} send
 * @param {(items: any[]) => Promise<any[]>} send.analyze
 * @param {(path: string, body: any) => Promise<any>} send.post
 * @param {(error: any) => boolean} send.isRefused true when the agent rejects the entry itself
 * @returns {Promise<number>} how many entries were delivered
 */
export function flushQueue(send) {
  flushing ??= runFlush(send).finally(() => {
    flushing = null;
  });
  return flushing;
}

/** @param {Parameters<typeof flushQueue>[0]} send */
async function runFlush(send) {
  const queue = await read();
  let delivered = 0;
  const items = queue.filter((entry) => entry.kind === "item");
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH);
    if (!(await deliver(batch, () => send.analyze(batch.map((entry) => entry.payload)), send))) {
      return delivered;
    }
    delivered += batch.length;
  }
  for (const entry of queue.filter((one) => one.kind !== "item")) {
    const path = entry.kind === "reply" ? "/api/replies" : "/api/own-posts";
    if (!(await deliver([entry], () => send.post(path, entry.payload), send))) return delivered;
    delivered += 1;
  }
  return delivered;
}

/**
 * @param {Entry[]} entries
 * @param {() => Promise<any>} action
 * @param {Parameters<typeof flushQueue>[0]} send
 * @returns {Promise<boolean>} false when the agent went away again
 */
async function deliver(entries, action, send) {
  try {
    await action();
  } catch (error) {
    if (!send.isRefused(error)) return false;
  }
  await removeKeys(new Set(entries.map((entry) => entry.key)));
  return true;
}
