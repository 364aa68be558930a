// @ts-check
/**
 * While the user writes about their own organisation, LinkedIn's rules and
 * plain honesty want them to say on whose behalf they speak.
 *
 * data-roos="disclosure-reminder" appears under a composer while the draft
 * needs a disclosure and lacks it; one click appends the profile's phrase
 * (as typed input, so LinkedIn keeps it). data-roos="promo-warning" appears
 * when the draft is promotional and promotion already exceeds the 20/80 share.
 * Drafts are checked by the agent ~400 ms after the user stops typing.
 */
(() => {
  const Roos = (globalThis.Roos = globalThis.Roos || {});

  const DEBOUNCE_MS = 400;
  const CSS = `
    .box { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 6px 8px; border-radius: 4px; background: #fff8e1; border-left: 3px solid #b26a00; }
    .promo { background: #eef3f8; border-left-color: #0a4f9e; }
    button.add { border: 1px solid #b5385e; background: #b5385e; color: #fff; border-radius: 12px; padding: 2px 10px; }
  `;

  /** @type {WeakMap<HTMLElement, ReturnType<typeof setTimeout>>} */
  const timers = new WeakMap();
  /** @type {WeakMap<HTMLElement, number>} newest check per editor, so late answers are ignored */
  const generation = new WeakMap();
  /** @type {Set<HTMLElement>} editors that currently carry an overlay */
  const decorated = new Set();

  /**
   * Under the composer, outside the editable itself.
   * @param {HTMLElement} editor
   * @param {HTMLElement} host
   */
  function place(editor, host) {
    const anchor = editor.closest("form") || editor.parentElement || editor;
    anchor.after(host);
  }

  /** @param {Event} event */
  function onInput(event) {
    const composer = Roos.composers.containing(/** @type {Node} */ (event.target));
    if (!composer) return;
    clearTimeout(timers.get(composer.editor));
    timers.set(
      composer.editor,
      setTimeout(() => void check(composer), DEBOUNCE_MS),
    );
  }

  /** @param {import("./composers.js").Composer} composer */
  async function check(composer) {
    const { editor, kind } = composer;
    const text = Roos.insertText.currentText(editor).trim();
    const mine = (generation.get(editor) || 0) + 1;
    generation.set(editor, mine);
    if (!text) {
      clear(editor);
      return;
    }
    let answer;
    try {
      answer = await Roos.bridge.send("draftCheck", { text, context: { kind, url: location.href } });
    } catch {
      return; // no agent, no advice; the draft itself is untouched
    }
    if (generation.get(editor) !== mine || !editor.isConnected) return;
    show(editor, answer);
  }

  /**
   * @param {HTMLElement} editor
   * @param {any} answer
   */
  function show(editor, answer) {
    const { t, el, mount, unmount, fill } = Roos.overlay;
    const disclosure = answer?.disclosure || {};
    if (
      disclosure.needed &&
      !disclosure.present &&
      typeof disclosure.insert === "string" &&
      disclosure.insert
    ) {
      const { root } = mount(editor, "disclosure-reminder", {
        css: CSS,
        place: (host) => place(editor, host),
      });
      const add = el("button", { className: "add", text: t("disclosureAdd", [disclosure.insert]) });
      add.setAttribute("type", "button");
      add.addEventListener("click", () => {
        Roos.insertText.insertAtEnd(editor, disclosure.insert);
      });
      const box = el("div", { className: "box" });
      box.append(el("span", { text: t("disclosureNeeded") }), add);
      fill(root, [box]);
      decorated.add(editor);
    } else {
      unmount(editor, "disclosure-reminder");
    }
    const share = answer?.promo_share;
    if (answer?.promotional && share && Number(share.value) > Number(share.limit)) {
      const { root } = mount(editor, "promo-warning", { css: CSS, place: (host) => place(editor, host) });
      const percent = (/** @type {unknown} */ value) => String(Math.round(Number(value) * 100));
      fill(root, [
        el("div", {
          className: "box promo",
          text: t("promoWarning", [percent(share.value), percent(share.limit)]),
        }),
      ]);
      decorated.add(editor);
    } else {
      unmount(editor, "promo-warning");
    }
  }

  /** @param {HTMLElement} editor */
  function clear(editor) {
    Roos.overlay.unmount(editor, "disclosure-reminder");
    Roos.overlay.unmount(editor, "promo-warning");
    decorated.delete(editor);
  }

  /** A closed composer takes its reminders with it. */
  function onScan() {
    for (const editor of decorated) if (!editor.isConnected) clear(editor);
  }

  function start() {
    document.addEventListener("input", onInput, true);
  }

  Roos.disclosureReminder = { name: "disclosure-reminder", start, onScan, check, clear };
})();
