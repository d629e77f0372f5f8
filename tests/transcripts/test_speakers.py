"""Words → speakers on hand-made turns, and mean pooling of speaker embeddings."""

import numpy as np
import pytest

from st_resources.transcripts.speakers import (
    Turn,
    attribute_segments,
    count_bounds,
    embedding_spans,
    mean_pool,
    speaker_for_span,
    with_untranscribed_speech,
)

TURNS = [
    Turn(0.0, 4.0, "A"),
    Turn(4.0, 8.0, "B"),
    Turn(7.0, 8.0, "A", overlap=True),  # A says "yes" over the end of B's turn
    Turn(12.0, 15.0, "A"),
]


def w(word, start, end):
    return {"word": word, "start": start, "end": end, "probability": 0.9}


def test_word_goes_to_the_turn_it_overlaps_most():
    assert speaker_for_span(1.0, 1.5, TURNS) == "A"
    # Straddles the A→B change at 4.0 s: 0.1 s in A, 0.3 s in B.
    assert speaker_for_span(3.9, 4.3, TURNS) == "B"
    assert speaker_for_span(3.7, 4.1, TURNS) == "A"


def test_word_inside_an_overlap_keeps_the_current_speaker():
    # 7.2–7.6 is covered by B and by A's backchannel equally.
    assert speaker_for_span(7.2, 7.6, TURNS, previous="B") == "B"
    assert speaker_for_span(7.2, 7.6, TURNS, previous="A") == "A"


def test_word_between_turns_goes_to_the_nearest_one_if_close():
    assert speaker_for_span(8.5, 8.9, TURNS) == "B"
    assert speaker_for_span(11.2, 11.6, TURNS) == "A"
    assert speaker_for_span(30.0, 30.5, TURNS) is None
    assert speaker_for_span(1.0, 1.2, []) is None


def test_segments_split_where_the_speaker_changes_and_keep_every_word():
    words = [w(" So", 3.0, 3.3), w(" ready?", 3.4, 3.9), w(" Yes,", 4.2, 4.6), w(" go.", 4.7, 5.0)]
    segments = [
        {
            "start_s": 3.0,
            "end_s": 5.0,
            "text": "So ready? Yes, go.",
            "words": words,
            "confidence": 0.8,
        },
        {"start_s": 12.5, "end_s": 13.0, "text": "Next.", "words": [w(" Next.", 12.5, 13.0)]},
    ]
    out = attribute_segments(segments, TURNS)
    assert [(s["idx"], s["speaker"], s["text"]) for s in out] == [
        (0, "A", "So ready?"),
        (1, "B", "Yes, go."),
        (2, "A", "Next."),
    ]
    assert (out[0]["start_s"], out[0]["end_s"]) == (3.0, 3.9)
    assert (out[1]["start_s"], out[1]["end_s"]) == (4.2, 5.0)
    assert out[0]["confidence"] == out[1]["confidence"] == 0.8
    flat = [x["word"] for s in out for x in s["words"]]
    assert flat == [" So", " ready?", " Yes,", " go.", " Next."]
    assert all(x["speaker"] == s["speaker"] for s in out for x in s["words"])


def test_segment_of_one_speaker_keeps_its_text_and_bounds():
    seg = {"start_s": 0.5, "end_s": 2.0, "text": "Hello there.", "words": [w(" Hello", 0.6, 1.0)]}
    (out,) = attribute_segments([seg], TURNS)
    assert (out["text"], out["start_s"], out["end_s"], out["speaker"]) == (
        "Hello there.",
        0.5,
        2.0,
        "A",
    )


