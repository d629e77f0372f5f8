"""The scoring functions on hand-made inputs whose answers are worked out by hand."""

import pytest
from pyannote.core import Segment

from eval.metrics import (
    WordErrors,
    annotation_from_turns,
    diarization_scores,
    format_rttm,
    naming_tally,
    normalize_name,
    normalize_text,
    parse_rttm,
    part_of_name,
    read_rttm,
    realtime_factors,
    speaker_mapping,
    speech_covered,
    sum_counts,
    word_errors,
)


def ann(*turns):
    return annotation_from_turns(turns, "m")


# --------------------------------------------------------------------------- WER


def test_normalisation_is_the_same_for_both_sides():
    assert normalize_text("  Hello,\nWORLD.  ") == "hello world"
    assert normalize_text("...") == ""
    assert normalize_text("L'équipe, 15,000 €!  OK?") == normalize_text("l équipe 15 000 ok")
    assert normalize_text("L'équipe, 15,000 €!") == "l équipe 15000"
    # Whisper's way of writing numbers and contractions meets the spoken form.
    assert normalize_text("We're done, it's 2 of 12 on January 6th.") == normalize_text(
        "we are done it is two of twelve on january 6"
    )
    assert normalize_text("Deux postes le 1er mars") == "2 postes le 1 mars"
    assert normalize_text("I can't, he won't, let's go") == "i cannot he will not let us go"
    assert normalize_text("aujourd’hui, j'ai dit") == "aujourd hui j ai dit"


def test_identical_text_has_no_error_whatever_the_case_and_punctuation():
    errors = word_errors("Bonjour, je suis Marie Dupont.", "bonjour je suis marie dupont")
    assert errors.wer == 0.0
    assert errors.hits == errors.ref_words == 5


def test_word_error_counts():
    # one substitution (sat → sit) and one insertion (today) over 6 reference words
    errors = word_errors("the cat sat on the mat", "the cat sit on the mat today")
    assert (errors.substitutions, errors.deletions, errors.insertions) == (1, 0, 1)
    assert errors.wer == pytest.approx(2 / 6)
    dropped = word_errors("we meet on monday at ten", "we meet monday at ten")
    assert (dropped.deletions, dropped.hits, dropped.wer) == (1, 5, pytest.approx(1 / 6))


def test_empty_sides():
    assert word_errors("", "").wer is None
    assert word_errors("", "noise words").insertions == 2
    missed = word_errors("two words", "")
    assert (missed.deletions, missed.wer) == (2, 1.0)


def test_corpus_wer_is_over_all_words_not_a_mean_of_files():
    short = word_errors("yes", "no")  # 1 error / 1 word
    long = word_errors(
        "one two three four five six seven eight nine",
        "one two three four five six seven eight nine",
    )
    total = sum_counts([short, long])
    assert total.wer == pytest.approx(1 / 10)
    assert (short + long).to_dict()["wer"] == pytest.approx(0.1)
    assert WordErrors().wer is None


# --------------------------------------------------------------------------- RTTM


RTTM = """\
;; comment
SPEAKER m 1 0.000 10.000 <NA> <NA> A <NA> <NA>
SPEAKER m 1 10.000 10.000 <NA> <NA> B <NA> <NA>
SPEAKER m 1 12.000 0.000 <NA> <NA> B <NA> <NA>
SPEAKER other 1 0.000 5.000 <NA> <NA> C <NA> <NA>
"""


def test_parse_rttm_groups_by_file_and_skips_empty_turns():
    by_uri = parse_rttm(RTTM)
    assert set(by_uri) == {"m", "other"}
    assert by_uri["m"].labels() == ["A", "B"]
    assert by_uri["m"].label_duration("B") == pytest.approx(10.0)
    assert len(list(by_uri["m"].itertracks())) == 2


def test_read_rttm_picks_the_named_file_or_relabels_a_single_one(tmp_path):
    many = tmp_path / "m.rttm"
    many.write_text(RTTM)
    assert read_rttm(many).labels() == ["A", "B"]
    with pytest.raises(ValueError):
        read_rttm(many, uri="missing")
    single = tmp_path / "meeting.rttm"
    single.write_text("SPEAKER some_other_id 1 1.5 2.0 <NA> <NA> X <NA> <NA>\n")
    annotation = read_rttm(single)
    assert annotation.uri == "meeting" and annotation.labels() == ["X"]


