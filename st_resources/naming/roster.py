"""People named in the context documents: attendee lists and tables, absentees, agenda
lines and "Name (role)" mentions, as `DocumentName`s."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from st_resources.naming.documents import CELL_SEPARATOR
from st_resources.naming.names import (
    ACRONYMS,
    WORD,
    WORD_START,
    Span,
    contains_words,
    first_name,
    fold,
    normalize_name,
    quote_line,
    take_name,
)

_I = re.IGNORECASE

# Document lines: "Participants : …", "Attendees", "Excusés : …", and agenda cues.
_ATTENDEE_LABEL = (
    r"(?:participants?|attendees?|attending|(?:in\s+)?attendance|present|présent(?:e?s)?|"
    r"invité(?:e?s)?|guests?|members?|membres?|committee|comité|intervenant(?:e?s)?|speakers?|"
    r"panel(?:ists?)?|jury|"
    r"organi[sz]ateur|organi[sz]er|organisatrice|animat(?:eur|rice)|facilitator|host|"
    r"moderator|modérat(?:eur|rice)|chair(?:person)?|présiden(?:t|te)(?:\s+de\s+séance)?|"
    r"secrétaire(?:\s+de\s+séance)?|secretary|note[-\s]?taker|rapporteur|scribe|"
    r"équipe(?:\s+projet)?|team|with|avec|who|qui|from|de|to|à|cc|contacts?|"
    r"required|optional|requis|facultatifs?|obligatoires?|"
    r"(?:liste|feuille)\s+(?:de\s+|d['’])?(?:présences?|émargement)|présences?|"
    r"staff|crew|on\s+(?:shift|duty))"
)

_WEAK_LABELS = set("with avec who qui from de to a cc team equipe contact contacts".split()) | {
    "equipe projet"
}
_MAIL_LABELS = set("from de to a cc".split())

_ABSENT_LABEL = (
    r"(?:absent(?:es?|s)?|excusé(?:es?|s)?|apologies|regrets|not\s+present|unable\s+to\s+attend|"
    r"(?:annual|sick)\s+leave|on\s+leave|off\s+sick|on\s+holiday|en\s+(?:congé|vacances|arrêt)|"
    r"congé\s+(?:maladie|maternité|paternité|parental)|arrêt\s+(?:maladie|de\s+travail))"
)

_EXCUSED = re.compile(rf"\b{_ABSENT_LABEL}\b", _I)  # "Guillaume Petitjean (excusé)"

_LABEL_LINE = re.compile(
    rf"^[\W_]*(?:(?P<absent>{_ABSENT_LABEL})|(?P<attend>{_ATTENDEE_LABEL}))\b"
    r"\s*(?:\([^)]*\))?\s*(?:[:：]|\s[-–—]\s|$)\s*(?P<rest>.*)$",
    _I,
)

# "Staff this week:", "Présents ce matin :": a heading, a few words long; the list follows.
_HEADING = re.compile(
    rf"^[\W_]*(?:(?P<absent>{_ABSENT_LABEL})|(?P<attend>{_ATTENDEE_LABEL}))"
    r"(?:\s+[\w'’.-]+){1,3}\s*[:：]\s*$",
    _I,
)

# "Team today", "Équipe du jour", "Crew tonight": a label and a day or shift make a
# heading without a colon, even for a label that alone may head anything ("team").
_DAY_HEADING = re.compile(
    rf"^[\W_]*(?:{_ATTENDEE_LABEL})\s+(?:today|tonight|this\s+(?:week|morning|afternoon|"
    r"evening)|on\s+(?:shift|duty)|du\s+jour|de\s+(?:garde|service)|ce\s+(?:matin|soir)|"
    r"cette\s+semaine|aujourd['’]hui)\s*[:：]?\s*$",
    _I,
)

# "Reception: Tomasz Wróbel", "Surgery 1: Dr Graham Tulloch – nurse: Kayleigh Mapstone": a
# rota's row, its post before a colon; "Surgery 2: closed" keeps the rota going.
_KEYED_ROW = re.compile(r"^[\W_]*(?P<key>[^\W\d_][^:：]{0,30}?)\s*[:：]\s*(?P<rest>.*)$")
_POST = re.compile(r"^[^:：]{1,30}[:：]\s*")
_DASHES = re.compile(r"\s+[-–—]\s+")
# A rota's dot leaders, "Auctioneer / manager ........ Graham Alderson" (blind meeting set
# 30's staff sheet): a colon's work. Four dots or more, or three between spaces; not a
# sentence's "Well...".
_LEADER = re.compile(r"\s*(?:\.{4,}|…{2,}|·{4,})\s*|\s+(?:\.{3}|…)\s+")

# "Steering committee - attendees", "Comité de pilotage : participants": a list follows.
_LABEL_AT_END = re.compile(
    rf"\s(?:[-–—:]\s*)(?:(?P<absent>{_ABSENT_LABEL})|(?P<attend>{_ATTENDEE_LABEL}))\s*:?\s*$", _I
)

_AGENDA_CUE = re.compile(
    r"\b(?:par|by|avec|with|présentée?\s+par|animée?\s+par|presented\s+by|led\s+by|"
    r"owner|responsable|speaker|intervenant(?:e)?)\s*:?\s+",
    _I,
)

# The last word of a place, not a person: "Penrose Close", "Council Chamber".
_PLACES = set(
    """
    close street road lane avenue park rise terrace chamber station library club trust
    association hall centre center court square crescent drive way gardens house building
    rue boulevard allee impasse chemin place quai mairie salle stade jardins metropole
    football atlantique hebdo teams zoom summit capital
    """.split()
)
# Salutations and what heads an organisation: "Dear Kofi", "Cabinet Lebrun".
_NOT_A_FIRST_NAME = set(
    "dear cher chere hi hello bonjour invitation cabinet famille family maison societe "
    "etablissements ets atelier".split()
)

_HEADER_CELLS = {
    "first": {"prenom", "first name", "firstname", "given name", "forename"},
    "last": {"nom de famille", "last name", "lastname", "surname", "family name"},
    "name": {"nom", "name", "nom complet", "full name", "participant", "participants"}
    | set("attendee attendees personne person membre member invite".split()),
}

_OTHER_HEADER = set(
    "role fonction poste title titre organisation organization company societe email e-mail "
    "courriel service team equipe department departement present presence signature".split()
)

_HEADER_WORDS = set().union(*_HEADER_CELLS.values(), _OTHER_HEADER)
_HEADER_SPLIT = re.compile(r"\s+[/|]\s+|\t+")
_ITEM_SPLIT = re.compile(r"\s*(?:[,;/•·|\t]|\s(?:et|and|&)\s)\s*")
_DASH_SPLIT = re.compile(rf"{_DASHES.pattern}|\s*[:：]\s+")  # a dash, or a colon
_BULLET = re.compile(r"^\s*(?:[-*•·–—]+|\d+[.)]|\(\d+\))?\s*")
_TIME = re.compile(r"^\s*\d{1,2}\s*[:h.]\s*\d{2}(?:\s*[-–—à]\s*\d{1,2}\s*[:h.]\s*\d{2})?\s*", _I)
_PAREN = re.compile(r"\(([^()]*)\)")


def _doc_name(span: Span) -> str:
    """Normalised name from a document, with "DUPONT Marie" turned into "Marie Dupont"."""
    words = list(span.words)
    if len(words) >= 2 and all(w.isupper() for w in words[:-1]) and not words[-1].isupper():
        words = [words[-1], *words[:-1]]
    return normalize_name(" ".join(words))


@dataclass(frozen=True)
class DocumentName:
    """A person's name found in a context document.

    kind: "attendee" (an attendee list or table, or an invitation's From:/To:/Cc: when
    they name three people or more: expected to speak), "absent" (listed as excused), or
    "mention" (an agenda line, "Name (role)", "presented by Name", the two ends of a
    one-to-one e-mail).
    """

    name: str
    line: str
    kind: str


_KIND_RANK = {"attendee": 0, "absent": 1, "mention": 2}


def document_names(texts: Iterable[str]) -> list[DocumentName]:
    """People named in the documents' text (as `documents.document_text` returns it), in
    order of first appearance, one entry per name (the attendee listing wins)."""
    found: dict[str, DocumentName] = {}
    for text in texts:
        for item in _mail_resolved(list(_names_in_text(text))):
            key = fold(item.name)
            old = found.get(key)
            if old is None or _KIND_RANK[item.kind] < _KIND_RANK[old.kind]:
                found[key] = item if old is None else DocumentName(old.name, item.line, item.kind)
    # "Madame Da Costa" in a letter to Anne-Laure Da Costa is her, not another person.
    return [
        d
        for key, d in found.items()
        if d.kind != "mention"
        or not any(contains_words(o.split(), key.split()) for o in found if o != key)
    ]


def _mail_resolved(items: list[DocumentName]) -> list[DocumentName]:
    """A "correspondent" (From:, To:, Cc:) attends when the headers name three people or
    more, an invitation; one writer and one reader make no list of who meets: on blind
    meeting set 16 a customer's thank-you e-mail to the firm's mailbox was taken for the
    attendee list and set aside a right voice match as "not on the list"."""
    kind = "attendee" if sum(d.kind == "correspondent" for d in items) > 2 else "mention"
    return [DocumentName(d.name, d.line, kind) if d.kind == "correspondent" else d for d in items]


# "marie.dupont@acme.fr" in an invitation's attendee line is Marie Dupont (not in
# "Sophie van der Berg <sophie.vdberg@…>", where the name is written out already).
_EMAIL = re.compile(r"(?<![\w.<])([^\W\d_]{2,})[._-]([^\W\d_]{2,})@[\w-]+(?:\.[\w-]+)+")


def _email_as_name(m: re.Match[str]) -> str:
    name = f"{m.group(1).capitalize()} {m.group(2).capitalize()}"
    span = take_name(name, 0)
    return name if span is not None and span.text == name else m.group(0)


_DOMAIN = re.compile(r"@([\w.-]+)")


def _names_in_text(text: str) -> Iterable[DocumentName]:
    """The text's names less organisations' mailboxes: "Marram Removals – Bookings
    <bookings@marramremovals.co.uk>", a name whose every word is in the domain of an
    address on its line, is a firm, not a person."""
    for line, item in _names_by_line(text):
        domains = [fold(d).replace("-", "") for d in _DOMAIN.findall(line)]
        if not any(all(w in d for w in fold(item.name).split()) for d in domains):
            yield item


def _names_by_line(text: str) -> Iterable[tuple[str, DocumentName]]:
    """(line, name) for every name in the text."""
    section: str | None = None  # "attendee"/"absent" while under a bare "Participants:" line
    columns: dict[str, int] = {}
    items_in_section = 0
    continues: str | None = None  # the kind of a list whose line ended with a comma
    for raw in text.splitlines():
        line = _LEADER.sub(": ", _EMAIL.sub(_email_as_name, raw.strip()))
        quote = quote_line(line)
        if continues and line:  # "Présents : A, B,\nC (ASV)": full names only
            kind, continues = continues, None
            names = _list_items(line, single_ok=False)
            for span in names:
                yield line, DocumentName(_doc_name(span), quote, kind)
            if names:
                continues = kind if line.endswith(",") else None
                continue
        if not line:
            if section and items_in_section:
                section, columns = None, {}
            continue
        cells = [c.strip() for c in line.split(CELL_SEPARATOR)] if CELL_SEPARATOR in line else []
        keys = [fold(part).strip(" :*") for part in _HEADER_SPLIT.split(line)]
        if not cells and all(k in _HEADER_WORDS for k in keys):  # "Nom / Fonction / Signature"
            if any(k in _HEADER_CELLS["name"] for k in keys):
                section, columns, items_in_section = "attendee", {}, 0
            if section and not items_in_section:
                continue
        header = _header_columns(cells) if cells else {}
        if header:
            section, columns, items_in_section = section or "attendee", header, 0
            continue
        ending = (_LABEL_AT_END.search(line) or _HEADING.match(line)) if not cells else None
        if ending and _names_a_person(line[: ending.start()]):  # "Alan Stubbs – on leave"
            ending = None
        if ending and (ending.group("absent") or _is_strong_label(ending.group("attend"))):
            section, columns = ("absent" if ending.group("absent") else "attendee"), {}
            items_in_section = 0
            continue
        if not cells and _DAY_HEADING.match(line):
            section, columns, items_in_section = "attendee", {}, 0
            continue
        label = _LABEL_LINE.match(line)
        if label and not cells:
            kind = "absent" if label.group("absent") else "attendee"
            if kind == "attendee" and fold(label.group("attend")) in _MAIL_LABELS:
                kind = "correspondent"
            rest = label.group("rest").strip()
            if not rest and (kind == "absent" or _is_strong_label(label.group("attend"))):
                section, columns, items_in_section = kind, {}, 0
                continue
            names = _list_items(rest, single_ok=True)
            strong = label.group("attend") and _is_strong_label(label.group("attend"))
            if names and (strong or label.group("absent") or all(len(n.words) > 1 for n in names)):
                for span in names:
                    yield line, DocumentName(_doc_name(span), quote, kind)
                # "Feuille d'émargement - AG du club, vendredi, club-house. Rachid Benaïssa
                # (président), …": a name run into the text before it is still written.
                listed = {_doc_name(span) for span in names}
                for span in _written_names(rest):
                    if _doc_name(span) not in listed:
                        yield line, DocumentName(_doc_name(span), quote, "mention")
                continues = kind if rest.endswith(",") else None
                continue
        if section:
            keyed = None if cells else _KEYED_ROW.match(line)
            rota = list(_rota_names(keyed.group("rest"), section)) if keyed else []
            for kind, span in rota:
                items_in_section += 1
                yield line, DocumentName(_doc_name(span), quote, kind)
            if rota:
                continue
            if cells:
                span = _row_name(cells, columns)
            elif keyed:  # "Priya: front desk", not "Bay 2: closed"
                span = _whole_name(keyed.group("key"), single_ok=True)
            else:
                span = _leading_name(line, single_ok=True)
            if span is not None:
                items_in_section += 1
                excused = section == "attendee" and _EXCUSED.search(line[span.end :])
                yield line, DocumentName(_doc_name(span), quote, "absent" if excused else section)
                continue
            if keyed:
                continue
            section, columns = None, {}
        yield from (
            (line, DocumentName(_doc_name(s), quote, "mention")) for s in _mentions(line, cells)
        )
        if not cells:
            yield from (
                (line, DocumentName(_doc_name(s), quote, "mention")) for s in _written_names(line)
            )


def _rota_names(rest: str, section: str) -> Iterable[tuple[str, Span]]:
    """(kind, name) for each person of a rota row's posts ("Dr Graham Tulloch (principal) –
    nurse: Kayleigh Mapstone"); a row marked away ("– on leave") makes its people absent."""
    kind = "absent" if section == "attendee" and _EXCUSED.search(rest) else section
    for piece in _DASHES.split(_PAREN.sub(" ", rest)):
        for span in _list_items(_POST.sub("", piece.strip(), count=1), single_ok=True):
            yield kind, span


