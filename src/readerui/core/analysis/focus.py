"""Who is in focus at a point of the text: ranking earlier mentions as antecedents.

"He said", "the astronaut added" and a quote with no attribution all point at the person the
text is about at that point. Each earlier mention is a candidate, described by a few features
(distance, grammatical position, whether the person was just quoted …); a linear score whose
weights were fitted on gold attributions (``scripts/fit_focus.py``, a conditional logistic
regression over the candidates of each decision) ranks them. The weights live in
``focus_weights.json`` beside this module: a small file, no model download.
"""

from __future__ import annotations

import json
import operator
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from readerui.core.analysis import lexicon as lx
from readerui.core.analysis.alternation import alternation

__all__ = ["FEATURES", "Mention", "describe", "features", "score", "weights"]

FEATURES = (
    "bias",
    "distance",
    "sentences_between",
    "same_paragraph",
    "object",
    "in_phrase",
    "subject",
    "apposition",
    "subject_apposition",
    "fronted",
    "possessive",
    "unknown_gender",
    "speaks_here",
    "last_speaker",
    "quoted_before",
    "mentions_near",
)
"""Names of the features, in the order of the weight vector."""

_CHARS_PER_UNIT = 250.0
"""Characters of distance that make one unit of the distance feature."""
_MAX_SENTENCES = 5
"""Sentence distances beyond this count as this."""
_MAX_NEAR = 4
"""Mentions of the same person nearby beyond this count as this."""

_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|to|with|by|for|from|about|against|at|on|in|like|than|and|or|friend|told|asked)"
    r"\s+(?:[A-Z][\w.’'\-]*\s+){0,3}$"
)
"""The mention is an object: "told Ana Roe", "the likes of Ben Diaz", "speaking to Mary Fox"."""
_PREPOSITION_PHRASE = re.compile(
    r"[\w,] (?:of|to|with|by|for|from|about|against|at|on|in|like|than|told|asked)"
    r" (?:(?!(?:that|who|whom|which|when|while|as|because|after|before|he|she|they) )"
    r"[a-z][\w’'\-]* ){1,3}$"
)
"""Deeper in a prepositional phrase inside the sentence: "asked about his rival Ben Diaz" (not
one that opens the sentence: "In a statement Ana Roe said" has Roe as its subject)."""
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.!?:;”\"\n]\s*|\b(?:but|and|then|so|when|as)\s+)(?:[A-Z][\w.’\x27\-]*\s+|[a-z\-]+\s+){0,4}$"
)
"""The mention opens its sentence or clause: it is (part of) the subject."""
_SPEECH_AFTER = re.compile(
    r"(?:,?\s+[\w\-]+){0,3}?,?\s+(?:"
    + alternation(lx.SPEECH_VERBS)  # prefix-factored: read after every mention
    + r")\b",
    re.IGNORECASE,
)
"""A speech verb right after the mention: "Roe said", "Roe, 41, told"."""
_SUBJECT_PHRASE = re.compile(r"(?:^|[.!?:;”\"\n]\s*)(?:[\w.’'\-]+\s+){0,5}[\w.’'\-]+$")
"""A short phrase opening its sentence: "The party leader" in "The party leader, Ann Roe, said"."""
_LAST_WORD = re.compile(r"\b([A-Z][\w\-]*\.?)\s+$")
_TITLE_WORDS = lx.HONORIFICS | lx.TITLES | lx.TITLE_MODIFIERS
_APPOSITION_HEADS = lx.ROLE_NOUNS | lx.RELATIONAL_NOUNS
_BEFORE = 80
"""Characters before a mention read for its grammatical position."""
_AFTER = 40
"""Characters after a mention read for a speech verb."""


@dataclass(frozen=True, slots=True)
class Mention:
    """What a candidate mention looks like, independent of the point being resolved."""

    start: int
    """Offset of the mention."""
    object: bool
    in_phrase: bool
    subject: bool
    apposition: bool
    subject_apposition: bool
    fronted: bool
    possessive: bool
    speaks_here: bool


