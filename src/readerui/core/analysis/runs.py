"""Finding candidate person names: runs of capitalised words, stripped of titles.

The engine has no statistical model, so a capitalised run only becomes a person with
*evidence*: a courtesy title or job title before it, a known first name, an initial, or a
speech verb beside it. Everything else ("Kyiv", "Metro Vancouver", "Liberal Party") stays a
non-person run, still useful for linking surnames later.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from readerui.core.analysis import lexicon as lx
from readerui.core.analysis.alternation import alternation
from readerui.core.analysis.cancel import EVERY, PIECE, Check, never
from readerui.core.analysis.names import (
    agent_noun,
    fold,
    is_first_name,
    is_given_name,
    is_person_noun,
    is_role_word,
    name_case,
)

__all__ = ["Memo", "NameRun", "find_runs"]

# A word: letters, with inner apostrophes or hyphens ("O’Brien", "Jean-Pierre", "al-Assad").
# A doubled hyphen is a dash ("Céline--the"), never inside a word.
_WORD = re.compile(r"[^\W\d_](?:[\w’']*[^\W_])?(?:-[^\W_](?:[\w’']*[^\W_])?)*")
_NEXT_WORD = re.compile(r"[\W\d_]*+(" + _WORD.pattern + ")")
"""The next word from a position: what lies before it cannot start one (no letter)."""
_SKIP_LOWER = re.compile(r"(?:[\W\d_]*+(?>[a-z](?:[\w’']*[^\W_])?)(?!-[^\W_]))*+[\W\d_]*+")
"""Words that open in ASCII lower case and hold no hyphen, and what lies between them, up
to the next other word: such a word never opens a name, and most words of a text are such.
Each word here is a whole match of _WORD (the same letters, greedy; the atomic group keeps
a hyphenated word from being cut short instead), so one call in C steps over what a loop
in Python took most of the time of a book's analysis for."""
_SKIP_TO_WORD = re.compile(_SKIP_LOWER.pattern + "(" + _WORD.pattern + ")?")
"""_SKIP_LOWER and the word it stops at (a word never spans the space a piece ends at)."""
_POSSESSIVE = ("’s", "'s")
"""A word ending in one is possessive (tested with ``endswith``: a word holds no newline)."""
_SENTENCE_END = re.compile(r"(?:[.!?:;]|[.!?][”\"’')\]])\s*$")
_SENTENCE_END_LAST = frozenset(".!?:;”\"’')]")
"""What a text _SENTENCE_END matches ends with, before its spaces (a cheap test first)."""
_OPENERS = "“\"‘'(—–[-"
_SPACE_OR_OPENER = " " + _OPENERS
# Set operations done once, not on every run classified.
_DATES_NOT_NAMES = lx.DAYS_MONTHS - lx.NAME_MONTHS
"""Weekdays and months that are never a name ("May" and "June" may be)."""
_TITLE_OR_PLACE_PREFIX = lx.HONORIFICS | lx.PLACE_PREFIXES
_ROLE_NOUN = re.compile(r"(?<![\w\-])[A-Za-z][\w\-]*$")
"""A role noun right before a name: letters, digits, hyphens ("lawyer", "co-founder")."""
_AGE_NOUN = re.compile(r"^(?:\d{1,3}|[a-z]+)-(?:year|month|week)s?-old$")
"""An age before a name: "two-year-old", "5-year-old"."""
_ROLE_MODIFIER = re.compile(r"[\w’'\-.]+")
"""A word that may describe the role noun after it."""
_APPOSITION_ROLE = re.compile(r"\s*,\s*([^,.;:()“”\"\n]{2,70}?)\s*(?=[,.;:()“”\"\n]|$)")
"""The phrase in apposition after a name, up to the next punctuation."""
_ROLE_COURTESY = frozenset({"honour", "honor", "honourable", "honorable", "right", "worshipful"})
"""Words of address inside a title that are no part of the role ("His Honour Judge")."""


_SPEECH_AFTER = re.compile(
    r"^\s+(?:(?:" + alternation(lx.SPEECH_ADVERBS) + r")\s+)?"
    r"(?:" + alternation(lx.NAME_SPEECH_VERBS) + r")\b"
)
"""A speech verb right after a name ("Roe said", "Roe has told"): speech evidence."""
_SPEECH_VERB_AFTER = re.compile(
    r"^\s+(?:(?:also|later|then)\s+)?(?:" + alternation(lx.SUBJECT_SPEECH_VERBS) + r")\b"
)
"""The name is the subject of a speech verb right after it ("Green said"): a speaker."""
_SPEECH_VERB_BEFORE = re.compile(r"\b(?:" + alternation(lx.INVERTED_SPEECH_VERBS) + r")\s+$")
"""A verb-first attribution right before the name ("said Gokool")."""
_SPEECH_VERB_ENDINGS = tuple(sorted(lx.INVERTED_SPEECH_VERBS))
_SPEECH_BEFORE_VERBS = lx.INVERTED_SPEECH_VERBS - {"quipped", "recalled", "continued"}
_SPEECH_BEFORE = re.compile(
    r"(?:\b(?:" + alternation(_SPEECH_BEFORE_VERBS) + r")|\baccording\s+to)\s+$",
    re.IGNORECASE,
)
"""A speech verb or "according to" right before the name: speech evidence."""
_SPEECH_BEFORE_ENDINGS = (*sorted(_SPEECH_BEFORE_VERBS), "to")
_APPOSITIVE = re.compile(
    r"^\s*,\s*(?:\d{1,3}\s*,|who\b|whose\b|aged\s+\d|an?\s+(?:\w+\s+){0,2}(?:"
    + alternation(lx.APPOSITION_PERSON_NOUNS)
    + r")\b)"
)
"""An age, a relative clause or a person noun after the name: "Yuni, 34,", "Ayo, who …"."""
_PERSON_APPOSITIVE = re.compile(
    r"^\s*,\s*(?:\d{1,3}\s*,|aged\s+\d|an?\s+(?:[\w\-]+\s+){0,2}(?:"
    + alternation(lx.APPOSITION_PERSON_NOUNS | {"man", "woman", "boy", "girl"})
    + r")\b)"
)
"""An age or a person noun in apposition: "Qarvenu, 41," / "Qarvenu, a resident of …"."""
_SITE_BEFORE = re.compile(r"\b(?:in|at|near|inside|outside|across|throughout)\s+$")
_DOTTED = lx.HONORIFICS | lx.TITLES | {"st.", "mt.", "ft."}
"""Abbreviations whose period does not end a run ("Dr. Roe", "St. Louis Park")."""
_PLACEY_WORDS = ("in", "at", "near", "into", "across", "outside", "inside", "for", "from", "of")
_PLACEY_BEFORE = re.compile(r"\b(?:" + "|".join(_PLACEY_WORDS) + r")\s+$")
_NEXT_LOWER = re.compile(r"^ ([a-z][a-z\-]+)\b")
_TITLE_WORDS = lx.TITLES | lx.TITLE_MODIFIERS | lx.ROLE_NOUNS
_THE_BEFORE = re.compile(r"\bthe\s+$")
_COUNTRY_AFTER = re.compile(r"^\s*\(\s*([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*\)")
_LOCATIVE_WORDS = ("in", "near", "into", "across", "throughout", "outside", "inside")
_LOCATIVE_BEFORE = re.compile(r"\b(?:" + "|".join(_LOCATIVE_WORDS) + r")\s+$")


