"""Who said each quote: cue verbs beside the quote, pronouns, roles and continuations.

News prose attributes speech in a few fixed shapes: a clause after the quote (`“…,” X said`,
`said X`), a clause before it (`X said: “…”`, `X told CNN that “…”`), or nothing at all when
the quote continues the previous speaker (a split quote, a multi-paragraph quote) or the
person the previous sentence is about. A cue in the quote's own sentence comes first.
Pronouns, descriptions ("the 46-year-old") and a paragraph's topic are resolved by ranking
the earlier mentions outside quotes with weights fitted on gold data (:mod:`.focus`); a role
noun ("the mayor") goes to the person who holds that role; an unnamed source or an
organisation keeps its phrase as a label. Each result says ``how`` it was found (:data:`HOW`).
"""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from readerui.core.analysis import focus
from readerui.core.analysis import lexicon as lx
from readerui.core.analysis.alternation import alternation
from readerui.core.analysis.cancel import EVERY, Check, finditer, never, ticking
from readerui.core.analysis.names import is_person_noun, is_role_word
from readerui.core.analysis.people import PeopleIndex
from readerui.core.analysis.quotes import RawQuote
from readerui.core.models import Article

__all__ = ["Attribution", "attribute"]

_CUE = re.compile(
    # Prefix-factored: searched over every attribution window, where a plain list of the
    # verbs was most of the attribution's time (see alternation).
    r"\baccording\s+to\b|\b(?:" + alternation(lx.SPEECH_VERBS) + r")\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w’'\-.]+")
# A period that ends an abbreviation or an initial, not a sentence ("Nov. 15", "Mr. Lund").
_ABBREVIATIONS = (
    *("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col"),
    *("Sgt", "Capt", "Prof", "No", "vs", "etc", "Inc", "Co", "Corp", "Ltd", "Jan", "Feb"),
    *("Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "U.S", "U.K"),
)
_ABBREV_END = re.compile(
    r"(?:\b[A-Z]|\b(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + r"))\.$"
)
_ABBREV_DOTTED = tuple(f"{a}." for a in _ABBREVIATIONS)
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _abbreviation_ends(text: str, lo: int, end: int) -> bool:
    """Whether _ABBREV_END matches ``text[lo:end]``: it must end in a capital or one of the
    abbreviations and a period, tested first in C (most sentences end in neither)."""
    return (
        text.endswith(_ABBREV_DOTTED, lo, end)
        or (text[end - 2 : end - 1] in _CAPITALS and text[end - 1 : end] == "." and end - 2 >= lo)
    ) and _ABBREV_END.search(text[lo:end]) is not None


_SENT_END = re.compile(r"[.!?]+(?=[\s”\"’']*(?:\s[A-Z“\"‘(]|$))")
# Initials may carry their period: "Harry J. Kazianis, director of …".
_LEAD_NAME = re.compile(r"\s*[A-Z][^\s,.;:!?]*\.?(?:\s+[A-Z][^\s,.;:!?]*\.?){0,3}\s*,")
_MAX_AFTER_WORDS = 12
"""Longest subject phrase accepted between a quote and its verb ("…,” X, a Y of Z, said)."""
_NEXT_WORDS = re.compile(r"^((?: [a-z][a-z\-]+){1,3})\s*$")


def _speaks_for(head: str) -> bool:
    """A head noun naming someone other than the name before it ("lawyer", "office")."""
    return head in lx.DELEGATE_NOUNS or is_role_word(head)


Resolved = tuple[int | None, str | None, str]
"""A resolved noun phrase: entity, label (the source's own words) and how it was resolved."""

HOW = {
    "said-after": "a speech verb after the quote names the speaker (“…,” Roe said / said Roe)",
    "said-before": "a speech verb before the quote names the speaker (Roe said: “…”)",
    "colon-before": "a name and a colon before the quote (Roe: “…”)",
    "according-to": "“according to Roe”",
    "name-after": "a name right after the quote, then a comma (“…” Jane Roe, a lawyer, …)",
    "pronoun:he": "a pronoun beside a speech verb, resolved to the person in focus",
    "role:…": "a role or description (“the mayor said”) resolved to the person who holds it",
    "continuation": "the quote carries on the previous quote's speaker",
    "topic": "an unattributed quote after a sentence about its speaker",
    "subject": "an unattributed quote inside a sentence whose subject is its speaker",
    "label": "an unnamed source or an organisation: no person, its words in speaker_label",
    "it": "“…,” it said: an organisation or document, no person",
    "none": "no evidence: no speaker",
}
"""The values of :attr:`Attribution.how` (and of ``how`` in the JSON), with what they mean."""

