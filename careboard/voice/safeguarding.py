"""Words that suggest a child may be at risk. A match makes a feedback item urgent.

The list is deliberately broad: a false alarm costs a safeguarding lead a minute, a miss
could cost far more. Matching ignores case, accents, punctuation and repeated letters
("sooo scared"), and looks for whole words or phrases.
"""

from __future__ import annotations

import re
import unicodedata

# Each signal: a short name shown to staff, and the phrases that raise it.
SIGNALS: dict[str, tuple[str, ...]] = {
    "harm": (
        "hurt me",
        "hurts me",
        "hurting me",
        "harm me",
        "harming me",
        "hit me",
        "hits me",
        "hitting me",
        "beat me",
        "beats me",
        "kicked me",
        "punched me",
        "slapped me",
    ),
    "abuse": (
        "abuse",
        "abused",
        "abusing",
        "touched me",
        "touches me",
        "touching me",
        "groomed",
        "grooming",
        "sexual",
        "made me do",
    ),
    "self-harm": (
        "self harm",
        "selfharm",
        "cut myself",
        "cutting myself",
        "hurt myself",
        "hurting myself",
        "kill myself",
        "end my life",
        "suicide",
        "suicidal",
        "want to die",
        "dont want to live",
        "overdose",
    ),
    "not safe": (
        "not safe",
        "unsafe",
        "dont feel safe",
        "scared",
        "frightened",
        "afraid",
        "terrified",
        "threatened",
        "threatens me",
    ),
    "running away": (
        "run away",
        "running away",
        "ran away",
        "go missing",
        "went missing",
        "going missing",
    ),
    "exploitation": (
        "county lines",
        "drugs for",
        "made me sell",
        "older boyfriend",
        "older girlfriend",
        "give me money to",
        "exploit",
    ),
    "neglect": ("no food", "not fed", "starving", "locked in", "locked out"),
}


def normalise(text: str) -> str:
    """Lower case, no accents or apostrophes, letters repeated 3+ times squeezed to one."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = re.sub(r"['’`]", "", plain)
    plain = re.sub(r"(\w)\1{2,}", r"\1", plain)
    return " " + re.sub(r"[^a-z0-9]+", " ", plain).strip() + " "


_PATTERNS = {
    name: re.compile("|".join(rf" {re.escape(normalise(p).strip())} " for p in phrases))
    for name, phrases in SIGNALS.items()
}


def signals_in(*texts: str) -> list[str]:
    """The names of the safeguarding signals found in any of the texts, in list order."""
    joined = normalise(" ".join(texts))
    return [name for name, pattern in _PATTERNS.items() if pattern.search(joined)]
