"""People write markup and script into LinkedIn posts and names; Roos shows it as words.

On an invented feed whose authors put <img onerror>, <script>, <svg onload> and a
javascript: link in their names and texts, every overlay appears, no dialog ever
opens, and no element Roos did not make itself turns up in any overlay.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page

from .harness import content_eval

pytestmark = pytest.mark.browser

HOSTILE = "https://www.linkedin.com/feed/hostile/"
# Everything the overlays are built from; anything else was smuggled in.
ROOS_TAGS = {"style", "div", "span", "ol", "li", "button"}


@pytest.fixture(scope="module")
def page(context: BrowserContext) -> Iterator[Page]:
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    page.goto(HOSTILE)
    page.wait_for_function("document.querySelectorAll('[data-roos=\"badge\"]').length === 3")
    page.wait_for_selector('[data-roos="reply-prompt"]')
    yield page
    page.close()


def overlay_tags(page: Page) -> set[str]:
    return set(
        page.evaluate(
            """[...document.querySelectorAll('[data-roos]')]
                .flatMap(host => host.shadowRoot ? [...host.shadowRoot.querySelectorAll('*')] : [host])
                .map(node => node.localName)"""
        )
    )


def test_every_hostile_post_still_gets_its_badge(page: Page):
    assert page.locator('[data-roos="badge"]').count() == 3


def test_no_overlay_holds_an_element_roos_did_not_make(page: Page):
    assert overlay_tags(page) <= ROOS_TAGS


def test_the_page_gained_no_images_scripts_or_frames(page: Page):
    counts = page.evaluate(
        "['img', 'script', 'svg', 'iframe'].map(t => document.getElementsByTagName(t).length)"
    )
    # The fixture's own behaviour script is the one script; it has no images, svgs or frames.
    assert counts == [0, 1, 0, 0]


def test_names_quoted_in_suggestions_stay_plain_text(page: Page):
    texts = page.eval_on_selector_all(
        '[data-roos="reply-prompt"]',
        "nodes => nodes.flatMap(n => [...n.shadowRoot.querySelectorAll('button.suggestion')]"
        ".map(b => b.textContent))",
    )
    assert texts
    assert all(isinstance(text, str) and text.strip() for text in texts)


def test_text_with_markup_goes_into_the_comment_box_as_text(page: Page):
    prompt = page.locator('[data-roos="reply-prompt"]').first
    suggestion = prompt.locator("button.suggestion").first
    text = suggestion.text_content()
    suggestion.click()
    item_id = prompt.get_attribute("data-item-id")
    # The agent writes suggestions without markup; the way into the box must hold even so.
    nasty = '<img src=x onerror=alert("box")> <b>Sorry!</b>'
    inserted = content_eval(
        page,
        f"""new Promise(resolve => {{
            const post = Roos.pageWatch.elementFor({json.dumps(item_id)});
            (function look() {{
                const box = Roos.extractor.commentBox(post);
                if (!box || !box.textContent) return setTimeout(look, 50);
                Roos.insertText.insertAtEnd(box, {json.dumps(nasty)});
                resolve({{text: box.innerText.trim(), elements: box.querySelectorAll('img, b').length}});
            }})();
        }})""",
    )
    assert inserted == {"text": f"{text} {nasty}", "elements": 0}


def test_no_script_in_any_text_ever_ran(page: Page):
    page.wait_for_timeout(300)
    assert page.dialogs == []  # type: ignore[attr-defined]