@dataclass(slots=True)
class NameRun:
    """One run of capitalised words after titles and sentence starters are stripped."""

    start: int
    """Offset of the first name character in the article text."""
    end: int
    """Offset just past the name (before any possessive ’s)."""
    tokens: tuple[str, ...]
    """The name's words, e.g. ``("Emmanuel", "Macron")``."""
    surface: str = ""
    """The name exactly as written ("J. R. Toller")."""
    role: str | None = None
    """The title found before the name ("French President", "Kremlin spokesman")."""
    honorific: str | None = None
    """A courtesy title before the name ("Mr", "Dr.")."""
    titled: bool = False
    """A courtesy or job title introduced the name."""
    first_name: bool = False
    """The first word is a known given name."""
    initial: bool = False
    """The name contains an initial ("George W. Bush")."""
    speech: bool = False
    """A speech verb or an appositive sits right beside the name."""
    speaker: bool = False
    """The run is the subject of a speech verb right beside it ("Green said")."""
    appositive: bool = False
    """An age or a relative clause follows: "Yuni, 34, …", "Ayo, who …"."""
    verb_first: bool = False
    """The speech verb comes first ("said Gokool"): no sentence opener, so stronger."""
    org: bool = False
    """A word in the run marks it as an organisation or place."""
    placey: bool = False
    """A locative preposition ("in", "at") comes right before the run."""
    locative: bool = False
    """A strictly spatial preposition ("in", "near", "across") comes right before the run and
    no possessive follows it: "in Ruritania", not "in Smith’s car"."""
    common_first: bool = False
    """The first word is an ordinary word the article also writes in lower case and no given
    name ("Fair Trading", "Amnesty International"): speech alone does not make it a person."""
    sentence_initial: bool = False
    """The run opens a sentence, so its first capital proves nothing."""
    thing: bool = False
    """An organisation noun is in apposition ("Harrow Vale, a non-profit agency"): the name
    is no person unless something else in the text says so."""
    kin: bool = False
    """A relative named in apposition ("his father, Joe"): a person of their own, never the
    namesake already in the story."""

    @property
    def text(self) -> str:
        """The name as written."""
        return self.surface or " ".join(self.tokens)

    @property
    def is_person(self) -> bool:
        """Whether the run has enough evidence to be a person on its own."""
        if self.org or not self.tokens:
            return False
        if len(self.tokens) >= 2:
            if self.titled or self.initial or self.first_name:
                return True
            return self.speech and not self.placey and not self.common_first
        # A lone word needs a title ("Mr Namah", "President Macron") or to speak: "Kim said".
        if self.titled:
            return not self.placey
        low = self.tokens[0].lower()
        return (
            (self.speaker or self.appositive)
            and self.first_name
            and not self.placey
            and low not in lx.LONE_PLACES
        )


_ARABIC_PREFIX = re.compile(r"^(?:al|el|ul|ad|as|ash|at|az|abu|bin|ibn|ben|de|di|da|van)-[A-Z]")


def _dotted_acronym(text: str, pos: int) -> bool:
    """Whether the letter at ``pos`` belongs to a dotted place abbreviation ("U.S.")."""
    lo = pos
    while lo >= 2 and text[lo - 1] == "." and text[lo - 2].isalpha():
        lo -= 2
    hi = pos + 1
    while hi + 1 < len(text) and text[hi] == "." and text[hi + 1].isalpha():
        hi += 2
    return text[lo:hi].lower() in lx.DOTTED_ACRONYMS


_GLUED_CHROME = re.compile(r"^(?:Credit|Photo|Image|Video|Source|Courtesy)+(?=[A-Z][a-z])")
_APOSTROPHE_PREFIX = re.compile(r"^[A-Z][’'](?=[A-Z][a-z])")
_CONTRACTION = re.compile(r"[’'](?:ve|m|re|ll|d|t)$")


@lru_cache(maxsize=1 << 14)
def _is_cap(word: str) -> bool:
    """A capitalised word that may be part of a name (not an all-caps acronym); asked of
    every capitalised word of a text, of the same few thousand words, so answers are kept."""
    if not word[0].isupper():
        return "-" in word and bool(_ARABIC_PREFIX.match(word))
    if ("’" in word or "'" in word) and _CONTRACTION.search(word):
        return False
    if len(word) == 1:
        return True
    if "-" in word and word.rsplit("-", 1)[1] in lx.ADJECTIVE_SUFFIXES:
        return False  # "Boston-based", "Ontario-born": an adjective
    if word[1:].islower():
        return True  # one capital, then lower case only: most names (and the cheap test)
    # "McCallum", "DeSantis", "Brind’Amour" pass; "NATO", "MPs", "MaRS" do not.
    if sum(c.isupper() for c in word) >= 2:
        # "O’Connor", "D'Amato", "N'Doram": a one-letter prefix and an apostrophe.
        word = _APOSTROPHE_PREFIX.sub("", word)
        return all(_camel_ok(part) for part in word.split("-") if part)
    return any(c.islower() for c in word)


def _camel_ok(part: str) -> bool:
    """Every capital in ``part`` starts a chunk of at least two lower-case letters."""
    chunk = 0
    for c in part:
        if c.isupper():
            if chunk == 1:
                return False
            chunk = 1
        elif c.isalpha():
            chunk += 1
    return chunk != 1


