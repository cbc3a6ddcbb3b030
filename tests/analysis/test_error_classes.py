"""One invented article per class of error in "Who said it, on news it has never seen".

Every text here was written for these tests; none comes from the evaluation data.
"""

from __future__ import annotations

from tests.analysis.helpers import names, person, quote, run


def test_1_a_cue_in_the_quotes_own_sentence_beats_the_next_sentence() -> None:
    r = run(
        "The jury returned its verdict on Friday afternoon after two days of talks.",
        "Lawyer Ann Cole told reporters after the verdict “We will appeal this decision at"
        " once.” Prosecutor Ben Diaz said he was satisfied with the sentence.",
    )
    q = quote(r, "We will appeal")
    assert (q.speaker, q.how) == ("Ann Cole", "said-before")


def test_2_a_pronoun_is_the_person_in_focus_never_the_listener() -> None:
    r = run(
        "Harbour chief Ines Kowalczyk spent the whole morning on the quay with the crews.",
        "Speaking to Mary Fox of the Coastal Gazette, she said, “The boats stay in port until"
        " the storm has passed.”",
    )
    q = quote(r, "The boats stay")
    assert (q.speaker, q.how) == ("Ines Kowalczyk", "pronoun:she")


def test_3_an_organisation_or_a_document_is_no_person() -> None:
    r = run(
        "Minister Paul Hart met the board of the water agency on Monday.",
        "The agency said it had been given “firm assurances that the plant is safe for now”.",
        "“We are reviewing every single report we receive,” the foundation said in a statement.",
    )
    for start, label in (("firm assurances", "The agency"), ("We are reviewing", "the foundation")):
        q = quote(r, start)
        assert q.speaker is None
        assert q.speaker_label == label


def test_4_a_role_word_before_a_name_keeps_the_person() -> None:
    r = run(
        "The debate ran late into the night in the old town hall.",
        "Broadcaster Piers Vale commented “This was the worst night for the party in years.”",
    )
    assert person(r, "Piers Vale").role == "Broadcaster"
    assert quote(r, "This was the worst").speaker == "Piers Vale"


def test_5_a_definite_description_is_the_person_it_describes() -> None:
    r = run(
        "Chancellor Olaf Reinholt met the other leaders in Brussels on Tuesday.",
        "“We have agreed on every point that matters,” the leader of the bloc's biggest"
        " economy said after the talks.",
        "“The rest will follow in the spring,” the 64-year-old added.",
    )
    for start in ("We have agreed", "The rest will follow"):
        q = quote(r, start)
        assert q.speaker == "Olaf Reinholt"
        assert q.how.startswith("role:the ")


def test_6_a_run_on_quote_keeps_its_speaker_and_no_guess_without_one() -> None:
    r = run(
        "Mayor Dana Whitlock opened the new bridge over the river on Monday.",
        "“This bridge took ten years of work and a lot of patience from everyone.",
        "“It will carry twenty thousand cars a day when the road is finished.”",
        "The weather stayed dry all week and the roads were busy.",
        "“Nobody could have planned a better week for the opening of a bridge.”",
    )
    assert quote(r, "This bridge took").speaker == "Dana Whitlock"
    assert quote(r, "It will carry").speaker == "Dana Whitlock"
    last = quote(r, "Nobody could have planned")
    assert (last.speaker, last.how) == (None, "none")


def test_7_straight_quotes_nested_in_straight_quotes_are_one_quote() -> None:
    r = run(
        '"We are on the ground. The "United States" is not holding anything back,"'
        " said Ambassador Nia Hale."
    )
    assert [q.text for q in r.quotes] == [
        'We are on the ground. The "United States" is not holding anything back,'
    ]
    assert r.quotes[0].speaker == "Nia Hale"


def test_8_a_sentence_opener_glued_to_a_name_is_not_part_of_it() -> None:
    r = run(
        "Concerning Halvorsen's call for calm, the senator Lisa Varga said little.",
        "Varga said she would wait for the committee to meet again.",
    )
    assert "Lisa Varga" in names(r)
    assert not any(n.startswith("Concerning") for n in names(r))


def test_9_a_surname_that_is_also_a_place_with_person_evidence() -> None:
    r = run(
        "The attacker, Sami Oman, 20, was arrested at the scene by two officers.",
        "Oman said nothing in court on Monday and his lawyer asked for more time.",
    )
    sami = person(r, "Sami Oman")
    assert "Oman" in sami.aliases
    assert len(sami.mentions) == 2


