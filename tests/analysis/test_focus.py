"""Who is in focus: the fitted ranking of earlier mentions as antecedents."""

from __future__ import annotations

from tests.analysis.helpers import quote, run

from readerui.core.analysis import focus


def test_weights_cover_every_feature_and_keep_their_linguistic_sign() -> None:
    w = dict(zip(focus.FEATURES, focus.weights(), strict=True))
    assert set(w) == set(focus.FEATURES)
    # Whatever the fit, a subject is a better antecedent than an object, and nearer is better.
    assert w["subject"] > w["object"]
    assert w["distance"] < 0


def test_describe_reads_the_grammatical_position() -> None:
    text = "The union leader, Mara Vost, said no. Critics wrote to Ivo Lam about it."
    vost = focus.describe(text, text.index("Mara"), text.index("Mara") + len("Mara Vost"))
    lam = focus.describe(text, text.index("Ivo"), text.index("Ivo") + len("Ivo Lam"))
    assert vost.subject_apposition
    assert vost.speaks_here
    assert not vost.object
    assert lam.object
    assert not lam.subject
    assert not lam.speaks_here


def test_pronoun_goes_to_the_subject_not_to_the_people_talked_about() -> None:
    # Class 2 of the issue: "he" is the person in focus, never someone named as an object.
    r = run(
        "The pilot Tomas Brandt landed the glider in a field near the river on Sunday after"
        " a long duel with Jonas Okafor.",
        "“I fly for myself, not against anybody,” he said.",
    )
    assert quote(r, "I fly for myself").speaker == "Tomas Brandt"
    assert quote(r, "I fly for myself").how == "pronoun:he"


def test_pronoun_skips_the_listener() -> None:
    r = run(
        "Harbour chief Ines Kowalczyk spent the morning on the quay.",
        "Speaking to Mary Fox of the Coastal Gazette, she said, “The boats stay in port.”",
    )
    assert quote(r, "The boats stay").speaker == "Ines Kowalczyk"