def find_runs(
    text: str,
    start: int,
    end: int,
    lower_vocab: frozenset[str],
    check: Check = never,
    memo: Memo | None = None,
) -> list[NameRun]:
    """Every capitalised run in ``text[start:end]`` (one paragraph), classified.

    ``lower_vocab`` is the set of words the article also uses in lower case: a capitalised
    sentence opener that is an ordinary word elsewhere ("Tap", "Click") is not a name.
    ``check`` is called every few hundred words (see :mod:`.cancel`). ``memo`` keeps what
    runs' words say between the paragraphs of one article (same ``text`` and ``lower_vocab``).
    """
    if memo is None:
        memo = {}
    runs: list[NameRun] = []
    pos = start
    limit = start  # the end of the piece the next skip may read (cut at a space)
    steps = 0
    while True:
        if pos >= limit:
            if limit >= end:
                break
            check()
            limit = _cut_after(text, pos, end)
        steps += 1
        if steps % EVERY == 0:
            check()
        m = _SKIP_TO_WORD.match(text, pos, limit)  # always matches (maybe nothing)
        if m is None or m.start(1) < 0:  # only lower-case words up to the cut
            pos = limit
            continue
        s, e, w = m.start(1), m.end(1), m.group(1)
        pos = e
        if (w[0].islower() and "-" not in w) or not _is_cap(w):
            continue
        if w[0] in "CPIVS" and (glued := _GLUED_CHROME.match(w)):
            # "CreditJane Roe": a page label glued to a name by text extraction.
            s, w = s + glued.end(), w[glued.end() :]
        group = [(s, e, w)]
        # Only a space or a dot may join the next word (see ok_gap): else none is looked for.
        nxt = _next_word(text, e, end) if text[e : e + 1] in (" ", ".") else None
        while nxt is not None and not group[-1][2].endswith(_POSSESSIVE):
            ps, pe, pw = group[-1]
            ns, ne, nw = nxt
            gap = text[pe:ns]
            # "J. Smith", "Dr. Jones" continue a run; "U.S. Trump" (an acronym) does not.
            ok_gap = gap == " " or (
                gap in (". ", ".")
                and (len(pw) == 1 or (gap == ". " and pw.lower() + "." in _DOTTED))
                and (gap == ". " or len(nw) == 1)
                and not _dotted_acronym(text, ps)
            )
            if not ok_gap:
                break
            if _is_cap(nw):
                group.append(nxt)
                nxt = _next_word(text, ne, end)
                continue
            # Particles inside names: "Ursula von der Leyen", "Mohammed bin Salman".
            particles: Group = []
            last_end = pe
            while (
                nxt is not None and nxt[2] in lx.NAME_PARTICLES and text[last_end : nxt[0]] == " "
            ):
                particles.append(nxt)
                last_end = nxt[1]
                nxt = _next_word(text, last_end, end)
            if particles and nxt is not None and _is_cap(nxt[2]) and text[last_end : nxt[0]] == " ":
                group += particles
                group.append(nxt)
                nxt = _next_word(text, nxt[1], end)
                continue
            break
        # The run's last word ends where the next word is looked for.
        pos = group[-1][1]
        # A lone capitalised word that is one letter ("I", "A") or a sentence starter ("The",
        # "But") never makes a run (_classify drops it): not worth reading around it.
        if (
            len(group) == 1
            and "’" not in w
            and "'" not in w
            and (len(w) == 1 or w.lower() in lx.COMMON_SENTENCE_STARTERS)
        ):
            continue
        run = _classify(text, start, group, lower_vocab, memo)
        if run is not None:
            runs.append(run)
    return runs


def _next_word(text: str, pos: int, end: int) -> tuple[int, int, str] | None:
    """The first word of ``text[pos:end]`` as (start, end, word), or None."""
    m = _NEXT_WORD.match(text, pos, end)
    return None if m is None else (m.start(1), m.end(1), m.group(1))


def _cut_after(text: str, pos: int, end: int) -> int:
    """Where the piece of ``text[pos:end]`` read in one call ends: at a space (so no word is
    cut) about PIECE characters on, or at ``end``."""
    if end - pos <= PIECE:
        return end
    cut = text.find(" ", pos + PIECE, end)
    return end if cut == -1 else cut


_ROLE_LEAD = re.compile(
    r"(?:\b(?:former|acting|interim|outgoing|incoming|late|then|deputy|vice)\s+)?"
    r"(?:\b(?:[A-Z]{2,4}|(?:[A-Z]\.){2,3})\s+)?$"
)
"""What may open a title before the capitalised words: "former", "acting", "US", "U.K."."""


_APPOSITION = re.compile(
    r"^\s*,\s*(?:an?|the|his|her|their|its|[\w.\-]+[’']s)\s+([^,.;:()“”\"]{2,50})"
)


_BARE_APPOSITION = re.compile(
    r"^\s*,\s*(?:[a-z][a-z\-]+\s+){0,2}([a-z][a-z\-]+)(?:\s+(?:at|of|for|with)\b|\s*,)"
)


def _role_appositive(after: str) -> bool:
    """A role in apposition: "Jane Roe, the bank’s chief economist, …", "Roe, a lawyer"."""
    m = _APPOSITION.match(after)
    if m is None:
        # No article: "Jane Roe, marketing executive at Acme, said".
        bare = _BARE_APPOSITION.match(after)
        return (
            bare is not None
            and is_role_word(bare.group(1))
            and bare.group(1) not in lx.SHARED_ROLES
        )
    words = m.group(1).split()[:4]
    return any(
        (w.islower() and is_role_word(w) and w not in lx.SHARED_ROLES)
        or (w.isupper() and len(w) > 1 and w.lower() in lx.TITLES)  # "the Labour MP for …"
        for w in words
    )


_AFTER_VESSEL = re.compile(
    r"\b(?:the|a|an|his|her|their|its|our)\s+(?:" + "|".join(sorted(lx.VESSEL_NOUNS)) + r")\s+$",
    re.IGNORECASE,
)


_KIND_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(lx.THING_KIND_NOUNS)) + r")(?:s?\s+(?:called|named)|)\s+$"
)
"""A kind of firm or work right before the name: "consultancy Harrow Lab", "a shop called …".
A bare plural ("the films Lucas directed") opens a relative clause, not a name."""
_KIND_ENDINGS = (*sorted(lx.THING_KIND_NOUNS), "called", "named")
_VESSEL_ENDINGS = tuple(sorted(lx.VESSEL_NOUNS))


def _speech_word_last(tail: str) -> bool:
    """Whether ``tail`` (text before a name, its spaces stripped) may end in a word that
    _SPEECH_BEFORE matches. Tested in C for ASCII, where ``lower()`` folds case as the
    case-blind pattern does; any other ending is left to the pattern."""
    end = tail[-12:]  # the longest word tested is shorter
    return not end.isascii() or end.lower().endswith(_SPEECH_BEFORE_ENDINGS)


def _locative_before(window: str) -> bool:
    """Whether _LOCATIVE_BEFORE matches ``window``, its ending tested first."""
    return window.rstrip().endswith(_LOCATIVE_WORDS) and _LOCATIVE_BEFORE.search(window) is not None


def _kind_before(window: str) -> bool:
    """Whether _KIND_BEFORE matches ``window``. Its match ends in a kind noun, "called" or
    "named", then spaces: that ending is tested first, in C, because the search (tried at
    every position of the window) is what it costs for the many names that lack it."""
    return window.rstrip().endswith(_KIND_ENDINGS) and _KIND_BEFORE.search(window) is not None


def _vessel_before(window: str) -> bool:
    """Whether _AFTER_VESSEL matches ``window``, with the same cheap test of its ending first
    (only for ASCII, where ``lower()`` folds case exactly as the case-blind pattern does)."""
    tail = window.rstrip()
    if tail.isascii() and not tail.lower().endswith(_VESSEL_ENDINGS):
        return False
    return _AFTER_VESSEL.search(window) is not None


_VERB_NEXT = re.compile(r"^\s+[a-z]+ed\b")
"""A past verb after the name: "the film Lucas directed" makes it a subject, no title."""


_EXAMPLE_BEFORE = re.compile(r"\b([A-Za-z][a-z\-]+?)s?,?\s+(?:such\s+as|including)\s+$")
"""A name given as an example of a kind: "French bands such as …", "experts including …"."""


