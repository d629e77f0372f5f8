"""What a person's name looks like and how two spellings of one are matched: the shared
ground of the transcript rules (mentions) and the document roster (roster)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from st_resources.text import plain

if TYPE_CHECKING:
    import gender_guesser.detector

MAX_QUOTE = 160

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
    mum mom mummy mommy mama dad daddy papa maman mamie mamy papi papy nana granny
    grandma grandmother grandpa grandad grandfather gran auntie aunt uncle tata tonton
    tante oncle meme pepe cousin cousine darling love honey cheri cherie
    mate lad boss guv sparky done yo ha
    gestion controle compta comptabilite accueil contact info noreply office
    distribution consulting conseil solutions services systems systemes technologies
    logistics logistique industries industrie partners holding foods bank banque
    assurances assurance immobilier transports transport sa sas sarl inc ltd llc gmbh corp
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
ROLE_WORDS = set(
    """
    responsable directeur directrice chef cheffe head manager lead ingenieur ingenieure
    engineer developpeur developpeuse developer charge chargee consultant consultante
    analyste analyst president presidente vice ceo cfo cto coo cio pdg dg drh daf dsi vp
    avocat avocate lawyer comptable accountant designer architecte architect stagiaire
    intern assistant assistante secretaire secretary coordinateur coordinatrice
    coordinator representant representante representative fondateur fondatrice founder
    cofounder associe associee partner from de du des en in of pour for here ici speaking
    specialist specialiste expert experte officer owner senior junior general generale
    counsel treasurer tresorier tresoriere auditor auditeur auditrice controller controleur
    controleuse infirmier infirmiere nurse medecin doctor docteur cadre syndic host hote
    animateur animatrice presentateur presentatrice journaliste journalist enseignant
    enseignante teacher professeur professor formateur formatrice technicien technicienne
    technician conseiller conseillere advisor adviser adjoint adjointe clerk greffier
    greffiere notaire pharmacien pharmacienne supervisor superviseur superviseure delegue
    deleguee agent gestionnaire administrateur administratrice administrator
    """.split()
)

# Teams and departments people give after their name in a roll call ("Paul, produit.").
DEPARTMENT_WORDS = set(
    """
    finance finances legal juridique sales ventes vente commercial commerciale product
    produit engineering ingenierie marketing rh hr it informatique support operations ops
    data design qa achats purchasing procurement communication comms compta comptabilite
    accounting direction management recherche research rd logistique logistics qualite
    quality securite security infra infrastructure backend frontend mobile web cloud devops
    admin administration tech technique growth partenariats partnerships sante clinique
    pharmacie nursing soins formation training paie payroll audit risk risques conformite
    compliance strategie strategy production maintenance methodes achat ux ui equipe team
    service pole departement department division cote
    """.split()
)

_TITLES = set(
    "madame monsieur mme mlle mademoiselle m mr mrs ms miss dr docteur doctor prof pr "
    "professeur professor maitre mayor maire councilmember councillor councilor alderman "
    "senator senateur judge juge commissioner commissaire inspector inspecteur inspectrice "
    "sergeant detective captain capitaine coach pere father soeur sister cllr sgt "
    "supt superintendent rev reverend lieutenant lt".split()
)

# A capitalised word that makes a "name" an organisation: "Hartwell Construction", "Acme
# Robotics", "Northumberland County Council" are where people come from, not who they are.
_ORGANISATION = set(
    """
    inc ltd llc llp plc corp corporation company co group groupe sa sas sarl gmbh ag bv
    robotics construction constructions solutions systems technologies technology tech labs
    lab consulting conseil partners associates holdings industries services software
    analytics bank banque hospital hopital clinic clinique university universite school
    ecole college institute institut foundation fondation agency agence studios media
    press insurance assurance assurances properties logistics logistique motors energy
    energie pharma airlines telecom freight shipping haulage transports electrical plumbing
    scaffolding groundworks builders solar renewables networks digital engineering
    architects ventures council borough authority ministry ministere government
    gouvernement commission prefecture federation syndicat cooperative society
    """.split()
)
# A capital inside a word makes a brand ("SunBright", "BiblioSoft"), except after the
# prefixes of surnames that have one ("McKenzie", "MacLeod", "DeVito", "LeBlanc",
# "O'Brien", "FitzGerald", "VanDyke").
_BRAND = re.compile(r"^(?!(?i:mc|mac|de|di|da|du|la|le|van|von|fitz|o['’]|d['’])[A-Z]).*[a-z][A-Z]")

_PARTICLES = set(
    "de du des van von der den da di del della dos das ter ten bin ibn ben al el".split()
)

_JOINERS = _PARTICLES | {"la", "le"}
ACRONYMS = {w for w in _STOP if len(w) <= 4} | ROLE_WORDS
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
WORD_START = re.compile(r"(?<![\w'’-])(?=[^\W\d_])")  # where a word (or a name) may begin


def fold(text: str) -> str:
    """Comparison key: lower case, no accents, one kind of apostrophe and space."""
    return " ".join(plain(text.replace("’", "'")).split())


# An everyday word is at least this frequent (Zipf scale: 3 is once per million words) in
# English or French. wordfreq counts surnames as words too ("Mercier" 3.7), so this only
# ever applies where a capital says nothing: a sentence's first word.
EVERYDAY_ZIPF = 3.0
# Commoner still: a word no name starts with, even capitalised at a sentence's start
# ("Like Trevor from Sedgley.", "Before Christmas"); "Dev", "Patel", "Castle" are rarer.
COMMON_ZIPF = 4.5


def everyday_word(word: str, zipf: float = EVERYDAY_ZIPF) -> bool:
    """Whether a capitalised word read alone is more likely an everyday English or French
    word than a name: frequent in either language and not a first name in gender-guesser's
    list ("Brilliant", "Passez" are; "Rose", "Pierre", "Meg" are not)."""
    from wordfreq import zipf_frequency  # here: every run worker imports this module

    key = word.lower()
    frequent = max(zipf_frequency(key, "en"), zipf_frequency(key, "fr")) >= zipf
    return frequent and not first_name(word) and not first_name(word.split("-")[0])


def first_name(word: str) -> bool:
    """Whether gender-guesser's list knows the word, as written or without accents."""
    return any(_first_names().get_gender(w) != "unknown" for w in (word, plain(word)))


