"""The dashboard: static files served by the agent, and the pure figures its pages show.

The browser side is plain HTML, CSS and JavaScript modules (no build step), with Chart.js
vendored in ``vendor/``. Everything on a page comes from the agent's API with the session
cookie; the pages themselves hold no data, so they may be served without a session.

The Python modules here are pure (plain data in, plain data out) so the API handlers in
``agent/server/api/{inbox,team,insights}.py`` stay thin: ``hours`` (time within business
hours), ``handover`` (who covers for a colleague who is away), ``listening`` and ``valuable``
(the aggregates behind those pages).
"""

from __future__ import annotations

from pathlib import Path

STATIC = Path(__file__).resolve().parent