def _tail_start(text: str, words: int) -> int:
    """Where the last ``words`` whitespace-separated words of ``text`` begin, or a little
    before (0 when it holds no more). A pattern anchored at the end whose match spans at most
    that many words starts nowhere earlier, so its search can start there: a search tries
    every start, and the text read before a mention is 80 characters long."""
    parts = text.rsplit(None, words)
    return len(parts[0]) if len(parts) > words else 0


_PATTERN_WORDS = 5
"""Most words a match of _PREPOSITION_BEFORE (a preposition and three), _PREPOSITION_PHRASE
(the end of a word, a preposition and three) or _SUBJECT_BEFORE (an opener and four) spans."""


def _strip_titles(before: str) -> str:
    """``before`` without the titles that open the name ("… he denied Mr. ", "Justice "), so
    an abbreviation's period is not read as a sentence end."""
    for _ in range(4):
        m = _LAST_WORD.search(before, _tail_start(before, 1))  # a match is in the last word
        if m is None or not m.group(1)[0].isupper():
            break
        low = m.group(1).lower()
        if low not in _TITLE_WORDS and low.rstrip(".") not in _TITLE_WORDS:
            break
        before = before[: m.start()]
    return before


def describe(text: str, start: int, end: int) -> Mention:
    """The position of the mention ``text[start:end]`` in its sentence."""
    before = _strip_titles(text[max(0, start - _BEFORE) : start])
    # (With a start position "^" still matches only at the start of ``before``.)
    tail = _tail_start(before, _PATTERN_WORDS)
    obj = bool(_PREPOSITION_BEFORE.search(before, tail))
    in_phrase = not obj and bool(_PREPOSITION_PHRASE.search(before, tail))
    subj = not obj and bool(_SUBJECT_BEFORE.search(before, tail))
    apposition = subject_apposition = fronted = False
    if not obj and not subj and before.rstrip().endswith(","):
        phrase = before.rstrip()[:-1]
        head = phrase.rsplit(None, 1)[-1:] or [""]
        if head[0].lower() in _APPOSITION_HEADS:
            # "The party leader, Ann Roe, said" (the subject) / "… run by his father’s
            # friend, Pavel Roe" (anyone else).
            subject_apposition = bool(_SUBJECT_PHRASE.search(phrase))
            apposition = not subject_apposition
        else:
            fronted = True  # "On Nov. 27, Roe expressed …"
    return Mention(
        start=start,
        object=obj,
        in_phrase=in_phrase,
        subject=subj,
        apposition=apposition,
        subject_apposition=subject_apposition,
        fronted=fronted,
        possessive=text.startswith(("’s", "'s"), end),
        speaks_here=bool(_SPEECH_AFTER.match(text, end, end + _AFTER)),
    )


def features(
    m: Mention,
    pos: int,
    sentences_between: int,
    same_paragraph: bool,
    unknown_gender: bool,
    last_speaker: bool,
    quoted_before: bool,
    mentions_near: int,
) -> list[float]:
    """The feature vector (in :data:`FEATURES` order) of mention ``m`` as the antecedent of
    something at ``pos``."""
    return [
        1.0,
        (pos - m.start) / _CHARS_PER_UNIT,
        float(min(sentences_between, _MAX_SENTENCES)),
        float(same_paragraph),
        float(m.object),
        float(m.in_phrase),
        float(m.subject),
        float(m.apposition),
        float(m.subject_apposition),
        float(m.fronted),
        float(m.possessive),
        float(unknown_gender),
        float(m.speaks_here),
        float(last_speaker),
        float(quoted_before),
        float(min(mentions_near, _MAX_NEAR)),
    ]


@cache
def weights() -> tuple[float, ...]:
    """The fitted weights, in :data:`FEATURES` order (from ``focus_weights.json``)."""
    raw = resources.files(__package__).joinpath("focus_weights.json").read_text("utf-8")
    table = json.loads(raw)["weights"]
    return tuple(float(table.get(name, 0.0)) for name in FEATURES)


def score(vector: list[float]) -> float:
    """The linear score of a feature vector: higher is more likely the one in focus."""
    total: float = sum(map(operator.mul, weights(), vector))
    return total
