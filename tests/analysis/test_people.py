"""People: finding, merging, roles, and what is not a person (invented articles)."""

from __future__ import annotations

from tests.analysis.helpers import make_article, names, person, quote, run


def test_full_name_surname_and_possessive_merge_with_role() -> None:
    r = run(
        "French President Émile Varnier met farmers in Lyon on Monday.",
        "Varnier told them the plan would change. But Varnier’s critics were unconvinced.",
    )
    p = person(r, "Émile Varnier")
    assert p.role == "French President"
    assert "Varnier" in p.aliases
    assert len(p.mentions) == 3
    assert names(r) == {"Émile Varnier"}
    art = make_article(
        "French President Émile Varnier met farmers in Lyon on Monday.",
        "Varnier told them the plan would change. But Varnier’s critics were unconvinced.",
    )
    assert [art.text[s:e] for s, e in p.mentions] == ["Émile Varnier", "Varnier", "Varnier"]


def test_places_days_orgs_and_sentence_starters_are_not_people() -> None:
    r = run(
        "KYIV (Wire) — The Kremlin said on Tuesday that talks in Kyiv had stalled.",
        "But officials in Moscow and Warsaw disagreed. Goldman Sachs said markets fell.",
        "The Liberal Party and Hockey Canada issued statements in March.",
    )
    assert names(r) == set()


def test_honorific_surname_only_person_and_alias() -> None:
    r = run(
        "Mr Okonkwo opened the bakery in 1998.",
        "Okonkwo said the ovens were older than the building.",
    )
    p = person(r, "Okonkwo")
    assert len(p.mentions) == 2
    assert any(a.startswith("Mr") for a in p.aliases)


def test_particles_hyphens_initials_and_doctor() -> None:
    r = run(
        "Ursula von Drechsel chaired the panel with Anne-Marie Kessler and J. R. Toller.",
        "Dr. Mirela Ostrova, a virologist, presented the findings.",
    )
    assert {"Ursula von Drechsel", "Anne-Marie Kessler", "J. R. Toller", "Mirela Ostrova"} <= names(
        r
    )


def test_prime_minister_role_is_split_from_name() -> None:
    r = run("Prime Minister Talia Brennick visited the port. Brennick left at noon.")
    p = person(r, "Talia Brennick")
    assert p.role == "Prime Minister"
    assert p.aliases == ("Brennick",)


def test_lowercase_role_before_name() -> None:
    r = run("Harbour spokesman Oskar Lindgren said the ferry was late.")
    assert person(r, "Oskar Lindgren").role == "Harbour spokesman"


def test_first_name_alone_merges_when_unambiguous() -> None:
    r = run(
        "Marguerite Olsen runs the shelter with her brother.",
        "Marguerite said the winter had been the hardest yet.",
    )
    p = person(r, "Marguerite Olsen")
    assert "Marguerite" in p.aliases
    assert len(r.people) == 1


def test_two_people_sharing_a_surname_stay_apart() -> None:
    r = run(
        "Caspar Wendt and Ilse Wendt both spoke at the hearing.",
        "Caspar Wendt left early.",
    )
    assert {"Caspar Wendt", "Ilse Wendt"} <= names(r)


def test_byline_and_photo_credit_kinds() -> None:
    r = run(
        ("By Tomas Reinholt", "byline"),
        ("Crews clear the road near the dam. (Provided Photo/Lena Vasquez/Valley Wire)", "caption"),
        "Engineer Pia Sandvik said the dam held.",
    )
    assert person(r, "Tomas Reinholt").kind == "byline"
    assert person(r, "Lena Vasquez").kind == "credit"
    assert person(r, "Pia Sandvik").kind == "subject"


def test_prominence_orders_people() -> None:
    r = run(
        "Ada Quell met Boris Nantes.",
        "Nantes said little. Nantes left. “We are done,” Nantes said.",
    )
    assert [p.name for p in r.people] == ["Boris Nantes", "Ada Quell"]
    assert person(r, "Boris Nantes").quoted == 1


def test_mentions_are_exact_spans() -> None:
    r = run("Chancellor Ilka Brandvold spoke. Brandvold’s office confirmed it.")
    art_text = "Chancellor Ilka Brandvold spoke. Brandvold’s office confirmed it."
    p = person(r, "Ilka Brandvold")
    assert [art_text[s:e] for s, e in p.mentions] == ["Ilka Brandvold", "Brandvold"]


def test_byline_metadata_only_still_lists_authors() -> None:
    from readerui.core.analysis import analyze
    from readerui.core.models import Article

    art = Article.from_blocks(
        "t",
        "T",
        [("The council met on Monday and voted to close the pool.", "body")],
        byline="By Halvard Strand and Ines Kowalczyk, Valley Wire",
    )
    r = analyze(art)
    assert [(p.name, p.kind, p.mentions) for p in r.people] == [
        ("Halvard Strand", "byline", ()),
        ("Ines Kowalczyk", "byline", ()),
    ]


def test_dateline_and_caps_do_not_make_people() -> None:
    r = run("OSLO (Wire) — NATO ministers met Oslo officials. The EU said nothing.")
    assert names(r) == set()


def test_all_caps_photo_credit_is_a_person() -> None:
    r = run(
        ("A ferry docks at dawn. (Photo: GRETE HALVORSEN/Valley Wire)", "caption"),
        "The ferry was late again on Tuesday.",
    )
    assert person(r, "GRETE HALVORSEN").kind == "credit"


def test_sentence_initial_title_keeps_its_modifier() -> None:
    r = run(
        "The summit was about foreign aid.",
        "Foreign Minister Oddvar Brekke arrived late. Brekke apologised.",
    )
    assert person(r, "Oddvar Brekke").role == "Foreign Minister"


