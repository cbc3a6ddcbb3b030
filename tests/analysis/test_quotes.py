"""Quote detection and attribution on invented articles."""

from __future__ import annotations

import threading

import pytest
from tests.analysis.helpers import SetAfter, make_article, quote, run

from readerui.core.analysis import AnalysisCancelled, analyze
from readerui.core.errors import ReaderError


def test_split_quote_gives_two_quotes_same_speaker() -> None:
    r = run(
        "Mayor Edda Kranz spoke on Friday.",
        "“The bridge will open in May,” she said. “Nobody should doubt that.”",
    )
    a, b = quote(r, "The bridge"), quote(r, "Nobody")
    assert a.text == "The bridge will open in May,"
    assert a.speaker == b.speaker == "Edda Kranz"
    assert a.cue == "said"


def test_quote_text_matches_offsets() -> None:
    art = make_article("Juno Falk said: “It is late.” Then “it is early,” Falk added.")
    r = analyze(art)
    assert r.quotes
    for q in r.quotes:
        assert art.text[q.start : q.end] == q.text


def test_multi_paragraph_quote_is_one_item_per_paragraph() -> None:
    r = run(
        "“The first thing we did was count the boats,” said harbourmaster Rolf Ekdahl.",
        "“Then we counted the nets. There were more nets than boats.",
        "“And then we went home,” he said.",
    )
    texts = [q.text for q in r.quotes]
    assert texts == [
        "The first thing we did was count the boats,",
        "Then we counted the nets. There were more nets than boats.",
        "And then we went home,",
    ]
    assert {q.speaker for q in r.quotes} == {"Rolf Ekdahl"}


def test_nested_single_quotes_belong_to_outer_quote() -> None:
    r = run("“They told me ‘never again’ and then did it again,” Lotte Brun said.")
    assert len(r.quotes) == 1
    assert "‘never again’" in r.quotes[0].text
    assert r.quotes[0].speaker == "Lotte Brun"


def test_straight_quotes_and_said_x() -> None:
    r = run('"We were lucky this time," said Noor Haddad, a local farmer.')
    q = quote(r, "We were lucky")
    assert q.speaker == "Noor Haddad"
    assert q.cue == "said"


def test_partial_quote_flag() -> None:
    r = run(
        "Senator Piet Aalders called the report “deeply flawed” in a statement.",
        "“The numbers simply do not add up for anyone who reads them,” Aalders said.",
    )
    assert quote(r, "deeply flawed").partial
    assert not quote(r, "The numbers").partial


def test_single_quotes_used_for_speech() -> None:
    r = run(
        "‘We have waited long enough for this road,’ said villager Agnes Thorne.",
        "‘It is about time,’ she added, ‘and everyone here knows it.’",
    )
    assert [q.text for q in r.quotes] == [
        "We have waited long enough for this road,",
        "It is about time,",
        "and everyone here knows it.",
    ]
    assert all(q.speaker == "Agnes Thorne" for q in r.quotes)


def test_apostrophes_are_not_quotes() -> None:
    r = run("The Jones’ dog isn’t ours, and it’s the Smiths’ problem now.")
    assert r.quotes == ()


def test_colon_before_quote_and_told_reporters() -> None:
    r = run(
        "Coach Bertil Sandqvist told reporters: “We played badly and we know it.”",
        "Goalkeeper Mia Thornberg told reporters that “the ice was terrible tonight.”",
    )
    assert quote(r, "We played").speaker == "Bertil Sandqvist"
    assert quote(r, "the ice").speaker == "Mia Thornberg"


def test_according_to() -> None:
    r = run("“Rents will rise again next year,” according to economist Lars Pihl.")
    q = quote(r, "Rents")
    assert q.speaker == "Lars Pihl"
    assert q.cue == "according to"


def test_pronouns_follow_gender() -> None:
    r = run(
        "Mr Arvid Nyquist met Mrs Hedda Lund at the depot.",
        "“The trucks are ready to roll out,” she said.",
        "“The drivers are not,” he said.",
    )
    assert quote(r, "The trucks").speaker == "Hedda Lund"
    assert quote(r, "The drivers").speaker == "Arvid Nyquist"


