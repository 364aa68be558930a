// @ts-check
/**
 * The content scripts' only line to the worker. Answers of the form
 * {error: {code, message}} become rejected promises with that code, so
 * features can tell "agent offline" from "refused". After the extension was
 * reloaded, the old content script's runtime is gone: every call then fails
 * quietly with code "gone" and Roos stops touching the page.
 */
(() => {
  const Roos = (globalThis.Roos = globalThis.Roos || {});

  class BridgeError extends Error {
    /**
     * @param {string} code
     * @param {string} message
     */
    constructor(code, message) {
      super(message);
      this.code = code;
    }
  }

  /**
   * @param {string} type
   * @param {Record<string, unknown>} [payload]
   * @returns {Promise<any>}
   */
  async function send(type, payload = {}) {
    let answer;
    try {
      answer = await chrome.runtime.sendMessage({ ...payload, type });
    } catch (error) {
      throw new BridgeError("gone", String(/** @type {Error} */ (error).message || error));
    }
    if (answer && typeof answer === "object" && answer.error) {
      throw new BridgeError(String(answer.error.code), String(answer.error.message));
    }
    return answer;
  }

  /** @type {Map<string, Array<(message: any) => void>>} */
  const listeners = new Map();

  /**
   * Messages the worker pushes to this tab ({type: "results" | "itemUpdated"}).
   * @param {string} type
   * @param {(message: any) => void} listener
   */
  function on(type, listener) {
    listeners.set(type, [...(listeners.get(type) || []), listener]);
  }

  chrome.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== chrome.runtime.id || sender.tab) return;
    for (const listener of listeners.get(message?.type) || []) listener(message);
  });

  Roos.bridge = { send, on, BridgeError };
})();
