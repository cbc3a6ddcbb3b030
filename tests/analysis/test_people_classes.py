"""People error classes of "Who said it, on news it has never seen" (items 8–11), second round.

One invented article per class; none of these texts comes from the evaluation data.
"""

from __future__ import annotations

from tests.analysis.helpers import names, run


def test_9_a_full_name_after_a_glued_description_is_found() -> None:
    r = run(
        "The youth council met with Minister of Coastal-Northern Affairs Marta Olsgaard and"
        " later with the harbour police.",
        "A photo caption read: Northern Press Agency Tomas Brevik visits the new school.",
    )
    found = names(r)
    assert "Marta Olsgaard" in found
    assert "Tomas Brevik" in found
    assert not any("Affairs" in n or "Agency" in n for n in found)


def test_9_a_given_name_written_without_its_accents_is_still_a_given_name() -> None:
    r = run(
        "On a cold morning Frantisek Dolejsky arrived from Brno with his family.",
        "A week later Sandor Kovary took the same train to the coast.",
    )
    found = names(r)
    assert "Frantisek Dolejsky" in found
    assert "Sandor Kovary" in found


def test_8_a_demonym_noun_glued_to_a_name_is_no_part_of_it() -> None:
    r = run("Frenchman Pierre Garnaud scored twice in the second half of the cup tie.")
    assert "Pierre Garnaud" in names(r)
    assert not any("Frenchman" in n for n in names(r))


def test_9_a_results_line_with_a_long_country_name_lists_a_person() -> None:
    r = run(
        "Results of the men's ski jumping on Sunday:",
        "1. Zbyslav Kvetensky (Czech Republic) 231.5",
        "2. Oskari Tuulmaa (Finland) 228.0",
    )
    assert "Zbyslav Kvetensky" in names(r)


def test_8_a_firm_or_a_work_named_after_its_kind_is_no_person() -> None:
    r = run(
        "Ruth Amsel, who founded the consultancy Nolan Brightwater, raised the money.",
        "Students gather at a little shop called Tessa Marlow near the campus.",
        "Ruth Amsel said she had watched the sitcom Harriet Quill as a child.",
    )
    found = names(r)
    assert "Ruth Amsel" in found
    assert not {"Nolan Brightwater", "Tessa Marlow", "Harriet Quill"} & found


def test_4_a_capitalised_firm_before_a_role_and_comma_introduces_a_person() -> None:
    r = run(
        "During the debate he mocked Harbour Radio presenter, Quenby Tallis, because she"
        " pressed him on the budget."
    )
    assert "Quenby Tallis" in names(r)


def test_4_a_sentence_opener_before_a_noun_and_comma_is_no_role() -> None:
    r = run("After dinner, Quenby Tallis spoke to the crowd. Tallis said the budget was fair.")
    assert "Quenby Tallis" in names(r)
    assert next(p for p in r.people if p.name == "Quenby Tallis").role is None


def test_9_a_name_listed_beside_a_person_with_initials_is_a_person() -> None:
    r = run("The club traded for Tobiah Quarrington, R.J. Vossberg and Zbyslav Okafor.")
    assert {"R.J. Vossberg", "Zbyslav Okafor"} <= names(r)


def test_9_a_first_name_only_person_introduced_by_an_age_is_a_person() -> None:
    r = run(
        "The ministry has raised concerns about three-year-old Tembi, whom the couple adopted"
        " last spring.",
        "In a letter, the ministry gave no details regarding Tembi's papers, but said “every"
        " adoption must follow the law of both countries.”",
    )
    assert "Tembi" in names(r)
    q = next(q for q in r.quotes if q.text.startswith("every adoption"))
    assert q.speaker != "Tembi"


def test_8_and_9_a_name_given_as_an_example_takes_the_kind_it_exemplifies() -> None:
    r = run(
        "He admired mass shooters such as Dorran Vext and wrote about them.",
        "The minister praised Welsh bands such as Harlow Quint, who sing in English.",
        "Charities including Velma Ostrander lost funding.",
    )
    found = names(r)
    assert "Dorran Vext" in found
    assert not {"Harlow Quint", "Velma Ostrander"} & found


def test_9_goal_scorers_in_a_result_line_are_people() -> None:
    r = run(
        "Soccer - Northern league results on Saturday:",
        "Oakhampton 2 (Quarmby 30th pen, Vestergaard 89th) Dunmore Rovers 1 (Tollisch 56th).",
        "Ruritania 3 (Tollisch 12, 77) Freedonia 0.",
    )
    found = names(r)
    assert {"Quarmby", "Vestergaard", "Tollisch"} <= found
    assert not {"Oakhampton", "Ruritania", "Freedonia"} & found


def test_9_a_demonym_made_from_a_place_before_a_name_is_a_modifier() -> None:
    r = run("Police detained the Paraguayan Tulio Ébano Vasquerra at a hotel on Friday.")
    assert "Tulio Ébano Vasquerra" in names(r)


def test_10_a_name_the_text_says_someone_was_called_is_their_alias() -> None:
    r = run(
        "The senator was born Edmund Carlisle Hatherby in a river town in 1921.",
        "Edmund Hatherby married Loretta Quayne in 1948. Her friends called her Lettie.",
        "As a boy he was called Ned. Ned Hatherby later ran the family farm.",
        "Lettie Hatherby opened a clinic in 1979.",
    )
    forms = [{p.name, *p.aliases} for p in r.people]
    assert any({"Ned Hatherby", "Edmund Hatherby"} <= f for f in forms)
    assert any({"Lettie Hatherby", "Loretta Quayne"} <= f for f in forms)


def test_8_a_job_or_a_verb_before_a_name_is_no_kind_of_thing() -> None:
    r = run(
        "“We will print on Sunday,” said publisher Orla Wendt.",
        "Polls show Tamsin Reive ahead in the race, and records show Tamsin Reive paid her tax.",
    )
    assert {"Orla Wendt", "Tamsin Reive"} <= names(r)


def test_8_a_street_named_with_a_particle_is_no_person() -> None:
    r = run(
        "He walked along the Avenue du Marronnier, past the Place de la Fontaine, and met"
        " Odile Ferrand at the gate."
    )
    assert names(r) == {"Odile Ferrand"}


def test_9_an_initial_opening_a_line_is_kept_even_when_a_word_elsewhere() -> None:
    r = run(
        "Scorecard of the second one-day match on Sunday:",
        "D. Quarmby c Tolland b Vesper 12",
        "c Tolland is how the catch is written; d is no word here.",
    )
    assert "D. Quarmby" in names(r)


def test_8_a_capitalised_verb_inside_a_run_makes_a_title_not_a_name() -> None:
    r = run("The remake of A Captain Is Lost won an award, and Marit Solberg produced it.")
    assert names(r) == {"Marit Solberg"}


def test_8_a_name_once_called_a_thing_is_a_thing_everywhere() -> None:
    r = run(
        "Students crowd into a little shop called Tessa Marlow near the station.",
        "Tessa Marlow has become a hub for tired students, the owner says.",
        "The café shows the two films Ilse Varga directed. Ilse Varga lives nearby.",
    )
    found = names(r)
    assert "Tessa Marlow" not in found
    assert "Ilse Varga" in found


def test_9_a_byline_paragraph_after_the_text_names_a_person() -> None:
    r = run(
        "The two reporters were released on Friday after months in detention.",
        "Their families said they hoped the pair could come home soon.",
        "Posted by Yarrow Thandeka",
    )
    assert "Yarrow Thandeka" in names(r)
