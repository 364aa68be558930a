// @ts-check
/**
 * The editors the user writes in (the share box, comment and reply boxes),
 * as Roos's features need them: the editable element, what kind of text it
 * is (post, comment, reply), which item it answers, and its submit button.
 */
(() => {
  const Roos = (globalThis.Roos = globalThis.Roos || {});

  const SUBMIT_WORDS = [
    "post",
    "posten",
    "plaatsen",
    "reageren",
    "comment",
    "reply",
    "beantwoorden",
    "verzenden",
    "send",
  ];

  /**
   * @typedef {{editor: HTMLElement, kind: "post"|"comment"|"reply", parentId: string | null}} Composer
   * parentId: the item this text answers (the post for a comment, the comment for a reply).
   */

  /**
   * @param {any} raw one entry of Roos.extractor.composers()
   * @returns {Composer | null}
   */
  function normalise(raw) {
    const editor = raw?.element;
    if (!(editor instanceof HTMLElement)) return null;
    const kind = ["post", "comment", "reply"].includes(raw.kind) ? raw.kind : "post";
    return { editor, kind, parentId: typeof raw.parent_id === "string" ? raw.parent_id : null };
  }

  /** @returns {Composer[]} */
  function all() {
    return /** @type {Composer[]} */ (
      (Roos.extractor.composers(document) || []).map(normalise).filter(Boolean)
    );
  }

  /**
   * The open composer that contains `node`, if any.
   * @param {Node | null} node
   * @returns {Composer | null}
   */
  function containing(node) {
    if (!node) return null;
    return all().find((composer) => composer.editor === node || composer.editor.contains(node)) || null;
  }

  /**
   * The closest container around the editor that also holds buttons: the
   * editor's form, or failing that the nearest ancestor with a button.
   * @param {HTMLElement} editor
   */
  function frame(editor) {
    const form = editor.closest("form");
    if (form) return form;
    let node = editor.parentElement;
    for (let depth = 0; node && depth < 6; depth += 1, node = node.parentElement) {
      if (node.querySelector("button")) return node;
    }
    return null;
  }

  /**
   * Is `button` the control that submits this composer's text?
   * @param {Composer} composer
   * @param {Element} button
   */
  function isSubmit(composer, button) {
    const container = frame(composer.editor);
    if (!container || !container.contains(button)) return false;
    if (button.getAttribute("type") === "submit") return true;
    const label = (button.getAttribute("aria-label") || button.textContent || "").trim().toLowerCase();
    return SUBMIT_WORDS.includes(label);
  }

  Roos.composers = { all, containing, isSubmit, normalise };
})();
