"""Context documents made at test time: a PDF agenda (fpdf2) and a DOCX attendee list with
a table (python-docx), as people bring them to a meeting."""

from __future__ import annotations

import io

import pytest

PDF_AGENDA_LINES = [
    "Comite de pilotage - ordre du jour",
    "Participants : Marie Dupont (CFO), Antoine Lefèvre (équipe mobile), Luc Bernard",
    "Excusés : Paul Durand",
    "10:00 Budget du trimestre - Marie Dupont",
    "10:30 Roadmap mobile (présenté par Antoine Lefèvre)",
]


def make_pdf(lines: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for line in lines:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.fixture
def pdf_agenda() -> bytes:
    return make_pdf(PDF_AGENDA_LINES)


@pytest.fixture
def docx_attendees() -> bytes:
    """A paragraph, a "Prénom | Nom | Fonction" table, then a closing paragraph."""
    import docx

    document = docx.Document()
    document.add_heading("Hiring panel", level=1)
    document.add_paragraph("Attendees")
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Prénom", "Nom", "Fonction"), strict=True):
        cell.text = text
    for first, last, role in (
        ("Sarah", "Collins", "Finance, chair"),
        ("Oliver", "Grant", "Human resources"),
        ("Ryan", "Mitchell", "Data team"),
    ):
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text = first, last, role
    document.add_paragraph("Please bring the candidates' files.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