def test_10_relatives_and_titles_merge_only_when_the_text_says_so() -> None:
    r = run(
        "Tom Berger died on Sunday at the age of 81 in his house by the lake.",
        "He is survived by his wife, Jonna, and two sons.",
        "Charles Swann came to dinner on Friday. M. Charles Swann was late again, and"
        " Charles smiled at everyone as he sat down.",
    )
    assert "Jonna" in names(r)
    assert "Jonna Berger" not in names(r)
    swanns = [p for p in r.people if "Swann" in p.name]
    assert len(swanns) == 1
    assert {"Charles Swann", "Charles"} <= {swanns[0].name, *swanns[0].aliases}


def test_11_roles_are_clean_noun_phrases_from_the_text() -> None:
    r = run(
        "Chi Anwuli, the Labour MP for Westfield Central, said the plan was late.",
        "Ken Hardie, a spokesman for the transit authority, said trains were delayed.",
        "TransRail CEO Kevin Desmond said the buses would run. Silicon Valley political"
        " scientist Ann Lund said the vote was close. His Honour Judge Peter Lamb adjourned"
        " the case, and Ole Brandt met rapper Joe Banks.",
        "Voters will back the plan, as the former US President Donald Trent told the rally.",
    )
    roles = {p.name: p.role for p in r.people}
    assert roles["Chi Anwuli"] == "the Labour MP for Westfield Central"
    assert roles["Ken Hardie"] == "a spokesman for the transit authority"
    assert roles["Kevin Desmond"] == "TransRail CEO"
    assert roles["Ann Lund"] == "Silicon Valley political scientist"
    assert roles["Peter Lamb"] == "Judge"
    assert roles["Joe Banks"] == "rapper"
    assert roles["Donald Trent"] == "former US President"


def test_contributors_sign_off_names_are_bylines() -> None:
    r = run(
        "Mayor Dana Whitlock opened the new bridge on Monday.",
        "Ilse Marang and Tomas Brandt contributed to this report.",
    )
    assert person(r, "Ilse Marang").kind == "byline"
    assert person(r, "Tomas Brandt").kind == "byline"
    assert person(r, "Dana Whitlock").kind == "subject"


def test_10_a_birth_name_is_an_alias_of_the_person_named() -> None:
    r = run(
        "The singer Dora Vale died on Monday at 97.",
        "Vale was born Dorothea Mary Kappler in 1926 and took her stage name at 17.",
    )
    dora = person(r, "Dora Vale")
    assert "Dorothea Mary Kappler" in dora.aliases
    assert "Dorothea Mary Kappler" not in names(r)


def test_1_an_inverted_attribution_with_any_verb() -> None:
    r = run(
        "High above the town, three mirrors now light the square in winter.",
        "“The water is warm at last!” beams Hanne Solberg, stepping into the fountain.",
    )
    q = quote(r, "The water is warm")
    assert (q.speaker, q.how) == ("Hanne Solberg", "said-after")


def test_1_a_predicate_after_the_subjects_apposition() -> None:
    r = run(
        "Critics said the budget ignored the harbour towns.",
        "The mayor, Dana Whitlock, responded to the claim by saying: “We have funded every"
        " harbour that asked for help this year.”",
    )
    assert quote(r, "We have funded").speaker == "Dana Whitlock"


def test_6_a_second_quote_in_the_same_sentence_keeps_the_speaker() -> None:
    r = run(
        "Ministry spokesperson Ada Varga said that the ministry is “working on the delays”"
        " and that the agency “has several plans to cut the waiting lists this winter,”"
        " including evening clinics.",
    )
    q = quote(r, "has several plans")
    assert (q.speaker, q.how) == ("Ada Varga", "continuation")


def test_an_inverted_verb_needs_the_name_to_end_the_clause() -> None:
    r = run(
        "Mayor Dana Whitlock spoke at the harbour on Monday.",
        "“The harbour will close for a whole year” prompted Ann Roe to resign from the board.",
        "“The fund is empty and the work will stop,” councillor Ann Roe wrote on Tuesday.",
    )
    assert quote(r, "The harbour will close").speaker != "Ann Roe"
    assert quote(r, "The fund is empty").speaker == "Ann Roe"
