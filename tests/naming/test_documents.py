"""Text out of context documents: every accepted type, and clear errors for the others."""

from __future__ import annotations

import io
import zipfile

import pytest

from st_resources.naming.documents import (
    SUPPORTED_TYPES,
    DocumentError,
    document_text,
)
from tests.naming.conftest import PDF_AGENDA_LINES, make_pdf


def test_supported_types_are_what_uploads_accept():
    from api.uploads import CONTEXT_TYPES

    assert SUPPORTED_TYPES == CONTEXT_TYPES


def test_txt_utf8_with_bom_and_windows_1252():
    assert document_text("a.txt", "\ufeffMarie Dupont\r\nLuc".encode()) == "Marie Dupont\nLuc"
    assert document_text("b.TXT", "Antoine Lefèvre".encode("cp1252")) == "Antoine Lefèvre"
    assert document_text("c.txt", "Zoé".encode("utf-16")) == "Zoé"


def test_binary_in_a_txt_is_refused():
    with pytest.raises(DocumentError, match=r"'notes\.txt'.*binary"):
        document_text("notes.txt", b"\x00\x01\x02abc")


def test_markdown_loses_its_markup_and_keeps_table_rows():
    source = (
        "# Réunion budget\n\n"
        "**Participants** : *Marie Dupont* (CFO), [Luc Bernard](mailto:luc@example.org)\n\n"
        "| Nom | Rôle |\n|-----|------|\n| Hugo Moreau | CTO |\n\n"
        "- 10:00 Budget — Marie Dupont\n- 10:30 `Contrat` — Luc\n"
    )
    lines = document_text("agenda.md", source.encode()).splitlines()
    assert "Participants : Marie Dupont (CFO), Luc Bernard" in lines
    assert "Hugo Moreau | CTO" in lines
    assert "10:30 Contrat — Luc" in lines
    assert not any(c in "\n".join(lines) for c in "*#[`")


def test_pdf_agenda_text(pdf_agenda):
    lines = document_text("agenda.pdf", pdf_agenda).splitlines()
    for expected in PDF_AGENDA_LINES:
        assert expected in lines


def test_pdf_with_a_user_password_is_refused(pdf_agenda):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_agenda)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(DocumentError, match=r"'locked\.pdf'.*password") as caught:
        document_text("locked.pdf", out.getvalue())
    assert isinstance(caught.value, ValueError)
    assert caught.value.filename == "locked.pdf"


def test_pdf_with_only_an_owner_password_opens(pdf_agenda):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_agenda)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert "10:00 Budget du trimestre - Marie Dupont" in document_text("r.pdf", out.getvalue())


def test_pdf_without_text_and_broken_pdf():
    with pytest.raises(DocumentError, match=r"'scan\.pdf'.*no text layer"):
        document_text("scan.pdf", make_pdf([]))
    with pytest.raises(DocumentError, match=r"'broken\.pdf'.*not a readable PDF"):
        document_text("broken.pdf", b"%PDF-1.4\nthis is not a pdf")


def test_docx_paragraphs_and_table_rows_in_order(docx_attendees):
    lines = document_text("attendees.docx", docx_attendees).splitlines()
    assert lines[:2] == ["Hiring panel", "Attendees"]
    assert lines[2:6] == [
        "Prénom | Nom | Fonction",
        "Sarah | Collins | Finance, chair",
        "Oliver | Grant | Human resources",
        "Ryan | Mitchell | Data team",
    ]
    assert lines[-1] == "Please bring the candidates' files."


def test_docx_merged_cells_come_once():
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Participants"
    for cell, text in zip(table.rows[1].cells, ("Marie Dupont", "CFO", "Paris"), strict=True):
        cell.text = text
    out = io.BytesIO()
    document.save(out)
    assert document_text("t.docx", out.getvalue()).splitlines() == [
        "Participants",
        "Marie Dupont | CFO | Paris",
    ]


def test_unreadable_docx():
    with pytest.raises(DocumentError, match=r"'old\.docx'.*password-protected or an old"):
        document_text("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    with pytest.raises(DocumentError, match=r"'x\.docx'.*not a DOCX"):
        document_text("x.docx", b"plain text")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("hello.txt", "not a word document")
    with pytest.raises(DocumentError, match=r"'zip\.docx'.*not a readable DOCX"):
        document_text("zip.docx", archive.getvalue())


def test_unsupported_type_and_tidy_text():
    with pytest.raises(DocumentError, match=r"'slides\.pptx'.*unsupported type '\.pptx'.*\.docx"):
        document_text("slides.pptx", b"x")
    text = b"Attendees: Peter Walsh\n\n\n\nAgenda  \n"
    assert document_text("agenda.txt", text) == "Attendees: Peter Walsh\n\nAgenda"


def _repacked(docx_bytes: bytes, replace: dict[str, bytes]) -> bytes:
    """The same DOCX package with some parts' bytes replaced, or added."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx_bytes)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for name in replace.keys() - set(src.namelist()):
            dst.writestr(name, replace[name])
    return out.getvalue()


def test_zip_bomb_docx_is_refused_before_unpacking(docx_attendees):
    """200 MB of zeros packed into a few hundred KB."""
    bomb = _repacked(docx_attendees, {"word/media/filler.bin": b"\x00" * (200 * 2**20)})
    assert len(bomb) < 2 * 2**20
    with pytest.raises(DocumentError, match=r"'bomb\.docx'.*unpack to 200 MB"):
        document_text("bomb.docx", bomb)


def test_malformed_xml_in_a_docx_loses_only_that_document(docx_attendees, tmp_path):
    """lxml's error once failed the whole recording instead of skipping the document."""
    from st_resources.clients.storage import LocalObjectStore
    from st_resources.naming.documents import stored_texts

    broken = _repacked(docx_attendees, {"word/document.xml": b"<w:document><unclosed>"})
    store = LocalObjectStore(tmp_path)
    store.put_bytes("docs/broken.docx", broken)
    store.put_bytes("docs/agenda.txt", b"Attendees: Peter Walsh")
    texts, errors = stored_texts(
        store, [("broken.docx", "docs/broken.docx"), ("agenda.txt", "docs/agenda.txt")]
    )
    assert texts == {"docs/agenda.txt": "Attendees: Peter Walsh"}
    assert [e.filename for e in errors] == ["broken.docx"]
    assert "broken.docx" in str(errors[0])


def test_long_text_is_capped():
    from st_resources.naming.documents import MAX_TEXT_CHARS

    text = document_text("long.txt", b"Peter Walsh\n" * (MAX_TEXT_CHARS // 6))
    assert len(text) <= MAX_TEXT_CHARS
