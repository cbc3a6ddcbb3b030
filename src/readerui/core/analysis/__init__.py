"""The analysis engine: who is in an article and who said what.

Pure core (no UI imports). :func:`analyze` runs four stages — name runs and people,
quotes, attribution, assembly — each linear in the text and checking the cancel flag inside
its loops (see :mod:`.cancel`), so a cancelled run stops within a fraction of a second.
"""

from __future__ import annotations

import threading

from readerui.core.analysis.attribution import attribute
from readerui.core.analysis.cancel import EVERY
from readerui.core.analysis.people import build_people, to_people
from readerui.core.analysis.quotes import find_quotes
from readerui.core.courtesy import READER
from readerui.core.errors import ReaderError
from readerui.core.models import Analysis, Article, Quote

__all__ = ["AnalysisCancelled", "analyze"]


class AnalysisCancelled(ReaderError):
    """The caller asked for the analysis to stop before it finished."""


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise AnalysisCancelled("analysis cancelled")


def _is_partial(text: str) -> bool:
    """A fragment, title or scare quote rather than a sentence of speech."""
    words = text.split()
    if len(words) <= 3:
        return True
    # A lower-case phrase with no sentence punctuation is a term quoted mid-sentence.
    return len(words) <= 6 and text[0].islower() and not any(c in text for c in ".!?,")


def analyze(article: Article, cancel: threading.Event | None = None) -> Analysis:
    """Find the people and quotes of ``article``.

    Raises :class:`AnalysisCancelled` when ``cancel`` is set while it runs.
    """

    def check() -> None:
        _check(cancel)
        # An article is analysed in a thread of the reader: it waits while a key is answered.
        READER.give_way()

    check()
    index = build_people(article, check)
    check()
    raw = find_quotes(article, check)
    check()
    atts = attribute(article, index, raw, check)
    check()
    quotes: list[Quote] = []
    for qi, (rq, att) in enumerate(zip(raw, atts, strict=True)):
        if qi % EVERY == 0:
            check()
        speaker = None
        if att.speaker is not None:
            ent = index.entities[att.speaker]
            ent.quoted += 1
            speaker = ent.name
        qtext = article.text[rq.start : rq.end]
        quotes.append(
            Quote(
                text=qtext,
                start=rq.start,
                end=rq.end,
                speaker=speaker,
                speaker_label=att.label if speaker is None else None,
                cue=att.cue,
                partial=_is_partial(qtext),
                how=att.how,
            )
        )
    people = tuple(p for _, p in to_people(index))
    return Analysis(people=people, quotes=tuple(quotes))
