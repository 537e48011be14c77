"""DigComp 2.2: German names, short descriptions and example questions for the 5 areas and the
21 competences. The English names come from data/digcomp-2.2.csv (as published by the EU JRC);
the German names and all descriptions and questions are ours.
"""

from __future__ import annotations

# area number → German name, German description, English description
AREAS: dict[str, tuple[str, str, str]] = {
    "1": (
        "Umgang mit Informationen und Daten",
        "Informationen finden, kritisch bewerten und geordnet ablegen.",
        "Finding information, judging it critically and keeping it in order.",
    ),
    "2": (
        "Kommunikation und Zusammenarbeit",
        "Mit digitalen Mitteln kommunizieren, teilen und gemeinsam arbeiten.",
        "Communicating, sharing and working together by digital means.",
    ),
    "3": (
        "Erstellung digitaler Inhalte",
        "Digitale Inhalte erstellen, weiterentwickeln und rechtssicher nutzen.",
        "Creating and reworking digital content and using it lawfully.",
    ),
    "4": (
        "Sicherheit",
        "Geräte, Daten, Gesundheit und Umwelt im digitalen Alltag schützen.",
        "Protecting devices, data, health and the environment in everyday digital life.",
    ),
    "5": (
        "Problemlösung",
        "Technische Probleme lösen und digitale Werkzeuge gezielt und kreativ einsetzen.",
        "Solving technical problems and using digital tools purposefully and creatively.",
    ),
}

