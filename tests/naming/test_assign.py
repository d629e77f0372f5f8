"""Joint, priority-ordered assignment of names to speakers."""

from st_resources.naming.assign import Identity, Option, assign, same_person


def test_one_person_never_gets_two_speakers():
    # Both speakers look like Marie by rules; the joint solution gives her to the
    # stronger claim and leaves the other open rather than naming two Maries.
    result = assign(
        ["A", "B"],
        [("rag", [Option("A", "Marie Dupont", 0.9), Option("B", "Marie Dupont", 0.7)])],
    )
    assert result["A"].name == "Marie Dupont"
    assert result["B"].name is None and result["B"].source == "unknown"


def test_joint_beats_greedy():
    # Greedy on A first would take Paul (0.8) and leave B with nothing; jointly A=Marie,
    # B=Paul has the larger total.
    options = [Option("A", "Paul", 0.8), Option("A", "Marie", 0.7), Option("B", "Paul", 0.75)]
    result = assign(["A", "B"], [("rag", options)])
    assert (result["A"].name, result["B"].name) == ("Marie", "Paul")


def test_higher_priority_source_wins_and_blocks_the_person():
    result = assign(
        ["A", "B"],
        [
            ("voiceprint", [Option("A", "Marie Dupont", 0.95)]),
            ("rag", [Option("A", "Paul", 0.99), Option("B", "Marie", 0.9)]),
            ("llm", [Option("B", "Jean", 0.5)]),
        ],
    )
    assert result["A"] == Identity("A", "Marie Dupont", "voiceprint", 0.95)
    # "Marie" is Marie Dupont, already A: B falls through to the LLM's answer.
    assert (result["B"].name, result["B"].source) == ("Jean", "llm")


def test_manual_names_are_kept():
    fixed = [Identity("A", "Zoé", "manual", 1.0)]
    result = assign(["A", "B"], [("voiceprint", [Option("A", "Paul", 0.99)])], fixed)
    assert result["A"].name == "Zoé" and result["A"].source == "manual"
    assert result["B"].name is None


def test_same_person_ignores_case_accents_and_partial_names():
    assert same_person("zoe", "Zoé Martin")
    assert not same_person("Marie", "Mario Rossi")


def test_a_voice_known_by_first_name_takes_the_full_name_heard_now():
    from st_resources.naming.identify import complete_names

    identities = assign(
        ["A", "B"],
        [("voiceprint", [Option("A", "Sarah", 0.97)]), ("rag", [Option("B", "Peter", 0.7)])],
    )
    rag = [Option("A", "Sarah Collins", 0.8, {"evidence": ["in a document"]})]
    completed = complete_names(identities, [*rag, Option("A", "Sam Smith", 0.9)])
    assert (completed["A"].name, completed["A"].source) == ("Sarah Collins", "voiceprint")
    assert completed["A"].evidence["full_name_from"] == {"evidence": ["in a document"]}
    assert completed["B"] == identities["B"]