def _example_of(before: str) -> str | None:
    """ "person" or "thing" when the name is an example of a kind of people or of things
    ("shooters such as Jon Roe", "bands such as Roe Lund"), else None."""
    m = _EXAMPLE_BEFORE.search(before[-_ROLE_COMMA_BEFORE_REACH:])
    if m is None:
        return None
    noun = m.group(1).lower()
    if noun.endswith("ie"):
        noun = noun[:-2] + "y"  # "companies", "charities"
    if noun in lx.THING_KIND_NOUNS or noun + "s" in lx.THING_KIND_NOUNS:
        return "thing"
    if is_person_noun(noun) or is_person_noun(noun + "s"):
        return "person"
    return None


_AUX = lx.AUXILIARIES - {"will"}  # "Will" is a given name
_SCORER_AFTER = re.compile(r"^ \d{1,3}(?:st|nd|rd|th)?(?: pen| og)?[,;)]")
"""A minute after a name in a result's brackets: "(Roe 23, Lund 67th pen)": a scorer."""


def _scorer(before: str, after: str, lows: list[str]) -> bool:
    """Whether the name is a goal scorer listed in a result line: "Oakham 2 (Roe 30th pen,
    Lund 89th)". Places and teams in brackets ("(Ruritania 160, …)") are not."""
    return (
        _SCORER_AFTER.match(after) is not None
        and before.rfind("(") > before.rfind(")")
        and not any(t in lx.LONE_PLACES or t in lx.NATIONALITIES for t in lows)
    )


_KIN_BEFORE = re.compile(
    r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our|whose)|[A-Z][\w\-]*[’']s?)\s+"
    r"(?:(?:[a-z]+-)?[a-z]+\s+)?(?:(?:teenage|young|adult|late|twin)\s+)?([a-z]+)\s*,\s*$"
)
"""A relative named in apposition: "his father, Joe", "My wife, Cathy", "his long-suffering
girlfriend, Anaïs", "both of whose teenage daughters, Sarah and …"."""


_ROLE_COMMA_BEFORE = re.compile(
    r"(?:(?:\b(?:the|his|her|their|its|our)|[A-Z][\w\-]*[’']s?)\s+(?:[a-z][\w\-]*\s+){0,2}"
    r"|(?<![\w\-])(?P<cap>[A-Z][\w\-]*)\s+)"
    r"(?P<noun>[a-z][\w\-]*)\s*,\s*$"
)
"""A role ending in a comma before a name: "the agency’s chief economist, ", "Fox News
moderator, " (a capitalised modifier right before the noun: a firm, a place)."""


_NAMED_BEFORE = re.compile(r"\b(?:named|identified(?:\s+only)?\s+as)\s+$")


_LEGAL_SUFFIX = re.compile(
    r"^,?\s(?:GmbH|AG|LLC|LLP|PLC|plc|S\.?A\.?|N\.?V\.?|B\.?V\.?|Inc\.?|Ltd\.?|Corp\.?|S\.?p\.?A\.?)"
    r"(?![\w])"
)
_LEGAL_FIRST = frozenset("GALPpSNBIC")
"""The first letters of those suffixes: one of them after the space, or no search."""


_ORG_APPOSITIVE = re.compile(
    r"\s*,\s*(?:an?|the|its)\s+(?:[\w\-]+,?\s+){0,3}(?:"
    + alternation(lx.ORG_KIND_NOUNS)
    + r")s?\b(?![’'\-])"
)
"""An organisation noun in apposition: "Harrow Vale, a non-profit agency"."""


def _described_as_person(text: str, before: str, name: list[tuple[int, int, str]]) -> bool:
    """Whether the text describes the name as a person right beside it: an age or a person
    noun after it ("Sami Oman, 20,"), or a role before it ("the attacker, Sami Oman"). Such
    evidence beats a place list for a surname that is also a place."""
    after = text[name[-1][1] : name[-1][1] + _APPOSITION_AFTER]
    if _PERSON_APPOSITIVE.match(after) or _role_appositive(after):
        return True
    m = _ROLE_COMMA_BEFORE.search(before[-_ROLE_COMMA_BEFORE_REACH:].lower())
    return m is not None and is_person_noun(m.group("noun"))


def _kin_before(before: str) -> bool:
    """Whether a relative noun introduces the name: "his father, Joe", "Roe’s wife, Ann"."""
    m = _KIN_BEFORE.search(before[-_KIN_BEFORE_REACH:])
    if m is None:
        return False
    noun = m.group(1)
    return noun in lx.KIN_NOUNS or (noun.endswith("s") and noun[:-1] in lx.KIN_NOUNS)


def _is_verbish(word: str) -> bool:
    """A verb or a present participle: never part of a role ("telling lawyer", "met rapper")."""
    low = word.lower().strip(",.;:")
    return (
        low in lx.SPEECH_VERBS
        or low in lx.AUXILIARIES
        or low in lx.PAST_VERBS  # "… met rapper Joe Banks"
        or (low.endswith("ing") and len(low) > 5)
    )


def _is_modifier(low: str, lower_vocab: frozenset[str]) -> bool:
    """A word that describes rather than names: common noun, portfolio, place, demonym."""
    return (
        low in lower_vocab
        or low in lx.TITLE_MODIFIERS
        or low in lx.ORG_WORDS
        or low in lx.ROLE_NOUNS
        or low in lx.NATIONALITIES
        or (low.endswith("s") and low[:-1] in lx.NATIONALITIES)  # "fellow Canadians Ann Roe"
        or _derived_demonym(low)  # "the Paraguayan Juan Roe"
        or _demonym_noun(low)  # "Frenchman Jon Roe"
        or low in lx.PLACE_NAMES
        or is_role_word(low)
        or agent_noun(low)  # "Broadcaster Piers Vale", "Organizer Jo Lund"
    )


def _derived_demonym(low: str) -> bool:
    """A demonym made from a known place: "paraguayan", "kenyan", "brazilian", "chilean"."""
    return low.endswith(("an", "ese")) and any(
        low[:-n] in lx.LONE_PLACES for n in (1, 2, 3) if len(low) - n > 2
    )


_DEMONYM_NOUN = re.compile(r"^([a-z]+?)(?:man|woman|men|women)$")


def _demonym_noun(low: str) -> bool:
    """A nationality made a noun: "Frenchman", "Irishwoman", "Dutchmen"."""
    m = _DEMONYM_NOUN.match(low)
    return m is not None and m.group(1) in lx.NATIONALITIES


def _is_title(low: str, dotted: str) -> bool:
    """A core title word ("President", "Gen.", "then-mayor")."""
    if low.startswith(("then-", "ex-")):
        return _is_title(low.split("-", 1)[1], dotted.split("-", 1)[1])
    return low in lx.TITLES or dotted in lx.TITLES