_NON_SPACE = re.compile(r"\S")
_STARTERS_NOT_DETERMINERS = lx.COMMON_SENTENCE_STARTERS - lx.DETERMINERS
_HE_SHE = re.compile(r"\b([Hh]e|[Ss]he)\b")
_HE_SHE_SCAN = re.compile(r"[HhSs](?<=\b[HhSs])(?:(?<=[Hh])e|(?<=[Ss])he)\b")
"""_HE_SHE's matches (the whole match is the pronoun) for a scan of the whole text: opening
with a character class, it lets the regex engine jump from one h or s to the next, twice as
fast as trying the word boundary at every position."""


@dataclass(slots=True)
class Attribution:
    """The result for one quote."""

    speaker: int | None = None
    """Index of the speaking entity in :attr:`PeopleIndex.entities`."""
    label: str | None = None
    """The source's own words when it is no listed person ("one European official")."""
    cue: str | None = None
    """The attributing verb as written ("said", "according to")."""
    settled: bool = False
    """A source that is no person ("…,” it said) was found: no fallback may guess one."""
    how: str = "none"
    """The evidence that chose the speaker (see :data:`HOW`)."""
    candidates: list[tuple[int, list[float]]] | None = None
    """For a speaker found through who is in focus: the ranked candidates (entity, features),
    kept so that ``scripts/fit_focus.py`` can fit the ranking's weights."""


_QUOTES_PER_CHECK = 64
"""Quotes attributed between two cancellation checks (each takes a few look-ups)."""
_TOPIC_MENTIONS = 6
"""Named people of a paragraph, latest first, ranked for its topic (a bound keeps it linear)."""
_TOPIC_PRONOUN_TRIES = 4
"""Pronouns tried, latest first, when looking for the person a paragraph is about."""
_PRONOUN_WINDOW = 2500
"""How far back (characters) a pronoun's antecedent is looked for."""
_MENTIONS_PER_PERSON = 4
"""A person's latest mentions weighed as the antecedent of a pronoun."""
_FALLBACK_WINDOW = 1500
"""How far back anyone at all is taken when nobody of the pronoun's gender is in reach."""
_DISTANCE_SCALE = 250.0
"""Characters of distance that cost as much as one unit of salience."""
_TAIL = 40
"""Characters before a position re-read for a sentence end: the boundary regex looks ahead,
and right before the position it may match only because the position cuts the text."""


class _Sentences:
    """Sentence boundaries of the whole text, found once, so that finding the sentence that
    holds a position is a bisection rather than a rescan from the paragraph start (which made
    attribution quadratic in a long paragraph of quotes)."""

    def __init__(self, text: str, article: Article, check: Check = never) -> None:
        self.text = text
        # Offsets in a compact array: a book has a hundred thousand sentences or more.
        ends = array("q")
        for para in ticking(article.paragraphs, check):
            ends.extend(_boundaries(text, para.start, para.end, check))
        self.ends = ends

    def start_of(self, lo: int, pos: int) -> int:
        """Start of the sentence holding ``pos``, not before ``lo``."""
        tail = max(lo, pos - _TAIL)
        last = lo
        i = bisect_right(self.ends, tail) - 1
        if i >= 0 and self.ends[i] > lo:
            last = self.ends[i]
        for b in _boundaries(self.text, tail, pos):
            last = b
        return last

    def count_between(self, start: int, end: int) -> int:
        """How many sentence ends lie in ``(start, end]``."""
        return bisect_right(self.ends, end) - bisect_right(self.ends, start)


def _boundaries(text: str, lo: int, hi: int, check: Check = never) -> list[int]:
    """Offsets just past every sentence end in ``text[lo:hi]`` (abbreviations skipped)."""
    out: list[int] = []
    for i, m in enumerate(_SENT_END.finditer(text, lo, hi)):
        if i % EVERY == EVERY - 1:
            check()
        if not _abbreviation_ends(text, max(lo, m.start() - 6), m.end()):
            out.append(m.end())
    return out


def _sentence_end(text: str, pos: int, hi: int) -> int:
    """End of the sentence holding ``pos``, not after ``hi``."""
    for m in _SENT_END.finditer(text, pos, hi):
        if _abbreviation_ends(text, max(pos, m.start() - 6), m.end()):
            continue
        return m.end()
    return hi


