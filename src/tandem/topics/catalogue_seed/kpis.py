"""KPI suggestions per practical topic (R22): something a tandem can count, with a target and a
due date, offered when the pair sets its KPIs. Keyed by the topic's code; a topic the catalogue
lacks is skipped.

Each row: topic code, German text, English text, target number, days until due.
"""

from __future__ import annotations

from typing import Any

KPI_SUGGESTIONS: tuple[tuple[str, str, str, int, int], ...] = (
    (
        "linkedin-profile",
        "Einen eigenen Beitrag auf LinkedIn veröffentlichen",
        "Publish a post of your own on LinkedIn",
        1,
        30,
    ),
    (
        "linkedin-profile",
        "Das LinkedIn-Profil vervollständigen (Foto, Kurzprofil, drei Stationen)",
        "Complete the LinkedIn profile (photo, summary, three positions)",
        1,
        14,
    ),
    (
        "generative-ai",
        "Wiederkehrende Aufgaben mit einem KI-Assistenten erledigen",
        "Do recurring tasks with an AI assistant",
        3,
        30,
    ),
    (
        "workflow-automation",
        "Prozesse automatisieren",
        "Automate processes",
        3,
        60,
    ),
    (
        "excel-formulas",
        "Einen Bericht mit Formeln statt Handarbeit erstellen",
        "Build a report with formulas instead of manual work",
        1,
        30,
    ),
    (
        "data-visualisation",
        "Ein Dashboard für das eigene Team bauen",
        "Build a dashboard for your own team",
        1,
        45,
    ),
    (
        "social-intranet",
        "Beiträge im Social Intranet schreiben",
        "Write posts on the social intranet",
        4,
        60,
    ),
    (
        "slack-teams",
        "Eine Besprechung durch einen Teams-/Slack-Kanal ersetzen",
        "Replace a meeting with a Teams/Slack channel",
        1,
        30,
    ),
    (
        "video-tutorials",
        "Ein kurzes Erklärvideo aufnehmen und teilen",
        "Record and share a short explainer video",
        1,
        45,
    ),
)


def seed_kpi_suggestions(*, Topic: Any, KpiSuggestion: Any) -> int:
    """Create the missing suggestions (idempotent by topic and English text); returns how many.
    Takes the model classes, so the data migration can pass its historical models."""
    topics = {t.code: t for t in Topic.objects.filter(code__in={row[0] for row in KPI_SUGGESTIONS})}
    created = 0
    for position, (code, text_de, text_en, target, days) in enumerate(KPI_SUGGESTIONS, start=1):
        topic = topics.get(code)
        if topic is None:
            continue
        _row, made = KpiSuggestion.objects.get_or_create(
            topic=topic,
            text_en=text_en,
            defaults={
                "text_de": text_de,
                "target": target,
                "due_in_days": days,
                "position": position,
            },
        )
        created += made
    return created
