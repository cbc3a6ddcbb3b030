"""Word lists as regex alternations that the regex engine reads quickly.

Python's ``re`` tries the branches of ``(?:said|told|added|…)`` one after another at every
position it searches, so a pattern holding a few hundred speech verbs costs hundreds of
comparisons per character of text. Factored by common prefixes (a trie: ``(?:a(?:dd(?:ed|s)?
|sked)|said|told)``) it costs a handful, and matches exactly the same strings. Written here
because ``re`` has no such optimisation and the small trie needs no library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["alternation"]

_Trie = dict[str, "_Trie"]


def alternation(words: Iterable[str]) -> str:
    """A regex (no surrounding group needed) matching exactly ``words``, prefix-factored.

    Where one word is a prefix of another the longer is tried first, as in a longest-first
    ``|`` list, so with the same surroundings a search finds the same match as that list.
    Words are matched literally (escaped); an empty list matches nothing. For a case-blind
    pattern give them in one case (the lexicon's are lower case): two spellings of a word
    differing only in case would be tried in another order than the list's.
    """
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    if not tree:
        return "(?!)"
    return _emit(tree)


def _emit(node: _Trie) -> str:
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A word ending here, with longer ones going on: the longer first (greedy), then none.
    return f"(?:{body})?" if "" in node else body