def test_rttm_round_trip():
    reference = ann((0.0, 1.25, "A"), (1.0, 3.5, "B"))
    text = format_rttm(reference, "m")
    assert text.splitlines()[0] == "SPEAKER m 1 0.000 1.250 <NA> <NA> A <NA> <NA>"
    assert parse_rttm(text)["m"] == reference


# --------------------------------------------------------------------------- DER / JER


REFERENCE = ann((0, 20, "A"), (20, 40, "B"))


def test_identical_annotations_score_zero():
    scores = diarization_scores(REFERENCE, ann((0, 20, "s1"), (20, 40, "s2")), uem=40.0)
    assert scores.der == 0.0 and scores.der_no_overlap == 0.0 and scores.jer == 0.0
    assert (scores.ref_speakers, scores.hyp_speakers, scores.speaker_count_error) == (2, 2, 0)
    assert scores.mapping == {"s1": "A", "s2": "B"}


def test_a_swapped_half_turn_is_confusion():
    # B's first half is given to B, its second half to A's cluster: 10 s of 40 confused.
    hypothesis = ann((0, 20, "s1"), (20, 30, "s2"), (30, 40, "s1"))
    scores = diarization_scores(REFERENCE, hypothesis, uem=40.0, collar=0.0)
    assert scores.der == pytest.approx(10 / 40)
    assert scores.with_overlap.confusion == pytest.approx(10.0)
    # JER: A~s1 → 1 - 20/30; B~s2 → 1 - 10/20; mean = (1/3 + 1/2) / 2
    assert scores.jer == pytest.approx((1 / 3 + 1 / 2) / 2)


def test_missed_speech_and_false_alarm():
    hypothesis = ann((0, 15, "s1"), (20, 40, "s2"), (41, 43, "s2"))
    scores = diarization_scores(REFERENCE, hypothesis, uem=45.0, collar=0.0)
    assert scores.with_overlap.missed == pytest.approx(5.0)
    assert scores.with_overlap.false_alarm == pytest.approx(2.0)
    assert scores.der == pytest.approx(7 / 40)


def test_one_cluster_for_everyone_and_an_empty_hypothesis():
    merged = diarization_scores(REFERENCE, ann((0, 40, "s1")), uem=40.0, collar=0.0)
    assert merged.der == pytest.approx(0.5) and merged.speaker_count_error == -1
    nothing = diarization_scores(REFERENCE, ann(), uem=40.0, collar=0.0)
    assert nothing.der == pytest.approx(1.0) and nothing.hyp_speakers == 0


def test_speech_covered_counts_overlapping_spans_once_and_ignores_speakers():
    reference = ann((0, 10, "a"), (5, 12, "b"), (20, 24, "a"))
    speech, covered = speech_covered(reference, [(2, 6), (4, 8), (21, 30), (40, 41)])
    assert speech == pytest.approx(16.0)
    assert covered == pytest.approx(6.0 + 3.0)


def test_collar_is_forgiven_on_each_side_of_reference_boundaries():
    late = ann((0, 20.2, "s1"), (20.2, 40, "s2"))  # change point 0.2 s late
    assert diarization_scores(REFERENCE, late, uem=40.0, collar=0.0).der == pytest.approx(0.2 / 40)
    assert diarization_scores(REFERENCE, late, uem=40.0).der == 0.0  # ±0.25 s covers it
    # ±0.1 s forgives [19.9, 20.1] only: 0.1 s of error remains, over 40 - 0.3 s scored
    # (collars at 0 and 40 are half outside the evaluated region).
    small = diarization_scores(REFERENCE, late, uem=40.0, collar=0.1)
    assert small.der == pytest.approx(0.1 / (40 - 0.1 - 0.2 - 0.1 + 0.1), rel=0.02)
    later = ann((0, 20.4, "s1"), (20.4, 40, "s2"))
    assert diarization_scores(REFERENCE, later, uem=40.0).der > 0.0  # 0.4 s > 0.25 s


