"""Candidate names for each diarized speaker, from rules over the transcript and the context
documents (priority 2, "rag", of SPEC §4).

Rules beat a small LLM at this (SPEC §8), which mostly gets one thing wrong: the speaker
who says "Peter, can you…" is not Peter, the one who answers is. So the rules link a name
to the speaker it describes:

- a self-introduction ("je suis Marie Dupont", "I'm Peter", "Marie Dupont, responsable…",
  "Peter here") names the speaker who says it;
- a question or hand-over addressed to someone ("Luc, tu peux…", "over to you Sarah")
  names the NEXT speaker; thanks ("merci Julien") name the PREVIOUS one; a greeting or a
  closing vocative ("bonjour Antoine", "…, Sarah.") names one of the two, weakly;
- whoever addresses a name is, by that, not that person.

Votes add up over the meeting as evidence weights (-ln(1 - p) per vote, so independent
votes combine as a noisy-OR); names voted for another speaker-label compete. Documents
(attendee lists, tables, agenda lines, "Name (role)") complete partial names ("Marie" →
"Marie Dupont"), add weight to names they list, and name by elimination the one speaker
left when every other attendee is placed. Names are found by shape (capitalised words
after a cue, minus stop-words), not by an NER model: none is installable offline here.

The result is per speaker-label candidates with scores in [0, 1]; choosing one person per
speaker over the whole recording (never one person twice) is the caller's job.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

# --------------------------------------------------------------------------- evidence weights
# Probability that one vote of each kind is right on its own; set by hand, not fitted to the
# dev set: a self-introduction almost never lies, addressing depends on who answers.
P_SELF_FULL = 0.9  # "je suis Marie Dupont"
P_SELF_PARTIAL = 0.8  # "je suis Marie"
P_SELF_ROLE = 0.75  # "Marie Dupont, responsable des achats" / "Peter here"
P_ADDRESS_LAST = 0.6  # "Luc, tu peux commencer ?" ending the turn → next speaker
P_ADDRESS_INNER = 0.4  # the same inside a turn that goes on
P_HANDOVER = 0.65  # "over to you Sarah", "je passe la parole à Luc" → next speaker
P_THANKS_FIRST = 0.55  # "Merci Julien." opening a turn → previous speaker
P_THANKS_LATER = 0.4
P_GREETING_ONE = 0.45  # "Bonjour Sophie" when previous and next speaker are the same one
P_GREETING_SPLIT = 0.3  # ... when they differ, each gets this
W_NOT_SELF = 1.2  # weight removed from a name for the speaker who addresses it
W_DOCUMENT = 0.5  # weight added to a voted name that a context document lists
COMPETITION = 0.5  # share of other names' weight (same speaker) subtracted
P_ELIMINATION = 0.5  # the only attendee left for the only unnamed speaker
MIN_SCORE = 0.05
MAX_EVIDENCE = 6
MAX_QUOTE = 160
BACKCHANNEL_WORDS = 3  # an overlapping turn this short is an acknowledgement, not a reply

# --------------------------------------------------------------------------- vocabularies
# Capitalised words that are not names (folded: lower case, no accents).
_STOP = set(
    """
    je j tu il elle on nous vous ils elles moi toi lui eux me te se le la les l un une des
    du de d ce c cet cette ces ca cela mon ma mes ton ta tes son sa ses notre nos votre vos
    leur leurs qui que qu quoi dont ou et mais donc or ni car si alors puis ensuite enfin
    aussi bien bon bonne tres tout tous toute toutes rien chacun oui non ouais ok okay
    merci bonjour bonsoir salut coucou allo bienvenue voila voici super parfait excellent
    genial exactement effectivement absolument evidemment vraiment ensemble ici aujourd
    demain hier maintenant deja encore desole desolee pardon attendez attends ecoute ecoutez
    voyons dernier derniere premier premiere deuxieme troisieme second seconde point
    question reunion projet budget ordre jour comite equipe service direction departement
    groupe client clients partenaire partenaires madame monsieur mesdames messieurs
    mademoiselle docteur maitre cher chere chers cheres collegue collegues personne
    quelqu quelque plusieurs autre autres meme avec pour sans sur sous dans chez entre vers
    apres avant pendant depuis comme quand comment pourquoi combien est sont etait suis
    ai as avons avez ont fait faire peut peux pouvez pouvons doit dois devons voila
    i you he she it we they me him her us them my your his its our their this that these
    those the a an and or but so if then also well yes no yeah yep nope sure right great
    good perfect fine thanks thank hello hi hey morning afternoon evening night welcome
    everyone everybody all guys folks team both sorry please let lets what who why how when
    where which there here now today tomorrow yesterday just actually really maybe of for
    from with about in on at to by not is are was were be been do does did can could would
    will should shall have has had sir madam mister agreed exactly absolutely indeed
    alright anyway anyone someone somebody nobody none last next first second third one two
    three okay cheers bye goodbye see speaking meeting agenda minutes review notes action
    actions item items date time room location subject topic title objet sujet lieu salle
    heure participants participant attendees attendee present presents absents absent
    excuses excusees invites guests apologies chair board committee summary resume
    introduction conclusion welcome update status report rapport compte rendu annexe
    appendix page total budget
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin
    juillet aout septembre octobre novembre decembre
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    english french german spanish italian dutch portuguese chinese japanese american british
    canadian european african asian indian australian irish scottish
    francais francaise anglais anglaise allemand allemande espagnol espagnole italien
    italienne europeen europeenne
    ceo cfo cto coo cio cmo vp hr rh it drh daf dsi pdg dg qa pm ux ui rd
    manager director directeur directrice responsable head chef cheffe lead engineer
    ingenieur ingenieure developer developpeur developpeuse finance finances operations
    marketing sales ventes support legal juridique product produit design data security
    securite engineering comptabilite accounting recrutement hiring admin administration
    president presidente secretaire secretary
    """.split()
)
# Words that introduce a role after "Name," — "Marie Dupont, responsable des achats".
_ROLE = set(
    """
    responsable directeur directrice chef cheffe head manager lead ingenieur ingenieure
    engineer developpeur developpeuse developer charge chargee consultant consultante
    analyste analyst president presidente vice ceo cfo cto coo cio pdg dg drh daf dsi vp
    avocat avocate lawyer comptable accountant designer architecte architect stagiaire
    intern assistant assistante secretaire secretary coordinateur coordinatrice
    coordinator representant representante representative fondateur fondatrice founder
    cofounder associe associee partner from de du des en in of pour for here ici speaking
    specialist specialiste expert experte officer owner senior junior
    """.split()
)
_TITLES = set(
    "madame monsieur mme mlle mademoiselle m mr mrs ms miss dr docteur doctor prof "
    "professeur professor maitre".split()
)
_PARTICLES = set(
    "de du des van von der den da di del della dos das ter ten bin ibn ben al el".split()
)
_JOINERS = _PARTICLES | {"la", "le"}
_ACRONYMS = {w for w in _STOP if len(w) <= 4} | _ROLE

# Interjections that may stand before a vocative: "Alors, Luc, tu…", "OK Sarah, can you…".
_LEAD_IN = re.compile(
    r"(?:(?:oui|bon|alors|ok|okay|donc|et|so|and|well|right|now|maintenant|bien|très bien|"
    r"parfait|great|perfect|good|then|ensuite|puis|enfin|finally|also|aussi|d['’]accord|"
    r"toi|vous|you)\s*,?\s+){0,2}",
    re.IGNORECASE,
)
# A greeting that may open a self-introduction: "Bonjour à tous, Marie Dupont, directrice…".
_OPENING = re.compile(
    r"(?:(?:bonjour|bonsoir|salut|hello|hi|hey|good\s+(?:morning|afternoon|evening))"
    r"(?:\s+(?:à\s+tous|à\s+toutes|tout\s+le\s+monde|everyone|everybody|all))?\s*[,!.]?\s+)?",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(
    r"\b(?:tu|t['’]|te|toi|ton|ta|tes|vous|votre|vos|you|your|yours|please|"
    r"s['’]il\s+(?:te|vous)\s+pla[iî]t)(?![\w])",
    re.IGNORECASE,
)
_I = re.IGNORECASE
# What follows a vocative said without its comma (ASR output): "Luc tu peux commencer".
_ASKS = re.compile(
    r"(?:tu|vous|est-ce|qu['’]est-ce|qui|où|quand|comment|pourquoi|combien|quel(?:le)?s?|"
    r"(?:can|could|would|will|do|did|are|have|should)\s+(?:you|we)|"
    r"what|who|where|how|when|why|which)\b",
    _I,
)

# Cues; the name follows the match.
_SELF_CUES = [
    re.compile(p, _I)
    for p in (
        r"\bje\s+suis\s+",
        r"\bje\s+m['’]\s*appelle\s+",
        r"\bmoi\s*,?\s+c['’]est\s+",
        r"\bmon\s+(?:pré)?nom\s+(?:est|c['’]est)\s+",
        r"\bje\s+me\s+présente\s*[,:]?\s*(?:je\s+suis\s+)?",
        r"^(?:(?:bonjour|salut|allô|allo)\W+)?ici\s+",
        r"\bI['’]m\s+",
        r"\bI\s+am\s+",
        r"\bmy\s+name\s+is\s+",
        r"\bmy\s+name['’]s\s+",
        r"^(?:(?:hi|hello|hey|good\s+(?:morning|afternoon|evening))\W+)?(?:this\s+is|it['’]s)\s+",
        r"\bcall\s+me\s+",
    )
]
# A name, then one of these, at the start of a sentence: "Peter here", "Marie à l'appareil".
_SELF_SUFFIX = re.compile(r"^\s*(?:here|speaking|ici|à\s+l['’]appareil|qui\s+parle)\b(?!\s*\?)", _I)
_THANKS_CUE = re.compile(
    r"\b(?:merci|thanks|thank\s+you|cheers)"
    r"(?:\s+(?:beaucoup|bien|encore|a\s+lot|so\s+much|very\s+much|again))?\s*,?\s+",
    _I,
)
_HANDOVER_CUES = [
    re.compile(p, _I)
    for p in (
        r"\b(?:à\s+toi|à\s+vous|over\s+to\s+you|your\s+turn|go\s+ahead|vas-y|allez-y)\s*,?\s+",
        r"\b(?:je\s+(?:te\s+|vous\s+)?(?:passe|donne|laisse|cède)\s+la\s+parole\s+à|"
        r"la\s+parole\s+est\s+à|(?:hand|pass|turn)(?:ing)?\s+(?:it\s+)?over\s+to|"
        r"let['’]s\s+hear\s+from|c['’]est\s+à\s+(?:toi|vous)\s*,?)\s+",
    )
]
_GREETING_CUE = re.compile(
    r"\b(?:bonjour|bonsoir|salut|coucou|rebonjour|hello|hi|hey|good\s+(?:morning|afternoon|"
    r"evening)|bienvenue|welcome(?:\s+back)?|au\s+revoir|bye|goodbye|à\s+bientôt|à\s+plus|"
    r"bonne\s+(?:journée|soirée|fin\s+de\s+journée|semaine)|have\s+a\s+(?:good|nice|great)\s+"
    r"(?:day|one|evening|weekend|week)|see\s+you|take\s+care)\s*,?\s+",
    _I,
)

# Document lines: "Participants : …", "Attendees", "Excusés : …", and agenda cues.
_ATTENDEE_LABEL = (
    r"(?:participants?|attendees?|attendance|present|présent(?:e?s)?|invité(?:e?s)?|guests?|"
    r"members?|membres?|intervenant(?:e?s)?|speakers?|panel(?:ists?)?|jury|"
    r"organi[sz]ateur|organi[sz]er|organisatrice|animat(?:eur|rice)|facilitator|host|"
    r"moderator|modérat(?:eur|rice)|chair(?:person)?|présiden(?:t|te)(?:\s+de\s+séance)?|"
    r"secrétaire(?:\s+de\s+séance)?|secretary|note[-\s]?taker|rapporteur|scribe|"
    r"équipe(?:\s+projet)?|team|with|avec|who|qui|from|de|to|à|cc|contacts?)"
)
_WEAK_LABELS = set("with avec who qui from de to a cc team equipe contact contacts".split()) | {
    "equipe projet"
}
_ABSENT_LABEL = (
    r"(?:absent(?:e?s)?|excusé(?:e?s)?|apologies|regrets|not\s+present|unable\s+to\s+attend)"
)
_LABEL_LINE = re.compile(
    rf"^[\W_]*(?:(?P<absent>{_ABSENT_LABEL})|(?P<attend>{_ATTENDEE_LABEL}))\b"
    r"\s*(?:\([^)]*\))?\s*(?:[:：]|\s[-–—]\s|$)\s*(?P<rest>.*)$",
    _I,
)
_AGENDA_CUE = re.compile(
    r"\b(?:par|by|avec|with|présentée?\s+par|animée?\s+par|presented\s+by|led\s+by|"
    r"owner|responsable|speaker|intervenant(?:e)?)\s*:?\s+",
    _I,
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
_ITEM_SPLIT = re.compile(r"\s*(?:[,;/•·|\t]|\s(?:et|and|&)\s)\s*")
_DASH_SPLIT = re.compile(r"\s+[-–—]\s+|\s*[:：]\s+")
_BULLET = re.compile(r"^\s*(?:[-*•·–—]+|\d+[.)]|\(\d+\))?\s*")
_TIME = re.compile(r"^\s*\d{1,2}\s*[:h.]\s*\d{2}(?:\s*[-–—à]\s*\d{1,2}\s*[:h.]\s*\d{2})?\s*", _I)
_PAREN = re.compile(r"\(([^()]*)\)")
_CELL = " | "

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)")
_ABBREV_END = re.compile(r"\b(?:M|Mr|Mrs|Ms|Dr|Mme|Mlle|St|Prof)\.$")


# --------------------------------------------------------------------------- names


def fold(text: str) -> str:
    """Comparison key: lower case, no accents, one kind of apostrophe and space."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def normalize_name(text: str) -> str:
    """Tidy a name: words capitalised ("marie DUPONT" → "Marie Dupont", "jean-luc" →
    "Jean-Luc"), particles inside in lower case ("Ludwig van Beethoven"); mixed-case words
    ("McDonald") and diacritics kept."""
    words = text.replace("’", "'").split()
    out = []
    for i, word in enumerate(words):
        if i and fold(word) in _PARTICLES and i < len(words) - 1:
            out.append(word.lower())
        elif word.islower() or word.isupper():
            out.append(re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word))
        else:
            out.append(word)
    return " ".join(out)


