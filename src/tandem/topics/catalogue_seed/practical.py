"""Practical digital topics named in the source articles, each linked to DigComp competences."""

from __future__ import annotations

# code, German name, English name, German description, English description
AREAS: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "practice-social-media",
        "Social Media und Online-Präsenz",
        "Social media and online presence",
        "Sichtbar werden und Menschen erreichen: Profile, Anzeigen, Suchmaschinen, Wachstum.",
        "Becoming visible and reaching people: profiles, ads, search engines, growth.",
    ),
    (
        "practice-ai-automation",
        "KI und Automatisierung",
        "AI and automation",
        "Generative KI, Chatbots und automatisierte Abläufe im Arbeitsalltag.",
        "Generative AI, chatbots and automated workflows in everyday work.",
    ),
    (
        "practice-data",
        "Daten und Analyse",
        "Data and analysis",
        "Mit Tabellen rechnen und Daten verständlich darstellen.",
        "Calculating with spreadsheets and presenting data clearly.",
    ),
    (
        "practice-new-work",
        "Zusammenarbeit und neues Arbeiten",
        "Collaboration and new ways of working",
        "Social Intranet, Chat-Werkzeuge, agiles und hybrides Arbeiten, Führung im Wandel.",
        "Social intranet, chat tools, agile and hybrid work, leadership in a changing world.",
    ),
)

