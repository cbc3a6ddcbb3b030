"""Building the people list: merging name runs into one entity per person.

A person is born from a run with evidence (see :class:`~.names.NameRun`); every later
surname-only, first-name-only, titled or possessive form is linked to it. Bylines and photo
credits are read with looser rules because their shape already says "these are names".
"""

from __future__ import annotations

import itertools
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from readerui.core.analysis import lexicon as lx
from readerui.core.analysis.cancel import Check, finditer, never, pieces, ticking
from readerui.core.analysis.names import (
    first_name_gender,
    fold,
    is_first_name,
    load_given_names,
    name_case,
)
from readerui.core.analysis.runs import Memo, NameRun, find_runs
from readerui.core.models import Article, Person, PersonKind

__all__ = [
    "Entity",
    "PeopleIndex",
    "build_people",
    "byline_names",
    "credit_spans",
    "lower_vocabulary",
    "paragraph_runs",
    "surname_key",
    "to_people",
]

_LOWER_WORD = re.compile(r"(?<![\w’'])[a-z][a-z’'\-]*")
# A photo credit: "(Provided Photo/Jane Roe/Reuters)", "Photo: Jane Roe", "(Jane Roe / AP)".
_CREDIT = re.compile(
    r"\((?=[^()]*(?:/|\bphoto|\bimage|\bcredit|\bcourtesy|\bfile\b))[^()]{3,160}\)"
    r"|\b(?:photo|photograph|image|picture|credit)s?\s*(?:by\s+|:\s*)[^.()\n]{3,100}",
    re.IGNORECASE,
)
# "( JANE ROE )": a parenthesis holding nothing but a name in capitals.
_CREDIT_CASED = re.compile(r"\(\s*[A-Z][A-Z.’'\-]+(?:\s+[A-Z][A-Z.’'\-]+){1,3}\s*\)")
# "… on Tuesday. Jane Roe/The Associated Press" closing a caption.
_CREDIT_CLOSING = re.compile(
    r"(?<=[.!?] )[A-Z][\w.’'\-]+(?:\s[A-Z][\w.’'\-]+){1,3}\s*/\s*(?:The\s+)?[A-Z][\w.]*"
    r"(?:\s[A-Z][\w.]*){0,4}\s*$"
)
_CREDIT_TAIL = 200
"""Characters at a paragraph's end where a closing credit is looked for."""
_CONTRIBUTORS = re.compile(
    r"\b(?:contributed(?:\s+reporting)?(?:\s+to)?\s+(?:this|the)\s+(?:report|story|article)"
    r"|with\s+files\s+from|additional\s+reporting\s+by)\b",
    re.IGNORECASE,
)
"""A sign-off naming the reporters: "Ann Roe contributed to this report", "With files from …"."""
_BYLINE_PARA = re.compile(
    r"\s*(?:(?:written|reporting|story|posted|reported|edited|compiled|photos?|words)\s+)?by\s+\S",
    re.IGNORECASE,
)
"""A byline paragraph: "By Jane Roe", "Posted by Jane Roe". No "^": ``match`` at a
paragraph's start anchors it, and "^" would only match at the start of the text."""
# Only subject pronouns vote: "his"/"her" after a name as often belong to someone else.
_PRONOUN = re.compile(r"\b(he|she)\b", re.IGNORECASE)


@dataclass(slots=True)
class Entity:
    """One person while the list is being built (mutable, unlike :class:`Person`)."""

    tokens: tuple[str, ...]
    """The fullest form's words."""
    display: str
    """The fullest form as written."""
    mentions: list[tuple[int, int]] = field(default_factory=list)
    forms: dict[str, str] = field(default_factory=dict)
    """Folded form -> form as written, in first-seen order."""
    role: str | None = None
    roles: list[str] = field(default_factory=list)
    """Every title seen with the name, for resolving "the mayor said"."""
    gender: str | None = None
    honorific_gender: bool = False
    quoted: int = 0
    body: bool = False
    """Mentioned outside bylines and credits."""
    byline: bool = False

    @property
    def name(self) -> str:
        """Display name: the fullest form."""
        return self.display

    def add(self, run: NameRun) -> None:
        """Record one more mention of this person."""
        self.mentions.append((run.start, run.end))
        if len(run.tokens) > len(self.tokens):
            self.tokens = run.tokens
            self.display = run.text
        self.forms.setdefault(fold(run.text), run.text)
        if run.honorific:
            form = f"{run.honorific.rstrip('.')} {run.text}"
            self.forms.setdefault(fold(form), form)
        if run.role:
            self.role = self.role or run.role
            if run.role not in self.roles:
                self.roles.append(run.role)
        if not self.honorific_gender and run.honorific:
            low = run.honorific.lower().rstrip(".")
            if low in lx.MALE_HONORIFICS:
                self.gender, self.honorific_gender = "m", True
            elif low in lx.FEMALE_HONORIFICS:
                self.gender, self.honorific_gender = "f", True


_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ul|ad|an|ar|as|ash|at|az)-(?=\w\w)")


@lru_cache(maxsize=1 << 14)
def surname_key(word: str) -> str:
    """The folded surname a shorter mention would use: "al-Bashir" is "bashir"."""
    return _ARTICLE_PREFIX.sub("", fold(word))