def test_given_name_alone_with_age_is_a_person() -> None:
    r = run("Marisol, 34, was at home when the water came. Marisol ran to the roof.")
    p = person(r, "Marisol")
    assert len(p.mentions) == 2


def test_capitalised_plural_and_brand_case_are_not_people() -> None:
    r = run("MPs met at the MaRS centre. Boston-based investors said MPs were late.")
    assert names(r) == set()


def test_relative_in_apposition_is_a_person_of_their_own() -> None:
    r = run(
        "Police Chief Tomas Varga spoke first.",
        "Kelbrook's father, Tomas, declined to comment. Her husband, Orrin Dace, was at work.",
    )
    assert {"Tomas Varga", "Tomas", "Orrin Dace"} <= names(r)
    assert person(r, "Tomas").role is None


def test_lone_unknown_name_with_age_or_person_noun_is_a_person() -> None:
    r = run(
        "Qarvenu, 41, lost her shop in the flood.",
        "Drelliko, a resident of the valley, saw the water rise. Zarth was closed.",
    )
    assert {"Qarvenu", "Drelliko"} <= names(r)
    assert "Zarth" not in names(r)


def test_given_name_after_spatial_preposition_is_a_venue() -> None:
    r = run(
        "The rally was held at Fenwick Hall and later in Marlow Park.",
        "Organisers thanked Nadia Orsk for the sound system.",
    )
    assert names(r) == {"Nadia Orsk"}


def test_name_the_text_calls_its_is_not_a_person() -> None:
    r = run(
        "Ruth Halvard is widening its outreach to families this winter.",
        "Mara Lindqvist joined Orrin Tate, and its board approved the plan.",
    )
    assert "Ruth Halvard" not in names(r)
    assert {"Mara Lindqvist", "Orrin Tate"} <= names(r)


def _gender(name: str, *paras: str) -> str | None:
    """The gender the people index settles on for ``name``."""
    from readerui.core.analysis.people import build_people

    index = build_people(make_article(*paras))
    return next(e.gender for e in index.entities if e.mentions and e.name == name)


def test_pronoun_after_another_name_does_not_vote() -> None:
    paras = (
        "Maren Holt praised Tomas Birk, saying he had worked hard for the town.",
        '"The town owes him a great deal," she said.',
    )
    assert _gender("Maren Holt", *paras) == "f"
    r = run(*paras)
    assert quote(r, "The town owes").speaker == "Maren Holt"


def test_pronoun_after_a_quote_is_not_the_quoted_name() -> None:
    para = 'Ines Varga spoke on Monday. "We must redo what Patrick Reddy did years ago," she said.'
    assert _gender("Patrick Reddy", para) == "m"


def test_full_name_listed_with_a_person_is_a_person() -> None:
    r = run(
        "Greg Rowe and Dakri Kettu each scored twice for the visitors.",
        "The nominees were Ana Ruiz, Velko Drame and Tove Lind.",
        "Best film went to Marta Solis, Crimson Harbour.",
    )
    assert {"Greg Rowe", "Dakri Kettu", "Ana Ruiz", "Velko Drame", "Tove Lind"} <= names(r)
    assert "Crimson Harbour" not in names(r)


def test_full_name_in_apposition_to_a_role_is_a_person() -> None:
    r = run("Ruritania's chief harbour inspector, Gundo Jaraltsai, said the dock was unsafe.")
    assert "Gundo Jaraltsai" in names(r)


def test_name_after_named_is_a_person() -> None:
    r = run(
        "A ferry clerk named Qolvo told passengers the pier was shut.",
        "A firm named Brightwell built it.",
    )
    assert "Qolvo" in names(r)
    assert "Brightwell" not in names(r)


def test_name_before_a_legal_suffix_is_a_firm() -> None:
    r = run("The motor comes from Harald Vostek GmbH, said Ines Marlow.")
    assert names(r) == {"Ines Marlow"}


def test_plural_demonym_before_a_name_is_not_part_of_it() -> None:
    r = run("She will travel with fellow Canadians Daniel Ashby and Karen Voll this season.")
    assert {"Daniel Ashby", "Karen Voll"} <= names(r)


def test_more_role_nouns_introduce_names() -> None:
    r = run(
        "She beat bantamweight champion Miroska Tandel in May.",
        "Her teammate Qorvath was not surprised.",
    )
    assert {"Miroska Tandel", "Qorvath"} <= names(r)


def test_name_described_as_an_organisation_is_not_a_person() -> None:
    r = run(
        "The survey is run by Harrow Vale, a non-profit agency in the east end.",
        "According to Harrow Vale, demand doubled. Ella Marsh, the company's founder, agreed.",
    )
    assert "Harrow Vale" not in names(r)
    assert "Ella Marsh" in names(r)


def test_generational_suffix_is_not_the_surname() -> None:
    r = run("Walter Brisk Jr said the plant would close. Brisk said jobs would move south.")
    p = person(r, "Walter Brisk")
    assert len(p.mentions) == 2


def test_hyphenated_descriptor_before_a_full_name_is_not_part_of_it() -> None:
    r = run("Full-back Daniel Ostrow scored twice. Third-stringer Karen Voll started in goal.")
    assert {"Daniel Ostrow", "Karen Voll"} <= names(r)


def test_lone_word_listed_with_a_lone_person_is_a_person() -> None:
    r = run(
        "Her neighbour Marisol and Onyekwe left before dawn.",
        "Her neighbour Marisol and Lyon did not.",
    )
    assert "Onyekwe" in names(r)
    assert "Lyon" not in names(r)
