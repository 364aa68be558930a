"""Reach out: turn what Roos listens to into suggestions (who to follow, which blogs, what to
share, where to help, which discussion to start, when to post). Pure functions over stored
items, people and the profile; the human follows, shares and posts."""

from .blogs import blogs_to_follow
from .discussions import discussions_to_start
from .follow import people_to_follow
from .helpful import comment_helpfully
from .rhythm import rhythm_status
from .share import worth_sharing

__all__ = [
    "blogs_to_follow",
    "comment_helpfully",
    "discussions_to_start",
    "people_to_follow",
    "rhythm_status",
    "worth_sharing",
]
