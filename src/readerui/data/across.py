"""Who said what across the library: people merged over articles, and every quote.

Read from the kept copies (articles and their analyses). A person met in two articles is one
person when a form of their name with at least two words is the same in both ("Dana
Whitlock" and "Commissioner Dana Whitlock" are not merged, "Dana Whitlock" in both is; a
surname alone is never enough: two Whitlocks are two people).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from readerui.data.copies import CopyError, read_analysis, read_article
from readerui.data.library import Library, article_key


@dataclass(frozen=True, slots=True)
class KeptQuote:
    """One quote of one kept article."""

    text: str
    """The quoted words."""
    speaker: str | None
    """Who said it (the name used in that article), or None for an unnamed source."""
    speaker_label: str | None
    """How the article names an unnamed source."""
    key: str
    """The article's library key (to open it)."""
    title: str
    """The article's title."""
    start: int
    """Offset of the quote in the article's text."""
    partial: bool = False
    """A fragment or scare quote rather than real speech."""


@dataclass(slots=True)
class KeptPerson:
    """One person over the whole library."""

    name: str
    """The fullest form of the name."""
    forms: set[str] = field(default_factory=set)
    """Every form of the name used anywhere."""
    roles: list[str] = field(default_factory=list)
    """Roles given, in the order first met."""
    articles: list[tuple[str, str]] = field(default_factory=list)
    """``(key, title)`` of each article they appear in, last read first."""
    quotes: int = 0
    """How many quotes are attributed to them over the library."""


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def _long_forms(name: str, aliases: Iterable[str]) -> set[str]:
    return {_norm(form) for form in (name, *aliases) if len(form.split()) >= 2}


def gather(library: Library) -> tuple[list[KeptPerson], list[KeptQuote]]:
    """Every person (most quoted first) and every quote (last read article first) kept.

    Copies that cannot be read are skipped; articles not yet analysed add no one.
    """
    people: list[KeptPerson] = []
    by_form: dict[str, KeptPerson] = {}
    speaker_of: dict[tuple[str, str], KeptPerson] = {}
    quotes: list[KeptQuote] = []
    for _, article_doc, analysis_doc in library.copies():
        if analysis_doc is None:
            continue
        try:
            article = read_article(article_doc)
            analysis = read_analysis(analysis_doc)
        except CopyError:
            continue
        key = article_key(article.source, article.text)
        title = article.title or key
        for person in analysis.people:
            if person.kind != "subject":
                continue
            forms = _long_forms(person.name, person.aliases)
            kept = next((by_form[f] for f in sorted(forms) if f in by_form), None)
            if kept is None:
                kept = KeptPerson(person.name)
                people.append(kept)
            if len(person.name) > len(kept.name):
                kept.name = person.name
            kept.forms |= {person.name, *person.aliases}
            for form in forms:
                by_form.setdefault(form, kept)
            if person.role and person.role not in kept.roles:
                kept.roles.append(person.role)
            if (key, title) not in kept.articles:
                kept.articles.append((key, title))
            speaker_of[(key, person.name)] = kept
        for quote in analysis.quotes:
            quotes.append(
                KeptQuote(
                    quote.text,
                    quote.speaker,
                    quote.speaker_label,
                    key,
                    title,
                    quote.start,
                    quote.partial,
                )
            )
            speaker = speaker_of.get((key, quote.speaker or ""))
            if speaker is not None and not quote.partial:
                speaker.quotes += 1
    # A quote's speaker is shown by the merged person's name.
    named = [
        q
        if q.speaker is None or (q.key, q.speaker) not in speaker_of
        else _renamed(q, speaker_of[(q.key, q.speaker)].name)
        for q in quotes
    ]
    people.sort(key=lambda p: (-p.quotes, -len(p.articles), p.name.casefold()))
    return people, named


def _renamed(quote: KeptQuote, name: str) -> KeptQuote:
    return KeptQuote(
        quote.text,
        name,
        quote.speaker_label,
        quote.key,
        quote.title,
        quote.start,
        quote.partial,
    )


def quoted_words(text: str) -> str:
    """A quote's words without the comma or colon that led into its attribution
    ("…hours," said X): what a citation quotes."""
    return text.rstrip().rstrip(",;:").rstrip()


def said_by(person: KeptPerson | str, quote: KeptQuote) -> bool:
    """Whether ``quote`` is attributed to ``person`` (a merged person, or any form of a name:
    ``--person Whitlock`` finds Dana Whitlock's quotes)."""
    if quote.speaker is None:
        return False
    if isinstance(person, KeptPerson):
        return quote.speaker == person.name
    wanted = _norm(person)
    return wanted == _norm(quote.speaker) or wanted in _norm(quote.speaker).split()


def find_quotes(quotes: Iterable[KeptQuote], text: str = "") -> list[KeptQuote]:
    """The quotes whose words hold every word of ``text`` (case-insensitive)."""
    words = text.casefold().split()
    return [q for q in quotes if all(word in q.text.casefold() for word in words)]