def test_role_noun_resolves_to_person_with_role() -> None:
    r = run(
        "Finance Minister Greta Holm presented the budget on Tuesday.",
        "Reporters pressed her on taxes.",
        "“Taxes will not go up this year at all,” the minister said.",
    )
    assert quote(r, "Taxes").speaker == "Greta Holm"


def test_unnamed_and_institutional_sources_get_labels() -> None:
    r = run(
        "Trade envoy Sven Achterberg arrived late.",
        "“The deal is dead for now,” one European official said.",
        "“We have nothing to add to that,” the Kremlin said.",
    )
    a, b = quote(r, "The deal"), quote(r, "We have nothing")
    assert a.speaker is None
    assert a.speaker_label == "one European official"
    assert b.speaker is None
    assert b.speaker_label == "the Kremlin"


def test_unattributed_quote_continues_speaker() -> None:
    r = run(
        "“We start at dawn and we finish at dusk,” said Ruth Ingvarsdottir.",
        "“Nobody complains about the hours here.”",
    )
    assert quote(r, "Nobody complains").speaker == "Ruth Ingvarsdottir"


def test_speaker_is_a_listed_person_name() -> None:
    r = run(
        "President Ilse Marang spoke in Geneva.",
        "“We are ready to sign the agreement,” Marang said.",
    )
    q = quote(r, "We are ready")
    assert q.speaker in {p.name for p in r.people}
    assert q.speaker == "Ilse Marang"


def test_cancel_raises() -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(AnalysisCancelled):
        analyze(make_article("“Hello there,” said Anna Berg."), cancel)
    assert issubclass(AnalysisCancelled, ReaderError)


def test_not_cancelled_runs() -> None:
    r = analyze(make_article("“Hello there, all,” said Anna Berg."), threading.Event())
    assert r.quotes[0].speaker == "Anna Berg"


def test_straight_quotes_pair_in_order_despite_spacing() -> None:
    r = run('"We will not move " said Dagny Holt, and then "we stay right here."')
    assert [q.text for q in r.quotes] == ["We will not move", "we stay right here."]
    assert r.quotes[0].speaker == "Dagny Holt"


def test_unclosed_straight_quote_runs_to_paragraph_end() -> None:
    r = run(
        "Ferne Alsop has farmed the valley for decades.",
        '"The river rose overnight, and by dawn the road was gone.',
        '"Nobody in the valley had seen anything like it," she said.',
    )
    assert [q.text for q in r.quotes] == [
        "The river rose overnight, and by dawn the road was gone.",
        "Nobody in the valley had seen anything like it,",
    ]
    assert [q.speaker for q in r.quotes] == ["Ferne Alsop", "Ferne Alsop"]


def test_appositive_subject_before_verb() -> None:
    r = run(
        "“The vote is a disgrace,” Odile Marchetti, a councillor for the north ward, said.",
        "“We need more time,” a spokesperson for the council said.",
    )
    assert quote(r, "The vote").speaker == "Odile Marchetti"
    q = quote(r, "We need more time")
    assert q.speaker is None
    assert q.speaker_label == "a spokesperson for the council"


def test_paragraph_quote_after_introduction_takes_its_subject() -> None:
    r = run(
        "Mr Tobias Renk, who has run the ferry for 30 years, says the crossings are busier.",
        "“We carry twice as many cars as we did ten years ago.”",
    )
    assert quote(r, "We carry").speaker == "Tobias Renk"


def test_sentence_about_someone_else_between_quotes_ends_the_continuation() -> None:
    r = run(
        "Idris Pell staged the piece in 2016. Lena Mork joined the cast later.",
        "“It grew deeper every time we came back to it,” says Pell. Mork did not need"
        " persuading. “I am grateful for the invitation and for the chance to explore.”",
    )
    assert quote(r, "It grew deeper").speaker == "Idris Pell"
    assert quote(r, "I am grateful").speaker == "Lena Mork"


def test_split_quote_still_continues() -> None:
    r = run(
        "Idris Pell staged the piece in 2016.",
        "“It grew deeper every time,” says Pell. “We came back to it with new eyes and more time.”",
    )
    assert quote(r, "We came back").speaker == "Idris Pell"


def test_pronoun_speaker_is_not_the_listener_named_after_the_verb() -> None:
    r = run(
        "Former porter Aldo Renn, 76, remembers the long nights. Tobin Fosse interviewed him.",
        "“I never slept more than four hours a night,” he tells Fosse in the book.",
    )
    assert quote(r, "I never slept").speaker == "Aldo Renn"