# How far around a run the classification reads, in characters.
_BEFORE = 80
"""Text before a run read for titles, roles and sentence starts."""
_AFTER = 40
"""Text after a run read for a speech verb, an age or a comma."""
_APPOSITION_AFTER = 70
"""Text after a run read for a role in apposition ("…, the bank’s chief economist, …")."""
_ORG_APPOSITION_AFTER = 80
"""Text after a run read for an organisation in apposition ("…, a non-profit agency")."""
_KIN_BEFORE_REACH = 40
"""Text before a run read for a relative in apposition ("his father, Joe")."""
_VESSEL_BEFORE = 40
"""Text before a run read for a vessel or vehicle noun ("the trawler Silver Plover")."""
_ROLE_COMMA_BEFORE_REACH = 60
"""Text before a run read for a role in apposition ("the agency’s chief economist, …")."""
_SPEECH_BEFORE_REACH = 30
"""Text before a run read for a speech verb ("…, said Jane Roe")."""
_NAMED_BEFORE_REACH = 30
"""Text before a run read for "named" / "identified as"."""
_VERB_FIRST_REACH = 20
"""Text before a run read for a verb-first attribution ("said Gokool")."""
_PLACEY_REACH = 12
"""Text before a run read for a locative preposition ("in", "at")."""
_LOCATIVE_REACH = 14
"""Text before a one-word run read for a strictly spatial preposition."""
_SITE_REACH = 10
"""Text before a run read for "in" / "at" naming a venue."""
_THE_REACH = 5
"""Text before a run read for a bare "the" ("the Carolina Hurricanes")."""
_COMMA_BEFORE_REACH = 3
"""Text before a run read for the comma of an apposition."""


Group = list[tuple[int, int, str]]
"""A run's words: (start, end, word)."""


def _strip_openers(
    text: str, group: Group, sentence_initial: bool, lower_vocab: frozenset[str]
) -> tuple[Group, bool]:
    """Drop sentence openers and function words in front ("But Macron", "When Mr Namah");
    says whether any were dropped. An initial ("C. Roe", "A. Lund") is never dropped."""
    k = 0
    while k < len(group):
        low = group[k][2].lower()
        if len(low) == 1 and k + 1 < len(group) and text[group[k][1] : group[k][1] + 1] == ".":
            break
        if (
            (
                low in lx.COMMON_SENTENCE_STARTERS
                or low in lx.DAYS_MONTHS
                or (low in lx.NOT_NAMES and low not in _TITLE_OR_PLACE_PREFIX)
                or (
                    k == 0
                    and sentence_initial
                    and low in lower_vocab
                    and not is_first_name(low)
                    # "Foreign Minister Sergey Lavrov" opening a sentence keeps "Foreign".
                    and not any(_is_title(w.lower(), w.lower()) for _, _, w in group[1:4])
                )
            )
            and not _is_title(low, low + ".")
        ):
            k += 1
            continue
        break
    return group[k:], k > 0


@dataclass(slots=True)
class _Title:
    """What precedes the name inside the run: titles, honorifics and the role they make."""

    cut: int
    """Index of the last title word in the run, -1 for none."""
    role: str | None
    honorific: str | None
    titled: bool


def _split_title(text: str, group: Group) -> _Title:
    """The name follows the last title or honorific: "Nova Scotia Premier Stephen McNeil",
    "French President Emmanuel Macron", "Mr. Namah". A title is never the last word
    ("Brenden Major" keeps his surname). What opens the role before the run is added by
    :func:`_role_lead`."""
    cut = -1
    honorific: str | None = None
    titled = False
    for idx in range(len(group) - 1):
        low = group[idx][2].lower()
        dotted = low + "." if text[group[idx][1] : group[idx][1] + 1] == "." else low
        if low in lx.HONORIFICS or dotted in lx.HONORIFICS:
            cut, honorific, titled = idx, group[idx][2], True
        elif _is_title(low, dotted) or low in lx.ROLE_NOUNS:
            # Words before the title are its modifiers: "French President", "Kremlin chief".
            cut = idx
            honorific = None
            titled = True
    role = " ".join(w for _, _, w in group[: cut + 1] if w) if cut >= 0 and not honorific else None
    if honorific and cut > 0:
        role = " ".join(w for _, _, w in group[:cut]) or None
    if role:
        role = " ".join(w for w in role.split() if w.lower() not in _ROLE_COURTESY) or None
    return _Title(cut, role, honorific, titled)


def _role_lead(before: str, role: str) -> str:
    """ "former US President Donald Trump": the lower-case modifier and the acronym before
    the capitalised title belong to the role."""
    lead = _ROLE_LEAD.search(before)
    if lead and lead.group().strip():
        return f"{' '.join(lead.group().split())} {role}"
    return role


def _trim_name(
    name: Group, role: str | None, honorific: str | None, lower_vocab: frozenset[str]
) -> tuple[Group, str | None]:
    """Drop what is no part of the name at its edges; a descriptive word glued in front
    joins the role."""
    # Function words never open a name, even after a title ("A Star Is Born").
    while (
        len(name) > 1
        and name[0][2].lower() in lx.NOT_NAMES
        and not is_given_name(name[0][2].lower())
    ):
        name = name[1:]
    # Trailing weekdays are never part of a name ("Macron Monday"); months are kept since
    # they double as names ("Theresa May"). Nor is a sentence opener glued on after an
    # initial ("… Arthur C. But then …").
    while name and (
        name[-1][2].lower() in _DATES_NOT_NAMES
        or (
            len(name) > 1
            and len(name[-2][2]) == 1
            and name[-1][2].lower() in lx.COMMON_SENTENCE_STARTERS
        )
    ):
        name = name[:-1]
    # A generational suffix is no surname: "John Mills Jr" is Mills ("Mills said").
    if len(name) >= 3 and name[-1][2] in ("Jr", "Sr"):
        name = name[:-1]
    # A descriptive word glued in front of a given name is a modifier, not part of the name:
    # "Relations Carolyn Bennett" (from "Minister of Crown-Indigenous Relations …").
    while (
        len(name) >= 3
        and not is_first_name(name[0][2])
        and is_first_name(name[1][2])
        and name[1][2][0].isupper()  # "Avenue du Bois": a particle is no given name
        and (
            _is_modifier(name[0][2].lower(), lower_vocab)
            # "Full-back Jon Roe", "Third-stringer Jon Roe": a hyphenated descriptor.
            or ("-" in name[0][2] and name[0][2].split("-", 1)[1].islower())
        )
        and name[0][2].lower() not in lx.PLACE_PREFIXES  # "St. Louis Park" is a place
    ):
        role = " ".join(w for w in [role, name[0][2]] if w) if not honorific else role
        name = name[1:]
    # A longer descriptive phrase glued in front of a full name: "Crown-Indigenous Relations
    # Carolyn Bennett", a caption's "Canadian Press Andrew Scheer". The name starts at the
    # first given name followed by a surname when no word before it is a given name and one
    # of them describes rather than names.
    k = _glued_prefix(name, lower_vocab)
    if k:
        name = name[k:]
    return name, role


def _glued_prefix(name: Group, lower_vocab: frozenset[str]) -> int:
    """How many words of ``name`` open it as a description glued to a full name (0: none)."""
    if len(name) < 4:
        return 0
    for k in range(2, len(name) - 1):
        word = name[k][2]
        if not word[0].isupper() or not is_first_name(word) or not name_case(name[k + 1][2]):
            continue
        prefix = [w.lower() for _, _, w in name[:k]]
        if any(is_first_name(w) or w in lx.PLACE_PREFIXES for w in prefix):
            return 0
        if any(_is_modifier(w, lower_vocab) or ("-" in w and w not in lower_vocab) for w in prefix):
            return k
        return 0
    return 0