class _Resolver:
    """Resolves subjects (names, pronouns, roles, noun phrases) to people."""

    def __init__(
        self, article: Article, people: PeopleIndex, quotes: list[RawQuote], check: Check
    ) -> None:
        text = article.text
        self.text = text
        self.people = people
        self.sentences = _Sentences(text, article, check)
        # Per paragraph, quote, mention and pronoun: compact arrays of offsets and flags
        # rather than lists of int objects, as their counts grow with the text.
        self.first_word = array(
            "q",
            (
                m.start() if (m := _NON_SPACE.search(text, p.start, p.end)) else p.end
                for p in ticking(article.paragraphs, check)
            ),
        )
        """Offset of each paragraph's first non-space character."""
        # Mentions inside quotes are not antecedents of "he said" after the quote.
        self.qs = array("q", (q.start for q in quotes))
        self.qe = array("q", (q.end for q in quotes))
        # Names in captions are not antecedents either: a caption sits outside the prose.
        self.quoted_mention = bytearray(
            self.in_quote(s) or people.in_aside(s) for s, _, _ in ticking(people.mentions(), check)
        )
        self.last_score: dict[int, float] = {}
        self.last_candidates: list[tuple[int, list[float]]] = []
        """The candidates (entity, features) of the last pronoun resolved, for fitting."""
        self._mention_cache: dict[int, focus.Mention] = {}
        self.para_starts = array("q", (p.start for p in article.paragraphs))
        self.last_speaker: int | None = None
        self.quoted: set[int] = set()
        # For topic_of, found once: the last mention that can be a paragraph's topic at or
        # before each mention, and every "he"/"she" outside quotes.
        self.topic_before = array("q")
        last = -1
        for i, (_ms, me, ei) in enumerate(people.mentions()):
            if i % EVERY == 0:
                check()
            ent = people.entities[ei]
            if (
                not text.startswith(("’s ", "'s ", "’ ", "' "), me)
                and not self.quoted_mention[i]
                and ent.mentions
                and ent.body
            ):
                last = i
            self.topic_before.append(last)
        self.pronoun_at = array("q")
        """Offset of every "he"/"she" outside quotes."""
        self.pronoun_word: list[str] = []
        """That pronoun as written (one of four shared strings)."""
        for m in finditer(_HE_SHE_SCAN, text, 0, len(text), check):
            if not self.in_quote(m.start()):
                self.pronoun_at.append(m.start())
                self.pronoun_word.append(sys.intern(m.group()))

    def _described(self, i: int) -> focus.Mention:
        """Mention ``i``'s position in its sentence, read once per mention."""
        m = self._mention_cache.get(i)
        if m is None:
            start, end, _ = self.people.mention(i)
            m = self._mention_cache[i] = focus.describe(self.text, start, end)
        return m

    def paragraph_of(self, pos: int) -> int:
        """Index of the paragraph holding ``pos``."""
        return bisect_right(self.para_starts, pos) - 1

    def spoke(self, ei: int | None) -> None:
        """Note the speaker of the quote just attributed (a feature of who is in focus)."""
        self.last_speaker = ei
        if ei is not None:
            self.quoted.add(ei)

    def in_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quoted span."""
        i = bisect_right(self.qs, pos) - 1
        return i >= 0 and pos < self.qe[i]

    def topic_of(self, start: int, end: int) -> int | None:
        """The person a paragraph (``text[start:end]``) ends up talking about, outside quotes:
        its last named person or resolved he/she, whichever comes later. (A possessive
        mention, "… slamming Ms. Lund’s offer", is no topic.)"""
        best: tuple[int, int] | None = None
        best_score = -1e9
        i = self.people.last_mention_within(start, end)
        j = self.topic_before[i] if i is not None else -1
        # The last few named people, ranked like antecedents: "Another expert, Bong Young,
        # doubts the promise made by Kim Jong" is about Bong, the subject, not Kim.
        for _ in range(_TOPIC_MENTIONS):
            if j < 0:
                break
            ms, _, ei = self.people.mention(j)
            if ms < start:
                break
            vector = focus.features(
                self._described(j),
                end,
                sentences_between=self.sentences.count_between(ms, end),
                same_paragraph=True,
                unknown_gender=False,
                last_speaker=ei == self.last_speaker,
                quoted_before=ei in self.quoted,
                mentions_near=1,
            )
            score = focus.score(vector)
            if best is None or score > best_score:
                best, best_score = (ms, ei), score
            j = self.topic_before[j - 1] if j > 0 else -1
        floor = best[0] if best else start
        k = bisect_left(self.pronoun_at, end) - 1
        # The latest pronoun that resolves wins; a few tries are enough (the rest are no
        # later than those), and the bound keeps a paragraph of pronouns linear.
        for _ in range(_TOPIC_PRONOUN_TRIES):
            if k < 0 or self.pronoun_at[k] < floor:
                break
            pos, word = self.pronoun_at[k], self.pronoun_word[k]
            who = self.pronoun(word, pos)
            if who is not None:
                return who
            k -= 1
        return best[1] if best else None

    def subject_of(self, start: int, end: int) -> int | None:
        """The person who is the subject of the sentence ``text[start:end]``: its first
        mention outside quotes, in subject position and followed by a speech verb (or the
        person a "he"/"she" opening it stands for)."""
        opener = _HE_SHE.match(self.text, start)
        if opener is not None and _CUE.search(self.text, opener.end(), end):
            return self.pronoun(opener.group(1), opener.start())
        for ms, me, ei in self.people.mentions_between(start, end):
            if self.in_quote(ms) or not self.people.is_live(ei):
                continue
            m = focus.describe(self.text, ms, me)
            # Only when the sentence says they said or called it something: "Roe cites the
            # decision as “…”", not "Roe was encouraged to “…”".
            if (
                (m.subject or m.subject_apposition)
                and not m.possessive
                and _CUE.search(self.text, me, end)
            ):
                return ei
            return None
        return None

    def salient(self, pos: int) -> int | None:
        """The most salient person before ``pos``, whatever their gender."""
        male = self.pronoun("he", pos, strict=True)
        male_score = self.last_score.get(male, 0.0) if male is not None else 0.0
        female = self.pronoun("she", pos, strict=True)
        female_score = self.last_score.get(female, 0.0) if female is not None else 0.0
        if male is None or female is None:
            return male if female is None else female
        return male if male_score >= female_score else female

    def pronoun(
        self, word: str, pos: int, strict: bool = False, exclude: int | None = None
    ) -> int | None:
        """The person "he"/"she" at ``pos`` most likely refers to.

        A salience score over the people named in the last few paragraphs (outside quotes:
        names inside a quote are not antecedents): recent mentions and mentions in subject
        position score up; mentions after a preposition or in a possessive ("his father's
        friend, Martin Legere") and people of unknown gender score down.
        """
        gender = "m" if word.lower() in lx.PRONOUNS_MALE else "f"
        ppl = self.people
        eligible: list[tuple[int, int]] = []  # (mention number, entity)
        i = ppl.count_before(pos) - 1
        while i >= 0:
            start, _, ei = ppl.mention(i)
            if pos - start > _PRONOUN_WINDOW:
                break
            ent = ppl.entities[ei]
            if (
                not self.quoted_mention[i]
                and ent.body
                and ent.mentions
                and ei != exclude
                and ent.gender in (None, gender)
            ):
                eligible.append((i, ei))
            i -= 1
        near: dict[int, int] = {}
        for _, ei in eligible:
            near[ei] = near.get(ei, 0) + 1
        best: dict[int, float] = {}
        candidates: list[tuple[int, list[float]]] = []
        para = self.paragraph_of(pos)
        scored: dict[int, int] = {}
        for i, ei in eligible:
            # A person's latest few mentions are enough: older ones only lose on distance,
            # and the bound keeps a pronoun's cost independent of how often a name recurs.
            scored[ei] = scored.get(ei, 0) + 1
            if scored[ei] > _MENTIONS_PER_PERSON:
                continue
            m = self._described(i)
            vector = focus.features(
                m,
                pos,
                sentences_between=self.sentences.count_between(m.start, pos),
                same_paragraph=self.paragraph_of(m.start) == para,
                unknown_gender=ppl.entities[ei].gender is None,
                last_speaker=ei == self.last_speaker,
                quoted_before=ei in self.quoted,
                mentions_near=near[ei],
            )
            candidates.append((ei, vector))
            score = focus.score(vector)
            if score > best.get(ei, -1e9):
                best[ei] = score
        self.last_candidates = candidates
        self.last_score = best
        if best:
            return max(best, key=lambda e: best[e])
        if strict:
            return None
        # Nobody of that gender nearby: the given-name guess was probably wrong.
        i = ppl.count_before(pos) - 1
        while i >= 0:
            start, _, owner = ppl.mention(i)
            if pos - start > _FALLBACK_WINDOW:
                break
            if not self.quoted_mention[i] and ppl.entities[owner].body and owner != exclude:
                return owner
            i -= 1
        return None

    def modifies(self, mention_end: int, phrase_end: int) -> bool:
        """Whether a mention only describes the phrase's head: "Roe’s lawyer", "the Roe
        campaign spokesman" speak for someone else."""
        after = self.text[mention_end:phrase_end]
        if after.startswith(("’s ", "'s ")):
            rest = after[3:].split()
            return bool(rest) and _speaks_for(rest[-1].lower().strip(",.;:"))
        m = _NEXT_WORDS.match(after)
        if m is None:
            return False
        words = m.group(1).split()
        # A noun compound ("campaign spokesman"), not a clause ("to my grandfather").
        if any(w in lx.NOT_NAMES or w in lx.COMMON_SENTENCE_STARTERS for w in words):
            return False
        return _speaks_for(words[-1])

    def phrase(self, start: int, end: int, pick_last: bool) -> Resolved:
        """Resolve the noun phrase ``text[start:end]``: (entity, label, via) — at most one of
        entity and label set; ``via`` says how ("name", "pronoun:she", "role:the mayor")."""
        text = self.text
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".’'"):
            end -= 1
        if start >= end:
            return None, None, ""
        mentions = [
            m
            for m in self.people.mentions_between(start, end)
            if self.people.entities[m[2]].mentions and not self.modifies(m[1], end)
        ]
        if mentions:
            if pick_last:
                # "… talking with Tom Lund at the party she picked it up and crowed": a
                # pronoun after the last name is the nearer subject.
                later = _HE_SHE.search(text, mentions[-1][1], end)
                if later is not None:
                    who = self.pronoun(later.group(1), later.start())
                    if who is not None:
                        return who, None, f"pronoun:{later.group(1).lower()}"
            return (mentions[-1] if pick_last else mentions[0])[2], None, "name"
        phrase = text[start:end]
        words = phrase.split()
        if pick_last and len(words) > 8:
            # A subject sits right before its verb: "… in what he called".
            tail = [w.lower().strip(",.;:") for w in words[-4:]]
            if "he" in tail or "she" in tail:
                word = "he" if "he" in tail else "she"
                return self.pronoun(word, end), None, f"pronoun:{word}"
        if not words or len(words) > 10:
            return None, None, ""
        lows = [w.lower().strip(",.;:") for w in words]
        # "As the pollster notes", "But the minister said": a conjunction is no part of the
        # source's phrase.
        while len(lows) > 1 and lows[0] in _CONJUNCTIONS:
            lows, words = lows[1:], words[1:]
            phrase = " ".join(words)
        pronouns = [i for i, w in enumerate(lows) if w in ("he", "she")]
        if pronouns and len(words) <= 6:
            i = pronouns[-1] if pick_last else pronouns[0]
            return self.pronoun(lows[i], start), None, f"pronoun:{lows[i]}"
        if lows[0] in ("his", "her") and len(words) <= 3:
            if _speaks_for(lows[-1]):
                # "his office said", "her spokesman told": someone else speaks for them.
                return None, phrase, "label"
            # "her statement read", "his tweet said": the owner is the source.
            word = "he" if lows[0] == "his" else "she"
            return self.pronoun(word, start), None, f"pronoun:{lows[0]}"
        if lows[0] in ("the", "their", "its", "his", "her") or lows[0].endswith(("'s", "’s")):
            head = lows[-1] if pick_last else next((w for w in lows[1:] if w in lx.ROLE_NOUNS), "")
            for w in reversed(lows[1:6]):
                if w in lx.ROLE_NOUNS or w in lx.TITLES:
                    # Proper modifiers must fit: "the US president" is not the holder of
                    # "current president" in South Africa.
                    proper = frozenset(
                        low
                        for low, word in zip(lows[1:], words[1:], strict=True)
                        if word[:1].isupper()
                    ) - {w}
                    ei = self.people.by_role(w, start, proper, require=bool(proper))
                    if ei is not None:
                        return ei, None, f"role:{phrase}"
                    break
            if lows[0] == "the" and len(words) <= 8:
                # The head noun: "the leader of Europe's biggest economy", "the 46-year-old".
                head = lows[lows.index("of") - 1] if "of" in lows[2:] else lows[-1]
            if (
                lows[0] == "the"
                and len(words) <= 8
                and is_person_noun(head)
                and head not in lx.RELATIONAL_NOUNS
            ):
                # "the lanky, bespectacled professor said", "the 46-year-old added": a
                # definite description of someone already in the story.
                ei = self.salient(start)
                if ei is not None:
                    return ei, None, f"role:{phrase}"
        if all(w in lx.NOT_NAMES or w in lx.COMMON_SENTENCE_STARTERS for w in lows):
            return None, None, ""  # "would", "to one": a clause fragment, not a source
        return None, phrase, "label"