def _names_a_person(text: str) -> bool:
    return _leading_name(text, single_ok=True) is not None or any(_written_names(text))


def _is_strong_label(label: str) -> bool:
    """Labels that announce the people present ("Participants", "Attendees", "Chair"), not
    ones that may list anything ("de", "to", "with", "team")."""
    return fold(label) not in _WEAK_LABELS


def _header_columns(cells: Sequence[str]) -> dict[str, int]:
    """Column indexes of a table header row that has a name column, else {}."""
    keys = [fold(c).strip(" :*") for c in cells]
    found: dict[str, int] = {}
    for role, words in _HEADER_CELLS.items():
        for i, key in enumerate(keys):
            if key in words and role not in found:
                found[role] = i
    if not found or not all(k in _HEADER_WORDS for k in keys if k):
        return {}
    if "first" in found and "last" not in found and "name" in found:  # "Prénom | Nom"
        found["last"] = found.pop("name")
    return found


def _row_name(cells: Sequence[str], columns: Mapping[str, int]) -> Span | None:
    def cell(role: str) -> str:
        i = columns.get(role)
        return cells[i] if i is not None and i < len(cells) else ""

    if "first" in columns and "last" in columns:
        joined = f"{cell('first')} {cell('last')}".strip()
        return _whole_name(joined, single_ok=False)
    if "name" in columns:
        return _leading_name(cell("name"), single_ok=True)
    for c in cells:
        span = _whole_name(c, single_ok=False)
        if span is not None:
            return span
    return None