# competence number → German name, German description, English description,
# German example questions, English example questions
COMPETENCES: dict[str, tuple[str, str, str, tuple[str, ...], tuple[str, ...]]] = {
    "1.1": (
        "Daten, Informationen und digitale Inhalte durchsuchen und filtern",
        "Den eigenen Informationsbedarf klären, Daten und Inhalte digital finden und die eigene "
        "Suchstrategie laufend verbessern.",
        "Clarifying what you need to know, finding data and content digitally and refining your "
        "own search strategy.",
        (
            "Wie finde ich in der Suchmaschine schneller genau das, was ich suche?",
            "Wie richte ich Benachrichtigungen zu Themen ein, die mich interessieren?",
        ),
        (
            "How do I find exactly what I am looking for in a search engine faster?",
            "How do I set up alerts for topics that interest me?",
        ),
    ),
    "1.2": (
        "Daten, Informationen und digitale Inhalte bewerten",
        "Glaubwürdigkeit und Verlässlichkeit von Quellen, Daten und Inhalten prüfen.",
        "Checking how credible and reliable sources, data and content are.",
        (
            "Woran erkenne ich Falschmeldungen und manipulierte Bilder?",
            "Wie prüfe ich, ob eine Statistik in einem Beitrag seriös ist?",
        ),
        (
            "How do I recognise fake news and manipulated images?",
            "How do I check whether a statistic in a post is sound?",
        ),
    ),
    "1.3": (
        "Daten, Informationen und digitale Inhalte verwalten",
        "Daten und Inhalte so ablegen, ordnen und verarbeiten, dass man sie wiederfindet.",
        "Storing, organising and processing data and content so that you can find it again.",
        (
            "Wie organisiere ich meine Dateien in der Cloud sinnvoll?",
            "Wie behalte ich bei vielen Versionen eines Dokuments den Überblick?",
        ),
        (
            "How do I organise my files in the cloud sensibly?",
            "How do I keep track of many versions of a document?",
        ),
    ),
    "2.1": (
        "Über digitale Technologien interagieren",
        "Über verschiedene digitale Kanäle passend zum Anlass kommunizieren.",
        "Communicating through various digital channels, suited to the occasion.",
        (
            "Wann ist ein Chat besser als eine E-Mail – und wann ein Anruf?",
            "Wie moderiere ich ein Online-Meeting so, dass alle zu Wort kommen?",
        ),
        (
            "When is a chat better than an e-mail – and when is a call?",
            "How do I run an online meeting so that everyone gets a say?",
        ),
    ),
    "2.2": (
        "Über digitale Technologien teilen",
        "Daten, Informationen und Inhalte mit anderen teilen und Quellen angeben.",
        "Sharing data, information and content with others and citing sources.",
        (
            "Wie teile ich ein Dokument, ohne es per E-Mail zu verschicken?",
            "Was darf ich aus dem Intranet extern weitergeben?",
        ),
        (
            "How do I share a document without sending it by e-mail?",
            "What from the intranet may I pass on outside the company?",
        ),
    ),
    "2.3": (
        "Sich über digitale Technologien gesellschaftlich beteiligen",
        "Öffentliche und private digitale Dienste nutzen, um mitzureden und teilzuhaben.",
        "Using public and private digital services to take part and have a say.",
        (
            "Welche Verwaltungsleistungen kann ich heute online erledigen?",
            "Wie beteilige ich mich konstruktiv an öffentlichen Online-Diskussionen?",
        ),
        (
            "Which public services can I use online today?",
            "How do I take part constructively in public online discussions?",
        ),
    ),
    "2.4": (
        "Über digitale Technologien zusammenarbeiten",
        "Digitale Werkzeuge für gemeinsames Arbeiten und gemeinsames Erstellen nutzen.",
        "Using digital tools to work together and create things together.",
        (
            "Wie bearbeiten wir ein Dokument gleichzeitig, ohne uns zu stören?",
            "Wie organisiere ich Aufgaben im Team digital statt per E-Mail?",
        ),
        (
            "How do we edit a document at the same time without getting in each other's way?",
            "How do I organise team tasks digitally instead of by e-mail?",
        ),
    ),
    "2.5": (
        "Netiquette",
        "Umgangsformen im Netz kennen und auf Zielgruppe und kulturelle Vielfalt achten.",
        "Knowing the manners of online communication and respecting audiences and diversity.",
        (
            "Welcher Ton ist im Team-Chat angemessen – sind Emojis in Ordnung?",
            "Wie reagiere ich auf einen unsachlichen Kommentar unter meinem Beitrag?",
        ),
        (
            "What tone is right in the team chat – are emojis fine?",
            "How do I respond to a hostile comment under my post?",
        ),
    ),
    "2.6": (
        "Digitale Identität gestalten",
        "Die eigene digitale Identität und den eigenen Ruf im Netz bewusst gestalten und schützen.",
        "Shaping and protecting your own digital identity and online reputation.",
        (
            "Was findet man über mich, wenn man meinen Namen sucht?",
            "Wie trenne ich berufliche und private Profile sinnvoll?",
        ),
        (
            "What do people find when they search for my name?",
            "How do I keep professional and private profiles sensibly apart?",
        ),
    ),
    "3.1": (
        "Digitale Inhalte entwickeln",
        "Inhalte in verschiedenen Formaten erstellen und bearbeiten, um sich auszudrücken.",
        "Creating and editing content in different formats to express yourself.",
        (
            "Wie mache ich mit dem Smartphone ein gutes kurzes Video?",
            "Wie gestalte ich eine Folie, die man auf einen Blick versteht?",
        ),
        (
            "How do I make a good short video with my smartphone?",
            "How do I design a slide that can be understood at a glance?",
        ),
    ),
    "3.2": (
        "Digitale Inhalte integrieren und neu erarbeiten",
        "Vorhandene Inhalte verändern, verbessern und zu Neuem zusammenführen.",
        "Modifying, improving and combining existing content into something new.",
        (
            "Wie mache ich aus einem langen Bericht eine kurze Zusammenfassung für das Intranet?",
            "Wie nutze ich Vorlagen, ohne dass alles gleich aussieht?",
        ),
        (
            "How do I turn a long report into a short summary for the intranet?",
            "How do I use templates without everything looking the same?",
        ),
    ),
    "3.3": (
        "Urheberrecht und Lizenzen",
        "Wissen, wie Urheberrecht und Lizenzen für Daten und Inhalte gelten.",
        "Understanding how copyright and licences apply to data and content.",
        (
            "Welche Bilder darf ich in einer Präsentation oder einem Beitrag verwenden?",
            "Was bedeutet eine Creative-Commons-Lizenz?",
        ),
        (
            "Which images may I use in a presentation or a post?",
            "What does a Creative Commons licence mean?",
        ),
    ),
    "3.4": (
        "Programmieren",
        "Einem Computer verständliche Anweisungen geben, um eine Aufgabe zu lösen.",
        "Giving a computer understandable instructions to solve a task.",
        (
            "Was macht eigentlich ein Skript – und könnte ich eines schreiben?",
            "Was heißt „CRUD“, und warum reden Entwickler ständig davon?",
        ),
        (
            "What does a script actually do – and could I write one?",
            "What does “CRUD” mean, and why do developers keep talking about it?",
        ),
    ),
    "4.1": (
        "Geräte schützen",
        "Geräte und digitale Inhalte schützen und Risiken im Netz kennen.",
        "Protecting devices and digital content and knowing the risks online.",
        (
            "Wie erkenne ich eine Phishing-Mail?",
            "Warum sollte ich Updates sofort installieren?",
        ),
        (
            "How do I recognise a phishing e-mail?",
            "Why should I install updates straight away?",
        ),
    ),
    "4.2": (
        "Personenbezogene Daten und Privatsphäre schützen",
        "Personenbezogene Daten und die Privatsphäre in digitalen Umgebungen schützen.",
        "Protecting personal data and privacy in digital environments.",
        (
            "Welche Daten gebe ich preis, wenn ich eine App nutze?",
            "Was darf ich in ein KI-Werkzeug eingeben und was nicht?",
        ),
        (
            "Which data do I give away when I use an app?",
            "What may I type into an AI tool, and what not?",
        ),
    ),
    "4.3": (
        "Gesundheit und Wohlbefinden schützen",
        "Gesundheitsrisiken digitaler Technik vermeiden und das eigene Wohlbefinden schützen.",
        "Avoiding health risks of digital technology and protecting your well-being.",
        (
            "Wie schaffe ich es, nach Feierabend nicht ständig aufs Handy zu schauen?",
            "Wie vermeide ich Erschöpfung durch zu viele Videokonferenzen?",
        ),
        (
            "How do I stop checking my phone all the time after work?",
            "How do I avoid fatigue from too many video calls?",
        ),
    ),
    "4.4": (
        "Die Umwelt schützen",
        "Die Umweltwirkung digitaler Technologien und ihrer Nutzung kennen.",
        "Knowing the environmental impact of digital technologies and their use.",
        (
            "Wie viel Energie verbrauchen Streaming, Cloud und KI wirklich?",
            "Wie verlängern wir die Nutzungsdauer unserer Geräte?",
        ),
        (
            "How much energy do streaming, the cloud and AI really use?",
            "How do we make our devices last longer?",
        ),
    ),
    "5.1": (
        "Technische Probleme lösen",
        "Technische Probleme beim Bedienen von Geräten und Programmen erkennen und lösen.",
        "Identifying and solving technical problems when using devices and software.",
        (
            "Was tue ich, wenn im Online-Meeting Kamera oder Ton nicht funktionieren?",
            "Wie beschreibe ich dem IT-Support ein Problem so, dass schnell geholfen wird?",
        ),
        (
            "What do I do when the camera or sound fails in an online meeting?",
            "How do I describe a problem to IT support so that they can help quickly?",
        ),
    ),
    "5.2": (
        "Bedürfnisse und technologische Antworten darauf erkennen",
        "Bedarfe erkennen und passende digitale Werkzeuge und Lösungen auswählen und anpassen.",
        "Recognising needs and choosing and adapting suitable digital tools and solutions.",
        (
            "Welches Werkzeug passt für unsere Team-Abstimmung am besten?",
            "Woran erkenne ich, dass sich ein Ablauf automatisieren lässt?",
        ),
        (
            "Which tool suits our team coordination best?",
            "How do I tell that a process can be automated?",
        ),
    ),
    "5.3": (
        "Digitale Technologien kreativ nutzen",
        "Digitale Technologien nutzen, um Neues zu schaffen und Abläufe zu verbessern.",
        "Using digital technologies to create new things and improve processes.",
        (
            "Wie können wir mit digitalen Mitteln ein Kundenproblem neu lösen?",
            "Wie probiere ich eine Idee schnell digital aus, bevor wir investieren?",
        ),
        (
            "How could we solve a customer problem anew with digital means?",
            "How do I try out an idea digitally before we invest?",
        ),
    ),
    "5.4": (
        "Lücken in der digitalen Kompetenz erkennen",
        "Erkennen, wo die eigene digitale Kompetenz verbessert werden muss, und dranbleiben.",
        "Recognising where your digital competence needs to improve, and keeping it up to date.",
        (
            "Wo stehe ich digital im Vergleich zu dem, was meine Rolle verlangt?",
            "Wie bleibe ich bei neuen digitalen Entwicklungen auf dem Laufenden?",
        ),
        (
            "Where do I stand digitally compared with what my role requires?",
            "How do I keep up with new digital developments?",
        ),
    ),
}