@functools.cache
def _first_names() -> gender_guesser.detector.Detector:
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def normalize_name(text: str) -> str:
    """Tidy a name: words capitalised ("marie DUPONT" → "Marie Dupont", "jean-luc" →
    "Jean-Luc"), particles inside in lower case ("Ludwig VAN beethoven" → "Ludwig van
    Beethoven") unless written capitalised ("Kevin Da Silva"); mixed-case words
    ("McDonald") and diacritics kept."""
    words = text.replace("’", "'").split()
    out = []
    for i, word in enumerate(words):
        if i and fold(word) in _PARTICLES and i < len(words) - 1 and not word.istitle():
            out.append(word.lower())  # "VAN" → "van"; a written "Da Silva" stays
        elif word.islower() or word.isupper():
            out.append(re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word))
        else:
            out.append(word)
    return " ".join(out)


def complete_name(name: str, known: Iterable[str]) -> str:
    """The one known full name that `name` is part of ("Marie" or "Dupont" → "Marie
    Dupont"), the known spelling of the same name ("Antoine Lefevre" → "Antoine Lefèvre"),
    or `name` itself (normalised) when none or several fit."""
    return complete_with(normalize_name(name), Known.build((k, k) for k in known))[0]


# A hyphenated word after a saint's title names a place (Saint-Malo, Sainte-Anne-d'Auray).
_SAINT = {"saint", "sainte", "st", "ste"}