def attribute(
    article: Article,
    people: PeopleIndex,
    quotes: list[RawQuote],
    check: Check = never,
) -> list[Attribution]:
    """Attribute every quote; the result is parallel to ``quotes``.

    ``check`` is called often (see :mod:`.cancel`) so a caller can abort a long run.
    """
    text = article.text
    paras = article.paragraphs
    res = _Resolver(article, people, quotes, check)
    out: list[Attribution] = []
    for qi, q in enumerate(quotes):
        if qi % _QUOTES_PER_CHECK == 0:
            check()
        para = paras[q.para]
        prev_q = quotes[qi - 1] if qi > 0 else None
        next_q = quotes[qi + 1] if qi + 1 < len(quotes) else None
        lo = prev_q.close_at if prev_q and prev_q.para == q.para else para.start
        hi = next_q.open_at if next_q and next_q.para == q.para else para.end
        att = _after(text, res, q, hi) if q.closed else Attribution()
        if (att.speaker is None and att.label is None and not att.settled) or (
            att.how != "none" and _after_is_next_sentence(text, q)
        ):
            # A cue in the quote's own sentence beats one in the next sentence: in "Ann Roe
            # told reporters “We will appeal.” Ben Diaz said …" the quote is Roe's.
            before = _before(text, res, q, lo)
            if before.speaker is not None or (before.label is not None and att.how == "none"):
                att = before
        if att.speaker is None and att.label is None and not att.settled and prev_q is not None:
            prev_att = out[qi - 1]
            same_sentence = (
                prev_q.para == q.para
                and prev_att.speaker is not None
                and res.sentences.count_between(prev_q.close_at, q.open_at) == 0
            )
            if (same_sentence or _continues(text, res.first_word, q, prev_q)) and not _names_other(
                res, prev_q, q, prev_att.speaker
            ):
                att = Attribution(
                    prev_att.speaker, prev_att.label, prev_att.cue, how="continuation"
                )
        if (
            att.speaker is None
            and att.label is None
            and not att.settled
            and len(text[q.start : q.end].split()) > 3
            and res.sentences.start_of(para.start, q.open_at) >= q.open_at - 1
        ):
            # A quote sentence with no attribution after one that introduces its speaker
            # ("Chapman admits there were fatalities." / "“I can’t say …”").
            if res.first_word[q.para] < q.open_at:
                ei = res.topic_of(para.start, q.open_at)
            elif q.para > 0:
                ei = res.topic_of(paras[q.para - 1].start, paras[q.para - 1].end)
            else:
                ei = None
            if ei is not None:
                att = Attribution(ei, None, None, how="topic")
        elif (
            att.speaker is None
            and att.label is None
            and not att.settled
            and len(text[q.start : q.end].split()) > 3
        ):
            # A quote inside a sentence about someone ("Roe cites the decision as “…”"):
            # the sentence's subject.
            ei = res.subject_of(res.sentences.start_of(para.start, q.open_at), q.open_at)
            if ei is not None:
                att = Attribution(ei, None, None, how="subject")
        if att.candidates is None and att.how.startswith("pronoun:"):
            att.candidates = res.last_candidates
        res.spoke(att.speaker)
        out.append(att)
    return out