def test_speech_no_segment_covers_is_kept_by_its_speaker():
    """A stretch of a turn outside every transcribed segment is kept, by its speaker,
    where it was said: under 1 s and touching a segment of the same speaker, by widening
    that segment; otherwise as a segment without text. Covered speech adds nothing."""
    rows = attribute_segments(
        [
            {"start_s": 0.5, "end_s": 3.5, "text": "Hello.", "words": [w(" Hello.", 0.6, 3.4)]},
            {"start_s": 12.0, "end_s": 14.6, "text": "Yes.", "words": [w(" Yes.", 12.1, 14.5)]},
        ],
        TURNS,
    )
    out = with_untranscribed_speech(rows, TURNS)
    assert [(r["start_s"], r["end_s"], r["speaker"], r["text"]) for r in out] == [
        (0.0, 4.0, "A", "Hello."),  # A's 0-0.5 s and 3.5-4 s: under 1 s, into her segment
        (4.0, 8.0, "B", ""),  # B's whole turn: ASR wrote nothing there
        (7.0, 8.0, "A", ""),  # nor for A's 1 s over its end
        (12.0, 15.0, "A", "Yes."),
    ]
    assert [r["idx"] for r in out] == [0, 1, 2, 3]
    assert out[1]["words"] == [] and out[1]["confidence"] is None
    assert out[0]["words"] == rows[0]["words"]  # the words keep their own times
    assert rows[0]["start_s"] == 0.5  # the input is not changed
    widened = with_untranscribed_speech(rows, TURNS, min_s=5.0)
    assert [(r["start_s"], r["end_s"]) for r in widened] == [(0.0, 4.0), (12.0, 15.0)]


def test_a_turn_split_at_overlaps_counts_as_one_stretch():
    """Diarization cuts a turn at the edges of an overlap: three 0.4 s pieces of one
    speaker's speech, none transcribed, are 1.2 s of speech, not three slivers under
    the 0.5 s that a lone stretch needs."""
    turns = [
        Turn(0.0, 3.0, "A"),
        Turn(3.0, 3.4, "B"),
        Turn(3.4, 3.8, "B", overlap=True),
        Turn(3.4, 3.8, "A", overlap=True),
        Turn(3.8, 4.2, "B"),
        Turn(6.0, 6.6, "C"),  # a lone 0.6 s: kept as well
    ]
    rows = attribute_segments(
        [{"start_s": 0.0, "end_s": 3.0, "text": "Go on.", "words": [w(" Go on.", 0.1, 2.9)]}],
        turns,
    )
    out = with_untranscribed_speech(rows, turns)
    assert [(r["start_s"], r["end_s"], r["speaker"], r["text"]) for r in out] == [
        (0.0, 3.0, "A", "Go on."),
        (3.0, 4.2, "B", ""),
        (6.0, 6.6, "C", ""),
    ]  # A's 0.4 s in the overlap touches no segment of hers: a sliver left out


def test_mean_pool_weights_by_duration_and_normalises():
    a, b = [1.0, 0.0], [0.0, 1.0]
    pooled = mean_pool([a, b], [3.0, 1.0], min_duration=0.5)
    expected = np.array([3.0, 1.0]) / np.linalg.norm([3.0, 1.0])
    assert pooled == pytest.approx(expected)
    assert np.linalg.norm(pooled) == pytest.approx(1.0)


def test_mean_pool_excludes_short_and_missing_embeddings():
    pooled = mean_pool([[1.0, 0.0], [0.0, 1.0], None], [2.0, 0.3, 5.0], min_duration=1.0)
    assert pooled == pytest.approx([1.0, 0.0])
    assert mean_pool([[1.0, 0.0]], [0.3], min_duration=1.0) is None
    assert mean_pool([], [], min_duration=1.0) is None


def test_embedding_spans_skip_overlaps_and_short_turns_longest_first():
    turns = TURNS + [Turn(20.0, 20.5, "B"), Turn(21.0, 30.0, "B")]
    spans = embedding_spans(turns, min_turn_s=1.0, max_spans=2)
    assert spans["A"] == [Turn(0.0, 4.0, "A"), Turn(12.0, 15.0, "A")]
    assert spans["B"] == [Turn(21.0, 30.0, "B"), Turn(4.0, 8.0, "B")]


@pytest.mark.parametrize(
    ("attendees", "duration_s", "bounds"),
    [
        (0, 600, (None, None)),  # no list
        (1, 600, (None, None)),
        (4, 600, (3, 6)),  # a whole small meeting: all but one speak, two guests may come
        (4, 30, (None, 6)),  # an excerpt: most attendees may be silent in it
        (12, 3600, (None, 14)),  # an all-hands: most listen
    ],
)
def test_an_attendee_list_bounds_the_count_loosely(attendees, duration_s, bounds):
    assert count_bounds(attendees, duration_s) == bounds
