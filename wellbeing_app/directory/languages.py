"""Language codes and names, so "fr", "fr-CA" and "French" count as the same language.

Directory files write languages either as ISO 639-1 codes or as English names; the matching rules compare
the code, and the reasons shown to the user use the English name.
"""

from __future__ import annotations

from functools import lru_cache

from wellbeing_app.directory.text import fold

LANGUAGE_NAMES: dict[str, str] = {
    "af": "Afrikaans",
    "am": "Amharic",
    "ar": "Arabic",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "cs": "Czech",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "ga": "Irish",
    "gu": "Gujarati",
    "ha": "Hausa",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "id": "Indonesian",
    "ig": "Igbo",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "ku": "Kurdish",
    "ln": "Lingala",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "ml": "Malayalam",
    "ms": "Malay",
    "my": "Burmese",
    "nb": "Norwegian",
    "ne": "Nepali",
    "nl": "Dutch",
    "no": "Norwegian",
    "pa": "Punjabi",
    "pl": "Polish",
    "ps": "Pashto",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "rw": "Kinyarwanda",
    "sk": "Slovak",
    "sl": "Slovenian",
    "so": "Somali",
    "sq": "Albanian",
    "sr": "Serbian",
    "sv": "Swedish",
    "sw": "Swahili",
    "ta": "Tamil",
    "te": "Telugu",
    "th": "Thai",
    "ti": "Tigrinya",
    "tl": "Tagalog",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "vi": "Vietnamese",
    "xh": "Xhosa",
    "yo": "Yoruba",
    "zh": "Chinese",
    "zu": "Zulu",
}

# English names and a few common alternative spellings, folded, pointing at their code.
_NAME_TO_CODE: dict[str, str] = {fold(name): code for code, name in LANGUAGE_NAMES.items() if code != "nb"}
_NAME_TO_CODE.update({"farsi": "fa", "filipino": "tl", "mandarin": "zh", "cantonese": "zh", "nb": "no"})


@lru_cache(maxsize=4096)
def language_key(value: str) -> str:
    """The comparable form of a language: its ISO code when known ("fr-CA", "French" → "fr"), else its folded text."""
    folded = fold(value).replace("_", "-")
    primary = folded.split("-", 1)[0]
    if primary in LANGUAGE_NAMES:
        return "no" if primary == "nb" else primary
    return _NAME_TO_CODE.get(folded, folded)


def is_known_language(value: str) -> bool:
    return language_key(value) in LANGUAGE_NAMES


def language_name(value: str) -> str:
    """The English name for display ("fr" → "French"); text that is not a known code is shown as given."""
    return LANGUAGE_NAMES.get(language_key(value), value)