def test_colourful_speech_verbs_attribute() -> None:
    r = run(
        "Tomas Brand hosted the dinner.",
        "“That is not how we do things in this house,” scolded Mara Quell.",
        "“I will do it again next week anyway,” Brand retorted.",
    )
    assert quote(r, "That is not how").speaker == "Mara Quell"
    assert quote(r, "I will do it").speaker == "Tomas Brand"


def test_it_said_is_no_person_and_stops_the_fallbacks() -> None:
    r = run(
        "Mayor Rolf Adders toured the damage on Friday.",
        "“Linemen are still cut off from several hamlets” such as Elm Hollow, it said.",
    )
    q = quote(r, "Linemen are still")
    assert q.speaker is None
    assert q.cue == "said"


def test_embedded_post_author_is_no_antecedent() -> None:
    r = run(
        "Reporters met with party leader Ansel Korr in Halden for a long interview about the"
        " budget, the coming vote and the state of the roads.",
        "Skipped the committee again. — Piotr Vlassen (@pvlassen) December 18, 2018",
        "“Of course people answer back when the tone gets this rough,” he said.",
    )
    assert quote(r, "Of course people answer").speaker == "Ansel Korr"


def test_possessive_name_is_not_the_topic_of_an_unattributed_quote() -> None:
    r = run(
        "Opposition leader Orrin Kale told the House before slamming Lidia Marr’s offer to talk."
        " “She wants our votes only because her own bench is empty.”",
    )
    assert quote(r, "She wants our votes").speaker == "Orrin Kale"


def test_name_in_apposition_to_a_relative_is_a_weak_antecedent() -> None:
    r = run(
        "Former mayor Kevin Rusk grew up near the dairy, which was founded decades ago by a"
        " group of farmers who wanted a fair price for their milk and a say in its sale.",
        "He said the dairy and a bakery owned by his uncle's partner, Martin Dufresne, shaped the"
        " town.",
        "“That dairy kept half the valley employed for decades,” he said.",
    )
    assert quote(r, "That dairy kept").speaker == "Kevin Rusk"


def test_fronted_name_before_a_pronoun_cue_is_not_the_speaker() -> None:
    r = run(
        "“We have seen this play before,” said Senator Peter Bloom. Hal Vetter, he said,"
        " “understands his caucus better than anyone in this building.”",
    )
    assert quote(r, "understands his caucus").speaker == "Peter Bloom"


def test_pronoun_after_the_last_name_is_the_nearer_subject() -> None:
    r = run(
        "Dana Colt wanted the rose, so after talking with Marcus Rhee at the party she picked"
        " it up and crowed, “Finders keepers, and I found it first tonight,” to the room.",
    )
    assert quote(r, "Finders keepers").speaker == "Dana Colt"


def test_cancel_during_a_long_run_stops_between_batches() -> None:
    article = make_article(*["“Fine,” said Anna Berg."] * 600)
    event = SetAfter(3)  # set once the first paragraph batch is done
    with pytest.raises(AnalysisCancelled):
        analyze(article, event)
    assert event.calls == 3


def test_each_quote_says_how_its_speaker_was_chosen() -> None:
    from readerui.core.export import to_dict

    article = make_article(
        "Harbour chief Ines Kowalczyk met the crews on the quay.",
        "“The boats stay in port until the storm passes,” Kowalczyk said.",
        "She added: “Nobody sails tonight, and nobody argues about it.”",
        "“We will check every mooring twice,” said Lars Pihl, her deputy.",
        "“Repairs will take a week at the very least,” the port authority said.",
        "“Nothing more can be done before morning, whatever happens.”",
    )
    doc = to_dict(article, analyze(article))
    hows = {q["text"][:12]: (q["speaker"], q["how"]) for q in doc["quotes"]}
    assert hows["The boats st"] == ("Ines Kowalczyk", "said-after")
    assert hows["Nobody sails"] == ("Ines Kowalczyk", "pronoun:she")
    assert hows["We will chec"] == ("Lars Pihl", "said-after")
    assert hows["Repairs will"] == (None, "label")
    # A paragraph opening on a quote with no verb carries on the previous source.
    assert hows["Nothing more"] == (None, "continuation")
    assert doc["quotes"][-1]["speaker_label"] == "the port authority"
