// @ts-check
/**
 * data-roos="fan-flag": next to the author's name, what this person is to the
 * organisation: fan, ambassador or critic (the agent decides, from their
 * interactions over time). Hovering shows how many interactions that is.
 *
 * The agent's verdict grows as it sees more: the third kind post of someone
 * makes them a fan. Their earlier posts on the page then get the flag too,
 * because the newest verdict per author is what the page shows.
 */
(() => {
  const Roos = (globalThis.Roos = globalThis.Roos || {});

  const LABEL = /** @type {Record<string, string>} */ ({
    fan: "fanFan",
    ambassador: "fanAmbassador",
    critic: "fanCritic",
  });
  const CSS = `
    .fan, .ambassador { background: #fde7ef; color: #8a1c43; }
    .ambassador { font-weight: 700; }
    .critic { background: #ede7f6; color: #4a2a7a; }
  `;

  /** @type {Map<string, {flag: string | null, interactions: number, ids: Set<string>}>} */
  const authors = new Map();
  /** @type {{rerender: (ids: string[]) => void} | null} */
  let watch = null;

  /**
   * Pure-ish: fold this result's author verdict into what is known of the
   * author, returning the verdict to show and whether it changed.
   * @param {any} item
   * @param {string} id
   * @param {any} author
   */
  function learn(item, id, author) {
    const key = String(item?.author?.profile_url || item?.author?.name || `item:${id}`);
    const known = authors.get(key) || { flag: null, interactions: -1, ids: new Set() };
    known.ids.add(id);
    const interactions = Number(author?.interactions) || 0;
    let changed = false;
    // Newer verdicts carry more interactions; on a tie a flag beats no flag.
    if (interactions > known.interactions || (interactions === known.interactions && !known.flag)) {
      changed = known.flag !== (author?.flag ?? null);
      known.flag = author?.flag ?? null;
      known.interactions = interactions;
    }
    authors.set(key, known);
    return { known, changed };
  }

  /**
   * After the name, outside any link around it, so a click on the flag never
   * opens the profile.
   * @param {Element} name
   * @param {HTMLElement} host
   */
  function place(name, host) {
    (name.closest("a") || name).after(host);
  }

  /** @param {{element: Element, id: string, result: any, item?: any}} entry */
  function render({ element, id, result, item }) {
    const { t, el, mount, unmount, fill } = Roos.overlay;
    const { known, changed } = learn(item, id, result?.author);
    if (changed) watch?.rerender([...known.ids].filter((other) => other !== id));
    const flag = /** @type {string} */ (known.flag);
    if (!LABEL[flag]) {
      unmount(element, "fan-flag");
      return;
    }
    const name = Roos.extractor.authorNameElement(element);
    if (!name) return;
    const label = t(LABEL[flag]);
    const title = t("fanTitle", [label, String(Math.max(known.interactions, 0))]);
    const { host, root } = mount(element, "fan-flag", {
      css: CSS,
      inline: true,
      place: (node) => place(name, node),
    });
    host.dataset.flag = flag;
    host.title = title;
    fill(root, [el("span", { className: `chip ${flag}`, text: label, title })]);
  }

  /** @param {{rerender: (ids: string[]) => void}} pageWatch */
  function start(pageWatch) {
    watch = pageWatch;
  }

  Roos.fanFlags = { name: "fan-flags", start, render };
})();
