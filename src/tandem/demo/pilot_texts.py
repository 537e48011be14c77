"""What the pilot's tandems wrote: German texts for agreements, agendas, feedback, notes, the
learned list and KPIs (pure data, no database).

Texts are keyed by the catalogue topic they are about, so that every tandem — whichever topics
the seeded enrolments gave it — writes about its own topics. They are fiction written for the
demo: realistic, concrete, and free of anything a real tandem would have to keep private.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LearningTopicTexts:
    """A digital topic as a tandem works on it."""

    goal: str  # the agreement's learning goal
    sessions: tuple[tuple[str, str], tuple[str, str]]  # (topic of the day, exercise) × 2
    learned: str  # an entry of the learned list
    kpi: tuple[str, int]  # a KPI: title, target
    glossary: str  # a term the mentor explained (R24)


@dataclass(frozen=True)
class GiveBackTexts:
    """A topic the mentee gives back."""

    goal: str
    learned: str  # what the mentor learned from it


LEARNING: dict[str, LearningTopicTexts] = {
    "generative-ai": LearningTopicTexts(
        goal="Ich nutze einen KI-Assistenten sicher für Entwürfe, Zusammenfassungen und "
        "Recherchen – und weiß, welche Daten ich dort nicht eingebe.",
        sessions=(
            (
                "Was KI-Assistenten können – und was nicht",
                "Eine lange E-Mail-Kette zusammenfassen lassen und das Ergebnis prüfen",
            ),
            ("Gute Prompts schreiben", "Aus Stichpunkten einen Entwurf für den Brief ans Team"),
        ),
        learned="Ein guter Prompt nennt Rolle, Ziel, Zielgruppe und Format. Vertrauliche "
        "Kundendaten gehören nicht in öffentliche KI-Werkzeuge – dafür gibt es unsere "
        "freigegebene Unternehmensversion.",
        kpi=("Fünf wiederkehrende Texte mit dem KI-Assistenten vorbereiten", 5),
        glossary="Prompt: die Anweisung an die KI – je genauer, desto besser das Ergebnis.",
    ),
    "workflow-automation": LearningTopicTexts(
        goal="Ich erkenne wiederkehrende Handgriffe in meinem Bereich und automatisiere die "
        "ersten selbst mit Power Automate.",
        sessions=(
            (
                "Wo steckt Routine? Die Abläufe einer Woche durchgehen",
                "Drei Kandidaten für eine Automatisierung auswählen",
            ),
            (
                "Der erste eigene Flow",
                "Anhänge aus dem Postfach automatisch im Teamordner ablegen",
            ),
        ),
        learned="Ein Flow besteht aus einem Auslöser und Aktionen. Vor dem Automatisieren den "
        "Ablauf einmal von Hand aufschreiben – dann sieht man, wo er hakt.",
        kpi=("Drei Abläufe automatisieren", 3),
        glossary="Trigger (Auslöser): das Ereignis, das einen Flow startet, z. B. eine neue "
        "E-Mail.",
    ),
    "linkedin-profile": LearningTopicTexts(
        goal="Mein LinkedIn-Profil zeigt, wofür ich und mein Bereich stehen, und ich teile "
        "regelmäßig eigene Beiträge.",
        sessions=(
            (
                "Das Profil aus Sicht von Bewerberinnen und Kunden",
                "Überschrift und Infotext gemeinsam neu schreiben",
            ),
            (
                "Der erste eigene Beitrag",
                "Einen Beitrag über ein Projekt des Teams entwerfen und einplanen",
            ),
        ),
        learned="Die ersten zwei Zeilen eines Beitrags entscheiden, ob jemand weiterliest. Ein "
        "Foto vom Team wirkt stärker als ein Symbolbild.",
        kpi=("Vier eigene Beiträge auf LinkedIn veröffentlichen", 4),
        glossary="Reichweite: wie viele Menschen einen Beitrag zu sehen bekommen.",
    ),
    "excel-formulas": LearningTopicTexts(
        goal="Ich werte die Zahlen meines Bereichs selbst aus – mit XVERWEIS, Pivot-Tabellen "
        "und bedingter Formatierung.",
        sessions=(
            (
                "XVERWEIS statt Kopieren und Einfügen",
                "Zwei Listen aus dem ERP-Export zusammenführen",
            ),
            ("Pivot-Tabellen in zehn Minuten", "Den Monatsbericht als Pivot-Tabelle nachbauen"),
        ),
        learned="XVERWEIS findet auch Werte links von der Suchspalte und meldet sauber, wenn "
        "nichts gefunden wird. Als Tabelle formatierte Daten wachsen in Formeln mit.",
        kpi=("Den Monatsbericht ohne Hilfe als Pivot-Tabelle erstellen", 1),
        glossary="Pivot-Tabelle: fasst lange Listen per Ziehen und Ablegen zu Summen zusammen.",
    ),
    "data-visualisation": LearningTopicTexts(
        goal="Ich baue ein einfaches Power-BI-Dashboard für meine wichtigsten Kennzahlen und "
        "lese fremde Dashboards kritisch.",
        sessions=(
            (
                "Welches Diagramm für welche Frage?",
                "Drei Folien aus dem letzten Bereichsbericht neu gestalten",
            ),
            (
                "Das erste Dashboard",
                "Die Kennzahlen des Bereichs in Power BI verbinden und filtern",
            ),
        ),
        learned="Ein Diagramm beantwortet genau eine Frage. Für Entwicklungen über die Zeit eine "
        "Linie, Kreisdiagramme nur für wenige Anteile.",
        kpi=("Ein Dashboard mit den fünf wichtigsten Kennzahlen aufbauen", 5),
        glossary="Dashboard: eine Seite, die die wichtigsten Kennzahlen laufend aktuell zeigt.",
    ),
    "social-intranet": LearningTopicTexts(
        goal="Ich informiere mein Team im Social Intranet und beantworte Fragen dort offen, "
        "statt alles per E-Mail zu verschicken.",
        sessions=(
            (
                "Communities, Beiträge, Kommentare: wie das Intranet funktioniert",
                "Eine Bereichs-Community anlegen und die erste Nachricht posten",
            ),
            (
                "Vom Rundschreiben zum Dialog",
                "Das nächste Update fürs Team als Beitrag mit Umfrage schreiben",
            ),
        ),
        learned="Ein kurzer Beitrag mit einer offenen Frage bekommt mehr Antworten als ein "
        "langes Rundschreiben. Mit einer @-Erwähnung kommen die richtigen Leute dazu.",
        kpi=("Sechs Team-Updates im Intranet statt per E-Mail", 6),
        glossary="Community: ein offener Bereich im Intranet für ein Thema oder ein Team.",
    ),
    "slack-teams": LearningTopicTexts(
        goal="Ich organisiere die Zusammenarbeit meines Teams in Teams-Kanälen, sodass weniger "
        "E-Mails und weniger Abstimmungstermine nötig sind.",
        sessions=(
            (
                "Kanäle, Chats und Dateien sinnvoll ordnen",
                "Die Kanalstruktur für das eigene Team skizzieren",
            ),
            (
                "Besprechungen kürzer machen",
                "Eine Abstimmung im Kanal statt im Termin durchführen",
            ),
        ),
        learned="Themen gehören in Kanäle, nicht in Einzelchats – dann finden alle später die "
        "Entscheidung. Eine Ankündigung hebt Wichtiges im Kanal hervor.",
        kpi=("Zwei wöchentliche Abstimmungstermine durch Kanäle ersetzen", 2),
        glossary="Asynchron: jede und jeder antwortet, wenn es passt – ohne gemeinsamen Termin.",
    ),
    "hybrid-work": LearningTopicTexts(
        goal="Ich moderiere hybride Besprechungen so, dass die Kolleginnen und Kollegen am "
        "Bildschirm genauso beteiligt sind wie die im Raum.",
        sessions=(
            (
                "Was hybride Besprechungen kippen lässt",
                "Die letzte Abteilungsrunde aus Sicht der Online-Teilnehmenden durchgehen",
            ),
            (
                "Werkzeuge für Beteiligung: Whiteboard, Umfrage, Handheben",
                "Ein Whiteboard für die nächste Teamrunde vorbereiten",
            ),
        ),
        learned="In hybriden Runden zuerst die Online-Teilnehmenden fragen, dann den Raum. Ein "
        "gemeinsames digitales Whiteboard ersetzt das Flipchart, das online niemand lesen kann.",
        kpi=("Drei hybride Teamrunden mit Whiteboard moderieren", 3),
        glossary="Hybrid: ein Teil der Runde sitzt im Raum, ein Teil ist online zugeschaltet.",
    ),
    "chatbots": LearningTopicTexts(
        goal="Ich verstehe, wie ein Chatbot Kundenanfragen vorsortiert, und kann mit der IT "
        "beurteilen, wo er sich in meinem Bereich lohnt.",
        sessions=(
            (
                "Wie ein Chatbot Fragen versteht",
                "Zehn häufige Kundenfragen sammeln und nach Anliegen ordnen",
            ),
            (
                "Ein Prototyp in einer Stunde",
                "Mit einem Baukasten einen kleinen FAQ-Bot für die Hotline bauen",
            ),
        ),
        learned="Ein Bot braucht eine klare Übergabe an Menschen, sonst ärgert er die Kundschaft. "
        "Die zehn häufigsten Fragen decken oft mehr als die Hälfte der Anfragen ab.",
        kpi=("Zehn häufige Kundenfragen für einen FAQ-Bot aufbereiten", 10),
        glossary="Intent: das Anliegen hinter einer Frage, egal wie sie formuliert ist.",
    ),
    "leading-younger-generations": LearningTopicTexts(
        goal="Ich verstehe besser, was jüngere Mitarbeitende von Führung erwarten – Feedback, "
        "Sinn, Flexibilität – und probiere zwei neue Formen davon in meinem Team aus.",
        sessions=(
            (
                "Erwartungen an Führung aus Sicht der Generation Z",
                "Eigene Annahmen aufschreiben und mit Erfahrungen aus der Ausbildung abgleichen",
            ),
            (
                "Feedback in kurzen Abständen",
                "Einen 15-Minuten-Check-in für Nachwuchskräfte entwerfen",
            ),
        ),
        learned="Jüngere Kolleginnen und Kollegen wünschen sich häufiger und direkter Feedback – "
        "lieber kurz jede Woche als ausführlich einmal im Jahr. Das Warum hinter einer Aufgabe "
        "ist ihnen wichtiger als gedacht.",
        kpi=("Fünf kurze Feedbackgespräche mit Nachwuchskräften führen", 5),
        glossary="Check-in: ein kurzes, regelmäßiges Gespräch – wie geht es, wo hakt es?",
    ),
    "video-tutorials": LearningTopicTexts(
        goal="Ich nehme kurze Erklärvideos für mein Team selbst auf, statt dieselben Fragen "
        "immer wieder in Besprechungen zu beantworten.",
        sessions=(
            (
                "Gute Erklärvideos: kurz, ein Thema, ein Ziel",
                "Ein Drehbuch für ein Zwei-Minuten-Video schreiben",
            ),
            (
                "Aufnehmen und schneiden am Laptop",
                "Das erste Video mit Bildschirmaufnahme aufnehmen und kürzen",
            ),
        ),
        learned="Ein Erklärvideo bleibt unter drei Minuten. Die Bildschirmaufnahme ist in "
        "PowerPoint schon eingebaut – dafür braucht es kein eigenes Programm.",
        kpi=("Drei Erklärvideos für das Team aufnehmen", 3),
        glossary="Screencast: eine Aufnahme des Bildschirms mit gesprochener Erklärung.",
    ),
    "seo": LearningTopicTexts(
        goal="Ich verstehe, wie Kundinnen und Kunden uns über Suchmaschinen finden, und rede "
        "mit der Agentur über Suchbegriffe und Inhalte mit.",
        sessions=(
            (
                "Wie Suchmaschinen Seiten finden und ordnen",
                "Die Produktseiten des Bereichs mit den Augen einer Suchmaschine ansehen",
            ),
            (
                "Die Suchbegriffe der Kundschaft",
                "Zehn Suchbegriffe für unser Angebot mit einem Keyword-Werkzeug prüfen",
            ),
        ),
        learned="Es zählen nicht unsere Fachbegriffe, sondern die Wörter, mit denen Kundinnen "
        "und Kunden suchen. Ein klarer Seitentitel bringt oft mehr als viele Schlagwörter.",
        kpi=("Zehn Suchbegriffe für die Produktseiten festlegen", 10),
        glossary="Keyword: ein Suchbegriff, den Menschen tatsächlich in die Suchmaschine tippen.",
    ),
}

GIVE_BACK: dict[str, GiveBackTexts] = {
    "leadership": GiveBackTexts(
        goal="Ich gebe Einblick, wie ich Entscheidungen treffe und ein Team durch schwierige "
        "Phasen führe.",
        learned="Bei schwierigen Entscheidungen zuerst klären, wer mitreden muss und bis wann – "
        "das nimmt viel Druck aus der Diskussion.",
    ),
    "negotiation": GiveBackTexts(
        goal="Ich zeige, wie ich Verhandlungen vorbereite und führe – an Beispielen aus "
        "Kundengesprächen.",
        learned="Vor jeder Verhandlung die eigene Rückfallposition kennen. Wer zuerst einen "
        "Anker setzt, prägt das Gespräch.",
    ),
    "strategy": GiveBackTexts(
        goal="Ich erkläre, wie eine Bereichsstrategie entsteht und wie man eigene Ideen darin "
        "unterbringt.",
        learned="Eine Idee hat bessere Chancen, wenn sie an ein Ziel der Bereichsstrategie "
        "anknüpft und die Kosten gleich mitdenkt.",
    ),
    "stakeholder-management": GiveBackTexts(
        goal="Ich zeige, wie ich die wichtigen Menschen für ein Vorhaben erkenne und früh "
        "einbinde.",
        learned="Eine einfache Landkarte – Einfluss gegen Interesse – zeigt, mit wem ich bei "
        "einem Vorhaben zuerst sprechen sollte.",
    ),
    "career-planning": GiveBackTexts(
        goal="Ich begleite die nächsten beruflichen Schritte mit Erfahrungen aus meinem eigenen "
        "Weg.",
        learned="Eine Laufbahn plant man nicht nur über Stellen, sondern über Aufgaben, die "
        "sichtbar machen, was man kann.",
    ),
    "networking": GiveBackTexts(
        goal="Ich öffne Türen in mein Netzwerk und zeige, wie man im Unternehmen Kontakte pflegt.",
        learned="Ein Netzwerk lebt vom Geben: Wer anderen hilft und Kontakte vermittelt, wird "
        "auch selbst gefragt.",
    ),
    "board-presentations": GiveBackTexts(
        goal="Wir bereiten gemeinsam eine Präsentation so vor, dass sie vor dem Vorstand "
        "bestehen würde.",
        learned="Vor dem Vorstand zuerst die Entscheidung nennen, die man braucht, dann die "
        "Begründung – nicht umgekehrt.",
    ),
}


def agenda(topic: str, exercise: str, *, give_back: str = "", extra: str = "") -> str:
    """An agenda in the shape the meetings feature suggests (R20): check-in, topic, trying it
    out, feedback; optionally the give-back part and a line a partner added."""
    lines = [
        "1. Check-in: Wie geht es uns, was ist seit dem letzten Treffen passiert?",
        f"2. Thema heute: {topic}",
        f"3. Gemeinsam ausprobieren: {exercise}",
    ]
    if give_back:
        lines.append(f"4. Gegenrichtung: {give_back} – Fragen aus dem eigenen Arbeitsalltag")
    lines.append(f"{len(lines) + 1}. Feedback und nächste Schritte")
    if extra:
        lines.append(extra)
    return "\n".join(lines)


# Quick feedback after a meeting: (rating, remark) by side; remarks may be empty.
MENTEE_FEEDBACK = (
    (5, "Sehr praktisch – ich habe es gleich am nächsten Tag im Team ausprobiert."),
    (5, "Gutes Tempo, und ich durfte selbst am Rechner arbeiten statt nur zuzusehen."),
    (4, "Hilfreich, besonders die Beispiele aus dem eigenen Alltag."),
    (4, "Etwas viel auf einmal – beim nächsten Mal lieber ein Thema weniger."),
    (4, ""),
)
MENTOR_FEEDBACK = (
    (5, "Spannende Fragen aus der Praxis, ich habe selbst viel über den Bereich gelernt."),
    (4, "Wir haben die Zeit gut genutzt; nächstes Mal plane ich mehr Zeit zum Ausprobieren ein."),
    (5, "Offenes Gespräch, auch meine Fragen zur Gegenrichtung kamen nicht zu kurz."),
    (3, "Wir sind nicht ganz fertig geworden – das Thema nehmen wir nächstes Mal wieder auf."),
    (4, ""),
)

# The demo mentor and mentee: their own words, meeting by meeting (mentee first, then mentor);
# {mentee} is the mentee's first name.
DEMO_FEEDBACK = (
    (
        (5, "Endlich verstehe ich, worum es bei dem Thema in meinem Alltag wirklich geht."),
        (5, "{mentee} bringt so konkrete Beispiele mit, dass das Erklären richtig Spaß macht."),
    ),
    (
        (4, "Vor Ort war es leichter, Dinge direkt auszuprobieren. Gern öfter so."),
        (5, "Die Tipps aus der Gegenrichtung nehme ich in mein nächstes Projektgespräch mit."),
    ),
    (
        (5, "Das Ausprobierte kam in meiner Abteilungsrunde gut an – zwei haben nachgefragt."),
        (4, "Beim nächsten Mal weniger Folien von mir und mehr Zeit für die Fragen von {mentee}."),
    ),
)

MEETING_PLACE_VIDEO = "https://meet.example/tandem-{slug}"
MEETING_PLACE_MUNICH = "Hauptverwaltung München, Besprechungsraum Isar 3"
RECORDING_URL = "https://video.example/aufzeichnungen/tandem-{slug}-treffen-3"

CONTACT_ADDITION = (
    "Kurze Fragen zwischendurch im Teams-Chat; wir antworten innerhalb von zwei Arbeitstagen."
)
SUCCESS_CRITERIA = (
    "Bis zum Ende des Durchgangs haben wir beide Lernziele erreicht und unsere KPIs erfüllt. "
    "Zur Halbzeit schauen wir gemeinsam, ob die Ziele noch passen. Erfolg heißt auch: Das "
    "Gelernte wird im Arbeitsalltag genutzt, nicht nur in unseren Treffen."
)

SHARED_NOTE_AGREED = (
    "Was wir vereinbart haben\n\n"
    "- Wir treffen uns alle zwei Wochen dienstags mittags, 45 Minuten, meist per Video.\n"
    "- Die Agenda füllen wir beide bis zum Vortag; {mentee} bringt ein Beispiel aus der "
    "Woche mit.\n"
    "- Zwischendurch Fragen im Teams-Chat, Antwort innerhalb von zwei Arbeitstagen.\n"
    "- Aufzeichnungen nur, wenn wir beide zustimmen, und nur für uns zwei."
)
GLOSSARY_HEADING = "Glossar – Begriffe, die wir geklärt haben"
GLOSSARY_GENERAL = "Tool: ein Programm oder eine App für eine bestimmte Aufgabe."

JOURNAL_MENTEE = (
    "Anfangs habe ich mich nicht getraut, vermeintlich einfache Fragen zu stellen. Seit wir "
    "vereinbart haben, dass es keine dummen Fragen gibt, geht es viel leichter. Nächstes Mal "
    "möchte ich mehr selbst ausprobieren und weniger mitschreiben."
)
JOURNAL_MENTOR = (
    "Erklären ist schwerer als gedacht: Was für mich selbstverständlich ist, muss ich in kleine "
    "Schritte zerlegen. Der Didaktik-Leitfaden hilft – erst zeigen, dann selbst machen lassen, "
    "dann zusammenfassen. Mitnehmen möchte ich, wie ruhig man in schwierigen Gesprächen bleiben "
    "kann, wenn man sich gut vorbereitet."
)
UPCOMING_AGENDA_ADDITION = (
    "Ergänzung von {mentee}: ein Beispiel aus meiner nächsten Abteilungsrunde durchsprechen"
)
SHARED_NOTE_OTHERS = (
    "Nächste Schritte\n\n"
    "- Übung aus dem letzten Treffen bis zum nächsten Mal einmal im Alltag ausprobieren.\n"
    "- Offene Fragen sammeln wir hier und gehen sie zu Beginn des nächsten Treffens durch."
)
