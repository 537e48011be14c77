"""The docs hold together: relative links work, and the README keeps its set-up contract."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]
README = ROOT / "README.md"
ARCHITECTURE = ROOT / "ARCHITECTURE.md"
DOCS = ROOT / "docs"

# A fresh machine runs exactly these two commands from the top of the README.
SET_UP_BLOCK = """\
make demo   # install into .venv, migrate, load the demo company, print logins, serve the app
make test   # install, check migrations, run the whole test suite (SQLite)
"""

LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
CODE_SPAN = re.compile(r"`[^`\n]*`")


def markdown_files() -> list[Path]:
    return [README, ARCHITECTURE, *sorted(DOCS.glob("*.md"))]


def heading_anchors(text: str) -> set[str]:
    """GitHub's anchors: lower case, punctuation dropped, spaces to hyphens."""
    anchors = set()
    for line in FENCE.sub("", text).splitlines():
        if match := re.match(r"#{1,6}\s+(.*)", line):
            title = match.group(1).strip().lower()
            anchors.add(re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", title)))
    return anchors


def broken_links(path: Path) -> list[str]:
    """Every relative link of a Markdown file whose file (or heading) does not exist."""
    text = CODE_SPAN.sub("", FENCE.sub("", path.read_text(encoding="utf-8")))
    broken = []
    for target in LINK.findall(text):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: …
            continue
        file_part, _, anchor = target.partition("#")
        linked = (path.parent / file_part).resolve() if file_part else path
        missing_anchor = (
            linked.is_file()
            and bool(anchor)
            and anchor not in heading_anchors(linked.read_text(encoding="utf-8"))
        )
        if not linked.is_file() or missing_anchor:
            broken.append(target)
    return broken


def test_the_documentation_files_exist():
    names = {path.name for path in DOCS.glob("*.md")}
    assert ARCHITECTURE.is_file()
    assert {
        "guide-coordinator.md",
        "guide-participant.md",
        "guide-sponsor.md",
        "operations.md",
        "import-format.md",
        "matching.md",
        "benchmarks.md",
        "requirements.md",
    } <= names


@pytest.mark.parametrize("path", markdown_files(), ids=lambda path: path.name)
def test_every_relative_link_points_at_an_existing_file(path):
    assert broken_links(path) == []


def test_a_link_to_a_missing_file_or_heading_is_found(tmp_path):
    (tmp_path / "there.md").write_text("# Some heading\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "[ok](there.md) [ok](there.md#some-heading) [web](https://example.com/x.md)\n"
        "`[code](nowhere.md)` [gone](nowhere.md) [bad anchor](there.md#other)\n",
        encoding="utf-8",
    )
    assert broken_links(page) == ["nowhere.md", "there.md#other"]


def test_the_readme_links_every_documentation_file():
    text = README.read_text(encoding="utf-8")
    linked = {target.partition("#")[0] for target in LINK.findall(text)}
    expected = {"ARCHITECTURE.md"} | {f"docs/{path.name}" for path in DOCS.glob("*.md")}
    assert expected <= linked


def test_the_readme_starts_with_exactly_the_two_set_up_commands():
    text = README.read_text(encoding="utf-8")
    first_block = re.search(r"^```(\w*)\n(.*?)^```", text, re.S | re.M)
    assert first_block is not None
    assert first_block.group(1) == "sh"
    assert first_block.group(2) == SET_UP_BLOCK
    # Within the first 40 lines, where a fresh machine's check looks for them.
    assert text[: first_block.end()].count("\n") < 40


def test_the_readme_stays_short():
    """The manual lives in docs/; the README is the pitch, set-up, logins, tour and links."""
    assert len(README.read_text(encoding="utf-8").splitlines()) <= 150


REQUIREMENT = re.compile(r"\bR([1-9][0-9]?)\b")


def test_requirements_r1_to_r28_are_each_defined_once():
    text = (DOCS / "requirements.md").read_text(encoding="utf-8")
    defined = re.findall(r"^\*\*R([0-9]+) — ", text, re.M)
    assert defined == [str(number) for number in range(1, 29)]


def test_every_requirement_the_code_and_docs_cite_is_defined():
    text = (DOCS / "requirements.md").read_text(encoding="utf-8")
    defined = set(re.findall(r"^\*\*R([0-9]+) — ", text, re.M))
    sources = [*(ROOT / "src" / "tandem").rglob("*.py"), *(ROOT / "src" / "tandem").rglob("*.html")]
    cited = {
        (number, path.name)
        for path in [*sources, *markdown_files()]
        for number in REQUIREMENT.findall(path.read_text(encoding="utf-8"))
    }
    undefined = sorted((number, name) for number, name in cited if number not in defined)
    assert undefined == []
