"""General rules that keep the engine right on unseen news and fiction (invented articles)."""

from __future__ import annotations

from tests.analysis.helpers import names, person, quote, run

from readerui.core.analysis.people import byline_names


def test_countries_states_and_cities_are_never_people() -> None:
    r = run(
        "Malawi has said it will open its border. Malawi said the talks went well.",
        "“We are ready,” said Malawi. Officials in Saskatchewan and Idaho agreed.",
        "Idaho said it would wait. Rotterdam said nothing.",
    )
    assert names(r) == set()


def test_a_word_the_article_uses_as_a_place_is_not_a_person() -> None:
    r = run(
        "Aid reached camps in Veldoria on Monday. Fighting spread across Veldoria.",
        "Veldoria said it would allow more convoys. “We are open,” said Veldoria.",
    )
    assert names(r) == set()


def test_place_glued_before_a_name_is_dropped() -> None:
    r = run(
        "The envoy arrived in Varsk in May. He stayed in Varsk for a week.",
        "From Varsk Kutzmin wrote to his old comrade.",
        "“The roads are closed,” Kutzmin said. Kutzmin said the army would wait.",
    )
    assert "Varsk Kutzmin" not in names(r)
    assert "Kutzmin" in names(r)


def test_given_name_speaking_alone_does_not_vouch_for_a_glued_noun() -> None:
    r = run(
        "The rites of the lodge puzzled him; Freemasonry Pierre never understood.",
        "“I do not follow,” Pierre said. Pierre said nothing more that night.",
    )
    assert "Freemasonry Pierre" not in names(r)


def test_arabic_article_particle_merges_with_the_bare_surname() -> None:
    r = run(
        "The court charged Omar Hassan al-Rudani last year.",
        "Officials said Mr. Rudani must answer the charges. “We will not go,” Rudani said.",
    )
    p = person(r, "Omar Hassan al-Rudani")
    assert {"Rudani", "Mr Rudani"} <= set(p.aliases)
    assert names(r) == {"Omar Hassan al-Rudani"}
    assert quote(r, "We will not go").speaker == "Omar Hassan al-Rudani"


def test_titled_surname_merges_with_the_full_name() -> None:
    r = run(
        "President Barack Osei met aides on Friday.",
        "Later, President Osei signed the order. “It is done,” Osei said.",
    )
    assert names(r) == {"Barack Osei"}
    assert person(r, "Barack Osei").role == "President"


def test_all_caps_byline_gives_a_name_cased_byline_person() -> None:
    r = run(("By MARIA KOSTELNIK", "byline"), "The council met on Monday.")
    p = person(r, "Maria Kostelnik")
    assert p.kind == "byline"
    assert len(p.mentions) == 1
    assert byline_names("By JANE O'HARA-BRENT and Tom Vik") == ["Jane O'Hara-Brent", "Tom Vik"]


def test_all_caps_byline_metadata_is_name_cased() -> None:
    from readerui.core.analysis import analyze
    from readerui.core.models import Article

    art = Article.from_blocks(
        "t", "T", [("The pool closed on Monday.", "body")], byline="By HALVARD STRAND"
    )
    assert [(p.name, p.kind) for p in analyze(art).people] == [("Halvard Strand", "byline")]


def test_different_middle_initials_are_different_people() -> None:
    r = run(
        "George H. W. Brandt founded the firm; his son George W. Brandt ran it later.",
        "George W. Brandt said the firm would grow.",
    )
    assert {"George H. W. Brandt", "George W. Brandt"} <= names(r)


def test_shorter_form_without_a_middle_name_still_merges() -> None:
    r = run(
        "Tama Kauri Robert Haere said he would lead the hikoi.",
        "Tama Kauri Haere said the walk would take a week.",
    )
    assert names(r) == {"Tama Kauri Robert Haere"}


def test_double_hyphen_is_a_dash_not_part_of_a_name() -> None:
    r = run("“No,” said Celine--the cook--firmly.")
    assert names(r) == {"Celine"}
    assert quote(r, "No").speaker == "Celine"


