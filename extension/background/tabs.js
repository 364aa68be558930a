// @ts-check
/**
 * Messages from the worker to the content scripts. Only tabs on the sites
 * Roos runs on are addressed; a tab without our content script (still
 * loading, or opened before the extension) simply does not answer.
 */

export const CONTENT_ORIGINS = ["https://www.linkedin.com"];

/** @param {{type: string, [key: string]: unknown}} message */
export async function broadcastToTabs(message) {
  await sendToTabs([{ message }]);
}

/**
 * Several messages with one look at the tabs; `except` is a tab that already knows.
 * @param {{message: {type: string, [key: string]: unknown}, except?: number}[]} list
 */
export async function sendToTabs(list) {
  if (!list.length) return;
  const tabs = await chrome.tabs.query({ url: CONTENT_ORIGINS.map((origin) => `${origin}/*`) });
  await Promise.all(
    list.flatMap(({ message, except }) =>
      tabs.map((tab) =>
        tab.id === undefined || tab.id === except
          ? null
          : chrome.tabs.sendMessage(tab.id, message).catch(() => null),
      ),
    ),
  );
}