def _middles_clash(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Both forms give middle names or initials and they differ: "George H. W. Bush" and
    "George W. Bush" are two people, "John F. Kennedy" and "John Fitzgerald Kennedy" one."""
    ma = [fold(t).strip(".") for t in a[1:-1] if t not in lx.NAME_PARTICLES]
    mb = [fold(t).strip(".") for t in b[1:-1] if t not in lx.NAME_PARTICLES]
    if not ma or not mb:
        return False
    if all(len(x) == 1 for x in ma + mb):
        return ma != mb  # initials only: "H. W." is not "W."
    if len(ma) != len(mb):
        return False  # "Te Kaurinui Parata" shortens "Te Kaurinui Robert Parata"
    return any(
        x[0] != y[0] or (len(x) > 1 and len(y) > 1 and x != y) for x, y in zip(ma, mb, strict=True)
    )


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two forms sharing a surname can be one person ("J. Smith" ~ "John Smith")."""
    if len(a) == 1 or len(b) == 1:
        return True
    if _middles_clash(a, b):
        return False
    fa, fb = fold(a[0]), fold(b[0])
    if fa == fb:
        return True
    # "M. Charles Swann" / "Charles Swann", "J. Paul Getty" / "Paul Getty": a leading initial
    # before the same name.
    if (len(fa) == 1 and tuple(map(fold, a[1:])) == tuple(map(fold, b))) or (
        len(fb) == 1 and tuple(map(fold, b[1:])) == tuple(map(fold, a))
    ):
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    sa, sb = {fold(t) for t in a}, {fold(t) for t in b}
    return sa <= sb or sb <= sa


class PeopleIndex:
    """The people of one article and their mentions, in text order.

    Mentions are numbered in text order (``0 .. mention_count - 1``); a mention is
    ``(start, end, entity)``, where ``entity`` indexes :attr:`entities`. Entities merged into
    another stay in the list with no mentions, so indices stay valid: :meth:`is_live` says
    whether one still counts.
    """

    __slots__ = ("_ends", "_owners", "_role_index", "_starts", "asides", "byline_only", "entities")

    def __init__(
        self,
        entities: list[Entity],
        mentions: list[tuple[int, int, int]],
        byline_only: list[str] | None = None,
        asides: list[tuple[int, int]] | None = None,
    ) -> None:
        self.entities = entities
        """Every person found, by index (merged ones are left empty)."""
        # Compact arrays: a book has tens of thousands of mentions.
        self._starts = array("q", (m[0] for m in mentions))
        self._ends = array("q", (m[1] for m in mentions))
        self._owners = array("q", (m[2] for m in mentions))
        self.byline_only = byline_only or []
        """Authors named in :attr:`Article.byline` but nowhere in the text (no mentions)."""
        self.asides = asides or []
        """Captions (paragraphs marked so, or ending in a photo credit): outside the story's
        flow, so a person named there is no antecedent for "he said" in the next paragraph."""
        self._role_index: dict[str, dict[int, tuple[list[int], frozenset[str]]]] = {}

    @property
    def mention_count(self) -> int:
        """How many mentions the index holds."""
        return len(self._starts)

    def mention(self, i: int) -> tuple[int, int, int]:
        """Mention number ``i``: ``(start, end, entity)``."""
        return self._starts[i], self._ends[i], self._owners[i]

    def mentions(self) -> Iterator[tuple[int, int, int]]:
        """Every mention in text order."""
        return zip(self._starts, self._ends, self._owners, strict=True)

    def is_live(self, ei: int) -> bool:
        """Whether entity ``ei`` is still a person of the article (not merged or dropped)."""
        return bool(self.entities[ei].mentions)

    def in_aside(self, pos: int) -> bool:
        """Whether ``pos`` lies in a caption."""
        return _inside(pos, self.asides)

    def count_before(self, pos: int) -> int:
        """How many mentions start before ``pos`` (the number of the first one that does not)."""
        return bisect_left(self._starts, pos)

    def last_mention_within(self, start: int, end: int) -> int | None:
        """Number of the last mention inside ``[start, end)``, if any."""
        i = bisect_left(self._starts, end) - 1
        while i >= 0 and self._ends[i] > end:
            i -= 1
        return i if i >= 0 and self._starts[i] >= start else None

    def mentions_between(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """``(start, end, entity)`` of every mention that lies inside ``[start, end)``."""
        i = bisect_left(self._starts, start)
        out: list[tuple[int, int, int]] = []
        while i < len(self._starts) and self._starts[i] < end:
            if self._ends[i] <= end:
                out.append((self._starts[i], self._ends[i], self._owners[i]))
            i += 1
        return out

    def by_role(
        self,
        noun: str,
        before: int,
        described: frozenset[str] = frozenset(),
        require: bool = False,
    ) -> int | None:
        """The person holding a role with ``noun`` who fits the description best: most words
        of ``described`` in their role ("the US president" is the one whose role says "US"),
        then the most recently mentioned before ``before``. With ``require``, a holder must
        share a word with the description.

        The holders of a role, with their sorted mentions, are gathered once per role noun
        (the nouns come from a fixed word list), so each look-up is a few bisections.
        """
        noun = noun.lower()
        holders = self._role_index.get(noun)
        if holders is None:
            holders = {}
            for ei, ent in enumerate(self.entities):
                words = _role_words(ent.roles)
                if ent.mentions and any(w.startswith(noun) for w in words):
                    holders[ei] = (sorted(s for s, _ in ent.mentions), words)
            self._role_index[noun] = holders
        best: tuple[int, int, int] | None = None
        for ei, (starts, words) in holders.items():
            i = bisect_left(starts, before) - 1
            if i < 0:
                continue
            key = (len(described & words), starts[i], ei)
            if require and not key[0]:
                continue
            if best is None or key > best:
                best = key
        return best[2] if best else None


def _role_words(roles: list[str]) -> frozenset[str]:
    """The lower-case words of a person's roles ("former US President" -> former, us, …)."""
    return frozenset(w.strip("’'s,.") for r in roles for w in r.lower().replace("-", " ").split())


def credit_spans(article: Article, check: Check = never) -> list[tuple[int, int]]:
    """Spans of photo credits in captions (and credit-shaped parentheses anywhere)."""
    spans: list[tuple[int, int]] = []
    text = article.text
    for para in ticking(article.paragraphs, check):
        body_text = text[para.start : para.end]
        if _may_hold_credit(body_text):
            for m in finditer(_CREDIT, text, para.start, para.end, check):
                body = m.group()
                if para.kind == "caption" or "/" in body or "photo" in body.lower():
                    spans.append((m.start(), m.end()))
        if "(" in body_text:  # every _CREDIT_CASED match opens with one
            spans.extend(
                m.span() for m in finditer(_CREDIT_CASED, text, para.start, para.end, check)
            )
        tail = max(para.start, para.end - _CREDIT_TAIL)
        if text.find("/", tail, para.end) != -1:  # every closing credit has its slash
            spans.extend(m.span() for m in _CREDIT_CLOSING.finditer(text, tail, para.end))
    return _disjoint(spans)


_CREDIT_WORDS = ("photo", "image", "picture", "credit")
"""Every _CREDIT match holds one of these (in any case), or a "(" and one of the next."""
_CREDIT_BRACKET_WORDS = ("/", "courtesy", "file")


def _may_hold_credit(para: str) -> bool:
    """Whether _CREDIT may match in ``para``: it has a credit word, or a "(" and a slash,
    "courtesy" or "file".

    Most paragraphs of a book have none, and these tests in C are ten times faster than the
    case-blind search. Only for ASCII text: there ``lower()`` folds case exactly as the
    regex does, where "ı", "İ" and "ſ" would match "i" and "s" case-blind.
    """
    if not para.isascii():
        return True
    low = para.lower()
    if any(word in low for word in _CREDIT_WORDS):
        return True
    return "(" in para and any(word in low for word in _CREDIT_BRACKET_WORDS)


_EMBED_SIGNOFF = re.compile(
    r"[—–-]\s*[^—–\n]{2,80}\(@\w{1,30}\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$"
)
"""The sign-off of an embedded post: "— Jane Roe (@janeroe) May 2, 2019"."""


def _asides(
    article: Article, credits: list[tuple[int, int]], check: Check = never
) -> list[tuple[int, int]]:
    """Caption paragraphs: marked as such, ending in a photo credit, or an embedded post."""
    out: list[tuple[int, int]] = []
    text = article.text
    for para in ticking(article.paragraphs, check):
        if para.kind == "caption" or (
            # Every sign-off holds "(@": most paragraphs are spared the search.
            text.find("(@", para.start, para.end) != -1
            and _EMBED_SIGNOFF.search(text, para.start, para.end)
        ):
            out.append((para.start, para.end))
            continue
        end = para.end
        while end > para.start and text[end - 1] in " \n.":
            end -= 1
        i = bisect_right(credits, (end, 1 << 62)) - 1
        if i >= 0 and credits[i][0] >= para.start and credits[i][1] >= end - 2:
            out.append((para.start, para.end))
    return out


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and merge overlapping ones, for bisecting."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


_CREDIT_PART = re.compile(r"[^/:,;()]+")
_CAPS_WORD = re.compile(r"^[A-Z][A-Z.’'\-]*$")


def _caps_credit_runs(text: str, credits: list[tuple[int, int]]) -> list[NameRun]:
    """Names written in capitals inside photo credits ("Photo: JANE ROE/Wire").

    Ordinary runs skip all-caps words (acronyms, datelines); in a credit, capitals are just
    the house style for the photographer's name.
    """
    out: list[NameRun] = []
    for start, end in credits:
        for m in _CREDIT_PART.finditer(text, start, end):
            part = re.sub(
                r"^\s*(?:photo(?:graph)?s?|image|credit|by|via)\b", "", m.group(), flags=re.I
            )
            words = part.split()
            if not 1 <= len(words) <= 4 or not all(_CAPS_WORD.match(w) for w in words):
                continue
            if not any(len(w.strip(".")) > 2 for w in words) or len(words) < 2:
                continue
            lows = [w.lower().strip(".") for w in words]
            if any(
                w in lx.ORG_WORDS
                or w in lx.NOT_NAMES
                or w in lx.CHROME_WORDS
                or w in lx.NATIONALITIES
                or w in lx.PLACE_NAMES
                for w in lows
            ):
                continue
            s = m.start() + m.group().index(words[0])
            e = m.start() + m.group().rindex(words[-1]) + len(words[-1])
            out.append(NameRun(start=s, end=e, tokens=tuple(words), surface=text[s:e], speech=True))
    return out


def _caps_byline_runs(text: str, bylines: list[tuple[int, int]]) -> list[NameRun]:
    """Names in capitals in a byline paragraph ("By JANE ROE"), written in name case.

    Ordinary runs skip all-caps words; in a byline, capitals are the house style.
    """
    out: list[NameRun] = []
    for start, end in bylines:
        para = text[start:end]
        for name in byline_names(para, keep_case=True):
            if not name.isupper():
                continue
            at = para.find(name)
            if at < 0:
                continue
            tokens = tuple(_name_cased(w) for w in name.split())
            out.append(
                NameRun(start=start + at, end=start + at + len(name), tokens=tokens, speech=True)
            )
    return out


_CASE_PARTS = re.compile(r"([\-’'])")


def _name_cased(word: str) -> str:
    """ "GETTLEMAN" -> "Gettleman", "O'BRIEN" -> "O'Brien"; mixed-case words stay as they are."""
    if not word.isupper() or len(word) < 2:
        return word
    return "".join(p.capitalize() for p in _CASE_PARTS.split(word))


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (sorted, not overlapping)."""
    i = bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _drop_places(runs: list[NameRun], lower_vocab: frozenset[str], check: Check = never) -> None:
    """Use the places the article itself names: a word seen alone after "in"/"near"/"across"
    ("in Ruritania") or in the place list is a place all through the text.

    A lone mention of it is no person ("Ruritania said it would …"), and glued in front of a
    name it is a modifier, not a given name ("From Vienna Kutuzov wrote" is Kutuzov).
    """
    titled = {surname_key(r.tokens[-1]) for r in runs if r.titled or r.honorific}
    locative: dict[str, int] = {}
    speaks: dict[str, int] = {}
    for r in ticking(runs, check):
        if r.locative:
            locative[fold(r.tokens[0])] = locative.get(fold(r.tokens[0]), 0) + 1
        elif r.speaker and len(r.tokens) == 1:
            speaks[fold(r.tokens[0])] = speaks.get(fold(r.tokens[0]), 0) + 1
    # Seen as a place at least twice; for a known given name, also far more often than as a
    # speaker ("Françoise said" many times outweighs a few "in Françoise").
    places = {
        w
        for w, n in locative.items()
        if n >= 2 and (n > 2 * speaks.get(w, 0) or not is_first_name(w))
    } - titled
    for run in ticking(runs, check):
        if run.titled or run.org:
            continue
        first = fold(run.tokens[0])
        if len(run.tokens) == 1:
            if first in places or first in lx.LONE_PLACES:
                run.org = True
            continue
        if first not in places and not (first in lx.PLACE_NAMES and not run.first_name):
            continue
        if any(len(t) == 1 for t in run.tokens[1:2]):
            continue
        rest = run.tokens[1:]
        cut = run.surface.find(rest[0], len(run.tokens[0])) if run.surface else -1
        if cut < 0:
            continue
        run.start += cut
        run.surface = run.surface[cut:]
        run.tokens = rest
        run.first_name = len(rest) > 1 and is_first_name(rest[0])
        run.initial = len(rest) > 1 and any(len(t) == 1 for t in rest[:-1])
        if len(rest) == 1:
            low = rest[0].lower()
            run.speaker = run.speaker and low not in lower_vocab and name_case(rest[0])
            run.first_name = is_first_name(rest[0])


def _promote_speakers(
    runs: list[NameRun], lower_vocab: frozenset[str], check: Check = never
) -> None:
    """Give person evidence to names that speak.

    A surname that speaks on its own ("Woods said") vouches for the full name it shortens,
    even when the given name is unknown ("Tiger Woods"); a bare word that speaks twice is a
    person too ("said Gokool" … "Gokool said").
    """
    speaking: dict[str, int] = {}
    for run in ticking(runs, check):
        if (
            run.speaker
            and len(run.tokens) == 1
            and not run.org
            and not run.placey
            and len(run.tokens[0]) > 1
        ):
            key = surname_key(run.tokens[0])
            # "said Gokool" counts double: a verb-first inversion only ever names a speaker.
            speaking[key] = speaking.get(key, 0) + (2 if run.verb_first else 1)
    surnames_of_runs = {
        surname_key(run.tokens[-1]) for run in runs if len(run.tokens) > 1 and not run.org
    }
    for run in ticking(runs, check):
        key = surname_key(run.tokens[-1])
        if run.is_person or run.org or key not in speaking:
            continue
        if len(run.tokens) > 1 and is_first_name(run.tokens[-1]):
            # "Pierre said" speaks for Pierre, not for "Freemasonry Pierre": a given name
            # at the end of a run is no surname to vouch for.
            continue
        if len(run.tokens) > 1 and not run.placey:
            run.speech = True
        elif (
            len(run.tokens) == 1
            and key not in surnames_of_runs
            and speaking[key] >= 2
            and key not in lower_vocab
            and key not in lx.PLACE_NAMES
        ):
            run.titled = True  # evidence enough: it is quoted as a speaker twice


_LIST_GAP = re.compile(r"^(?:,\s*|\s+and\s+|,\s+and\s+)$")
_AND_GAP = re.compile(r"^,?\s+and\s+$")


def _promote_listed(
    text: str, runs: list[NameRun], lower_vocab: frozenset[str], check: Check = never
) -> None:
    """A name listed next to a person is a person: "Greg Rowe and Dane Kettu scored",
    "Ana Ruiz, Tove Lind and Eva Moss", "Marisol and Onyekwe". Only two- or three-word names
    in name case, none of whose words the article also writes in lower case, or a lone word
    beside a lone given name, are promoted; a comma alone links them only inside a list
    ("Jane Roe, Blue Harbour" is a name and her film)."""
    gaps = [
        text[a.end : b.start] if 0 < b.start - a.end <= 7 else ""
        for a, b in itertools.pairwise(runs)
    ]
    listed = [bool(_LIST_GAP.match(g)) for g in gaps]
    for i, gap in ticking(enumerate(gaps), check):
        if not listed[i]:
            continue
        a, b = runs[i], runs[i + 1]
        anded = bool(_AND_GAP.match(gap))
        for mate, other, j in ((a, b, i - 1), (b, a, i + 1)):
            # The mate's other side continues the list: "…, Tove Lind and …".
            inside = 0 <= j < len(gaps) and listed[j]
            if (
                (anded or inside)
                and other.is_person
                and (other.first_name or other.titled or other.initial)
                and not mate.is_person
                and not mate.org
                and not mate.placey
                and all(name_case(t) and fold(t) not in lower_vocab for t in mate.tokens)
            ):
                if 2 <= len(mate.tokens) <= 3:
                    mate.speech = True
                elif (
                    len(other.tokens) == 1
                    and len(mate.tokens[0]) > 2
                    and fold(mate.tokens[0]) not in lx.LONE_PLACES
                ):
                    # "Marisol and Onyekwe": a lone word listed with a lone given name.
                    mate.titled = True


def lower_vocabulary(text: str, check: Check = never) -> frozenset[str]:
    """Every word the article writes in lower case, read piece by piece."""
    vocab: set[str] = set()
    pos = 0
    for cut in pieces(text, 0, len(text), check):
        vocab.update(_LOWER_WORD.findall(text, pos, cut))
        pos = cut
    return frozenset(vocab)


def paragraph_runs(
    article: Article,
    first: int,
    stop: int,
    lower_vocab: frozenset[str],
    check: Check = never,
) -> list[NameRun]:
    """The name runs of paragraphs ``first`` to ``stop - 1``, in text order (what
    :func:`build_people` reads; :mod:`.twofold` finds them in two processes)."""
    text = article.text
    runs: list[NameRun] = []
    memo: Memo = {}  # this article's run shapes, shared by its paragraphs
    for para in article.paragraphs[first:stop]:
        check()
        runs.extend(find_runs(text, para.start, para.end, lower_vocab, check, memo))
    return runs


def build_people(
    article: Article,
    check: Check = never,
    *,
    lower_vocab: frozenset[str] | None = None,
    runs: list[NameRun] | None = None,
    credits: list[tuple[int, int]] | None = None,
) -> PeopleIndex:
    """Find every person in ``article`` and index their mentions.

    ``check`` is called often (see :mod:`.cancel`) so a caller can abort a long run.
    ``lower_vocab`` (:func:`lower_vocabulary`), ``runs`` (:func:`paragraph_runs` of every
    paragraph) and ``credits`` (:func:`credit_spans`) are found here unless the caller has
    them already.
    """
    text = article.text
    load_given_names(check)
    if lower_vocab is None:
        lower_vocab = lower_vocabulary(text, check)
    if credits is None:
        credits = credit_spans(article, check)
    byline_spans = [
        (p.start, p.end)  # already sorted and disjoint: paragraphs
        for p in article.paragraphs
        if p.kind == "byline"
        or (p.end - p.start < 120 and _BYLINE_PARA.match(text, p.start, p.end))
        or (p.end - p.start < 200 and _CONTRIBUTORS.search(text, p.start, p.end))
    ]
    if runs is None:
        runs = paragraph_runs(article, 0, len(article.paragraphs), lower_vocab, check)
    caps = _caps_credit_runs(text, credits) + _caps_byline_runs(text, byline_spans)
    if caps:
        runs = sorted([*runs, *caps], key=lambda r: r.start)
    for run in ticking(runs, check):
        # In a credit or byline the layout itself says "names here".
        if (
            len(run.tokens) >= 2
            and not run.org
            and (_inside(run.start, credits) or _inside(run.start, byline_spans))
        ):
            run.speech = True
            run.placey = False

    _drop_places(runs, lower_vocab, check)
    _promote_speakers(runs, lower_vocab, check)
    _promote_listed(text, runs, lower_vocab, check)

    entities: list[Entity] = []
    by_surname: dict[str, list[int]] = {}
    owner_of: dict[int, int] = {}  # run index -> entity index

    by_first: dict[str, list[int]] = {}

    def attach(ri: int, run: NameRun) -> None:
        sur = surname_key(run.tokens[-1])
        cands = [
            ei for ei in by_surname.get(sur, []) if _compatible(entities[ei].tokens, run.tokens)
        ]
        if not cands and len(run.tokens) == 1 and len(by_first.get(sur, [])) == 1 and not run.kin:
            # "Marguerite said" after "Marguerite Olsen": a given name used alone.
            cands = by_first[sur]
        if cands:
            ei = max(cands, key=lambda c: entities[c].mentions[-1][0])
        else:
            ei = len(entities)
            entities.append(Entity(tokens=run.tokens, display=run.text))
            by_surname.setdefault(sur, []).append(ei)
            if len(run.tokens) >= 2 and len(run.tokens[0]) > 1:
                by_first.setdefault(fold(run.tokens[0]), []).append(ei)
        entities[ei].add(run)
        owner_of[ri] = ei

    # Full names first, so a lone surname or given name finds its person.
    for ri, run in ticking(enumerate(runs), check):
        if run.is_person and len(run.tokens) > 1:
            attach(ri, run)
    for ri, run in ticking(enumerate(runs), check):
        if run.is_person and len(run.tokens) == 1:
            attach(ri, run)

    # No merging of one-word entities into fuller ones is needed here: all full names are
    # attached first, so a one-word name only makes an entity of its own when no full name
    # shares its surname.

    recent = _Recent(entities)
    for ri, run in ticking(enumerate(runs), check):
        if ri in owner_of or (run.org and len(run.tokens) > 1):
            continue
        toks = run.tokens
        ei_found: int | None = None
        if len(toks) == 1:
            key = surname_key(toks[0])
            cands = by_surname.get(key, [])
            if cands:
                ei_found = recent.nearest(cands, run.start)
            elif len(by_first.get(key, [])) == 1 and not run.placey:
                ei_found = by_first[key][0]
        else:
            key = surname_key(toks[-1])
            fold_set = {fold(t) for t in toks}
            for ei in by_surname.get(key, []):
                if fold_set <= {fold(t) for t in entities[ei].tokens}:
                    ei_found = ei
                    break
        if ei_found is not None:
            entities[ei_found].add(run)
            recent.saw(ei_found, run.start)
            owner_of[ri] = ei_found

    check()
    _drop_things(text, runs, entities, owner_of, check)
    _merge_birth_names(text, runs, entities, owner_of, check)
    for ri, ei in ticking(owner_of.items(), check):
        run = runs[ri]
        if _inside(run.start, byline_spans):
            entities[ei].byline = True
        elif not _inside(run.start, credits):
            entities[ei].body = True
    _guess_genders(text, entities, check)

    order = sorted(owner_of.items(), key=lambda kv: runs[kv[0]].start)
    known = {fold(e.name) for e in entities if e.mentions}
    return PeopleIndex(
        entities,
        [(runs[ri].start, runs[ri].end, ei) for ri, ei in order],
        byline_only=[n for n in byline_names(article.byline or "") if fold(n) not in known],
        asides=_asides(article, credits, check),
    )


_BYLINE_SPLIT = re.compile(r"\s*(?:,|;|&|\||\band\b|\bwith\b|\bfor\b|\bin\b|—|–|/)\s*")
_BYLINE_BY = re.compile(r"^\s*(?:(?:written|reporting|story|words)\s+)?by\s+", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[A-Z][\w’'.\-]*$")


def byline_names(byline: str, keep_case: bool = False) -> list[str]:
    """People named in a byline string: "By Jane Doe and John Roe, CNN" -> both names.

    Names in capitals ("By JANE ROE") come back in name case unless ``keep_case``.
    """
    out: list[str] = []
    for part in _BYLINE_SPLIT.split(_BYLINE_BY.sub("", byline)):
        words = part.split()
        if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
            continue
        lows = [w.lower().rstrip(".") for w in words]
        if any(w in lx.ORG_WORDS or w in lx.NOT_NAMES or w in lx.CHROME_WORDS for w in lows):
            continue
        out.append(" ".join(words if keep_case else [_name_cased(w) for w in words]))
    return out


class _Recent:
    """The latest mention of each person before a position, for linking runs in text order.

    The mentions known when linking starts are sorted once; the ones linked afterwards come in
    text order, so the latest of them is simply remembered. Each look-up is a bisection, not
    a scan of the person's mentions (which was quadratic for an often-named person).
    """

    def __init__(self, entities: list[Entity]) -> None:
        self._known = [sorted(s for s, _ in e.mentions) for e in entities]
        self._linked: dict[int, int] = {}

    def saw(self, ei: int, pos: int) -> None:
        """Record that entity ``ei`` was just linked at ``pos`` (positions only grow)."""
        self._linked[ei] = pos

    def nearest(self, cands: list[int], pos: int) -> int:
        """Among same-surname people, the one mentioned most recently before ``pos``."""
        best, best_pos = cands[0], -1
        for ei in cands:
            known = self._known[ei]
            i = bisect_left(known, pos) - 1
            last = max(known[i] if i >= 0 else -1, self._linked.get(ei, -1))
            if last > best_pos:
                best, best_pos = ei, last
        return best


_NEXT_PRONOUN = re.compile(r"\b(he|she|his|her|him|it|its)\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?]\s")
_CLAUSE_BREAK = re.compile(
    r"[,;:—–(“\"]|\b(?:and|but|or|while|as|when|after|before|because|since|that|which|who)\b"
)


_BORN_AS = re.compile(r"\b(?:was|were)\s+born\s+$|\bn[ée]e\s+$|\bborn\s+as\s+$")
"""Right before a birth name: "Day was born Doris Mary Kappel", "Ann Roe, née Lund"."""
_BORN_REACH = 80
_CALLED_AS = re.compile(
    r"\b(?:(?:(he|she)\s+)?(?:was|is|were)\s+(?:also\s+)?(?:called|nicknamed|known\s+as)"
    r"|called\s+(him|her))\s+$",
    re.IGNORECASE,
)
"""Right before a short name the text gives someone already named: "He was called Jerry for
short", "Her friends called her Betty"."""
_CALLED_REACH = 200
"""How far back (in characters) the person a "was called" name belongs to may be named."""
"""Characters before a birth name in which the person it belongs to is named."""


_BORN_ENDINGS = ("born", "née", "nee", "as")
"""The words a _BORN_AS match ends in, before its spaces."""
_CALLED_ENDINGS = ("called", "nicknamed", "as", "him", "her")
"""The words a _CALLED_AS match ends in (in any case), before its spaces."""


def _may_follow(text: str, pos: int, reach: int, endings: tuple[str, ...]) -> bool:
    """Whether the ``reach`` characters before ``pos`` may end in one of ``endings`` and
    spaces: a test in C before a pattern ending so is searched (it tries every start). Case
    is folded for ASCII only, as a case-blind pattern folds it; anything else may match."""
    tail = text[max(0, pos - reach) : pos].rstrip()[-12:]
    return not tail.isascii() or tail.lower().endswith(endings)


def _find(remap: dict[int, int], ei: int) -> int:
    """The entity ``ei`` was merged into, following merges (they never form a cycle)."""
    while ei in remap:
        ei = remap[ei]
    return ei


def _merge_birth_names(
    text: str,
    runs: list[NameRun],
    entities: list[Entity],
    owner_of: dict[int, int],
    check: Check = never,
) -> None:
    """A birth name is another name of the person just named: "Day was born Doris Mary
    Kappel" gives Doris Day the alias, not a second person."""
    starts = sorted((runs[ri].start, ri) for ri in owner_of)
    keys = [st for st, _ in starts]
    remap: dict[int, int] = {}
    for ri, ei in ticking(list(owner_of.items()), check):
        run = runs[ri]
        k = bisect_left(keys, run.start) - 1
        if k < 0:
            continue
        ei = _find(remap, ei)
        if _may_follow(text, run.start, 20, _BORN_ENDINGS) and _BORN_AS.search(
            text, max(0, run.start - 20), run.start
        ):
            target = _find(remap, owner_of[starts[k][1]])
            if run.start - keys[k] > _BORN_REACH or "." in text[keys[k] : run.start]:
                continue  # named in another sentence
        elif _may_follow(text, run.start, 30, _CALLED_ENDINGS) and (
            called := _CALLED_AS.search(text, max(0, run.start - 30), run.start)
        ):
            # The nearest person named before whose given name does not contradict the
            # pronoun ("called her Betty" is no man's name).
            pronoun = called.group(1) or called.group(2)
            found = _called_target(pronoun, starts, k, run.start, entities, remap, owner_of)
            if found is None:
                continue
            target = found
        else:
            continue
        if target == ei:
            continue  # the same person already
        src, dst = entities[ei], entities[target]
        dst.mentions.extend(src.mentions)
        for key, form in src.forms.items():
            dst.forms.setdefault(key, form)
        src.mentions = []
        remap[ei] = target
    if remap:
        for rj, ej in owner_of.items():
            owner_of[rj] = _find(remap, ej)
        for ent in entities:
            ent.mentions.sort()


def _called_target(
    pronoun: str | None,
    starts: list[tuple[int, int]],
    k: int,
    pos: int,
    entities: list[Entity],
    remap: dict[int, int],
    owner_of: dict[int, int],
) -> int | None:
    """The entity a "was called" / "called her" name belongs to: the nearest one named
    before ``pos`` (from ``starts[k]`` back, within reach) whose gender fits the pronoun."""
    want = {"him": "m", "he": "m", "her": "f", "she": "f"}.get((pronoun or "").lower())
    while k >= 0 and pos - starts[k][0] <= _CALLED_REACH:
        ei = _find(remap, owner_of[starts[k][1]])
        ent = entities[ei]
        if len(ent.tokens) >= 2:
            gender = first_name_gender(ent.tokens[0])
            if want is None or gender in (None, want):
                return ei
        k -= 1
    return None


def _drop_things(
    text: str,
    runs: list[NameRun],
    entities: list[Entity],
    owner_of: dict[int, int],
    check: Check = never,
) -> None:
    """Drop people known only by a given-name-like first word whom the text calls "its".

    "Ruth Halvard is widening its outreach", "Nora Vane with its new lead": a name whose
    only evidence is a known given name, followed in its own clause by "its" and never by
    "he"/"she"/"his"/"her", is a venue, firm or title. So is an untitled name once
    described as an organisation in apposition ("Harrow Vale, a non-profit agency").
    """
    strong: set[int] = set()
    titled: set[int] = set()
    described: set[int] = set()  # "X, a non-profit agency"
    # Names the text once calls a thing ("a shop called X"), even where that mention
    # belongs to no one.
    things_named = {tuple(fold(t) for t in r.tokens) for r in runs if r.thing}
    for ei, ent in enumerate(entities):
        if tuple(fold(t) for t in ent.tokens) in things_named:
            described.add(ei)
    for ri, ei in ticking(owner_of.items(), check):
        r = runs[ri]
        if r.thing:
            described.add(ei)
        if r.titled or r.honorific or r.initial:
            titled.add(ei)
        if r.speech or r.speaker or r.appositive:
            strong.add(ei)
    dropped: set[int] = set()
    for ei, ent in ticking(enumerate(entities), check):
        if ei in titled or not ent.mentions or len(ent.tokens) < 2:
            continue
        if ei in described:
            # The text says what it is; speaking ("according to X") proves nothing.
            dropped.add(ei)
            ent.mentions = []
            continue
        if ei in strong:
            continue
        things = persons = 0
        for _, end in ent.mentions:
            window = text[end : end + 160]
            stop = _SENTENCE_BREAK.search(window)
            m = _NEXT_PRONOUN.search(window)
            if m is None:
                continue
            if m.group(1).lower() == "its":
                # Same clause only: "Roe, a director, joined its board" is about the firm.
                if (stop is None or m.start() < stop.start()) and not _CLAUSE_BREAK.search(
                    window, 0, m.start()
                ):
                    things += 1
            else:
                persons += 1
        if things and not persons:
            dropped.add(ei)
            ent.mentions = []
    if dropped:
        for ri in [ri for ri, ei in owner_of.items() if ei in dropped]:
            del owner_of[ri]


def _vote_end(text: str, end: int) -> int:
    """Where the pronoun vote after a mention ending at ``end`` stops: 200 characters on, or
    at the closing quotation mark when the mention is inside a quote, since the "she said"
    after a quote is the speaker, not the person the quote names."""
    stop = end + 200
    line = text.rfind("\n", max(0, end - 2000), end) + 1
    # Counted in place: a book's paragraph is one long line.
    curly = text.count("“", line, end) > text.count("”", line, end)
    if curly or text.count('"', line, end) % 2 == 1:
        close = text.find("”" if curly else '"', end, stop)
        if close != -1:
            return close
    return stop


def _guess_genders(text: str, entities: list[Entity], check: Check = never) -> None:
    """Gender from Mr/Mrs, else from the pronouns after mentions, else from the given name.

    The pronoun vote beats the given-name dictionary because the text knows its own people:
    a "Darian" the story calls "she" is a woman whatever the dictionary says.
    """
    # Every mention's start and owner: a pronoun after another person's name is theirs.
    starts = sorted((s, ei) for ei, e in enumerate(entities) for s, _ in e.mentions)
    keys = [s for s, _ in starts]
    for ei, ent in ticking(enumerate(entities), check):
        if ent.honorific_gender or not ent.mentions:
            continue
        votes = 0
        for _, end in ent.mentions[:12]:
            m = _PRONOUN.search(text, end, _vote_end(text, end))
            if m is None:
                continue
            i = bisect_left(keys, end)
            if i < len(keys) and keys[i] < m.start() and starts[i][1] != ei:
                continue  # "Roe praised Lund, saying he …": "he" is Lund
            votes += 1 if m.group(1).lower() in lx.PRONOUNS_MALE else -1
        prior = first_name_gender(ent.tokens[0]) if len(ent.tokens) >= 2 else None
        if votes:
            ent.gender = "m" if votes > 0 else "f"
        else:
            ent.gender = prior


def to_people(index: PeopleIndex) -> list[tuple[int, Person]]:
    """Freeze the entities into :class:`Person` values, most prominent first."""
    out: list[tuple[int, Person]] = []
    for ei, ent in enumerate(index.entities):
        if not ent.mentions:
            continue
        name = ent.name
        aliases = tuple(v for k, v in ent.forms.items() if k != fold(name))
        kind: PersonKind = "subject" if ent.body else ("byline" if ent.byline else "credit")
        out.append(
            (
                ei,
                Person(
                    name=name,
                    aliases=aliases,
                    role=ent.role,
                    mentions=tuple(sorted(set(ent.mentions))),
                    quoted=ent.quoted,
                    kind=kind,
                ),
            )
        )
    for name in index.byline_only:
        out.append((-1, Person(name=name, kind="byline")))
    end = 1 << 62  # people with no mention (byline only) sort after everyone else
    out.sort(
        key=lambda t: (
            -(len(t[1].mentions) + t[1].quoted),
            t[1].mentions[0][0] if t[1].mentions else end,
        )
    )
    return out