def _after_is_next_sentence(text: str, q: RawQuote) -> bool:
    """Whether what follows the quote starts a new sentence: the quote ends on ".", "!" or
    "?" and the next word is capitalised ("“… appeal.” Ben Diaz said"), unlike "“…,” Diaz
    said" or "“…?” asked Diaz"."""
    if text[q.end - 1 : q.end] not in (".", "!", "?"):
        return False
    m = _NON_SPACE.search(text, q.close_at, q.close_at + 20)
    return m is not None and text[m.start()].isupper()


def _after(text: str, res: _Resolver, q: RawQuote, hi: int) -> Attribution:
    """`“…,” X said` / `“…,” said X, …` / `“…,” according to X` / `“…” X, a role, …`."""
    start = q.close_at
    end = _sentence_end(text, start, hi) if hi > start else start
    window = text[start:end]
    lead = _LEAD_NAME.match(window)
    if lead:
        # A name right after the closing mark, then a comma: "“…” Jane Roe, a strategist …".
        for ms, _me, who in res.people.mentions_between(start, start + lead.end()):
            if ms - start <= 3 and res.people.entities[who].mentions:
                verb = _CUE.search(window)
                return Attribution(who, None, verb.group() if verb else None, how="name-after")
    inverted = _VERB_THEN_NAME.match(window)
    if inverted and not _CUE.match(window, inverted.start(1)):
        # "“It’s the sun!” grins Ingrid Sparbo": any verb right after the quote and then a
        # person is an inverted attribution, whatever the verb.
        at = start + inverted.end()
        for ms, me, who in res.people.mentions_between(at, at + _NAME_REACH):
            # The name ends the clause ("grins Ingrid Sparbo, lifting …"): no object follows
            # it, as in "“…” prompted Ann Roe to resign".
            if ms == at and res.people.is_live(who) and _CLAUSE_END.match(text, me):
                return Attribution(who, None, inverted.group(1), how="said-after")
    m = _CUE.search(window)
    if m is None:
        return Attribution()
    left_words = _WORD.findall(window[: m.start()])
    if len(left_words) > _MAX_AFTER_WORDS:
        return Attribution()
    # After a quote that ends its sentence, only a short "X said." belongs to it; a longer
    # clause is the next sentence ("“…court.” When asked, he replied …").
    if text[q.end - 1 : q.end] in ".!?" and len(left_words) > 4:
        return Attribution()
    if left_words and left_words[-1].lower() == "it" and len(left_words) <= 6:
        # "“…” including Lake Elm, it said": a firm or agency speaks, not the last person.
        return Attribution(None, None, m.group(), settled=True, how="it")
    # "“…” When asked …": a clause opened by a function word is not an attribution.
    opener = left_words[0].lower() if left_words else ""
    if (
        opener in _STARTERS_NOT_DETERMINERS
        and opener not in ("he", "she")
        and not res.people.mentions_between(start, start + m.start())
    ):
        return Attribution()
    cue = m.group()
    if cue.lower() in lx.WEAK_SPEECH_VERBS and len(left_words) > 4:
        return Attribution()
    if left_words and not cue.lower().startswith("according"):
        ei, label, via = res.phrase(start, start + m.start(), pick_last=True)
        subject = left_words[-1].lower()
        if ei is not None and len(left_words) == 1 and subject in ("he", "she"):
            # "“…,” he tells Lund": the listener is never the pronoun's referent.
            comma = text.find(",", start + m.end(), end)
            heard = res.people.mentions_between(start + m.end(), comma if comma != -1 else end)
            if any(who == ei for _, _, who in heard):
                ei = res.pronoun(subject, start, exclude=ei)
        return _found(ei, label, via, cue, "said-after")
    # Verb first: the subject follows, up to the next comma.
    rest_start = start + m.end()
    comma = text.find(",", rest_start, end)
    rest_end = comma if comma != -1 else end
    ei, label, via = res.phrase(rest_start, rest_end, pick_last=False)
    return _found(ei, label, via, cue, "said-after")


