"""Plain text out of the context documents given with a recording (.txt, .md, .pdf, .docx).

Naming only needs the words and the line structure (attendee lists, agenda lines, table
rows), so every format comes back as lines of text; a table row becomes its cells joined
by " | ". A file that cannot be read raises `DocumentError` (a ValueError) that names the
file and the problem, so the caller can skip that document and record why.

Documents come from users, so reading one is bounded: a DOCX is refused when its parts
would unpack past `MAX_UNPACKED_BYTES` (a zip bomb), a PDF is read for at most
`MAX_PDF_PAGES` pages and `MAX_PARSE_S` seconds, and the text kept is capped at
`MAX_TEXT_CHARS`. Whatever a parser raises only loses that document (`stored_texts`).
"""

from __future__ import annotations

import io
import logging
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from st_resources.clients.storage import ObjectStore
    from st_resources.db.models import ContextDocument

log = logging.getLogger(__name__)

SUPPORTED_TYPES = frozenset({".txt", ".md", ".pdf", ".docx"})  # as api/uploads.py accepts
CELL_SEPARATOR = " | "
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_PDF_PAGES = 300
MAX_PARSE_S = 20.0
MAX_TEXT_CHARS = 1_000_000  # ~300 pages of text: far more than names are looked for in


class DocumentError(ValueError):
    """A context document that cannot be turned into text."""

    def __init__(self, filename: str, problem: str):
        super().__init__(f"context document {filename!r}: {problem}")
        self.filename = filename
        self.problem = problem


def stored_texts(
    store: ObjectStore, files: Iterable[tuple[str, str]]
) -> tuple[dict[str, str], list[DocumentError]]:
    """The text of each stored (filename, object key) that can be read, by object key, and
    why the others could not: one unreadable document only loses its own text."""
    texts, errors = {}, []
    for filename, key in files:
        try:
            texts[key] = document_text(filename, store.get_bytes(key))
        except DocumentError as exc:
            errors.append(exc)
        except Exception as exc:  # noqa: BLE001 - a parser's own error (lxml, zlib...)
            log.exception("reading context document %r failed", filename)
            errors.append(DocumentError(filename, f"could not be read ({type(exc).__name__})"))
    return texts, errors


def transcript_texts(store: ObjectStore, documents: Iterable[ContextDocument]) -> list[str]:
    """The readable text of a transcript's context documents; the unreadable ones are
    logged and skipped, so one bad file only loses its own names."""
    texts, errors = stored_texts(store, [(d.filename, d.object_key) for d in documents])
    for exc in errors:
        log.warning("skipped: %s", exc)
    return list(texts.values())


def document_text(filename: str, data: bytes) -> str:
    """The text of a document given as bytes; its type comes from the file name's suffix."""
    suffix = Path(filename).suffix.lower()
    if suffix not in SUPPORTED_TYPES:
        raise DocumentError(
            filename, f"unsupported type {suffix or '(none)'!r}; accepted: {_accepted()}"
        )
    if suffix == ".pdf":
        text = _pdf_text(filename, data)
    elif suffix == ".docx":
        text = _docx_text(filename, data)
    else:
        text = _decode(filename, data)
        if suffix == ".md":
            text = _markdown_text(text)
    return _tidy(text[:MAX_TEXT_CHARS])


def _accepted() -> str:
    return ", ".join(sorted(SUPPORTED_TYPES))


def _decode(filename: str, data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; binary is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError(filename, "is not valid UTF-16 text") from exc
    if b"\x00" in data:
        raise DocumentError(filename, "looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise DocumentError(filename, "is neither UTF-8 nor Windows-1252 text") from exc


def _markdown_text(source: str) -> str:
    """The text of a Markdown document without its markup: one line per block, table rows
    as cells joined by " | ", list items on their own lines."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    lines: list[str] = []
    row: list[str] | None = None
    for token in tokens:
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            lines.append(CELL_SEPARATOR.join(row))
            row = None
        elif token.type == "inline":
            text = _inline_text(token)
            if row is not None:
                row.append(text)
            else:
                lines.append(text)
        elif token.type in ("fence", "code_block"):
            lines.append(token.content.rstrip("\n"))
        elif token.type == "heading_close" or (token.type in _BLOCK_ENDS and token.level == 0):
            lines.append("")
    return "\n".join(lines)


_BLOCK_ENDS = {"paragraph_close", "bullet_list_close", "ordered_list_close", "table_close"}


def _inline_text(token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


def _pdf_text(filename: str, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Owner-password-only PDFs (printing/copy restrictions) open with "".
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # pypdf raises several types here (missing crypto, ...)
                raise DocumentError(filename, f"is an encrypted PDF ({exc})") from exc
            if not opened:
                raise DocumentError(filename, "is a password-protected PDF")
        pages = []
        deadline = time.monotonic() + MAX_PARSE_S
        for page in reader.pages[:MAX_PDF_PAGES]:
            pages.append(page.extract_text() or "")
            if time.monotonic() > deadline or sum(map(len, pages)) > MAX_TEXT_CHARS:
                log.warning("%r: text read from its first %d pages only", filename, len(pages))
                break
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(filename, f"is not a readable PDF ({exc})") from exc
    text = "\n\n".join(p.strip() for p in pages)
    if not text.strip():
        raise DocumentError(filename, "has no text layer (a scanned PDF?); OCR is not done")
    return text


def _docx_text(filename: str, data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE container: encrypted or legacy .doc
            raise DocumentError(filename, "is password-protected or an old binary .doc file")
        raise DocumentError(filename, "is not a DOCX file (not a ZIP package)")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        unpacked = sum(info.file_size for info in package.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise DocumentError(
            filename,
            f"would unpack to {unpacked // 2**20} MB (limit {MAX_UNPACKED_BYTES // 2**20} MB)",
        )
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise DocumentError(filename, f"is not a readable DOCX ({exc})") from exc
    lines: list[str] = []
    _docx_blocks(document, lines)
    return "\n".join(lines)


def _docx_blocks(container, lines: list[str]) -> None:
    """Paragraphs and tables in document order; nested tables follow their row."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            _docx_table(block, lines)
        else:
            lines.append(block.text)


def _docx_table(table, lines: list[str]) -> None:
    nested: list = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
            nested.extend(cell.tables)
        if any(cells):
            lines.append(CELL_SEPARATOR.join(cells))
    for inner in nested:
        _docx_table(inner, lines)
    lines.append("")


def _tidy(text: str) -> str:
    """Normalised line ends, no trailing spaces, at most one blank line in a row."""
    out: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.replace("\u00a0", " ").rstrip()
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")