def complete_name(name: str, known: Iterable[str]) -> str:
    """The one known full name that `name` is part of ("Marie" or "Dupont" → "Marie
    Dupont"), the known spelling of the same name ("Antoine Lefevre" → "Antoine Lefèvre"),
    or `name` itself (normalised) when none or several fit."""
    return _complete(normalize_name(name), _Known.build((k, k) for k in known))[0]


def _is_name_word(word: str, allow_caps: bool = False) -> bool:
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    if len(letters) < 2 or not word[0].isupper():
        return False
    key = fold(word)
    if key in _STOP or key.split("-")[0] in _STOP:
        return False
    if word.isupper():
        return allow_caps and key not in _ACRONYMS
    if any(part[:1].islower() for part in word.split("-")):  # "Est-ce", "Peut-être"
        return False
    head, sep, tail = word.replace("’", "'").partition("'")
    if sep and (len(head) <= 2 and tail[:1].islower() or tail in ("s", "")):
        return False  # elisions ("J'ai", "I'm", "C'est") and possessives ("Peter's")
    return True


@dataclass(frozen=True)
class _Span:
    words: tuple[str, ...]
    start: int
    end: int

    @property
    def text(self) -> str:
        return " ".join(self.words)


def _take_name(
    text: str, pos: int, *, allow_caps: bool = False, max_words: int = 4
) -> _Span | None:
    """The name that starts at `pos` (after blanks and a title such as "Madame"), or None.

    A name is 1-4 capitalised non-stop-words next to each other, with particles ("de",
    "van") inside. Lower-case words never count: "je suis marié" is not "Marie"."""
    words: list[re.Match[str]] = []
    cursor = pos
    first = True
    for m in _WORD.finditer(text, pos):
        gap = text[cursor : m.start()]
        if first:
            if gap.strip(" ,"):
                return None
        elif gap.strip():
            break
        word = m.group(0)
        if not words and fold(word) in _TITLES and (text[m.end() : m.end() + 1] in (" ", ".")):
            first = False
            cursor = m.end() + (1 if text[m.end() : m.end() + 1] == "." else 0)
            continue
        words.append(m)
        cursor = m.end()
        first = False
        if len(words) > max_words + 1:
            break
    taken: list[re.Match[str]] = []
    for i, m in enumerate(words):
        word = m.group(0)
        if _is_name_word(word, allow_caps):
            taken.append(m)
        elif taken and fold(word) in _JOINERS:  # "de", "van der", "de La" before a name
            j = i
            while j < len(words) and fold(words[j].group(0)) in _JOINERS:
                j += 1
            if j == len(words) or not _is_name_word(words[j].group(0), allow_caps):
                break
            taken.append(m)
        else:
            break
        if len(taken) == max_words:
            break
    while taken and fold(taken[-1].group(0)) in _JOINERS:
        taken.pop()
    if not taken:
        return None
    return _Span(tuple(m.group(0) for m in taken), taken[0].start(), taken[-1].end())