def test_place_before_a_role_noun_is_a_modifier_not_a_speaker() -> None:
    r = run(
        "“Every publisher turned me down,” says Eastbrook cartoonist Andrin Pelko, who "
        "draws at night.",
        "“It takes months,” says the self-taught Eastbrook resident.",
    )
    assert "Eastbrook" not in names(r)
    assert quote(r, "Every publisher").speaker == "Andrin Pelko"


def test_role_in_apposition_makes_a_person() -> None:
    r = run(
        "“We needed a model,” Quorvan Kvist, the firm’s founder, said inside the plant.",
        "Zelquin Vorno, marketing executive at Acme, explained that he ran downstairs.",
    )
    assert {"Quorvan Kvist", "Zelquin Vorno"} <= names(r)
    assert quote(r, "We needed a model").speaker == "Quorvan Kvist"


def test_venue_in_apposition_with_a_shared_role_is_not_a_person() -> None:
    r = run("Pelham Downs, the host of the autumn cup, is a hard course.")
    assert names(r) == set()


def test_office_speaks_for_the_person_not_as_them() -> None:
    r = run(
        "Tessa Marlow, the trade minister, oversees the agency.",
        "In a statement, her office said: “These payments follow the contracts.”",
    )
    q = quote(r, "These payments")
    assert q.speaker is None
    assert q.speaker_label == "her office"


def test_possessive_owner_of_a_spokesperson_is_not_the_speaker() -> None:
    r = run(
        "Tessa Marlow, the trade minister, oversees the agency.",
        "“We will not comment,” Marlow’s spokesman said.",
    )
    assert quote(r, "We will not comment").speaker is None


def test_agent_noun_before_a_full_name_is_a_role() -> None:
    r = run("It was left to fellow left-hander Jorvik Stanslo to hold the innings together.")
    assert person(r, "Jorvik Stanslo").role == "fellow left-hander"


def test_name_with_a_country_in_results_is_a_person() -> None:
    r = run(
        "1. Anneli Korvasto (Finland) 1:17.76",
        "2. Quilla Marest (Peru) 1:17.97",
        "3. Kinder Velmora (Italy) 1:18.11",
    )
    assert {"Anneli Korvasto", "Quilla Marest"} <= names(r)


def test_place_and_party_or_title_is_not_a_person() -> None:
    r = run(
        "The Vermont Democrat said the bill would pass.",
        "The Prague Rabbi said prayers would continue.",
    )
    assert names(r) == set()


def test_function_words_inside_a_run_make_it_a_title() -> None:
    r = run("Tell Me Why said the critics. Way Over My Head said the banner.")
    assert names(r) == set()


def test_common_word_first_needs_more_than_speech() -> None:
    r = run("Fair Trading said the rules would change, and the fair was cancelled.")
    assert names(r) == set()


def test_role_before_a_name_drops_the_verb_and_clause() -> None:
    r = run(
        "The judge ruled on Tuesday, telling lawyer Chris Vandal to sit down.",
        "It changed the law. Health secretary Mattias Holm said so.",
    )
    assert person(r, "Chris Vandal").role == "lawyer"
    assert person(r, "Mattias Holm").role == "Health secretary"


def test_saint_prefix_keeps_the_place_whole() -> None:
    r = run(
        "Council members in St. Louis Park met on Monday.",
        "St. Louis Park Mayor Jaka Spanec said the vote was close.",
    )
    assert names(r) == {"Jaka Spanec"}
    assert person(r, "Jaka Spanec").role == "St Louis Park Mayor"


def test_sentence_adverb_is_not_part_of_a_name() -> None:
    r = run("The bridge fell before he reached it. Hence Bagrov said they would march north.")
    assert "Hence Bagrov" not in names(r)


def test_chinese_given_name_he_is_kept() -> None:
    r = run("Vice Premier Liu He met the delegation. Liu He said the talks were useful.")
    assert "Liu He" in names(r)