def _is_name_word(word: str, allow_caps: bool = False) -> bool:
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    if len(letters) < 2 or not word[0].isupper():
        return False
    key = fold(word)
    if key in _STOP or key in ROLE_WORDS or key in _TITLES or key.split("-")[0] in _STOP:
        return False
    if word.isupper():
        return allow_caps and key not in ACRONYMS
    if any(part[:1].islower() for part in word.split("-")):  # "Est-ce", "Peut-être"
        return False
    head, sep, tail = word.replace("’", "'").partition("'")
    if sep and (len(head) <= 2 and tail[:1].islower() or tail in ("s", "")):
        return False  # elisions ("J'ai", "I'm", "C'est") and possessives ("Peter's")
    return True


@dataclass(frozen=True)
class Span:
    words: tuple[str, ...]
    start: int
    end: int

    @property
    def text(self) -> str:
        return " ".join(self.words)


def take_name(text: str, pos: int, *, allow_caps: bool = False, max_words: int = 4) -> Span | None:
    """The name that starts at `pos` (after blanks and a title such as "Madame"), or None.

    A name is 1-4 capitalised non-stop-words next to each other, with particles ("de",
    "van") inside. Lower-case words never count: "je suis marié" is not "Marie"."""
    words: list[re.Match[str]] = []
    cursor = pos
    first = True
    for m in WORD.finditer(text, pos):
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
    if (
        len(taken) > 1
        and text[: taken[0].start()].rstrip()[-1:] in ("", ".", "!", "?", "…")
        and everyday_word(taken[0].group(0), COMMON_ZIPF)
    ):
        taken.pop(0)  # a sentence's capitalised first word: "Like Trevor from Sedgley."
    if not taken or any(
        fold(m.group(0)) in _ORGANISATION or _BRAND.match(m.group(0)) for m in taken
    ):
        return None
    if fold(taken[0].group(0)).split("-")[0] in _SAINT:
        return None  # "Premier point, Saint-Mériadec.": a church, a town, not someone
    if len(taken) > 1 and len({fold(m.group(0)) for m in taken}) == 1:
        return None  # "Poule Poule": one word said twice is Whisper looping, not a name
    return Span(tuple(m.group(0) for m in taken), taken[0].start(), taken[-1].end())


def quote_line(line: str) -> str:
    return line if len(line) <= MAX_QUOTE else line[: MAX_QUOTE - 1] + "…"


