"""Build the packaged impostor cohort of the speaker embedder (st_resources.naming.snorm).

    python -m eval.cohort [--sentences 6] [--seed 11]

Every stock espeak-ng variant of six languages that neither the calibration
(eval.voice_calibration: en-us, fr, de, es) nor the evaluation sets use as people
(it, pt-br, nl, pl, sv, ro): 78 voices, one vector each, embedded as the pipeline embeds
a speaker. Written to st_resources/naming/cohorts/<embedder>.npy (float32), which is
shipped: a changed embedding model needs this run again.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

import numpy as np

from eval.voice_calibration import embedder, espeak_vector, sentence_pool, voices
from st_resources.naming.snorm import cohort_path

COHORT_LANGUAGES = ("it", "pt-br", "nl", "pl", "sv", "ro")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=6)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    model = embedder()
    pool, rng = sentence_pool(), random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        vectors = [
            espeak_vector(model, voice, rng.sample(pool, args.sentences), Path(tmp))
            for voice in voices(COHORT_LANGUAGES)
        ]
    path = cohort_path(model.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, np.array([v for v in vectors if v is not None], dtype=np.float32))
    print(f"{path}: {sum(v is not None for v in vectors)} impostor voices")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
