"""Give-back topics: what the senior mentee offers the junior mentor in return (R11)."""

from __future__ import annotations

# code, German name, English name, German description, English description
AREAS: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "giveback-leadership",
        "Führung und Strategie",
        "Leadership and strategy",
        "Erfahrung aus Führung, Verhandlung und Strategie, für die nächste Generation.",
        "Experience in leadership, negotiation and strategy, passed on to the next generation.",
    ),
    (
        "giveback-career",
        "Karriere und Netzwerk",
        "Career and network",
        "Orientierung für den eigenen Weg und Zugang zu Kontakten im Unternehmen.",
        "Guidance on your own path and access to contacts in the company.",
    ),
)

TOPICS: tuple[dict, ...] = (
    {
        "code": "leadership",
        "area": "giveback-leadership",
        "name": ("Führung", "Leadership"),
        "description": (
            "Wie man Menschen führt, Verantwortung übernimmt und schwierige Gespräche meistert.",
            "How to lead people, take responsibility and handle difficult conversations.",
        ),
        "questions_de": (
            "Wie führe ich zum ersten Mal ein Team, in dem ältere Kolleginnen und Kollegen sind?",
            "Wie gebe ich kritisches Feedback, ohne zu demotivieren?",
        ),
        "questions_en": (
            "How do I lead a team for the first time when it includes older colleagues?",
            "How do I give critical feedback without demotivating people?",
        ),
    },
    {
        "code": "negotiation",
        "area": "giveback-leadership",
        "name": ("Verhandlung", "Negotiation"),
        "description": (
            "Verhandlungen vorbereiten, führen und zu einem tragfähigen Ergebnis bringen.",
            "Preparing and conducting negotiations and reaching a workable result.",
        ),
        "questions_de": (
            "Wie bereite ich mich auf eine Gehaltsverhandlung vor?",
            "Was tue ich, wenn die Gegenseite hart verhandelt?",
        ),
        "questions_en": (
            "How do I prepare for a salary negotiation?",
            "What do I do when the other side negotiates hard?",
        ),
    },
    {
        "code": "strategy",
        "area": "giveback-leadership",
        "name": ("Strategie", "Strategy"),
        "description": (
            "Wie Strategien entstehen, Prioritäten gesetzt und langfristige Ziele verfolgt werden.",
            "How strategies are made, priorities set and long-term goals pursued.",
        ),
        "questions_de": (
            "Wie entsteht die Strategie unseres Unternehmens, und wer entscheidet?",
            "Wie übersetze ich strategische Ziele in die Arbeit meines Teams?",
        ),
        "questions_en": (
            "How is our company's strategy made, and who decides?",
            "How do I translate strategic goals into my team's work?",
        ),
    },
    {
        "code": "stakeholder-management",
        "area": "giveback-leadership",
        "name": ("Stakeholder-Management", "Stakeholder management"),
        "description": (
            "Interessen im Unternehmen erkennen, Unterstützung gewinnen und Konflikte ausgleichen.",
            "Recognising interests in the company, winning support and balancing conflicts.",
        ),
        "questions_de": (
            "Wie gewinne ich Unterstützung für mein Projekt in anderen Abteilungen?",
            "Wen muss ich früh einbinden, damit eine Idee nicht scheitert?",
        ),
        "questions_en": (
            "How do I win support for my project in other departments?",
            "Whom do I need to involve early so that an idea does not fail?",
        ),
    },
    {
        "code": "board-presentations",
        "area": "giveback-leadership",
        "name": ("Vor dem Vorstand präsentieren", "Presenting to the board"),
        "description": (
            "Kurz, klar und entscheidungsreif vor Geschäftsführung und Vorstand auftreten.",
            "Presenting briefly and clearly, ready for a decision, to management and the board.",
        ),
        "questions_de": (
            "Wie baue ich eine Vorstandsvorlage auf, die zu einer Entscheidung führt?",
            "Wie reagiere ich auf unerwartete Fragen aus dem Vorstand?",
        ),
        "questions_en": (
            "How do I structure a board paper that leads to a decision?",
            "How do I respond to unexpected questions from the board?",
        ),
    },
    {
        "code": "career-planning",
        "area": "giveback-career",
        "name": ("Karriereplanung", "Career planning"),
        "description": (
            "Den eigenen Weg im Unternehmen planen: Optionen, Schritte und Entscheidungen.",
            "Planning your path in the company: options, steps and decisions.",
        ),
        "questions_de": (
            "Fach- oder Führungslaufbahn – wie finde ich heraus, was zu mir passt?",
            "Wann ist der richtige Zeitpunkt für den nächsten Schritt?",
        ),
        "questions_en": (
            "Specialist or management career – how do I find out which suits me?",
            "When is the right time for the next step?",
        ),
    },
    {
        "code": "networking",
        "area": "giveback-career",
        "name": ("Netzwerken", "Networking"),
        "description": (
            "Ein tragfähiges berufliches Netzwerk im und außerhalb des Unternehmens aufbauen.",
            "Building a strong professional network inside and outside the company.",
        ),
        "questions_de": (
            "Wie spreche ich Menschen an, die im Unternehmen viel höher stehen?",
            "Wie pflege ich Kontakte, ohne dass es berechnend wirkt?",
        ),
        "questions_en": (
            "How do I approach people much more senior in the company?",
            "How do I maintain contacts without it seeming calculated?",
        ),
    },
)
