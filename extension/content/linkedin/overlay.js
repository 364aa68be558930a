// @ts-check
/**
 * Every Roos overlay is a host element marked data-roos="<kind>" with an open
 * shadow root: LinkedIn's CSS cannot reach in, ours cannot leak out, and the
 * page's own scripts see one inert element. Clicks inside an overlay stop at
 * the host, so LinkedIn never mistakes them for clicks on the post.
 *
 * Text is only ever set with textContent; links only after URL parsing.
 */
(() => {
  const Roos = (globalThis.Roos = globalThis.Roos || {});

  const BASE_CSS = `
    :host { all: initial; display: block; margin: 4px 0; font: 12px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2226; }
    :host([data-inline]) { display: inline-block; margin: 0 0 0 6px; vertical-align: middle; }
    button { font: inherit; cursor: pointer; }
    .chip { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #eef3f8; margin-right: 4px; }
    .roos { font-weight: 600; color: #b5385e; margin-right: 6px; }
  `;

  /** @type {WeakMap<Element, Map<string, HTMLElement>>} */
  const hosts = new WeakMap();

  /**
   * @param {string} key
   * @param {string[]} [substitutions]
   */
  function t(key, substitutions) {
    // Hundreds of overlays ask for the same few labels; each getMessage is a lookup and a copy.
    const memo = substitutions?.length ? `${key}\u0000${substitutions.join("\u0000")}` : key;
    let text = messages.get(memo);
    if (text === undefined) {
      text = chrome.i18n.getMessage(key, substitutions) || key;
      if (messages.size < 500) messages.set(memo, text);
    }
    return text;
  }

  /** @type {Map<string, string>} */
  const messages = new Map();

  /**
   * Create an element with text, never markup.
   * @param {string} tag
   * @param {{className?: string, text?: string, title?: string}} [options]
   */
  function el(tag, options = {}) {
    const node = document.createElement(tag);
    if (options.className) node.className = options.className;
    if (options.text !== undefined) node.textContent = options.text;
    if (options.title) node.title = options.title;
    return node;
  }

  /**
   * The overlay of `kind` attached to `owner`, if it is still in the page.
   * @param {Element} owner
   * @param {string} kind
   */
  function find(owner, kind) {
    const host = hosts.get(owner)?.get(kind);
    return host?.isConnected ? host : null;
  }

  /** @type {Map<string, CSSStyleSheet>} one parsed sheet per overlay kind, shared by all */
  const sheets = new Map();

  /**
   * Style a shadow root. Hundreds of overlays share one constructed sheet per kind
   * instead of parsing their own <style> each; a <style> is the fallback.
   * @param {ShadowRoot} root
   * @param {string} css
   */
  function style(root, css) {
    try {
      let sheet = sheets.get(css);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        sheets.set(css, sheet);
      }
      root.adoptedStyleSheets = [sheet];
    } catch {
      root.append(el("style", { text: css }));
    }
  }

  /**
   * Create (or return) the overlay of `kind` for `owner`. `place` puts the new
   * host into the page; `css` styles the shadow root.
   * @param {Element} owner
   * @param {string} kind
   * @param {{css?: string, inline?: boolean, place: (host: HTMLElement) => void}} options
   * @returns {{host: HTMLElement, root: ShadowRoot, created: boolean}}
   */
  function mount(owner, kind, options) {
    const existing = find(owner, kind);
    if (existing?.shadowRoot) return { host: existing, root: existing.shadowRoot, created: false };
    const host = document.createElement(options.inline ? "span" : "div");
    host.setAttribute("data-roos", kind);
    if (options.inline) host.setAttribute("data-inline", "");
    const root = host.attachShadow({ mode: "open" });
    style(root, BASE_CSS + (options.css || ""));
    for (const type of ["click", "mousedown", "mouseup", "pointerdown", "pointerup"]) {
      host.addEventListener(type, (event) => event.stopPropagation());
    }
    options.place(host);
    if (!hosts.has(owner)) hosts.set(owner, new Map());
    hosts.get(owner)?.set(kind, host);
    return { host, root, created: true };
  }

  /**
   * @param {Element} owner
   * @param {string} kind
   */
  function unmount(owner, kind) {
    find(owner, kind)?.remove();
    hosts.get(owner)?.delete(kind);
  }

  /**
   * Replace everything in the shadow root except its style.
   * @param {ShadowRoot} root
   * @param {Node[]} nodes
   */
  function fill(root, nodes) {
    const style = root.querySelector("style");
    root.replaceChildren(...(style ? [style] : []), ...nodes);
  }

  /**
   * Only https links leave an overlay.
   * @param {unknown} value
   */
  function safeHref(value) {
    if (typeof value !== "string") return null;
    try {
      const url = new URL(value, location.href);
      return url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  }

  /** @param {Node} node */
  function isOurs(node) {
    const element = node.nodeType === Node.ELEMENT_NODE ? /** @type {Element} */ (node) : node.parentElement;
    return Boolean(element?.closest("[data-roos]"));
  }

  Roos.overlay = { t, el, find, mount, unmount, fill, safeHref, isOurs };
})();
