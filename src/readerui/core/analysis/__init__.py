"""The analysis engine: who is in an article and who said what.

Pure core (no UI imports). :func:`analyze` runs four stages — name runs and people,
quotes, attribution, assembly — each linear in the text and checking the cancel flag inside
its loops (see :mod:`.cancel`), so a cancelled run stops within a fraction of a second.
"""

from __future__ import annotations

import threading

from readerui.core.analysis import twofold
from readerui.core.analysis.attribution import attribute
from readerui.core.analysis.cancel import EVERY, Check
from readerui.core.analysis.names import load_given_names
from readerui.core.analysis.people import (
    PeopleIndex,
    build_people,
    credit_spans,
    lower_vocabulary,
    paragraph_runs,
    to_people,
)
from readerui.core.analysis.quotes import RawQuote, find_quotes
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


_PARENT_SHARE = 0.7
"""Share of the text (by characters) whose paragraphs' runs the parent finds when the work
is split: the child also finds the quotes and the photo credits, and pickles what it found
(measured on a 10 MB novel, the two then finish together)."""


def _people_and_quotes(article: Article, check: Check) -> tuple[PeopleIndex, list[RawQuote]]:
    """:func:`build_people` and :func:`find_quotes`, half of their work in a forked child (see
    :mod:`.twofold`); the same results as one process gives."""
    load_given_names(check)  # before the fork: the child inherits the table
    vocab = lower_vocabulary(article.text, check)
    paragraphs = article.paragraphs
    share = len(article.text) * _PARENT_SHARE
    cut = next((i for i, p in enumerate(paragraphs) if p.start >= share), len(paragraphs))
    child = twofold.Forked(
        lambda: (
            paragraph_runs(article, cut, len(paragraphs), vocab),
            find_quotes(article),
            credit_spans(article),
        )
    )
    try:
        runs = paragraph_runs(article, 0, cut, vocab, check)
    except BaseException:
        child.abandon()
        raise
    later_runs, raw, credits = child.result()
    check()
    runs += later_runs
    return build_people(article, check, lower_vocab=vocab, runs=runs, credits=credits), raw


def analyze(
    article: Article, cancel: threading.Event | None = None, *, processes: int = 1
) -> Analysis:
    """Find the people and quotes of ``article``.

    Raises :class:`AnalysisCancelled` when ``cancel`` is set while it runs. ``processes=2``
    lets a long text's analysis use a second process (see :mod:`.twofold`): for one-shot
    commands only, with no threads running and no cancel event.
    """

    def check() -> None:
        _check(cancel)
        # An article is analysed in a thread of the reader: it waits while a key is answered.
        READER.give_way()

    check()
    if (
        processes > 1
        and cancel is None
        and len(article.text) >= twofold.SPLIT_MIN_CHARS
        and twofold.can_fork()
    ):
        index, raw = _people_and_quotes(article, check)
    else:
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
