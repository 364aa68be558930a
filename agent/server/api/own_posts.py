"""Be valuable: the user's own posts, for the 20/80 share and the posting rhythm."""

from __future__ import annotations

import hashlib

from aiohttp import web

from ...analysis import language
from ...analysis.promo import is_promotional
from ...pipeline import now_iso
from ..keys import HUB, STORE
from ..requests import json_object, ok
from ..routing import Route

OWN_POST = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "id": {"type": "string", "maxLength": 512},
        "text": {"type": "string", "minLength": 1, "maxLength": 100_000},
        "url": {"type": "string", "maxLength": 4096},
        "posted_at": {"type": "string", "format": "date-time", "maxLength": 64},
        "kind": {"enum": ["post", "share", "comment"]},
        "shared_item_id": {"type": "string", "maxLength": 512},
    },
}
POSTED = {
    "type": "object",
    "required": ["ok", "post"],
    "properties": {"ok": {"const": True}, "post": {"type": "object"}},
}
POSTS = {
    "type": "object",
    "required": ["ok", "posts"],
    "properties": {"ok": {"const": True}, "posts": {"type": "array", "items": {"type": "object"}}},
}


def own_post(body: dict) -> dict:
    posted_at = body.get("posted_at") or now_iso()
    digest = hashlib.sha256(f"{body['text']}|{posted_at[:10]}".encode()).hexdigest()[:16]
    lang = language.detect(body["text"])
    return {
        "id": body.get("id") or f"own:{digest}",
        "text": body["text"],
        "url": body.get("url"),
        "kind": body.get("kind", "post"),
        "shared_item_id": body.get("shared_item_id"),
        "published_at": posted_at,
        "lang": lang,
        "promotional": is_promotional(body["text"], lang),
    }


async def post_own(request: web.Request) -> web.Response:
    post = own_post(await json_object(request, OWN_POST))
    await request.app[STORE].upsert("own_posts", [post])
    request.app[HUB].publish("own_post.new", post)
    return ok({"post": post})


async def list_own(request: web.Request) -> web.Response:
    posts, _ = await request.app[STORE].find(
        "own_posts", sort=lambda p: p.get("published_at") or "", reverse=True, limit=1000
    )
    return ok({"posts": posts})


ROUTES = [
    Route(
        "POST",
        "/api/own-posts",
        post_own,
        "Record a post the user published (for the 20/80 share and the rhythm).",
        request=OWN_POST,
        response=POSTED,
        tag="valuable",
    ),
    Route(
        "GET",
        "/api/own-posts",
        list_own,
        "The user's own posts, newest first.",
        response=POSTS,
        tag="valuable",
    ),
]
