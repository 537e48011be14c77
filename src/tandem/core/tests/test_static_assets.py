"""Every stylesheet and script the base template loads is found by Django's static finders."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders


def test_every_static_file_referenced_by_base_html_exists():
    base = Path(settings.PACKAGE_DIR, "templates", "base.html").read_text(encoding="utf-8")
    referenced = re.findall(r"{% static '([^']+)' %}", base)
    assert "vendor/htmx/htmx.min.js" in referenced
    assert "vendor/pico/pico.min.css" in referenced
    missing = [path for path in referenced if finders.find(path) is None]
    assert missing == []
