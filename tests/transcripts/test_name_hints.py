"""The hinted decoding lends its spelling of names to the unhinted words, and nothing else."""

from gpu_service.protocol import Segment, Word
from st_resources.transcripts.name_hints import sounds_alike, with_hinted_names


def segment(i: int, *words: tuple[str, float, float]) -> Segment:
    ws = [Word(word=w, start=s, end=e) for w, s, e in words]
    return Segment(
        id=i, start=ws[0].start, end=ws[-1].end, text="".join(w.word for w in ws), words=ws
    )


PLAIN = [
    segment(0, (" Curse", 1.0, 1.3), (" it,", 1.3, 1.5), (" I", 1.6, 1.7), (" want", 1.7, 1.9)),
    segment(
        1, (" Dean's", 3.0, 3.3), (" off", 3.3, 3.5), (" till", 3.5, 3.7), (" Friday.", 3.7, 4.0)
    ),
    segment(2, (" Ask", 5.0, 5.2), (" the", 5.2, 5.3), (" manager.", 5.3, 5.8)),
]


def test_a_hinted_name_replaces_the_words_that_sound_like_it():
    hinted = [segment(0, (" Kirsty,", 1.0, 1.5), (" I", 1.6, 1.7), (" want", 1.7, 1.9))]
    out, put = with_hinted_names(PLAIN, hinted, ["Kirsty Boyes"])
    assert put == 1
    assert out[0].text == " Kirsty, I want"
    assert [(w.word, w.start, w.end) for w in out[0].words][0] == (" Kirsty,", 1.0, 1.5)
    assert out[1:] == PLAIN[1:]


def test_a_hinted_name_where_another_name_or_other_words_were_heard_changes_nothing():
    hinted = [
        segment(1, (" Sean's", 3.0, 3.3), (" off", 3.3, 3.5), (" till", 3.5, 3.7)),
        segment(2, (" Ask", 5.0, 5.2), (" Catherine.", 5.2, 5.8)),
    ]
    out, put = with_hinted_names(PLAIN, hinted, ["Sean Kirby", "Catherine Droz"])
    assert put == 0 and out == PLAIN


def test_a_name_already_spelt_right_or_not_hinted_is_left_alone():
    hinted = [segment(0, (" Kirsty,", 1.0, 1.5))]
    out, put = with_hinted_names(PLAIN, hinted, ["Ray Ellerby"])  # not a hinted name
    assert put == 0 and out == PLAIN
    right = [segment(0, (" Kirsty,", 1.0, 1.5), (" I", 1.6, 1.7))]
    out, put = with_hinted_names(right, hinted, ["Kirsty Boyes"])
    assert put == 0 and out == right


def test_sounds_alike_needs_the_first_sound_and_most_of_the_rest():
    assert sounds_alike(" Harkot", "Harcourt")
    assert sounds_alike(" Phillipa", "Philippa")
    assert not sounds_alike(" Dean", "Sean")
    assert not sounds_alike(" Thierna", "Fiona")
