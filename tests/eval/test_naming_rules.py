import pytest

from eval.naming_rules import outcome


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