def _whole_name(text: str, single_ok: bool) -> Span | None:
    """A name that is all of `text` (bar punctuation), else None."""
    text = text.strip(" \t.,;:*_\"'«»“”")
    span = take_name(text, 0, allow_caps=True)
    if span is None or text[span.end :].strip() or (len(span.words) < 2 and not single_ok):
        return None
    return span


def _leading_name(text: str, single_ok: bool) -> Span | None:
    """A name at the start of a list item, before its role: "Marie Dupont (CFO)", "Marie
    Dupont, CFO", "Marie Dupont – finance", "Marie Dupont CFO". A one-word name must be
    the whole item ("Marie", not "Bilan des candidatures")."""
    text = _PAREN.sub(" ", _BULLET.sub("", text, count=1)).strip()
    head = _DASH_SPLIT.split(_ITEM_SPLIT.split(text, maxsplit=1)[0], maxsplit=1)[0]
    head = head.strip(" .*_\"'«»“”")
    span = take_name(head, 0, allow_caps=True)
    if span is None:
        return None
    rest = WORD.findall(head[span.end :])
    if len(span.words) < 2:
        return span if single_ok and not rest else None
    if rest and not (rest[0].islower() or fold(rest[0]) in ACRONYMS):
        return None
    return span


def _list_items(rest: str, single_ok: bool) -> list[Span]:
    rest = _PAREN.sub(" ", rest)
    spans = []
    for item in _ITEM_SPLIT.split(rest):
        item = item.strip(" .")
        if item:
            span = _leading_name(item, single_ok)
            if span is not None:
                spans.append(span)
    return spans