def test_apostrophe_surnames_are_names() -> None:
    r = run(
        "Justice Sandra Day O’Varrick retired. Senator Alfonse D'Amico said she was missed.",
        "Striker Japhet N'Dorany scored twice.",
    )
    assert {"Sandra Day O’Varrick", "Alfonse D'Amico", "Japhet N'Dorany"} <= names(r)


def test_royal_and_international_names_are_organisations() -> None:
    r = run(
        "Staff at the Royal Shrewsbury said beds were full.",
        "Amnesty International said the trial was unfair.",
    )
    assert names(r) == set()


def test_credit_label_glued_to_a_name_is_dropped() -> None:
    r = run(("Crews repair a line. CreditCreditJana W. Loomis/The Daily Ledger", "caption"))
    assert "Jana W. Loomis" in names(r)
    assert not any(n.startswith("Credit") for n in names(r))


def test_person_named_in_a_caption_is_no_antecedent() -> None:
    r = run(
        "Author Celestine Marr has written a history of the porters.",
        "Bernard Loyne, a retired porter, looks at photos in Montreal. (Valley Wire File Photo)",
        "“These men were brave enough to go to the capital,” he says.",
    )
    assert quote(r, "These men were brave").speaker == "Celestine Marr"


def test_relative_of_the_focus_is_someone_new() -> None:
    r = run(
        "Police named the victim as Abdel Rahime, 35, a driver.",
        "“He is gone, he is gone,” the father repeated into his phone.",
    )
    assert quote(r, "He is gone").speaker is None


def test_abbreviated_title_is_not_a_sentence_end_for_pronouns() -> None:
    r = run(
        "The station gave Brian Hemsley the names of its members. Mr. Hemsley wanted more.",
        "Justice Sean Dunmore said the station’s defiant stand was clearly adopted to "
        "frustrate the applicants and not out of any real concern to maintain privacy. "
        "Still, he denied Mr. Hemsley’s request for phone numbers, calling that intrusive.",
        "“This has become an acrimonious fight,” he wrote in his decision.",
    )
    assert quote(r, "This has become").speaker == "Sean Dunmore"


def test_name_with_a_dotted_initial_right_after_a_quote_speaks() -> None:
    r = run(
        "Leader Kim Sol-ah met envoys in June.",
        "“Kim is eager to show she has options,” Harold J. Kazimir, director of defence "
        "studies at the Valley-based Centre for the Public Interest, said in a statement.",
    )
    assert quote(r, "Kim is eager").speaker == "Harold J. Kazimir"


def test_capitalised_role_noun_alone_is_no_person() -> None:
    r = run(
        "Officials said the road would reopen. “It will take a week,” said Officials.",
        "Doctors said the patient was stable.",
    )
    assert names(r) == set()


def test_plural_role_before_names_is_evidence_but_no_role() -> None:
    r = run("Also present were cabinet ministers Jonas Mobuto and Saviour Kasakwe.")
    p = person(r, "Jonas Mobuto")
    assert p.role is None


def test_the_official_is_an_unnamed_source_not_the_person_in_focus() -> None:
    r = run(
        "Lena Markovic, a finance executive, was arrested in the city last month.",
        "“By the time they make a request, most of those go through,” the official said.",
    )
    assert quote(r, "By the time").speaker is None


def test_a_boat_named_after_a_vessel_noun_is_not_a_person() -> None:
    r = run(
        "“The nets came up empty,” said Halvard Ostrem, who skippers the trawler Silver "
        "Plover with his brother. “We will try the north bank tomorrow.”",
    )
    assert "Silver Plover" not in names(r)
    assert "Halvard Ostrem" in names(r)
    assert {q.speaker for q in r.quotes} == {"Halvard Ostrem"}


def test_a_headland_or_quay_is_a_place_not_a_person() -> None:
    r = run(
        "The fleet may move to deeper water at Kestrel Point, near Marrow Quay.",
        "“It is further out,” said harbourmaster Ilse Brandt.",
    )
    assert names(r) == {"Ilse Brandt"}
