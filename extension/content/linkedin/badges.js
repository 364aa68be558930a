// @ts-check
/**
 * data-roos="badge": one slim line on every analysed post and comment with
 * what Roos made of it: sentiment (word + colour, so it does not rely on
 * colour alone), intent when it matters, promotional, and the watch terms it
 * mentions. The author's words are never shown here, only Roos's labels and
 * the matched terms (as text).
 *
 * Before the agent answers, the same place shows data-roos="badge-reading": the item's id and
 * "reading…" (or "waiting for the agent" while it is away), drawn from the page alone on the
 * first pass, so every item is marked as soon as it is found. The agent's answer turns that
 * host into data-roos="badge" in place: nothing moves, and "badge" still means "analysed".
 */
(() => {
  const Roos = (globalThis.Roos = globalThis.Roos || {});

  const CSS = `
    .line { display: flex; flex-wrap: wrap; align-items: center; gap: 2px; }
    .positive { background: #e3f1e4; color: #1b5e20; }
    .negative { background: #fbe4e2; color: #8c1d18; }
    .neutral { background: #eceff1; color: #37474f; }
    .intent { background: #fff4d6; color: #6b4b00; }
    .term { background: #fff0b3; color: #3d3200; font-weight: 600; }
    .reading { background: #f3f2ef; color: #5e5e5e; font-style: italic; }
  `;

  const PENDING = /** @type {Record<string, string>} */ ({
    reading: "badgeReading",
    queued: "badgeWaiting",
  });

  const SENTIMENT = /** @type {Record<string, string>} */ ({
    positive: "sentimentPositive",
    negative: "sentimentNegative",
    neutral: "sentimentNeutral",
  });
  const INTENT = /** @type {Record<string, string>} */ ({
    complaint: "intentComplaint",
    question: "intentQuestion",
    praise: "intentPraise",
  });

  /**
   * Pure: the labels the badge shows for an analysis result.
   * @param {any} result
   * @returns {{sentiment: string, intent: string | null, promotional: boolean, terms: string[]}}
   */
  function describe(result) {
    const label = SENTIMENT[result?.sentiment?.label] ? result.sentiment.label : "neutral";
    const terms = Array.isArray(result?.mentions)
      ? [...new Set(result.mentions.map((/** @type {any} */ m) => String(m?.term ?? "")).filter(Boolean))]
      : [];
    return {
      sentiment: label,
      intent: INTENT[result?.intent] ? result.intent : null,
      promotional: result?.promotional === true,
      terms,
    };
  }

  /**
   * Pure: why a label was given, as one line for a hover title ("iets werkt niet: crasht ·
   * vraagt om actie: please fix"), in the UI language; "" without reasons.
   * @param {any} reasons
   * @param {string} lang
   */
  function why(reasons, lang) {
    if (!Array.isArray(reasons)) return "";
    return reasons
      .slice(0, 4)
      .map((/** @type {any} */ r) => {
        const text = String(r?.[lang] ?? r?.en ?? r?.rule ?? "");
        const words = Array.isArray(r?.words) ? r.words.slice(0, 4).map(String).join(", ") : "";
        return words ? `${text}: ${words}` : text;
      })
      .filter(Boolean)
      .join(" · ");
  }

  /**
   * Just above the item's content, inside the item, so it scrolls with it.
   * @param {Element} element
   * @param {HTMLElement} host
   */
  function place(element, host) {
    element.prepend(host);
  }

  /** @param {Element} element */
  const mountOn = (element) => Roos.overlay.mount(element, "badge", { css: CSS, place: (node) => place(element, node) });

  /**
   * The first look, before the agent's answer: Roos is on it.
   * @param {{element: Element, id: string, state: string}} entry
   */
  function preview({ element, id, state }) {
    const { t, el, fill } = Roos.overlay;
    const { host, root } = mountOn(element);
    host.setAttribute("data-roos", "badge-reading");
    host.dataset.itemId = id;
    host.dataset.state = PENDING[state] ? state : "reading";
    delete host.dataset.sentiment;
    const line = el("div", { className: "line" });
    line.append(
      el("span", { className: "roos", text: "Roos" }),
      el("span", { className: "chip reading", text: t(PENDING[host.dataset.state]) }),
    );
    fill(root, [line]);
  }

  /** @param {{element: Element, id: string, result: any}} entry */
  function render({ element, id, result }) {
    const { t, el, fill } = Roos.overlay;
    const look = describe(result);
    const { host, root } = mountOn(element);
    host.setAttribute("data-roos", "badge");
    host.dataset.state = "ready";
    host.dataset.itemId = id;
    host.dataset.sentiment = look.sentiment;
    const score = Number(result?.sentiment?.compound ?? 0).toFixed(2);
    const lang = chrome.i18n.getUILanguage().toLowerCase().startsWith("nl") ? "nl" : "en";
    const reasons = result?.reasons ?? {};
    const felt = why(reasons.sentiment, lang);
    const line = el("div", { className: "line" });
    line.append(
      el("span", { className: "roos", text: "Roos" }),
      el("span", {
        className: `chip ${look.sentiment}`,
        text: t(SENTIMENT[look.sentiment]),
        title: felt ? `${t("sentimentTitle", [score])} — ${felt}` : t("sentimentTitle", [score]),
      }),
    );
    if (look.intent) {
      const title = why([...(reasons.urgency ?? []), ...(reasons.intent ?? [])], lang);
      line.append(el("span", { className: "chip intent", text: t(INTENT[look.intent]), title }));
    }
    if (look.promotional) {
      const title = why(reasons.promotional, lang);
      line.append(el("span", { className: "chip", text: t("badgePromotional"), title }));
    }
    for (const term of look.terms) {
      line.append(el("span", { className: "chip term", text: term, title: t("badgeMentionsTitle") }));
    }
    fill(root, [line]);
  }

  Roos.badges = { name: "badges", preview, render, describe, why };
})();
