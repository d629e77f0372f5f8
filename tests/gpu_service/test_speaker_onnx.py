"""A speaker model from a local folder (SPEAKER_MODEL=<folder with model.onnx>): the ONNX
path of gpu_service/engines/speaker.py, on real speech.

No WeSpeaker or ECAPA weights can be fetched here, so the model is a small network
exported at test time with the same interface (fbank (batch, frames, 80) → (batch, dim)):
what is tested is the plumbing (features, picks, chunks, pooling, the diarizer on top),
not the quality of a model. The fbank itself is checked against kaldi-native-fbank, the
implementation WeSpeaker's runtime uses. Speech is espeak-ng's, made at test time.
"""

import threading
from pathlib import Path

import kaldi_native_fbank as knf
import numpy as np
import pytest
import torch

from gpu_service.engines.speaker import (
    FBANK_BINS,
    OnnxEmbedder,
    _kaldi_fbank,
    _kaldi_mel_banks,
    load_embedder,
)
from gpu_service.engines.whisper import SAMPLE_RATE, decode
from tests.speech import synthesize


class _Pooling(torch.nn.Module):
    """fbank → a 1-d convolution → mean and std over time → 32-d."""

    def __init__(self):
        super().__init__()
        torch.manual_seed(0)
        self.conv = torch.nn.Conv1d(FBANK_BINS, 16, kernel_size=5, padding=2)

    def forward(self, feats):
        hidden = torch.relu(self.conv(feats.transpose(1, 2)))
        return torch.cat([hidden.mean(dim=2), hidden.std(dim=2)], dim=1)


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tiny-speaker-model")
    torch.onnx.export(
        _Pooling().eval(),
        torch.zeros(1, 200, FBANK_BINS),
        str(folder / "model.onnx"),
        input_names=["feats"],
        output_names=["embs"],
        dynamic_axes={"feats": {0: "batch", 1: "frames"}},
        dynamo=False,
    )
    return folder


@pytest.fixture(scope="module")
def speech(speech_dir) -> np.ndarray:
    sentences = ["Good morning everyone, the budget review starts now.", "Any questions so far?"]
    return decode(synthesize(sentences, speech_dir / "onnx-speaker.wav"))


def test_fbank_matches_kaldi_native_fbank(speech):
    opts = knf.FbankOptions()
    opts.frame_opts.dither = 0
    opts.frame_opts.samp_freq = SAMPLE_RATE
    opts.mel_opts.num_bins = FBANK_BINS
    reference = knf.OnlineFbank(opts)
    reference.accept_waveform(SAMPLE_RATE, (speech * 32768).tolist())
    reference.input_finished()
    expected = np.array([reference.get_frame(i) for i in range(reference.num_frames_ready)])
    ours = _kaldi_fbank(speech, _kaldi_mel_banks())
    assert ours.shape == expected.shape
    # Log energies in float32: quiet bins differ in the third decimal at most.
    assert np.abs(ours - expected).max() < 1e-2 and np.abs(ours - expected).mean() < 1e-4


def test_a_folder_model_embeds_spans_and_drives_the_diarizer(model_dir, speech):
    lock = threading.Lock()
    embedder = load_embedder(str(model_dir), 1, 0.3, lock)
    assert isinstance(embedder, OnnxEmbedder)
    assert (embedder.dim, embedder.name) == (32, f"onnx:{model_dir.name}")
    embedder.self_test()
    spans = [(0.0, 4.0), (4.0, 9.0), (2.0, 2.1), (0.0, 9.0)]
    first = embedder.embed_spans(speech, spans)
    again = embedder.embed_spans(speech, spans)
    assert first[2] is None  # 0.1 s: too little speech for a vector
    for vector, same in zip(first, again, strict=True):
        if vector is not None:
            assert abs(np.linalg.norm(vector) - 1) < 1e-5
            assert np.allclose(vector, same)
    assert not np.allclose(first[0], first[1])

    from gpu_service.engines.diarize import SegmentationDiarizer, VoiceMatch

    diarizer = SegmentationDiarizer(
        embedder,
        lock,
        cpu_threads=1,
        step_s=1.0,
        max_speakers=8,
        cluster_min_s=1.0,
        piece_s=2.4,
        min_gap_s=0.5,
        min_turn_s=0.2,
        voice_match=VoiceMatch(0.825, 1.8, 0.03),
    )
    result = diarizer.diarize(speech)
    assert result.turns and result.model["embedding"] == embedder.name
    assert max(t.end for t in result.turns) <= len(speech) / SAMPLE_RATE + 0.1
