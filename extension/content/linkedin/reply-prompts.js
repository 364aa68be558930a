// @ts-check
/**
 * data-roos="reply-prompt": on items that wait for an answer, Roos's 2-3
 * suggestions with why each one fits. Clicking one opens the item's comment
 * box (pressing LinkedIn's own "Reageren"/"Comment" button when it is closed)
 * and types the text in, so the user can edit it and post it themselves.
 * Roos never presses "post".
 */
(() => {
  const Roos = (globalThis.Roos = globalThis.Roos || {});

  const OPEN_TIMEOUT_MS = 3000;
  /** @type {Set<string>} items the user answered in this page */
  const answered = new Set();
  const URGENT = 0.7;
  const CSS = `
    .box { border-left: 3px solid #b5385e; background: #fdf3f6; padding: 6px 8px; border-radius: 4px; }
    .title { font-weight: 600; margin-bottom: 4px; }
    .urgent { background: #b3261e; color: #fff; }
    ol { margin: 0; padding-left: 18px; }
    li { margin: 4px 0; }
    button.suggestion { all: unset; cursor: pointer; color: #0a4f9e; text-decoration: underline dotted; white-space: pre-wrap; }
    button.suggestion:focus-visible { outline: 2px solid #0a4f9e; outline-offset: 2px; }
    .why { color: #5f6b73; font-size: 11px; }
    .note { color: #8c1d18; font-size: 11px; }
    .done { color: #1b5e20; background: #e3f1e4; padding: 4px 8px; border-radius: 4px; }
  `;

  /**
   * LinkedIn's own comment button of this item ("Reageren" / "Comment").
   * @param {Element} element
   * @returns {HTMLElement | null}
   */
  function commentButton(element) {
    const words = Roos.selectors.strings.commentAction.map((/** @type {string} */ w) => w.toLowerCase());
    for (const button of element.querySelectorAll("button")) {
      if (button.closest("form")) continue; // a comment box's own submit button
      const label = (button.getAttribute("aria-label") || button.textContent || "").trim().toLowerCase();
      if (words.some((/** @type {string} */ word) => label === word || label.startsWith(`${word} `)))
        return button;
    }
    return null;
  }

  /**
   * The block holding the item's own text (not a nested comment's), so the
   * suggestions come right after what they answer. Climbs out of LinkedIn's
   * "…see more" clamp, which would otherwise clip the prompt.
   * @param {Element} element
   * @returns {Element | null}
   */
  function textBlock(element) {
    const S = Roos.selectors;
    const selector = [S.classic.text, S.classic.commentText, S.modern.text].join(", ");
    for (const text of element.querySelectorAll(selector)) {
      if (Roos.pageWatch.itemFor(text)?.element !== element) continue;
      return (
        text.closest(S.classic.textWrapper) ||
        text
      );
    }
    return null;
  }

  /**
   * Resolve with the item's comment box once it exists, or null after a while.
   * @param {Element} element
   * @returns {Promise<HTMLElement | null>}
   */
  function whenCommentBox(element) {
    const now = Roos.extractor.commentBox(element);
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const box = Roos.extractor.commentBox(element);
        if (box) finish(box);
      });
      const timer = setTimeout(() => finish(null), OPEN_TIMEOUT_MS);
      /** @param {HTMLElement | null} box */
      function finish(box) {
        observer.disconnect();
        clearTimeout(timer);
        resolve(box);
      }
      observer.observe(element, { childList: true, subtree: true, attributes: true });
      commentButton(element)?.click();
    });
  }

  /**
   * @param {Element} element
   * @param {string} text
   * @param {HTMLElement} note where to say it when the box cannot be found
   */
  async function useSuggestion(element, text, note) {
    const box = await whenCommentBox(element);
    if (!box) {
      note.textContent = Roos.overlay.t("replyPromptNoBox");
      return;
    }
    note.textContent = "";
    Roos.insertText.insertAtEnd(box, text);
  }

  /** @param {{element: Element, id: string, result: any}} entry */
  function render({ element, id, result }) {
    const { t, el, mount, unmount, fill, find } = Roos.overlay;
    const suggestions = Array.isArray(result?.suggestions) ? result.suggestions.slice(0, 3) : [];
    if (answered.has(id)) {
      showAnswered(element);
      return;
    }
    if (!result?.needs_reply || suggestions.length === 0) {
      unmount(element, "reply-prompt");
      return;
    }
    const place = (/** @type {HTMLElement} */ host) => {
      const text = textBlock(element);
      if (text) text.after(host);
      else (find(element, "badge") || element).after(host);
    };
    const { host, root } = mount(element, "reply-prompt", { css: CSS, place });
    host.dataset.itemId = id;
    const box = el("div", { className: "box" });
    const title = el("div", { className: "title", text: t("replyPromptTitle") });
    if (Number(result.urgency) >= URGENT)
      title.prepend(el("span", { className: "chip urgent", text: t("replyPromptUrgent") }));
    const note = el("div", { className: "note" });
    note.setAttribute("role", "status");
    const list = el("ol");
    for (const suggestion of suggestions) {
      const text = String(suggestion?.text ?? "");
      if (!text) continue;
      const button = el("button", { className: "suggestion", text, title: t("replyPromptHint") });
      button.setAttribute("type", "button");
      button.addEventListener("click", () => void useSuggestion(element, text, note));
      const item = el("li");
      item.append(button);
      if (suggestion.why)
        item.append(el("div", { className: "why", text: t("replyPromptWhy", [String(suggestion.why)]) }));
      list.append(item);
    }
    box.append(title, list, note);
    fill(root, [box]);
  }

  /**
   * The prompt has done its job: say so briefly instead of the suggestions.
   * @param {Element} element
   */
  function showAnswered(element) {
    const host = Roos.overlay.find(element, "reply-prompt");
    if (!host?.shadowRoot) return;
    host.dataset.state = "answered";
    Roos.overlay.fill(host.shadowRoot, [
      Roos.overlay.el("div", { className: "done", text: Roos.overlay.t("replyPromptDone") }),
    ]);
  }

  /**
   * The user answered this item (seen by reply-tracking).
   * @param {string} id
   * @param {Element | null} element
   */
  function markAnswered(id, element) {
    answered.add(id);
    if (element) showAnswered(element);
  }

  /** Answered elsewhere (the agent says so): the prompt goes away. */
  function onUpdate(/** @type {{element: Element, id: string}} */ entry, /** @type {any} */ data) {
    if (answered.has(entry.id)) return; // answered here: the confirmation stays
    if (data?.answered === true || data?.analysis?.needs_reply === false)
      Roos.overlay.unmount(entry.element, "reply-prompt");
  }

  Roos.replyPrompts = { name: "reply-prompts", render, onUpdate, useSuggestion, markAnswered };
})();