def test_overlap_scored_or_skipped():
    # B starts 2 s before A stops; the hypothesis hears one speaker at a time.
    reference = ann((0, 10, "A"), (8, 14, "B"))
    hypothesis = ann((0, 10, "s1"), (10, 14, "s2"))
    scores = diarization_scores(reference, hypothesis, uem=14.0, collar=0.0)
    assert scores.with_overlap.total == pytest.approx(16.0)  # 10 s of A + 6 s of B
    assert scores.der == pytest.approx(2 / 16)  # B's overlapped 2 s missed
    assert scores.der_no_overlap == 0.0
    assert scores.without_overlap.total == pytest.approx(12.0)


def test_uem_limits_the_scored_region():
    hypothesis = ann((0, 20, "s1"), (20, 40, "s2"), (50, 55, "s3"))
    whole = diarization_scores(REFERENCE, hypothesis, uem=60.0, collar=0.0)
    cut = diarization_scores(REFERENCE, hypothesis, uem=Segment(0, 45), collar=0.0)
    assert whole.with_overlap.false_alarm == pytest.approx(5.0)
    assert cut.der == 0.0


# --------------------------------------------------------------------------- naming


def test_naming_tally_per_source():
    reference = ann((0, 10, "marie"), (10, 20, "luc"), (20, 30, "claire"), (30, 40, "paul"))
    hypothesis = ann((0, 10, "S0"), (10, 20, "S1"), (20, 30, "S2"))
    mapping = speaker_mapping(reference, hypothesis)
    assert mapping == {"S0": "marie", "S1": "luc", "S2": "claire"}
    names = {"marie": "Marie Dupont", "luc": "Luc Bernard", "claire": "Claire Moreau",
             "paul": "Paul Durand"}  # fmt: skip
    hyp_names = {
        "S0": ("marie dupont", "voiceprint"),  # right, case aside
        "S1": ("Claire Moreau", "llm"),  # wrong person
        "S2": (None, None),  # left unknown
    }
    tally = naming_tally(names, mapping, hyp_names).to_dict()
    assert (tally["speakers"], tally["correct"], tally["accuracy"]) == (4, 1, 0.25)
    assert tally["by_source"]["voiceprint"] == {
        "named": 1,
        "correct": 1,
        "partial": 0,
        "precision": 1.0,
        "by_person": 1.0,
    }
    assert tally["by_source"]["llm"]["correct"] == 0
    assert tally["by_source"]["unknown"]["named"] == 1
    assert tally["by_source"]["unmapped"]["named"] == 1  # paul: no diarized speaker


def test_names_compare_without_accents_or_case():
    assert normalize_name("Antoine Lefèvre") == normalize_name("antoine LEFEVRE")
    assert normalize_name(None) == ""


def test_realtime_factors():
    assert realtime_factors(60.0, {"asr": 10.0, "diarization": 2.0, "broken": 0.0}) == {
        "asr": 6.0,
        "diarization": 30.0,
        "broken": None,
    }


def test_a_name_short_of_the_full_one_is_the_right_person_not_a_right_name():
    mapping = {"S0": "patrice", "S1": "jade", "S2": "del"}
    names = {"patrice": "Patrice Bodin", "jade": "Jade Fenwick", "del": "Delroy Campbell"}
    hyp_names = {
        "S0": ("Patrice", "rag"),  # the right person, his surname never said
        "S1": ("Jade Fenwick", "rag"),
        "S2": ("Jade Fenwick", "rag"),  # another person
    }
    rag = naming_tally(names, mapping, hyp_names).to_dict()["by_source"]["rag"]
    assert (rag["named"], rag["correct"], rag["partial"]) == (3, 1, 1)
    assert rag["precision"] == 1 / 3 and rag["by_person"] == 2 / 3
    assert not part_of_name("Patrice Bodin", "Patrice Bodin")  # whole: right, not partial
    assert not part_of_name("", "Patrice Bodin")