def _before(text: str, res: _Resolver, q: RawQuote, lo: int) -> Attribution:
    """`X said: “…”` / `X told CNN that “…”` / `According to X, “…”`."""
    s = res.sentences.start_of(lo, q.open_at)
    window = text[s : q.open_at]
    cues = list(_CUE.finditer(window))
    if not cues:
        if window.rstrip().endswith(":"):
            ei, _, via = res.phrase(s, q.open_at, pick_last=False)
            if ei is not None:
                return _found(ei, None, via, None, "colon-before")
        return Attribution()
    m = cues[-1]
    cue = m.group()
    if cue.lower().startswith("according"):
        comma = text.find(",", s + m.end(), q.open_at)
        ei, label, via = res.phrase(
            s + m.end(), comma if comma != -1 else q.open_at, pick_last=False
        )
        return _found(ei, label, via, cue, "according-to")
    left_start = s
    comma = window.rfind(",", 0, m.start())
    if comma != -1:
        left_start = s + comma + 1
    left = text[left_start : s + m.start()].strip().lower()
    if not left or left in ("but", "and", "but also", "and also", "also") or _predicate(left):
        if comma != -1 or left:
            # "Kim confirmed, adding that “…”", "…, but said “…”": the clause's subject is
            # earlier in the sentence.
            ei, _, via = res.phrase(s, s + m.start(), pick_last=False)
            if ei is not None and not _object_first(text, res, s, s + m.start()):
                return _found(ei, None, via, cue, "said-before")
        # "…, said Jane Doe: “…”" — subject after the verb.
        ei, label, via = res.phrase(s + m.end(), q.open_at, pick_last=False)
        if label is not None and label.split()[0].lower() in ("that", "the", "this", "it"):
            label = None
        return _found(ei, label, via, cue, "said-before")
    ei, label, via = res.phrase(left_start, s + m.start(), pick_last=True)
    if ei is not None and comma != -1 and left in ("he", "she"):
        # "Lund, he said, “…”": the fronted name is what the speaker talks about.
        fronted = res.people.mentions_between(s, s + comma)
        if fronted and fronted[-1][1] == s + comma and fronted[-1][2] == ei:
            ei = res.pronoun(left, left_start, exclude=ei)
    if label is not None and len(label.split()) > 6:
        return Attribution(None, None, None)
    return _found(ei, label, via, cue, "said-before")


