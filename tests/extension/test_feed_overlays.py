"""The social media manager scrolls her LinkedIn feed and Roos reads along.

Every post and comment gets a badge (sentiment, watch terms), the watch terms light up
in the text, complaints and questions get reply suggestions that go into the comment
box with one click (LinkedIn's Post button wakes up, nothing is posted), answering is
noticed by the agent, and a person who keeps praising Vlotbank is flagged as a fan.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page

from .harness import (
    ALL_FEED,
    FIXTURES,
    classic_feed,
    classic_post,
    content_eval,
    fresh_urn,
    worker_errors,
)

pytestmark = pytest.mark.browser

EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
FEED_ITEMS = EXPECTED["feed-classic.html"]["items"] + EXPECTED["feed-new.html"]["items"]
COMPLAINT = FEED_ITEMS[0]  # "Al drie dagen kan ik niet inloggen bij Vlotbank …"
WATCHED = {"vlotbank", "vlot bank", "vlotpay", "zonnewind", "vlotpas", "spaarhuis", "muntmeester"}


def badges(page: Page) -> dict[str, str]:
    return page.eval_on_selector_all(
        '[data-roos="badge"]',
        "nodes => Object.fromEntries(nodes.map(n => [n.dataset.itemId, n.dataset.sentiment]))",
    )


def wait_for_badges(page: Page, count: int, timeout: float = 30) -> None:
    page.wait_for_function(
        "n => document.querySelectorAll('[data-roos=\"badge\"]').length >= n",
        arg=count,
        timeout=timeout * 1000,
    )


def shadow_text(page: Page, kind: str, item_id: str) -> str:
    return page.evaluate(
        '([kind, id]) => [...document.querySelectorAll(`[data-roos="${kind}"]`)]'
        ".filter(n => n.dataset.itemId === id).flatMap(n => [...n.shadowRoot.children])"
        ".filter(n => n.localName !== 'style').map(n => n.textContent).join('')",
        [kind, item_id],
    )


@pytest.fixture(scope="module")
def feed(context: BrowserContext) -> Iterator[Page]:
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    page.goto(ALL_FEED)
    wait_for_badges(page, len(FEED_ITEMS))
    yield page
    page.close()


def test_over_a_hundred_posts_and_all_their_comments_each_get_one_badge(feed: Page):
    posts = [item for item in FEED_ITEMS if item["kind"] == "post"]
    assert len(posts) >= 100
    shown = badges(feed)
    assert set(shown) == {item["id"] for item in FEED_ITEMS}
    assert feed.locator('[data-roos="badge"]').count() == len(FEED_ITEMS)
    assert set(shown.values()) == {"positive", "negative", "neutral"}


def test_a_badge_says_the_sentiment_in_words_and_names_the_watch_terms(feed: Page):
    assert badges(feed)[COMPLAINT["id"]] == "negative"
    text = shadow_text(feed, "badge", COMPLAINT["id"])
    assert "negative" in text
    assert "Vlotbank" in text


def test_watch_terms_light_up_in_the_text_without_touching_linkedins_markup(feed: Page):
    # The highlight holds static ranges (no toString): read the text each one spans.
    highlighted = feed.evaluate(
        """[...(CSS.highlights.get('roos-mention') || [])].map((r) => {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return live.toString();
        })"""
    )
    assert len(highlighted) > 20
    assert {text.lower() for text in highlighted} <= WATCHED
    assert feed.locator("mark").count() == 0
    # LinkedIn's own text reads exactly as before Roos decorated the page.
    texts = content_eval(
        feed,
        "Object.fromEntries(Roos.extractor.extractItems(document, location.href)"
        ".map(i => [i.id, i.text]))",
    )
    assert texts == {item["id"]: item["text"] for item in FEED_ITEMS}


def test_roos_takes_no_focus_and_does_not_scroll_the_page(feed: Page):
    assert feed.evaluate("document.activeElement === document.body")
    assert feed.evaluate("window.scrollY") == 0


def test_complaints_and_questions_get_two_or_three_suggestions_each_with_a_reason(feed: Page):
    prompts = feed.eval_on_selector_all(
        '[data-roos="reply-prompt"]',
        """nodes => nodes.map(n => ({
            id: n.dataset.itemId,
            suggestions: [...n.shadowRoot.querySelectorAll('button.suggestion')].map(b => b.textContent),
            why: [...n.shadowRoot.querySelectorAll('.why')].map(w => w.textContent),
        }))""",
    )
    assert len(prompts) >= 10
    ids = {prompt["id"] for prompt in prompts}
    assert COMPLAINT["id"] in ids
    assert ids <= set(badges(feed))
    for prompt in prompts:
        assert 1 <= len(prompt["suggestions"]) <= 3
        assert all(s.strip() for s in prompt["suggestions"])
        assert all(w.startswith("Why: ") for w in prompt["why"])
    praise = next(i for i in FEED_ITEMS if i["text"] == "Wat een mooi resultaat!")
    assert praise["id"] not in ids


def closed_box_prompt(page: Page) -> str:
    """A post with a reply prompt whose comment box is not open yet."""
    return content_eval(
        page,
        """(() => {
            const posts = Roos.extractor.findItemElements(document).filter(e => e.kind === 'post');
            const prompted = new Set([...document.querySelectorAll('[data-roos="reply-prompt"]')]
                .map(n => n.dataset.itemId));
            return posts.find(p => prompted.has(p.id) && !Roos.extractor.commentBox(p.element))?.id;
        })()""",
    )


def test_a_click_on_a_suggestion_opens_the_comment_box_and_types_it_without_posting(feed: Page):
    item_id = closed_box_prompt(feed)
    assert item_id, "the fixture feed has a prompted post with a closed comment box"
    prompt = feed.locator(f'[data-roos="reply-prompt"][data-item-id="{item_id}"]')
    suggestion = prompt.locator("button.suggestion").first
    text = suggestion.text_content()
    suggestion.click()
    box = content_eval(
        feed,
        f"""new Promise(resolve => {{
            const started = Date.now();
            (function look() {{
                const post = Roos.pageWatch.elementFor({json.dumps(item_id)});
                const box = Roos.extractor.commentBox(post);
                if (box && box.textContent) resolve({{text: box.innerText.trim(),
                    enabled: !box.closest('form').querySelector('.roos-fixture-submit').disabled,
                    focused: document.activeElement === box}});
                else if (Date.now() - started > 5000) resolve(null);
                else setTimeout(look, 50);
            }})();
        }})""",
    )
    assert box == {"text": text, "enabled": True, "focused": True}
    assert feed.evaluate("window.__posted") == []


def test_posting_the_answer_tells_the_agent_the_item_is_answered(feed: Page, agent):
    item_id = feed.eval_on_selector_all(
        '[data-roos="reply-prompt"]', "nodes => nodes.map(n => n.dataset.itemId)"
    )
    answered = content_eval(
        feed,
        """(() => {
            const box = [...document.querySelectorAll('.roos-fixture-submit')].find(b => !b.disabled);
            const item = Roos.pageWatch.itemFor(box);
            box.click();
            return item.id;
        })()""",
    )
    assert answered in item_id
    assert len(feed.evaluate("window.__posted")) == 1
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        status, body = agent.call("GET", f"/api/items/{answered}")
        if status == 200 and body["item"].get("answered"):
            break
        time.sleep(0.1)
    assert body["item"]["answered"] is True
    assert shadow_text(feed, "reply-prompt", answered) == "Reply noted. Thank you!"


def test_a_reply_sent_with_ctrl_enter_counts_for_the_comment_it_answers(feed: Page, agent):
    target = EXPECTED["feed-classic.html"]["composers"][1]
    assert target["kind"] == "reply"
    index = content_eval(
        feed,
        f"""Roos.extractor.composers(document)
            .findIndex(c => c.kind === 'reply' && c.parent_id === {json.dumps(target["parent_id"])})""",
    )
    editor = feed.locator(
        '.ql-editor[contenteditable="true"], [contenteditable="true"][role="textbox"]'
    )
    editor.nth(index).click()
    feed.keyboard.type("Dank voor het melden, we kijken ernaar.")
    feed.keyboard.press("Control+Enter")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        status, body = agent.call("GET", f"/api/items/{target['parent_id']}")
        if status == 200 and body["item"].get("answered"):
            break
        time.sleep(0.1)
    assert body["item"]["answered"] is True


def test_someone_who_keeps_praising_vlotbank_becomes_a_fan_on_all_their_posts(
    context: BrowserContext,
):
    lotte = ("Lotte Verbeek", "https://www.linkedin.com/in/lotte-verbeek-fan/")
    praise = [
        "Ik ben zo blij met VlotPay, betalen gaat supersnel en de app is heerlijk simpel!",
        "Weer een top ervaring met Vlotbank: fijne, vriendelijke hulp en binnen een uur geregeld. Geweldig!",
        "Zonnewind sparen bij Vlotbank is echt fantastisch, ik ben er heel blij mee!",
    ]
    posts = [classic_post(fresh_urn(n), *lotte, text) for n, text in enumerate(praise)]
    page_html = classic_feed(posts[:2])
    context.route(
        "https://www.linkedin.com/feed/fans/",
        lambda route: route.fulfill(body=page_html, content_type="text/html"),
    )
    page = context.new_page()
    page.goto("https://www.linkedin.com/feed/fans/")
    wait_for_badges(page, 2)
    assert page.locator('[data-roos="fan-flag"]').count() == 0
    # Infinite scroll brings her third kind post.
    page.evaluate(
        """html => {
            const t = document.createElement('template');
            t.innerHTML = html;
            document.querySelector('.scaffold-finite-scroll__content').append(t.content);
        }""",
        posts[2],
    )
    wait_for_badges(page, 3)
    page.wait_for_function(
        "document.querySelectorAll('[data-roos=\"fan-flag\"]').length === 3", timeout=10_000
    )
    flags = page.eval_on_selector_all(
        '[data-roos="fan-flag"]', "nodes => nodes.map(n => [n.dataset.flag, n.title])"
    )
    assert {flag for flag, _ in flags} <= {"fan", "ambassador"}
    assert all(title.endswith("3 interactions with your organisation") for _, title in flags)
    page.close()


def test_a_post_opened_over_the_feed_gets_its_badge_too(context: BrowserContext):
    # Roos watches only what holds the posts (<main> here), and LinkedIn's modal outlet, a child
    # of the body outside <main>, where a post opened over the feed is shown.
    author = ("Joris Kaan", "https://www.linkedin.com/in/joris-kaan-modal/")
    feed_post = classic_post(fresh_urn(50), *author, "Vlotbank, wanneer komt de nieuwe app uit?")
    opened = classic_post(fresh_urn(51), *author, "Mijn pas werkt niet meer bij Vlotbank, help!")
    page_html = classic_feed([feed_post]).replace(
        "</main>", '</main><div id="artdeco-modal-outlet"></div>', 1
    )
    context.route(
        "https://www.linkedin.com/feed/opened/",
        lambda route: route.fulfill(body=page_html, content_type="text/html"),
    )
    page = context.new_page()
    page.goto("https://www.linkedin.com/feed/opened/")
    wait_for_badges(page, 1)
    page.evaluate(
        """html => {
            const t = document.createElement('template');
            t.innerHTML = `<div role="dialog" aria-modal="true">${html}</div>`;
            document.querySelector('#artdeco-modal-outlet').append(t.content);
        }""",
        opened,
    )
    wait_for_badges(page, 2)
    assert page.locator('#artdeco-modal-outlet [data-roos="badge"]').count() == 1
    page.close()


def test_no_web_page_script_ever_ran_a_dialog(feed: Page):
    assert feed.dialogs == []  # type: ignore[attr-defined]


def test_none_of_this_left_an_uncaught_error_in_the_worker(context: BrowserContext):
    assert worker_errors(context) == []
