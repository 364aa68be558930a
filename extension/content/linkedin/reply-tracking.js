// @ts-check
/**
 * Notices when the user answers an item or publishes a post, so the agent can
 * count answered items, response times and the posting rhythm without the
 * user keeping score.
 *
 * Listens in the capture phase on the document (before LinkedIn empties the
 * editor) for a click on a composer's submit button or Ctrl/⌘+Enter in a
 * composer. Roos only observes here: the submission itself is LinkedIn's.
 */
(() => {
  const Roos = (globalThis.Roos = globalThis.Roos || {});

  /** @type {WeakMap<HTMLElement, string>} last text recorded per editor, against double clicks */
  const recorded = new WeakMap();

  /** @param {import("./composers.js").Composer} composer */
  function record(composer) {
    const text = Roos.insertText.currentText(composer.editor).trim();
    if (!text || recorded.get(composer.editor) === text) return;
    recorded.set(composer.editor, text);
    Roos.disclosureReminder.clear(composer.editor);
    if (composer.kind === "post") {
      void Roos.bridge.send("ownPost", { text }).catch(() => undefined);
      return;
    }
    if (!composer.parentId) return;
    const message = { itemId: composer.parentId, text, url: location.href };
    void Roos.bridge.send("replied", message).catch(() => undefined);
    Roos.replyPrompts.markAnswered(composer.parentId, Roos.pageWatch.elementFor(composer.parentId));
  }

  /** @param {MouseEvent} event */
  function onClick(event) {
    const target = /** @type {Element | null} */ (event.target instanceof Element ? event.target : null);
    const button = target?.closest("button, [role='button']");
    if (!button || button.closest("[data-roos]") || button.hasAttribute("disabled")) return;
    for (const composer of Roos.composers.all()) {
      if (Roos.composers.isSubmit(composer, button)) {
        record(composer);
        return;
      }
    }
  }

  /** @param {KeyboardEvent} event */
  function onKeyDown(event) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    const composer = Roos.composers.containing(/** @type {Node} */ (event.target));
    if (composer) record(composer);
  }

  /** A new text in the same box is a new answer. */
  function onInput(/** @type {Event} */ event) {
    const composer = Roos.composers.containing(/** @type {Node} */ (event.target));
    if (composer) recorded.delete(composer.editor);
  }

  function start() {
    document.addEventListener("click", onClick, true);
    document.addEventListener("keydown", onKeyDown, true);
    document.addEventListener("input", onInput, true);
  }

  Roos.replyTracking = { name: "reply-tracking", start };
})();