TOPICS: tuple[dict, ...] = (
    {
        "code": "linkedin-profile",
        "area": "practice-social-media",
        "name": ("LinkedIn-Profil", "LinkedIn profile"),
        "description": (
            "Ein überzeugendes Profil aufbauen und LinkedIn beruflich gezielt nutzen.",
            "Building a convincing profile and using LinkedIn purposefully for work.",
        ),
        "questions_de": (
            "Wie sieht ein gutes Profil für eine Führungskraft aus?",
            "Wie oft sollte ich posten, und worüber?",
            "Wie vernetze ich mich, ohne aufdringlich zu wirken?",
        ),
        "questions_en": (
            "What does a good profile for a senior manager look like?",
            "How often should I post, and about what?",
            "How do I connect with people without seeming pushy?",
        ),
        "competences": ("2.6", "2.2", "3.1"),
    },
    {
        "code": "social-media-ads",
        "area": "practice-social-media",
        "name": ("Instagram- und Facebook-Anzeigen", "Instagram / Facebook ads"),
        "description": (
            "Anzeigen in sozialen Netzwerken planen, schalten und ihre Wirkung messen.",
            "Planning and running ads on social networks and measuring their effect.",
        ),
        "questions_de": (
            "Wie erstelle ich eine erste Anzeige bei Facebook Ads?",
            "Wie lese ich Engagement-Kennzahlen richtig?",
            "Wie poste ich auf Instagram – und was kommt gut an?",
        ),
        "questions_en": (
            "How do I create a first ad in Facebook Ads?",
            "How do I read engagement metrics correctly?",
            "How do I post on Instagram – and what works well?",
        ),
        "competences": ("3.1", "2.2", "1.2"),
    },
    {
        "code": "seo",
        "area": "practice-social-media",
        "name": ("Suchmaschinenoptimierung (SEO)", "Search engine optimisation (SEO)"),
        "description": (
            "Verstehen, wie Websites in Suchmaschinen besser gefunden werden.",
            "Understanding how websites get found better in search engines.",
        ),
        "questions_de": (
            "Warum erscheint unsere Website bei Google nicht weiter oben?",
            "Welche Suchbegriffe nutzen unsere Kundinnen und Kunden?",
        ),
        "questions_en": (
            "Why doesn't our website rank higher on Google?",
            "Which search terms do our customers use?",
        ),
        "competences": ("1.1", "3.1", "2.2"),
    },
    {
        "code": "growth-hacking",
        "area": "practice-social-media",
        "name": ("Growth Hacking", "Growth hacking"),
        "description": (
            "Mit schnellen, datengetriebenen Experimenten Reichweite und Kundschaft gewinnen.",
            "Gaining reach and customers with quick, data-driven experiments.",
        ),
        "questions_de": (
            "Was bedeutet „Growth Hacking“ eigentlich?",
            "Wie setze ich ein kleines Wachstumsexperiment auf und werte es aus?",
        ),
        "questions_en": (
            "What does “growth hacking” actually mean?",
            "How do I set up a small growth experiment and evaluate it?",
        ),
        "competences": ("5.3", "1.2", "2.2"),
    },
    {
        "code": "generative-ai",
        "area": "practice-ai-automation",
        "name": ("ChatGPT und generative KI", "ChatGPT and generative AI"),
        "description": (
            "Generative KI sinnvoll, sicher und kritisch im Arbeitsalltag einsetzen.",
            "Using generative AI sensibly, safely and critically in everyday work.",
        ),
        "questions_de": (
            "Wie formuliere ich einen guten Prompt?",
            "Welche wiederkehrenden Aufgaben kann mir ChatGPT abnehmen?",
            "Welche Daten darf ich einer KI nicht geben?",
        ),
        "questions_en": (
            "How do I write a good prompt?",
            "Which repetitive tasks can ChatGPT take off my hands?",
            "Which data must I not give to an AI?",
        ),
        "competences": ("3.2", "1.2", "4.2", "5.3"),
    },
    {
        "code": "chatbots",
        "area": "practice-ai-automation",
        "name": ("Chatbots", "Chatbots"),
        "description": (
            "Wie Chatbots den Kundenservice verändern und was sie (nicht) können.",
            "How chatbots change customer service, and what they can and cannot do.",
        ),
        "questions_de": (
            "Für welche Kundenanfragen lohnt sich ein Chatbot?",
            "Wie merkt ein Chatbot, dass er an einen Menschen übergeben muss?",
        ),
        "questions_en": (
            "For which customer enquiries is a chatbot worth it?",
            "How does a chatbot know when to hand over to a human?",
        ),
        "competences": ("5.2", "2.1", "3.4"),
    },
    {
        "code": "workflow-automation",
        "area": "practice-ai-automation",
        "name": (
            "Automatisierung mit Zapier / Power Automate",
            "Automation with Zapier / Power Automate",
        ),
        "description": (
            "Wiederkehrende Abläufe zwischen Anwendungen ohne Programmierung automatisieren.",
            "Automating recurring workflows between applications without programming.",
        ),
        "questions_de": (
            "Welche meiner Routineaufgaben lassen sich automatisieren?",
            "Wie baue ich meinen ersten Ablauf, z. B. Anhänge automatisch ablegen?",
            "Wie automatisiere ich drei Prozesse in einem Monat?",
        ),
        "questions_en": (
            "Which of my routine tasks can be automated?",
            "How do I build my first flow, e.g. filing attachments automatically?",
            "How do I automate three processes within a month?",
        ),
        "competences": ("5.2", "5.3", "3.4"),
    },
    {
        "code": "excel-formulas",
        "area": "practice-data",
        "name": ("Excel-Formeln", "Excel formulas"),
        "description": (
            "Mit Formeln, Filtern und Pivot-Tabellen Zahlen selbst auswerten.",
            "Analysing figures yourself with formulas, filters and pivot tables.",
        ),
        "questions_de": (
            "Wie funktionieren SVERWEIS bzw. XVERWEIS?",
            "Wie baue ich eine Pivot-Tabelle für meinen Monatsbericht?",
        ),
        "questions_en": (
            "How do VLOOKUP and XLOOKUP work?",
            "How do I build a pivot table for my monthly report?",
        ),
        "competences": ("1.3", "3.4"),
    },
    {
        "code": "data-visualisation",
        "area": "practice-data",
        "name": (
            "Datenvisualisierung mit Tableau / Power BI",
            "Data visualisation with Tableau / Power BI",
        ),
        "description": (
            "Dashboards lesen und bauen, um Entscheidungen auf Echtzeitdaten zu stützen.",
            "Reading and building dashboards to base decisions on real-time data.",
        ),
        "questions_de": (
            "Wie lese ich ein Dashboard, ohne mich in Details zu verlieren?",
            "Welches Diagramm passt zu welcher Frage?",
            "Wie baue ich ein einfaches Dashboard für mein Team?",
        ),
        "questions_en": (
            "How do I read a dashboard without getting lost in detail?",
            "Which chart fits which question?",
            "How do I build a simple dashboard for my team?",
        ),
        "competences": ("1.2", "1.3", "3.1"),
    },
    {
        "code": "social-intranet",
        "area": "practice-new-work",
        "name": (
            "Social Intranet und Social Collaboration",
            "Social intranet and collaboration",
        ),
        "description": (
            "Das Social Intranet kennenlernen und für Führung und Austausch nutzen.",
            "Getting to know the social intranet and using it for leadership and exchange.",
        ),
        "questions_de": (
            "Wie nutze ich unser Intranet, um mein Team zu informieren?",
            "Wie starte ich eine Community zu einem Fachthema?",
        ),
        "questions_en": (
            "How do I use our intranet to keep my team informed?",
            "How do I start a community on a specialist topic?",
        ),
        "competences": ("2.4", "2.1", "2.5"),
    },
    {
        "code": "slack-teams",
        "area": "practice-new-work",
        "name": ("Slack / Teams", "Slack / Teams"),
        "description": (
            "Chat-, Kanal- und Besprechungsfunktionen für die tägliche Zusammenarbeit nutzen.",
            "Using chat, channels and meetings for everyday collaboration.",
        ),
        "questions_de": (
            "Wann nutze ich einen Kanal und wann eine Direktnachricht?",
            "Wie behalte ich bei vielen Benachrichtigungen den Überblick?",
        ),
        "questions_en": (
            "When do I use a channel and when a direct message?",
            "How do I keep on top of lots of notifications?",
        ),
        "competences": ("2.1", "2.4", "2.5"),
    },
    {
        "code": "agile-work",
        "area": "practice-new-work",
        "name": ("Agiles Arbeiten", "Agile work"),
        "description": (
            "Agile Methoden und Haltung verstehen, wie Entwicklerteams sie leben.",
            "Understanding agile methods and mindset as development teams live them.",
        ),
        "questions_de": (
            "Was passiert in einem Sprint, einem Daily und einer Retro?",
            "Wie führe ich ein Team, das sich selbst organisiert?",
        ),
        "questions_en": (
            "What happens in a sprint, a daily and a retro?",
            "How do I lead a team that organises itself?",
        ),
        "competences": ("2.4", "5.2"),
    },
    {
        "code": "hybrid-work",
        "area": "practice-new-work",
        "name": ("Hybrides Arbeiten", "Hybrid work"),
        "description": (
            "Zusammenarbeit gestalten, wenn ein Teil des Teams im Büro und ein Teil remote ist.",
            "Shaping collaboration when part of the team is in the office and part is remote.",
        ),
        "questions_de": (
            "Wie gestalte ich hybride Meetings fair für alle?",
            "Wie halte ich Kontakt zu Teammitgliedern, die ich selten sehe?",
        ),
        "questions_en": (
            "How do I make hybrid meetings fair for everyone?",
            "How do I stay in touch with team members I rarely see?",
        ),
        "competences": ("2.1", "2.4", "4.3"),
    },
    {
        "code": "video-tutorials",
        "area": "practice-new-work",
        "name": ("Video-Tutorials aufnehmen", "Recording video tutorials"),
        "description": (
            "Kurze Erklärvideos mit Bildschirmaufnahme erstellen und teilen.",
            "Making and sharing short explainer videos with screen recording.",
        ),
        "questions_de": (
            "Mit welchem Werkzeug nehme ich meinen Bildschirm samt Ton auf?",
            "Wie kurz sollte ein Erklärvideo sein?",
        ),
        "questions_en": (
            "Which tool do I use to record my screen with sound?",
            "How short should an explainer video be?",
        ),
        "competences": ("3.1", "3.3", "2.2"),
    },
    {
        "code": "leading-younger-generations",
        "area": "practice-new-work",
        "name": (
            "Wie jüngere Generationen geführt werden wollen",
            "How younger generations want to be led",
        ),
        "description": (
            "Erwartungen von Generation Y und Z an Führung, Feedback und Zusammenarbeit verstehen.",
            "Understanding what Generations Y and Z expect from leadership, feedback and teamwork.",
        ),
        "questions_de": (
            "Welche Art von Feedback wünschen sich jüngere Kolleginnen und Kollegen?",
            "Welcher Firmenjargon wirkt auf Jüngere veraltet?",
            "Was macht uns als Arbeitgeber für junge Talente attraktiv?",
        ),
        "questions_en": (
            "What kind of feedback do younger colleagues want?",
            "Which company jargon sounds outdated to younger people?",
            "What makes us attractive as an employer for young talent?",
        ),
        "competences": ("2.1", "2.5", "5.4"),
    },
)
