// @ts-check
/**
 * Errors nobody caught in the worker (a rejected promise in a listener, a
 * throw in a timer) would otherwise vanish with the worker. They are kept,
 * last 50, in chrome.storage.session for this browser session, so a support
 * question ("Roos stopped showing badges") has something to look at, and the
 * browser tests can insist there are none.
 */

const LIMIT = 50;

/** @param {string} message */
async function note(message) {
  const { errors = [] } = await chrome.storage.session.get("errors");
  await chrome.storage.session.set({ errors: [...errors.slice(1 - LIMIT), { message, at: Date.now() }] });
}

export function keepUncaughtErrors() {
  self.addEventListener("error", (event) => void note(String(event.message)));
  self.addEventListener("unhandledrejection", (event) => {
    const reason = event.reason;
    void note(String(reason?.message ?? reason));
  });
}