_CONJUNCTIONS = frozenset({"as", "but", "and", "so", "yet", "while", "when", "then", "or"})
"""Conjunctions that may open the clause before a speech verb."""
_VERB_THEN_NAME = re.compile(r"\W{0,3}\s*([a-z]{3,}(?:s|ed))\s+(?=[A-Z])")
"""Right after a quote: a verb in the third person or the past, then a capital."""
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?—–]|$)")
_NAME_REACH = 60
"""Characters after an inverted verb in which the speaker's name must start and end."""
_SUBJECT_WORDS = frozenset({"he", "she", "they", "it", "i", "we", "you"}) | lx.DETERMINERS


_OBJECT_BEFORE = re.compile(
    r"\b(?:the|a|an|of|to|with|about|regarding|for|from|on|at|against|over|into)\s+$",
    re.IGNORECASE,
)
"""What makes the name after it an object, never the clause's subject: "details regarding
the Roe's file", "spoke to Roe"."""


def _object_first(text: str, res: _Resolver, start: int, end: int) -> bool:
    """Whether the first person named in ``text[start:end]`` is an object (after a
    preposition or an article): "The agency did not reveal details regarding Roe's file, but
    said “…”" has the agency, not Roe, as subject."""
    mentions = res.people.mentions_between(start, end)
    return bool(mentions) and bool(
        _OBJECT_BEFORE.search(text, max(start, mentions[0][0] - 12), mentions[0][0])
    )