def _link_only(low: str) -> bool:
    """A lone word that is never a person on its own but may be a known person's surname
    ("May", "House", "Major"; "Officials said" is a capitalised role noun, no name)."""
    return (
        low in lx.NOT_NAMES
        or low in lx.DAYS_MONTHS
        or low in lx.TITLES
        or low in lx.TITLE_MODIFIERS
        or (is_role_word(low) and low not in lx.SURNAME_LIKE_ORG_WORDS)
    )


def _names_a_thing(
    text: str, before: str, name: Group, lows: list[str], first_ok: bool, titled: bool
) -> bool:
    """Whether the words of the name mark an organisation, a place or a thing."""
    org = (
        (lows[0] in lx.ORG_WORDS and not first_ok)
        or (len(lows) == 1 and lows[0] in lx.NATIONALITIES)
        or (lows[0] in lx.PLACE_NAMES and not first_ok)
        or any(
            (t in lx.ORG_WORDS and not (first_ok and t in lx.SURNAME_LIKE_ORG_WORDS))
            or t in lx.CHROME_WORDS
            or (t in lx.NATIONALITIES and not first_ok)
            or (
                t in lx.PLACE_NAMES
                # "George Washington", "Jack London"; "the attacker, Sami Oman, 20".
                and not (
                    first_ok
                    and (t in lx.PLACE_SURNAMES or _described_as_person(text, before, name))
                )
            )
            for t in lows[1:]
        )
    )
    if len(lows) >= 2 and any(t in lx.INNER_FUNCTION_WORDS for t in lows[1:]):
        return True
    # "Virginia Democrat", "Bratislava Rabbi": a place and a role, not a given name and surname.
    if (
        len(lows) >= 2
        and (lows[0] in lx.LONE_PLACES or lows[0] in lx.NATIONALITIES)
        and (is_role_word(lows[-1]) or lows[-1] in lx.TITLES)
        and lows[-1] not in lx.SURNAME_LIKE_ORG_WORDS
    ):
        return True
    if _known_namelike_org(" ".join(w for _, _, w in name)):
        return True
    return org or (len(lows) >= 2 and lows[0] in lx.PLACE_PREFIXES and not titled)


@lru_cache(maxsize=1 << 14)
def _known_namelike_org(words: str) -> bool:
    """Whether the name's words are a known organisation named like a person; the same
    names recur through a text, so the answer is kept."""
    return " ".join(fold(words).replace("&", " ").split()) in lx.KNOWN_NAMELIKE_ORGS


def _country_in_brackets(after: str, lows: list[str]) -> bool:
    """ "Jane Roe (Sweden) 1:17.97": an athlete's country in results and line-ups (but
    "Kinder Bologna (Italy)" is a club)."""
    country = _COUNTRY_AFTER.match(after) if "(" in after[:3] else None
    return (
        country is not None
        and not any(t in lx.LONE_PLACES or t in lx.NATIONALITIES for t in lows)
        and all(
            w in lx.LONE_PLACES
            or w in lx.NATIONALITIES
            or w in lx.PLACE_PREFIXES
            or w in lx.COUNTRY_WORDS  # "(Czech Republic)", "(United Kingdom)"
            for w in country.group(1).lower().split()
        )
    )


_ROLE_WORDS_REACH = 64
"""Characters before a name read for a role noun and its modifiers."""
_MAX_ROLE_WORDS = 5
"""Longest run of modifiers kept before a role noun."""


def _capitalised_modifier(word: str) -> bool:
    """A word of a capitalised modifier: a name word, an acronym or a number ("UFCW Local
    832"), but no sentence end and no function word."""
    return (
        (word[:1].isupper() or word.isdigit())
        and not word.endswith((".", ",", ";", ":", "!", "?", "”", '"'))
        and word.lower() not in lx.NOT_NAMES
        and word.lower() not in lx.COMMON_SENTENCE_STARTERS
        and word.lower() not in lx.DAYS_MONTHS
        and not is_first_name(word)  # "Lorenzo Amoruso midfielder …" lists someone else
    )


def _apposition_role(text: str, name_end: int) -> str | None:
    """The role in apposition after a name ("Chi Onwurah, the Labour MP for Newcastle
    Central, said"), as written: up to the next punctuation, at most nine words, holding a
    role word; a tail cut by an abbreviation ("… with St. Michael's") is dropped."""
    m = _APPOSITION_ROLE.match(text, name_end, name_end + _APPOSITION_AFTER + 30)
    if m is None:
        return None
    words = m.group(1).split()
    cut_by_abbreviation = (
        text[m.end() : m.end() + 1] == "."
        and words
        and len(words[-1]) <= 3
        and words[-1][:1].isupper()
    )
    if cut_by_abbreviation:
        # Keep what comes before the abbreviation's preposition.
        for i in range(len(words) - 1, 0, -1):
            if words[i] in ("with", "at", "of", "for", "from", "in"):
                words = words[:i]
                break
        else:
            return None
    if not 1 <= len(words) <= 9 or not any(
        is_role_word(w.lower()) or w.lower() in lx.TITLES for w in words
    ):
        return None
    return " ".join(words)


def _comma_role(phrase: str) -> str | None:
    """The role of "the agency’s chief economist, " without its determiner and comma."""
    words = phrase.rstrip(" ,").split()
    if words and words[0].lower() in lx.DETERMINERS:
        words = words[1:]
    return " ".join(words) or None


def _role_before(before: str, tokens: tuple[str, ...]) -> tuple[bool, str | None]:
    """A lower-case role noun right before the name ("lawyer Jane Roe", "fellow left-hander
    Jane Roe"): (found, the role as written, or None for a plural that opens a list)."""
    # Read word by word from the end (a regex anchored at the end would try every start).
    if not before[-1:].isspace():
        return False, None
    window = before[-_ROLE_WORDS_REACH:]
    # The last word decides; the words before it are split off only for a role noun.
    last = window.rsplit(None, 1)[-1:]
    if last and _AGE_NOUN.match(last[0]):
        # "two-year-old Ayo", "the 5-year-old Tia Roe": an age says a person follows.
        return True, None
    found = _ROLE_NOUN.search(last[0]) if last else None
    if found is None:
        return False, None
    word = found.group()
    noun = word.lower()
    if not (
        (word[0].islower() and (is_role_word(noun) or (len(tokens) >= 2 and agent_noun(noun))))
        # "TransLink CEO Kevin Desmond": an all-caps title after the firm's name.
        or (word.isupper() and len(noun) > 1 and noun in lx.TITLES)
    ):
        return False, None
    head = window.split()
    if found.start() > 0:
        head = []  # "Rapper/actor Ludacris": the noun ends a longer token, no modifiers
    else:
        head.pop()
    # Up to two words before the noun may describe it.
    mods: list[str] = []
    while head and len(mods) < 2 and _ROLE_MODIFIER.fullmatch(head[-len(mods) - 1]):
        mods.insert(0, head[-len(mods) - 1])
        if len(mods) == len(head):
            break
    # Only the words after a verb or a clause break describe the role: "telling lawyer" and
    # "law. Health secretary" keep just "lawyer" and "Health secretary".
    cut_at = 0
    for mi, w in enumerate(mods):
        if (
            _is_verbish(w)
            or w.endswith((",", ";", ":"))
            or (w.endswith(".") and w[:-1].isalpha() and (w[:-1].islower() or len(w) > 4))
            or not any(c.isalnum() for c in w)
        ):
            cut_at = mi + 1
    mods = [w for w in mods[cut_at:] if w.lower() not in lx.COMMON_SENTENCE_STARTERS][-2:]
    if mods and (mods[0][:1].isupper() or mods[0][:1].isdigit()):
        # "Silicon Valley political scientist", "Los Angeles Kings forward": a capitalised
        # modifier is kept whole, not cut by the window ("Valley", "Angeles Kings").
        i = len(head) - len(mods)
        while (
            head[i:] == mods  # the modifiers are the words right before the noun
            and i > 0
            and len(mods) < _MAX_ROLE_WORDS
            and _capitalised_modifier(head[i - 1])
        ):
            i -= 1
            mods.insert(0, head[i])
    # A plural ("ministers Jane Roe and …") introduces a list: evidence, no role.
    plural = noun not in lx.ROLE_NOUNS and noun.endswith("s") and not noun.endswith("ss")
    return True, None if plural else " ".join([*mods, word])


