import pytest

from eval.naming_rules import outcome, script_cases


@pytest.mark.parametrize(
    ("expected", "given", "result"),
    [
        ("Adrien Klein", "adrien  KLEIN", "right"),
        ("Adrien Klein", "Klein", "partial"),
        ("Adrien Klein", "Adrien Klain", "wrong"),
        ("Klein", "Adrien Klein", "wrong"),
        ("Adrien Klein", None, "missed"),
        (None, "Klein", "false"),
        (None, None, "unnamed"),
    ],
)
def test_outcome_tells_a_partial_name_from_another_person(expected, given, result):
    assert outcome(expected, given) == result


def test_a_meeting_script_expects_the_full_names_it_says_or_writes(tmp_path):
    script = tmp_path / "tiny.yaml"
    script.write_text(
        """
description: two people, one meeting
persons:
  - {id: ana, name: Ana Lopes, language: en, voice: en-gb+f2, pitch: 50, speed: 170}
  - {id: bo, name: Bo Carter, language: en, voice: en-gb+m3, pitch: 40, speed: 170}
backchannels: {en: [yeah]}
meetings:
  - id: m1
    language: en
    title: a call
    context: "Attendees: Ana Lopes"
    turns:
      - {id: t1, person: ana, text: "Morning Bo, shall we start?"}
      - {id: t2, person: bo, text: "Yes, go ahead."}
"""
    )
    cases, truth = script_cases([str(script)])
    assert [c.name for c in cases] == ["tiny/m1"]
    assert cases[0].expected == {"ana": "Ana Lopes", "bo": None}  # only "Bo" is said
    assert cases[0].documents == ("Attendees: Ana Lopes",)
    assert truth == {"tiny/m1/ana": "Ana Lopes", "tiny/m1/bo": "Bo Carter"}