def _predicate(clause: str) -> bool:
    """Whether a lower-case clause before a cue is the rest of a predicate, not a subject:
    in "The Prime Minister, David Cameron, responded to the claim by saying: “…”" the words
    after the last comma start with a verb, so the subject is before that comma."""
    first = clause.split(None, 1)[0]
    return (
        first.isalpha()
        and first not in _SUBJECT_WORDS
        and first not in lx.COMMON_SENTENCE_STARTERS
        and (first.endswith("ed") or first in lx.PAST_VERBS)
        and len(clause.split()) <= 8
    )


def _found(ei: int | None, label: str | None, via: str, cue: str | None, where: str) -> Attribution:
    """The attribution for a resolved subject: ``where`` the cue stood when a name chose the
    speaker, else how the phrase was resolved (a pronoun, a role, a label)."""
    if ei is not None:
        return Attribution(ei, None, cue, how=where if via == "name" else via)
    if label is not None:
        return Attribution(None, label, cue, how="label")
    return Attribution(None, None, cue)


def _names_other(res: _Resolver, prev: RawQuote, q: RawQuote, speaker: int | None) -> bool:
    """Whether a sentence between two quotes opens on someone other than ``speaker``: in
    "“… deeper.” Lund did not need coaxing. “…”" the second quote is Lund's, not a split one."""
    if prev.para != q.para:
        return False  # across paragraphs the asides of a long quote are common
    text = res.text
    start, end = prev.close_at, q.open_at
    heads = [m.end() for m in _SENT_END.finditer(text, start, end)]
    if text[prev.end - 1 : prev.end] in ".!?":
        heads.append(start)  # the previous quote closed its sentence
    if not heads:
        return False
    for ms, _, ei in res.people.mentions_between(start, end):
        if (
            ei != speaker
            and res.people.entities[ei].mentions
            and not res.in_quote(ms)
            and any(h <= ms and not text[h:ms].strip(' “”"') for h in heads)
        ):
            return True
    return False


def _continues(text: str, first_word: Sequence[int], q: RawQuote, prev: RawQuote) -> bool:
    """Whether an unattributed quote carries on the previous quote's speaker."""
    if prev.para == q.para:
        between = text[prev.close_at : q.open_at]
        # A split quote: only the attribution clause sits between the two parts.
        return len(between.split()) <= 12
    if q.para - prev.para > 1:
        return False
    # The quote opens its paragraph: a multi-paragraph quote or a run of quoted paragraphs.
    return first_word[q.para] >= q.open_at