def _names_a_firm_or_vessel(before: str, after: str, article_counts: bool) -> bool:
    """What surrounds the name says it is a firm, team or vessel: "Harald Vostek GmbH",
    "Roe & Lund", "the Carolina Hurricanes" (people take no article: only counted when no
    title or opener was stripped), "the trawler Silver Plover"."""
    return bool(
        after.lstrip().startswith("&")
        or (
            (after[1:2] in _LEGAL_FIRST or after[2:3] in _LEGAL_FIRST)
            and _LEGAL_SUFFIX.match(after)
        )
        or (
            article_counts
            and before.rstrip().endswith("the")
            and _THE_BEFORE.search(before[-_THE_REACH:])
        )
        or _vessel_before(before[-_VESSEL_BEFORE:])
    )


def _introduced_before(
    before: str, tokens: tuple[str, ...], role: str | None
) -> tuple[bool, str | None, bool]:
    """A role or a relative that introduces the name: (titled, role, kin)."""
    comma_before = before[-_COMMA_BEFORE_REACH:].rstrip().endswith(",")
    if (
        comma_before
        and len(tokens) >= 2
        and (ra := _ROLE_COMMA_BEFORE.search(before[-_ROLE_COMMA_BEFORE_REACH:])) is not None
        and is_person_noun(ra.group("noun"))
        and ra.group("noun") not in lx.SHARED_ROLES
        # "After dinner, Jane Roe": a sentence opener is no modifier of a role.
        and not (ra.group("cap") and ra.group("cap").lower() in lx.COMMON_SENTENCE_STARTERS)
    ):
        # "the agency’s chief economist, Jane Roe," / "Top Republican pollster, Frank Luntz,".
        return True, role or _comma_role(ra.group()), False
    if comma_before and _kin_before(before):
        # "his father, Joe," / "Roe’s wife, Ann Roe,": a relative named in apposition.
        # No role: "the father said" later may be anyone's father.
        return True, role, True
    titled, found = _role_before(before, tokens)
    return titled, found if titled else role, False


@dataclass(slots=True, frozen=True)
class _Shape:
    """What a capitalised run's own words say, whatever surrounds it: the name left once
    openers and titles are stripped, its role and the evidence its words hold. Offsets are
    relative to the run's first word, so one shape serves every run written the same way."""

    start: int
    """Offset of the name from the run's first word."""
    end: int
    """Offset just past the name (before any possessive ’s)."""
    words: tuple[tuple[int, int, str], ...]
    """The name's words with their relative offsets."""
    tokens: tuple[str, ...]
    lows: list[str]
    surface: str
    role: str | None
    """The role from the run's words (without what opens it before the run)."""
    lead: bool
    """The title is the run's own first words: the text before it may open the role."""
    honorific: str | None
    titled: bool
    possessive: bool
    starter_stripped: bool
    cut: int
    bare_opener: bool
    first_ok: bool
    initial: bool
    org: bool | None
    """Whether the words mark a thing; None when that depends on the text around them."""


_MEMO_CAP = 1 << 15
"""Most distinct run shapes kept per article (a novel has a few thousand)."""

Memo = dict[tuple[str, bool], "_Shape | None"]
"""Run shapes by (the run as written, whether it opens a sentence)."""