def _written_names(line: str) -> Iterable[Span]:
    """Any full name written in running text ("Night shift: Oluwaseun Adebayo (RN), Gideon
    Mair (HCA)."), less places ("Penrose Close") and salutations ("Dear Kofi"). Only a
    mention: it corrects a spelling and backs a name heard, never makes an attendee."""
    cursor = 0
    for m in WORD_START.finditer(line):
        if m.start() < cursor:
            continue
        span = take_name(line, m.start())
        if span is None or len(span.words) < 2:
            continue
        cursor = span.end
        first = fold(line[m.start() : span.start]).strip() or fold(span.words[0])  # "Dear"
        if fold(span.words[-1]) in _PLACES or first in _NOT_A_FIRST_NAME:
            continue
        yield span


def _mentions(line: str, cells: Sequence[str]) -> Iterable[Span]:
    """Full names (two words or more) in agenda-like places of an ordinary line."""
    if cells:
        for c in cells:
            span = _whole_name(c, single_ok=False)
            if span is not None:
                yield span
        return
    body = _TIME.sub("", _BULLET.sub("", line, count=1), count=1)
    if body != line.strip() and (span := _whole_name(body, single_ok=False)):
        yield span  # "10:00-10:45  Samuel Adeyemi": a schedule slot
        return
    for m in _PAREN.finditer(body):  # "(Marie Dupont)"; an item's owner "(Marcus)"
        span = _whole_name(m.group(1), single_ok=True)
        if span is not None and (len(span.words) > 1 or first_name(span.text)):
            yield span
    for m in re.finditer(r"(?:^|[,;:–—]\s*|\s-\s*)(?=[^\W\d_])", body):  # "Marie Dupont (CFO)"
        span = take_name(body, m.end(), allow_caps=True)
        if span and len(span.words) > 1 and body[span.end :].lstrip().startswith("("):
            yield span
    parts = _DASH_SPLIT.split(_PAREN.sub(" ", body))
    if len(parts) > 1:  # "10:00 Budget — Marie Dupont"
        span = _whole_name(parts[-1], single_ok=False)
        if span is not None:
            yield span
    for m in _AGENDA_CUE.finditer(body):  # "présenté par Marie Dupont"
        span = take_name(body, m.end(), allow_caps=True)
        if span and len(span.words) > 1:
            yield span