@dataclass
class Known:
    """Full names known from the documents (first, with their line) and the transcript."""

    # fold → (name, document line); the line is "" for names heard in the transcript, which
    # complete partial names but are not used to correct spellings.
    names: dict[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def build(cls, items: Iterable[tuple[str, str]]) -> Known:
        known = cls()
        for name, line in items:
            known.names.setdefault(fold(name), (name, line))
        return known

    def add_transcript(self, names: Iterable[str]) -> None:
        for name in names:
            if len(name.split()) > 1:
                best, _ = complete_with(name, self)
                self.names.setdefault(fold(best), (best, ""))

    def line(self, name: str) -> str:
        return self.names.get(fold(name), ("", ""))[1]


def _one_letter_off(a: str, b: str) -> bool:
    """Same length, one letter differs: a consonant misheard ("nelene" for "helene")."""
    return len(a) == len(b) >= 4 and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _spelt_by_sound(listed: str, heard: str) -> bool:
    """One consonant spelt otherwise for the same sound: ASR spells a name as it sounds,
    so "karla" for "carla" or "marc" for "mark"; but "devin" is not "kevin", and "carlo"
    (another vowel) is another name."""
    if not _one_letter_off(listed, heard):
        return False
    a, b = next((x, y) for x, y in zip(listed, heard, strict=True) if x != y)
    return {a, b}.isdisjoint("aeiouy") and consonants(listed) == consonants(heard)


def complete_with(name: str, known: Known) -> tuple[str, str]:
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
        if contains_words(full_words, words):
            fits[full_key] = (full, line)
    if len(fits) == 1:
        return next(iter(fits.values()))
    if not fits and len(words) > 1:  # "Antoine Lefevbre" heard, "Antoine Lefèvre" listed
        # ASR garbles surnames more than first names ("Oliver Gladford" for the listed
        # "Oliver Grant"): a listed name with the same first name and the surname's
        # initial also counts, when it is the only one.
        same_first = _only_listed(
            known,
            lambda k: (
                k.split()[0] == words[0]
                and len(k.split()) == len(words)
                and (
                    SequenceMatcher(None, k, key).ratio() >= 0.85
                    or k.split()[-1][:1] == words[-1][:1]
                )
            ),
        )
        if same_first:
            return same_first
        # One letter of the first name lost too ("Nélène Bouteau" heard, "Hélène Bourdon"
        # listed): a first name one letter off and the surname's initial, when only one fits.
        near_first = _only_listed(
            known,
            lambda k: (
                len(k.split()) == len(words)
                and _one_letter_off(k.split()[0], words[0])
                and k.split()[-1][:1] == words[-1][:1]
            ),
        )
        if near_first:
            return near_first
        # "Sam Greer" said, "Samantha Greer" listed: a short form of the listed first name.
        short_first = _only_listed(
            known,
            lambda k: k.split()[1:] == words[1:] and _short_form(words[0], k.split()[0]),
        )
        if short_first:
            return short_first
        # Whisper garbles foreign names whole ("Thomas Kalski" for the listed "Tomasz
        # Kowalski"): a listed name of as many words, close over all its letters.
        whole = _only_listed(
            known,
            lambda k: len(k.split()) == len(words) and SequenceMatcher(None, k, key).ratio() >= 0.8,
        )
        if whole:
            return whole
        # Or one that sounds the same word for word: "Clay Doran" heard for the listed
        # "Chloé Durand" (ASR keeps consonants better than vowels).
        alike = _only_listed(
            known,
            lambda k: (
                len(k.split()) == len(words)
                and all(map(sound_alike, k.split(), words))
                and SequenceMatcher(None, k, key).ratio() >= 0.55
            ),
        )
        if alike:
            return alike
    if not fits and len(words) == 1:  # "Mathieu" or "Alex" heard, "Matthieu Roussel" or
        # "Alexandra Petrov" listed: a close spelling, a short form of the first name, or
        # the same sounds spelt otherwise ("Karla" heard, "Carla Jensen" listed)
        first = _only_listed(
            known,
            lambda k: (
                SequenceMatcher(None, k.split()[0], key).ratio() >= 0.85
                or _short_form(key, k.split()[0])
                or _spelt_by_sound(k.split()[0], key)
            ),
        )
        if first:
            return first
        # A word that is no one's first name, sounding like one listed first name: ASR's
        # spelling of it ("Carvin, engineering" for the listed "Kevin Naylor"). A real
        # first name heard ("Dan") is someone else's, however alike it sounds.
        if not first_name(name):
            garbled = _only_listed(known, lambda k: sound_alike(k.split()[0], key))
            if garbled:
                return garbled
            # Or a surname said alone, a letter off ("Ferrera à l'appareil" for the listed
            # "Ricardo Ferreira").
            surname = _only_listed(
                known,
                lambda k: (
                    len(k.split()) > 1
                    and len(key) >= 5
                    and SequenceMatcher(None, k.split()[-1], key).ratio() >= 0.85
                ),
            )
            if surname:
                return surname
    if "-" in name:  # ASR hyphenates names: "Marie-Dupont" for the listed "Marie Dupont"
        spaced = complete_with(name.replace("-", " "), known)
        if spaced[1] or fold(spaced[0]) in known.names:
            return spaced
    return name, ""


# Short forms that are not a first name's beginning ("Maggie" for Margaret; "Alex" for
# Alexandra is found as a prefix).
_NICKNAMES = {
    formal: set(short.split())
    for formal, short in (
        ("margaret", "maggie meg peggy greta"),
        ("eleanor", "nell nellie ellie nora"),
        ("helen", "nell nellie"),
        ("elizabeth", "liz lizzie beth betty bess eliza libby"),
        ("william", "bill billy will liam"),
        ("robert", "bob bobby rob robbie bert"),
        ("richard", "rick ricky dick rich"),
        ("james", "jim jimmy jamie"),
        ("john", "jack johnny"),
        ("jonathan", "jon jonny"),
        ("katherine", "kate katie kathy kat"),
        ("catherine", "kate katie cathy cat"),
        ("michael", "mike mikey mick"),
        ("edward", "ed eddie ted ned"),
        ("henry", "harry hank hal"),
        ("charles", "charlie chuck chaz"),
        ("anthony", "tony"),
        ("andrew", "andy drew"),
        ("rebecca", "becky becca"),
        ("susan", "sue susie"),
        ("abigail", "abby"),
        ("mary", "molly polly"),
        ("theodore", "theo ted teddy"),
        ("alexander", "sasha sandy"),
        ("alexandra", "sasha sandra"),
        ("frederick", "fred freddie"),
        ("patricia", "patty trish"),
        ("emmanuel", "manu"),
        ("emmanuelle", "manue manu"),
        ("elisabeth", "babeth lisa"),
        ("francois", "fanfan"),
        ("francoise", "fanfan"),
        ("guillaume", "guigui"),
        ("jean-baptiste", "jb"),
    )
}

_SOUNDS = [
    (r"ch(?=[lr])|ck|qu|q|c(?![eiyh])", "k"),  # Chloé, Christophe, Jacques, Carla
    (r"ph", "f"),
    (r"th", "t"),
    (r"c(?=[eiy])|ç", "s"),
    (r"(?<=[^cspt])h|^h", ""),  # a mute h
    (r"[dtsxz]$", ""),  # French final consonants: Durand, Dubois, Giraud
    (r"y", "i"),
]


def _short_form(short: str, first: str) -> bool:
    """Whether `short` (folded) is a short form of the first name `first` (folded): its
    beginning ("alex" for alexandra), that beginning made pet ("bernie" for bernadette,
    "stevie" for steven: four letters or more) or a known nickname ("maggie" for margaret)."""
    pet = re.sub(r"(?:ie|y)$", "", short)
    return (
        (len(short) >= 3 and first.startswith(short))
        or (pet != short and len(pet) >= 4 and first.startswith(pet) and first != pet)
        or short in _NICKNAMES.get(first, ())
    )


def consonants(word: str) -> str:
    """A folded word's consonants as they sound, doubled ones once: "durand" → "drn"."""
    for pattern, sound in _SOUNDS:
        word = re.sub(pattern, sound, word)
    skeleton = re.sub(r"[aeiou]", "", word)
    return re.sub(r"(.)\1+", r"\1", skeleton)


def sound_alike(listed: str, heard: str) -> bool:
    """Two folded words with the same first sound and nearly the same consonants."""
    a, b = consonants(listed), consonants(heard)
    return bool(a and b) and a[0] == b[0] and SequenceMatcher(None, a, b).ratio() >= 0.8


def _only_listed(known: Known, close: Callable[[str], bool]) -> tuple[str, str] | None:
    """The one name from a document whose folded key is `close`, or None (none or several)."""
    found = [v for k, v in known.names.items() if v[1] and close(k)]
    return found[0] if len(found) == 1 else None


def contains_words(full: Sequence[str], part: Sequence[str]) -> bool:
    """Whether `part` is a run of consecutive words of `full`."""
    n = len(part)
    return any(list(full[i : i + n]) == list(part) for i in range(len(full) - n + 1))