def _doc_name(span: _Span) -> str:
    """Normalised name from a document, with "DUPONT Marie" turned into "Marie Dupont"."""
    words = list(span.words)
    if len(words) >= 2 and all(w.isupper() for w in words[:-1]) and not words[-1].isupper():
        words = [words[-1], *words[:-1]]
    return normalize_name(" ".join(words))


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class DocumentName:
    """A person's name found in a context document.

    kind: "attendee" (an attendee list or table: expected to speak), "absent" (listed as
    excused), or "mention" (an agenda line, "Name (role)", "presented by Name").
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
        for item in _names_in_text(text):
            key = fold(item.name)
            old = found.get(key)
            if old is None or _KIND_RANK[item.kind] < _KIND_RANK[old.kind]:
                found[key] = item if old is None else DocumentName(old.name, item.line, item.kind)
    return list(found.values())


def _names_in_text(text: str) -> Iterable[DocumentName]:
    section: str | None = None  # "attendee"/"absent" while under a bare "Participants:" line
    columns: dict[str, int] = {}
    items_in_section = 0
    for raw in text.splitlines():
        line = raw.strip()
        quote = _quote(line)
        if not line:
            if section and items_in_section:
                section, columns = None, {}
            continue
        cells = [c.strip() for c in line.split(_CELL)] if _CELL in line else []
        header = _header_columns(cells) if cells else {}
        if header:
            section, columns, items_in_section = section or "attendee", header, 0
            continue
        label = _LABEL_LINE.match(line)
        if label and not cells:
            kind = "absent" if label.group("absent") else "attendee"
            rest = label.group("rest").strip()
            if not rest and (kind == "absent" or _is_strong_label(label.group("attend"))):
                section, columns, items_in_section = kind, {}, 0
                continue
            names = _list_items(rest, single_ok=True)
            strong = label.group("attend") and _is_strong_label(label.group("attend"))
            if names and (strong or label.group("absent") or all(len(n.words) > 1 for n in names)):
                for span in names:
                    yield DocumentName(_doc_name(span), quote, kind)
                continue
        if section:
            span = _row_name(cells, columns) if cells else _leading_name(line, single_ok=True)
            if span is not None:
                items_in_section += 1
                yield DocumentName(_doc_name(span), quote, section)
                continue
            section, columns = None, {}
        yield from (DocumentName(_doc_name(s), quote, "mention") for s in _mentions(line, cells))


def _is_strong_label(label: str) -> bool:
    """Labels that announce the people present ("Participants", "Attendees", "Chair"), not
    ones that may list anything ("de", "to", "with", "team")."""
    return fold(label) not in _WEAK_LABELS


def _quote(line: str) -> str:
    return line if len(line) <= MAX_QUOTE else line[: MAX_QUOTE - 1] + "…"


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


def _row_name(cells: Sequence[str], columns: Mapping[str, int]) -> _Span | None:
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


def _whole_name(text: str, single_ok: bool) -> _Span | None:
    """A name that is all of `text` (bar punctuation), else None."""
    text = text.strip(" \t.,;:*_\"'«»“”")
    span = _take_name(text, 0, allow_caps=True)
    if span is None or text[span.end :].strip() or (len(span.words) < 2 and not single_ok):
        return None
    return span


def _leading_name(text: str, single_ok: bool) -> _Span | None:
    """A name at the start of a list item, before its role: "Marie Dupont (CFO)", "Marie
    Dupont, CFO", "Marie Dupont – finance", "Marie Dupont CFO". A one-word name must be
    the whole item ("Marie", not "Bilan des candidatures")."""
    text = _PAREN.sub(" ", _BULLET.sub("", text, count=1)).strip()
    head = _DASH_SPLIT.split(_ITEM_SPLIT.split(text, maxsplit=1)[0], maxsplit=1)[0]
    head = head.strip(" .*_\"'«»“”")
    span = _take_name(head, 0, allow_caps=True)
    if span is None:
        return None
    rest = _WORD.findall(head[span.end :])
    if len(span.words) < 2:
        return span if single_ok and not rest else None
    if rest and not (rest[0].islower() or fold(rest[0]) in _ACRONYMS):
        return None
    return span


def _list_items(rest: str, single_ok: bool) -> list[_Span]:
    rest = _PAREN.sub(" ", rest)
    spans = []
    for item in _ITEM_SPLIT.split(rest):
        item = item.strip(" .")
        if item:
            span = _leading_name(item, single_ok)
            if span is not None:
                spans.append(span)
    return spans


def _mentions(line: str, cells: Sequence[str]) -> Iterable[_Span]:
    """Full names (two words or more) in agenda-like places of an ordinary line."""
    if cells:
        for c in cells:
            span = _whole_name(c, single_ok=False)
            if span is not None:
                yield span
        return
    body = _TIME.sub("", _BULLET.sub("", line, count=1), count=1)
    for m in _PAREN.finditer(body):  # "(Marie Dupont)"
        span = _whole_name(m.group(1), single_ok=False)
        if span is not None:
            yield span
    for m in re.finditer(r"(?:^|[,;:–—]\s*|\s-\s*)(?=[^\W\d_])", body):  # "Marie Dupont (CFO)"
        span = _take_name(body, m.end(), allow_caps=True)
        if span and len(span.words) > 1 and body[span.end :].lstrip().startswith("("):
            yield span
    parts = _DASH_SPLIT.split(_PAREN.sub(" ", body))
    if len(parts) > 1:  # "10:00 Budget — Marie Dupont"
        span = _whole_name(parts[-1], single_ok=False)
        if span is not None:
            yield span
    for m in _AGENDA_CUE.finditer(body):  # "présenté par Marie Dupont"
        span = _take_name(body, m.end(), allow_caps=True)
        if span and len(span.words) > 1:
            yield span


# --------------------------------------------------------------------------- transcript


@dataclass
class Candidate:
    """A name for one speaker-label, how sure (0-1), and why (quoted sentences, lines)."""

    name: str
    score: float
    source: str = "rag"
    evidence: list[str] = field(default_factory=list)


@dataclass
class _Turn:
    label: str
    start: float
    end: float
    text: str
    backchannel: bool = False

    def sentences(self) -> list[str]:
        out: list[str] = []
        for piece in _SENTENCE_END.split(self.text.strip()):
            if out and _ABBREV_END.search(out[-1]):
                out[-1] += " " + piece
            else:
                out.append(piece)
        return [s for s in out if s]


@dataclass
class _Vote:
    label: str
    name: str  # as heard, normalised; completed later
    weight: float
    evidence: str


def speaker_candidates(
    segments: Iterable[Mapping[str, Any]],
    documents: Iterable[str] = (),
    *,
    min_score: float = MIN_SCORE,
    max_candidates: int = 5,
    settled: Mapping[str, str] | None = None,
) -> dict[str, list[Candidate]]:
    """Candidate names per speaker-label, best first, from rules alone.

    segments: {speaker (or label), start_s (or start), end_s (or end), text} in any order;
    segments without a speaker are ignored. documents: the context documents' text.
    settled: names already settled by a surer source ({label: name}, e.g. voiceprints),
    so an attendee list's last unclaimed name can go to its last unnamed speaker.
    Every label of the transcript is a key, with an empty list when nothing names it.
    """
    turns = _turns(segments)
    roster = document_names(documents)
    known = _Known.build((d.name, d.line) for d in roster)
    votes, not_self = _votes(turns)
    known.add_transcript(v.name for v in votes)
    listed = {fold(d.name) for d in roster if d.kind != "absent"}

    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    evidence: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
    for vote in votes:
        name, line = _complete(vote.name, known)
        weights[vote.label][name] += vote.weight
        evidence[vote.label, name].append((vote.weight, vote.evidence))
        if line and name != vote.name:
            evidence[vote.label, name].append((0.0, f'in a document: "{line}"'))
    negatives: dict[tuple[str, str], float] = defaultdict(float)
    for label, heard in not_self:
        negatives[label, _complete(heard, known)[0]] += W_NOT_SELF

    result: dict[str, list[Candidate]] = {t.label: [] for t in turns}
    for label, names in weights.items():
        total = sum(names.values())
        for name, weight in names.items():
            bonus = 0.0
            if fold(name) in listed:
                bonus = W_DOCUMENT
                evidence[label, name].append((0.0, f'in a document: "{known.line(name)}"'))
            net = weight + bonus - negatives[label, name] - COMPETITION * (total - weight)
            score = 1.0 - math.exp(-net) if net > 0 else 0.0
            if score >= min_score:
                result[label].append(
                    Candidate(name, round(score, 3), "rag", _top(evidence[label, name]))
                )
    _eliminate(result, roster, turns, negatives, settled or {})
    for label in result:
        result[label].sort(key=lambda c: (-c.score, c.name))
        del result[label][max_candidates:]
    return result


def _top(items: list[tuple[float, str]]) -> list[str]:
    seen: list[str] = []
    for _, text in sorted(items, key=lambda x: -x[0]):
        if text not in seen:
            seen.append(text)
    return seen[:MAX_EVIDENCE]


def _eliminate(
    result: dict[str, list[Candidate]],
    roster: Sequence[DocumentName],
    turns: Sequence[_Turn],
    negatives: Mapping[tuple[str, str], float],
    settled: Mapping[str, str],
) -> None:
    """Attendees no speaker claims go, weakly, to the speakers nothing named: with one of
    each, the list itself says who that speaker is."""
    attendees = [d for d in roster if d.kind == "attendee"]
    if len(attendees) < 2:
        return
    claimed = {fold(c[0].name) for c in result.values() if c and c[0].score >= 0.5}
    claimed |= {fold(complete_name(name, [d.name for d in attendees])) for name in settled.values()}
    spoken = defaultdict(int)
    for t in turns:
        if not t.backchannel:
            spoken[t.label] += len(_WORD.findall(t.text))
    open_labels = [
        label
        for label, c in result.items()
        if spoken[label] >= 5 and label not in settled and not (c and c[0].score >= 0.5)
    ]
    free = [d for d in attendees if fold(d.name) not in claimed]
    if not open_labels or not free:
        return
    score = round(P_ELIMINATION / max(len(open_labels), len(free)), 3)
    for label in open_labels:
        for d in free:
            if negatives.get((label, d.name)):
                continue
            who = "the only attendee" if len(free) == 1 else "one of the attendees"
            why = f'{who} not matched to another speaker: "{d.line}"'
            have = next((c for c in result[label] if fold(c.name) == fold(d.name)), None)
            if have is None:
                result[label].append(Candidate(d.name, score, "rag", [why]))
            elif have.score < score:
                have.score = score
                have.evidence.append(why)


def _turns(segments: Iterable[Mapping[str, Any]]) -> list[_Turn]:
    rows = []
    for seg in segments:
        label = seg.get("speaker", seg.get("label"))
        text = (seg.get("text") or "").strip()
        if label is None or not text:
            continue
        start = float(seg.get("start_s", seg.get("start", 0.0)))
        end = float(seg.get("end_s", seg.get("end", start)))
        rows.append((start, end, str(label), text))
    rows.sort(key=lambda r: (r[0], r[1]))
    turns: list[_Turn] = []
    for start, end, label, text in rows:
        if turns and turns[-1].label == label:
            turns[-1].text += " " + text
            turns[-1].end = max(turns[-1].end, end)
        else:
            turns.append(_Turn(label, start, end, text))
    for i, turn in enumerate(turns):
        overlapped = any(
            o.label != turn.label and o.start < turn.start < o.end - 0.05
            for o in turns[max(0, i - 3) : i]
        )
        turn.backchannel = overlapped and len(_WORD.findall(turn.text)) <= BACKCHANNEL_WORDS
    return turns


def _neighbour(turns: Sequence[_Turn], i: int, step: int) -> str | None:
    """The label of the previous (step -1) or next (+1) reply by someone else."""
    j = i + step
    while 0 <= j < len(turns) and abs(j - i) <= 6:
        t = turns[j]
        if t.label != turns[i].label and not t.backchannel:
            return t.label
        j += step
    return None


def _votes(turns: Sequence[_Turn]) -> tuple[list[_Vote], list[tuple[str, str]]]:
    """Every vote of the rules, and the (speaker, name) pairs where a speaker addressed a
    name (so is not that person)."""
    votes: list[_Vote] = []
    not_self: list[tuple[str, str]] = []
    for i, turn in enumerate(turns):
        prev, nxt = _neighbour(turns, i, -1), _neighbour(turns, i, +1)
        sentences = turn.sentences()
        for k, sentence in enumerate(sentences):
            quote = f'"{_quote(sentence)}" ({turn.label} at {turn.start:.1f} s)'
            for hit in _sentence_hits(sentence, k, len(sentences)):
                if hit.target != "self":
                    not_self.append((turn.label, hit.name))
                for label, p in _targets(hit, turn.label, prev, nxt):
                    votes.append(_Vote(label, hit.name, -math.log(1 - p), f"{hit.why}: {quote}"))
    return votes, not_self


@dataclass(frozen=True)
class _Hit:
    """A name a rule found in one sentence, and whom it names: the speaker ("self"), the
    next or previous speaker, or "either" of these two (greetings)."""

    name: str
    target: str
    p: float
    why: str


def _sentence_hits(sentence: str, k: int, n: int) -> list[_Hit]:
    """The rules applied to sentence k of a turn of n sentences; one hit per name said."""
    hits: list[_Hit] = []
    used: set[int] = set()

    def add(span: _Span | None, target: str, p: float, why: str) -> None:
        if span is not None and span.start not in used:
            used.add(span.start)
            hits.append(_Hit(normalize_name(span.text), target, p, why))

    for cue in _SELF_CUES:
        for m in cue.finditer(sentence):
            span = _take_name(sentence, m.end())
            p = P_SELF_FULL if span and len(span.words) > 1 else P_SELF_PARTIAL
            add(span, "self", p, "self-introduction")
    if k < 2:  # "Marie Dupont, responsable des achats." / "Hi all, Peter here."
        span = _take_name(sentence, _LEAD_IN.match(sentence, _OPENING.match(sentence).end()).end())
        if span and _is_self_role(sentence, span):
            add(span, "self", P_SELF_ROLE, "self-introduction")
    for cue in _HANDOVER_CUES:
        for m in cue.finditer(sentence):
            add(_take_name(sentence, m.end()), "next", P_HANDOVER, "handed the floor")
    for m in _THANKS_CUE.finditer(sentence):
        p = P_THANKS_FIRST if k == 0 else P_THANKS_LATER
        add(_take_name(sentence, m.end()), "prev", p, "thanked after speaking")
    for m in _GREETING_CUE.finditer(sentence):
        span = _take_name(sentence, m.end())
        if span and not _followed_by_name(sentence, span):  # "Bonjour Marie et Luc": both
            add(span, "either", 0.0, "greeted")
    question = sentence.rstrip().endswith("?") or _SECOND_PERSON.search(sentence)
    for span, at_end in _vocatives(sentence):
        if question:
            p = P_ADDRESS_LAST if k == n - 1 else P_ADDRESS_INNER
            add(span, "next", p, "addressed just before speaking")
        elif at_end:
            add(span, "either", 0.0, "addressed")
    return hits


def _targets(hit: _Hit, speaker: str, prev: str | None, nxt: str | None) -> list[tuple[str, float]]:
    """(label, p) for the speakers a hit names."""
    if hit.target == "self":
        return [(speaker, hit.p)]
    if hit.target in ("next", "prev"):
        label = nxt if hit.target == "next" else prev
        return [(label, hit.p)] if label is not None else []
    if prev == nxt or prev is None or nxt is None:  # greetings: one candidate, or two
        label = prev or nxt
        return [(label, P_GREETING_ONE)] if label is not None else []
    return [(prev, P_GREETING_SPLIT), (nxt, P_GREETING_SPLIT)]


def _is_self_role(sentence: str, span: _Span) -> bool:
    """ "Marie Dupont, responsable des achats." / "Peter here." opening a turn."""
    after = sentence[span.end :]
    if after.rstrip().endswith("?"):
        return False
    if _SELF_SUFFIX.match(after):
        return True
    if len(span.words) < 2 or not after.startswith(","):
        return False
    words = _WORD.findall(after)
    return bool(words) and fold(words[0]) in _ROLE and not _SECOND_PERSON.search(after)


def _vocatives(sentence: str) -> Iterable[tuple[_Span, bool]]:
    """Names said to someone: at the start before a comma ("Luc, tu…") or a question
    ("Luc tu peux…"), between commas, or after a comma at the end ("…, Sarah ?").
    Yields (span, at_end)."""
    starts = [_LEAD_IN.match(sentence).end()] + [c.end() for c in re.finditer(r",\s*", sentence)]
    group = False  # "Anne, Bob, can you…": said to several people, so to no one in particular
    for pos in starts:
        span = _take_name(sentence, pos)
        if span is None:
            group = False
            continue
        after = sentence[span.end :].strip()
        if pos == starts[0]:
            group = _followed_by_name(sentence, span)
        if group:
            continue
        if after.startswith(",") or (pos == starts[0] and _ASKS.match(after)):
            yield span, False
        elif not after.strip(".!?… ") and pos > 0:
            yield span, True


def _followed_by_name(sentence: str, span: _Span) -> bool:
    """Whether another name follows in a list: "Marie et Luc", "Anne, Bob"."""
    m = re.compile(r"\s*(?:,|\bet\b|\band\b|&)\s*", _I).match(sentence, span.end)
    return m is not None and _take_name(sentence, m.end()) is not None


# --------------------------------------------------------------------------- completion


@dataclass
class _Known:
    """Full names known from the documents (first, with their line) and the transcript."""

    # fold → (name, document line); the line is "" for names heard in the transcript, which
    # complete partial names but are not used to correct spellings.
    names: dict[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def build(cls, items: Iterable[tuple[str, str]]) -> _Known:
        known = cls()
        for name, line in items:
            known.names.setdefault(fold(name), (name, line))
        return known

    def add_transcript(self, names: Iterable[str]) -> None:
        for name in names:
            if len(name.split()) > 1:
                best, _ = _complete(name, self)
                self.names.setdefault(fold(best), (best, ""))

    def line(self, name: str) -> str:
        return self.names.get(fold(name), ("", ""))[1]


def _complete(name: str, known: _Known) -> tuple[str, str]:
    """(name to use, document line it came from or "")."""
    key = fold(name)
    if key in known.names:
        return known.names[key]
    words = key.split()
    fits = {}
    for full_key, (full, line) in known.names.items():
        full_words = full_key.split()
        if len(full_words) <= len(words):
            continue
        if _contains(full_words, words):
            fits[full_key] = (full, line)
    if len(fits) == 1:
        return next(iter(fits.values()))
    if not fits and len(words) > 1:  # "Antoine Lefevbre" heard, "Antoine Lefèvre" listed
        # ASR garbles surnames more than first names ("Oliver Gladford" for the listed
        # "Oliver Grant"): a listed name with the same first name and the surname's
        # initial also counts, when it is the only one.
        close = {
            k: v
            for k, v in known.names.items()
            if v[1]
            and k.split()[0] == words[0]
            and len(k.split()) == len(words)
            and (
                SequenceMatcher(None, k, key).ratio() >= 0.85 or k.split()[-1][:1] == words[-1][:1]
            )
        }
        if len(close) == 1:
            return next(iter(close.values()))
    if "-" in name:  # ASR hyphenates names: "Marie-Dupont" for the listed "Marie Dupont"
        spaced = _complete(name.replace("-", " "), known)
        if spaced[1] or fold(spaced[0]) in known.names:
            return spaced
    return name, ""


def _contains(full: Sequence[str], part: Sequence[str]) -> bool:
    n = len(part)
    return any(list(full[i : i + n]) == list(part) for i in range(len(full) - n + 1))
