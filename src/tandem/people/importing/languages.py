"""Language names and codes as HR systems write them → ISO 639-1 codes."""

from __future__ import annotations

import unicodedata

from django.conf.locale import LANG_INFO

ISO_639_1 = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
    da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
    hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky
    la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
    oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss
    st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo
    za zh zu
    """.split()  # noqa: SIM905 - a table is easier to check
)

GERMAN_NAMES = {
    "deutsch": "de",
    "englisch": "en",
    "französisch": "fr",
    "italienisch": "it",
    "spanisch": "es",
    "portugiesisch": "pt",
    "niederländisch": "nl",
    "holländisch": "nl",
    "flämisch": "nl",
    "polnisch": "pl",
    "tschechisch": "cs",
    "slowakisch": "sk",
    "ungarisch": "hu",
    "rumänisch": "ro",
    "bulgarisch": "bg",
    "kroatisch": "hr",
    "serbisch": "sr",
    "bosnisch": "bs",
    "slowenisch": "sl",
    "albanisch": "sq",
    "mazedonisch": "mk",
    "griechisch": "el",
    "türkisch": "tr",
    "russisch": "ru",
    "ukrainisch": "uk",
    "weißrussisch": "be",
    "belarussisch": "be",
    "arabisch": "ar",
    "hebräisch": "he",
    "persisch": "fa",
    "farsi": "fa",
    "dari": "fa",
    "kurdisch": "ku",
    "paschtu": "ps",
    "chinesisch": "zh",
    "mandarin": "zh",
    "kantonesisch": "zh",
    "japanisch": "ja",
    "koreanisch": "ko",
    "vietnamesisch": "vi",
    "thailändisch": "th",
    "indonesisch": "id",
    "malaiisch": "ms",
    "tagalog": "tl",
    "hindi": "hi",
    "urdu": "ur",
    "bengalisch": "bn",
    "pandschabi": "pa",
    "tamilisch": "ta",
    "dänisch": "da",
    "schwedisch": "sv",
    "norwegisch": "no",
    "finnisch": "fi",
    "isländisch": "is",
    "estnisch": "et",
    "lettisch": "lv",
    "litauisch": "lt",
    "irisch": "ga",
    "walisisch": "cy",
    "katalanisch": "ca",
    "baskisch": "eu",
    "galicisch": "gl",
    "luxemburgisch": "lb",
    "maltesisch": "mt",
    "lateinisch": "la",
    "latein": "la",
    "georgisch": "ka",
    "armenisch": "hy",
    "aserbaidschanisch": "az",
    "kasachisch": "kk",
    "usbekisch": "uz",
    "amharisch": "am",
    "tigrinya": "ti",
    "somali": "so",
    "suaheli": "sw",
    "swahili": "sw",
    "afrikaans": "af",
}

ENGLISH_EXTRA = {
    "farsi": "fa",
    "mandarin": "zh",
    "cantonese": "zh",
    "flemish": "nl",
    "castilian": "es",
    "filipino": "tl",
    "punjabi": "pa",
    "persian": "fa",
}


def _build() -> dict[str, str]:
    table: dict[str, str] = {code: code for code in ISO_639_1}
    for key, info in LANG_INFO.items():
        code = key.split("-")[0]
        if code not in ISO_639_1 or "name" not in info:
            continue
        for name in (info["name"], info.get("name_local", "")):
            if name:
                table.setdefault(name.casefold(), code)
    table.update(ENGLISH_EXTRA)
    table.update(GERMAN_NAMES)
    return table


LANGUAGE_CODES = _build()


def language_code(name: str) -> str | None:
    """'Deutsch', 'German', 'de', 'de-DE' → 'de'; None when unknown."""
    key = unicodedata.normalize("NFC", name).strip().casefold()
    code = LANGUAGE_CODES.get(key)
    if code is None and len(key) > 2 and key[2:3] in ("-", "_") and key[:2] in ISO_639_1:
        code = key[:2]  # regional variants: de-AT, en_GB
    return code