def _classify(
    text: str, para_start: int, group: Group, lower_vocab: frozenset[str], memo: Memo
) -> NameRun | None:
    """Strip titles and openers from one capitalised run and gather its evidence."""
    run_start = group[0][0]
    before = text[max(para_start, run_start - _BEFORE) : run_start]
    stripped_before = before.rstrip(_SPACE_OR_OPENER)
    sentence_initial = not stripped_before or (
        stripped_before.rstrip()[-1:] in _SENTENCE_END_LAST
        and bool(_SENTENCE_END.search(stripped_before))
    )
    # A book writes the same few hundred names tens of thousands of times: what the words
    # alone say is worked out once per way of writing them (the words, and the spaces and
    # dots between them, are the whole of ``text[run_start:group_end]``).
    key = (text[run_start : group[-1][1]], sentence_initial)
    try:
        shape = memo[key]
    except KeyError:
        shape = _shape(
            key[0],
            [(s - run_start, e - run_start, w) for s, e, w in group],
            sentence_initial,
            lower_vocab,
        )
        if len(memo) < _MEMO_CAP:
            memo[key] = shape
    if shape is None:
        return None
    tokens, lows, titled, honorific = shape.tokens, shape.lows, shape.titled, shape.honorific
    role, possessive, starter_stripped = shape.role, shape.possessive, shape.starter_stripped
    bare_opener, first_ok = shape.bare_opener, shape.first_ok
    if role and shape.lead:
        role = _role_lead(before, role)
    org = shape.org
    if org is None:
        name = [(s + run_start, e + run_start, w) for s, e, w in shape.words]
        org = _names_a_thing(text, before, name, lows, first_ok, titled)
    name_end = run_start + shape.end
    after = text[name_end : name_end + _AFTER]
    comma_after = after.lstrip(" ")[:1] == ","
    role_appositive = comma_after and _role_appositive(
        text[name_end : name_end + _APPOSITION_AFTER]
    )
    # "Harrow Vale, a non-profit agency, …": the text says what the name is.
    thing = (
        comma_after
        and not titled
        and not role_appositive
        and bool(_ORG_APPOSITIVE.match(text, name_end, name_end + _ORG_APPOSITION_AFTER))
    )
    if not titled and _kind_before(before[-_VESSEL_BEFORE:]) and not _VERB_NEXT.match(after):
        # "the consultancy Harrow Lab", "a shop called Tova Lind": the text says what the
        # name is, for every other mention too.
        org = thing = True
    if _country_in_brackets(after, lows):
        role_appositive = True
    elif role_appositive and role is None and not titled:
        # "Chi Onwurah, the Labour MP for Newcastle Central, said": the apposition is the role.
        role = _apposition_role(text, name_end)
    # "says Cambridge cartoonist Jane Roe": a word right before a role noun describes it.
    nxt = _NEXT_LOWER.match(after) if after[1:2].islower() and not possessive else None
    modifier = bool(nxt and is_role_word(nxt.group(1)))
    if _names_a_firm_or_vessel(
        before,
        after,
        # "the Paraguayan Juan Roe": the article belongs to the modifier that was trimmed.
        article_counts=shape.cut < 0 and not starter_stripped and shape.start == 0,
    ):
        org = True
    kin_run = False
    if not titled:
        titled, role, kin_run = _introduced_before(before, tokens, role)
    if not titled and not org and after[:1] == " " and _scorer(before, after, lows):
        titled = all(name_case(t) and fold(t) not in lower_vocab for t in tokens)
    if not titled and not org and before.endswith((" as ", " including ")):
        example = _example_of(before)
        org = example == "thing"
        thing = thing or org
        titled = example == "person" and all(name_case(t) for t in tokens)
    appositive = (comma_after and bool(_APPOSITIVE.search(after))) or role_appositive
    if (
        comma_after
        and len(tokens) == 1
        and _PERSON_APPOSITIVE.match(after)
        and not titled
        and not org
        and name_case(tokens[0])
        and lows[0] not in lower_vocab
        and lows[0] not in lx.LONE_PLACES
    ):
        # "Qarvenu, 41, …", "Drelliko, a local resident, …": a lone name described as a
        # person is one, given name or not.
        titled = True
    # The patterns read before the name end in a word and spaces: a match needs the text to
    # end in that word, tested first in C (each search tries every start in its window).
    tail = before.rstrip()
    verb_first = tail.endswith(_SPEECH_VERB_ENDINGS) and bool(
        _SPEECH_VERB_BEFORE.search(before[-_VERB_FIRST_REACH:])
    )
    if (
        not titled
        and not org
        and before.rstrip().endswith(("named", " as"))
        and _NAMED_BEFORE.search(before[-_NAMED_BEFORE_REACH:])
        and all(name_case(t) and fold(t) not in lower_vocab for t in tokens)
        and (len(tokens) >= 2 or _SPEECH_VERB_AFTER.search(after))
    ):
        # "a villager named Jhono told reporters", "a man identified only as Ali said".
        titled = True
    speech = bool(
        appositive
        or _SPEECH_AFTER.search(after)
        or (_speech_word_last(tail) and _SPEECH_BEFORE.search(before[-_SPEECH_BEFORE_REACH:]))
    )
    if (
        len(tokens) >= 2
        and not titled
        and not possessive
        and not speech
        and not any(len(t) == 1 for t in tokens)
        and _SITE_BEFORE.search(before[-_SITE_REACH:])
    ):
        # "at Fenwick Hall", "in Marlow Park": a given name after a spatial preposition names
        # a venue or a district; people are rarely "in" or "at" anyone.
        org = True
    name_start = run_start + shape.start
    return NameRun(
        start=name_start,
        end=name_end,
        tokens=tokens,
        surface=shape.surface,
        role=role,
        honorific=honorific,
        titled=titled,
        first_name=first_ok,
        initial=shape.initial,
        speech=speech,
        verb_first=verb_first,
        appositive=appositive,
        speaker=not modifier
        and (verb_first or bool(_SPEECH_VERB_AFTER.search(after)))
        and (len(tokens) > 1 or (lows[0] not in lower_vocab and name_case(tokens[0]))),
        org=org or (modifier and len(tokens) == 1 and not titled),
        placey=tail.endswith(_PLACEY_WORDS)
        and bool(_PLACEY_BEFORE.search(before[-_PLACEY_REACH:]))
        and not titled,
        locative=len(tokens) == 1
        and not titled
        and not possessive
        and _locative_before(text[max(para_start, name_start - _LOCATIVE_REACH) : name_start]),
        sentence_initial=bare_opener,
        common_first=len(tokens) > 1 and not first_ok and lows[0] in lower_vocab,
        kin=kin_run,
        thing=thing,
    )


def _shape(
    text: str, group: Group, sentence_initial: bool, lower_vocab: frozenset[str]
) -> _Shape | None:
    """The :class:`_Shape` of a run (``text`` is the run as written, ``group`` its words at
    offsets into it), or None when its words make no name."""
    # Possessive on the last word: the name is the word without ’s.
    last_s, last_e, last_w = group[-1]
    possessive = last_w.endswith(_POSSESSIVE)
    if possessive:
        group = [*group[:-1], (last_s, last_e - 2, last_w[:-2])]
    group, starter_stripped = _strip_openers(text, group, sentence_initial, lower_vocab)
    if not group:
        return None
    if any(w[0].isupper() and w.lower() in _AUX for _, _, w in group[1:]):
        # "A Star Is Born", "Who Was Jane Roe": a capitalised verb inside the run makes it
        # the title of a work or a headline, no name.
        return None
    title = _split_title(text, group)
    titled, honorific = title.titled, title.honorific
    name, role = _trim_name(group[title.cut + 1 :], title.role, honorific, lower_vocab)
    # A name needs a word that is not an initial, and does not end on one ("W L T").
    if not name or len(name[-1][2]) < 2:
        return None
    # Shared strings: a book names the same people tens of thousands of times.
    tokens = tuple(sys.intern(w) for _, _, w in name)
    lows = [t.lower() for t in tokens]
    if len(lows) > 1 and all(t in _TITLE_WORDS for t in lows):
        return None  # "Chief Financial Officer": a title with no name
    # The run opens its sentence as it stands, so its capital proves nothing.
    bare_opener = sentence_initial and not starter_stripped and title.cut < 0
    link_only = False
    if len(tokens) == 1:
        if lows[0] in lx.COMMON_SENTENCE_STARTERS or lows[0] in _DATES_NOT_NAMES:
            return None
        link_only = _link_only(lows[0])
        if bare_opener and lows[0] in lower_vocab:
            return None
    first_ok = is_first_name(tokens[0]) and not (bare_opener and lows[0] in lower_vocab)
    org: bool | None = None
    if link_only:
        org = True
    elif not (
        first_ok and any(t in lx.PLACE_NAMES and t not in lx.PLACE_SURNAMES for t in lows[1:])
    ):
        # Only a place word after a given name makes _names_a_thing read the text around.
        org = _names_a_thing(text, "", name, lows, first_ok, titled)
    start, end = name[0][0], name[-1][1]
    return _Shape(
        start=start,
        end=end,
        words=tuple(name),
        tokens=tokens,
        lows=lows,
        surface=tokens[0] if len(tokens) == 1 else sys.intern(text[start:end]),
        role=role,
        lead=title.role is not None and title.cut >= 0 and not starter_stripped,
        honorific=honorific,
        titled=titled,
        possessive=possessive,
        starter_stripped=starter_stripped,
        cut=title.cut,
        bare_opener=bare_opener,
        first_ok=first_ok,
        initial=any(len(t) == 1 for t in tokens[:-1]) and len(tokens) >= 2,
        org=org,
    )
