"""Candidate names for each diarized speaker, from rules over the transcript and the context
documents (priority 2, "rag", of SPEC §4).

Rules beat a small LLM at this (SPEC §8), which mostly gets one thing wrong: the speaker
who says "Peter, can you…" is not Peter, the one who answers is. So the rules link a name
to the speaker it describes:

- a self-introduction ("je suis Marie Dupont", "I'm Peter", "Marie Dupont, responsable…",
  "Peter here", "Bonjour, Kevin Da Silva, je…") names the speaker who says it, and so
  does a role that a document gives one person ("As CFO, I…", "en tant que DRH");
- someone introduced ("let me introduce Anna Lindqvist", "je vous présente…"), called in
  a roll call ("Brian Foster?") or announced by their agenda item ("Next item is the
  hiring plan" with "10:25 Hiring plan - Yuki Tanaka" in the agenda) is the NEXT speaker;
- a question or hand-over addressed to someone ("Luc, tu peux…", "over to you Sarah")
  names the NEXT speaker; thanks ("merci Julien") name the PREVIOUS one; a greeting or a
  closing vocative ("bonjour Antoine", "…, Sarah.") names one of the two, weakly;
- whoever addresses a name is, by that, not that person, and a name said to be away
  ("Marc is on leave", "Derek sent his apologies") names no one.

Votes add up over the meeting as evidence weights (-ln(1 - p) per vote, so independent
votes combine as a noisy-OR); names voted for another speaker-label compete. Documents
(attendee lists, tables, agenda lines, "Name (role)") complete partial names ("Marie" →
"Marie Dupont"), add weight to names they list, and name by elimination the one speaker
left when every other attendee is placed. Names are found by shape (capitalised words
after a cue, minus stop-words), not by an NER model: none is installable offline here.

The result is per speaker-label candidates with scores in [0, 1]; choosing one person per
speaker over the whole recording (never one person twice) is the caller's job. What a name
looks like is in `names`, the people the documents list in `roster`.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from st_resources.naming.names import (
    DEPARTMENT_WORDS,
    ROLE_WORDS,
    WORD,
    WORD_START,
    Known,
    Span,
    complete_name,
    complete_with,
    everyday_word,
    first_name,
    fold,
    normalize_name,
    quote_line,
    sound_alike,
    take_name,
)
from st_resources.naming.roster import DocumentName, document_names

_I = re.IGNORECASE

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
# Words after a name within which the sentence's question is still put to that person: in
# Whisper's run-on "Inès, tu leur mets … en néerlandais, les sanitaires du bloc B,
# maintenant, on en est où ?" the question went to someone else (blind meeting set 25).
ADDRESS_REACH = 20
COMPETITION = 0.5  # share of other names' weight (same speaker) subtracted
P_ELIMINATION = 0.5  # the only attendee left for the only unnamed speaker
P_INTRODUCED = 0.65  # "let me introduce Anna Lindqvist" → next speaker
P_AGENDA_ITEM = 0.5  # "next item is the hiring plan" → its presenter speaks next
P_CHAIR = 0.5  # "Diane Whitaker – Operations Manager (chair)" → the meeting's first speaker
MIN_SCORE = 0.05
# How an elimination candidate's evidence starts (one attendee left, or several).
ELIMINATION = ("the only attendee", "one of the attendees")
THANKED = "thanked after speaking"
ASKED = "addressed just before speaking"
IN_DOCUMENT = "in a document"
MAX_EVIDENCE = 6
BACKCHANNEL_WORDS = 3  # an overlapping turn this short is an acknowledgement, not a reply

# Interjections that may stand before a vocative: "Alors, Luc, tu…", "OK Sarah, can you…".
_LEAD_IN = re.compile(
    r"(?:(?:oui|bon|alors|ok|okay|donc|et|so|and|well|right|now|maintenant|bien|très bien|"
    r"euh|heu|um|uh|er|erm|hmm|ah|oh|sorry|désolée?|pardon|"
    r"parfait|great|perfect|good|then|ensuite|puis|enfin|finally|also|aussi|d['’]accord|"
    r"toi|vous|you)\s*,?\s+){0,3}",
    re.IGNORECASE,
)

# Greetings, shared by the cues below: French, the phone's, English.
_BONJOUR = r"bonjour|bonsoir|salut"
_ALLO = r"allô|allo"
_HELLO = r"hiya|hi|hello|hey|good\s+(?:morning|afternoon|evening)"

# A greeting that may open a self-introduction: "Bonjour à tous, Marie Dupont, directrice…".
_OPENING = re.compile(
    rf"(?:(?:{_BONJOUR}|{_HELLO})"
    r"(?:\s+(?:et\s+|and\s+)?(?:à\s+tous|à\s+toutes|tout\s+le\s+monde|everyone|everybody|all|"
    r"madame|monsieur|mesdames|messieurs|sir|madam|folks|team|docteur|doctor)){0,2}\s*[,!.]?\s+)?",
    re.IGNORECASE,
)

_SECOND_PERSON = re.compile(
    r"\b(?:tu|t['’]|te|toi|ton|ta|tes|vous|votre|vos|you|your|yours|please|"
    r"s['’]il\s+(?:te|vous)\s+pla[iî]t)(?![\w])",
    re.IGNORECASE,
)

# The speaker doing something for the person named, which asks no reply: "Madame Okafor,
# je vous renvoie les plans ce soir", "Tom, I'll send you the figures".
_FOR_YOU = re.compile(
    r"\b(?:je|j['’]|nous|on|i|we)\s+(?:vous|te|t['’]|l['’]|le|la|les|lui)?\s*"
    r"(?:vous|te|t['’])\s*(?!écout|laiss|pass|(?:re)?donn\w*\s+la\s+(?:parole|main)|cèd|présent)\w"
    r"|\b(?:i|we)(?:['’]ll|\s+will)\s+(?!let|hand|pass|turn|leave|give)\w+\s+you\b",
    _I,
)
# The speaker answering what the person named has just said: "I've heard you sing, Ray,
# that's why…", "We can hear you fine, Phillipa." Said after the name's first word, it
# is as likely to answer the previous speaker as to ask the next.
_HEARD_YOU = re.compile(
    r"\b(?:i|we)(?:['’](?:ve|d))?\s+(?:(?:can|could|have|had|did|just|never|all|already)\s+)*"
    r"(?:heard|hear|seen|saw|see|told|know|knew)\s+you\b",
    _I,
)

# What follows a vocative said without its comma (ASR output): "Luc tu peux commencer".
_ASKS = re.compile(
    r"(?:tu|vous|est-ce|qu['’]est-ce|qui|où|quand|comment|pourquoi|combien|quel(?:le)?s?|"
    r"(?:can|could|would|will|do|did|are|have|should)\s+(?:you|we)|"
    r"what|who|where|how|when|why|which)\b",
    _I,
)

# A turn may open on the name of the one it answers, before a greeting: "Alan, hi, …".
_ADDRESSED_FIRST = rf"^(?:[\w'’-]+,\s+(?=(?:{_HELLO}|{_BONJOUR}|{_ALLO})\b))?"

# Cues; the name follows the match.
_SELF_CUES = [
    re.compile(p, _I)
    for p in (
        r"\bje\s+suis\s+",
        r"\bje\s+m['’]\s*appelle\s+",
        r"\bmoi\s*,?\s+c['’]est\s+",
        r"\bmon\s+(?:pré)?nom\s+(?:est|c['’]est)\s+",
        r"\bje\s+me\s+présente\s*[,:]?\s*(?:je\s+suis\s+)?",
        rf"^(?:(?:oui|{_BONJOUR}|{_ALLO})\W+){{0,2}}ici\s+",
        r"\bI['’]m\s+",
        r"\bI\s+am\s+",
        r"\bmy\s+name\s+is\s+",
        r"\bmy\s+name['’]s\s+",
        # "Bonjour monsieur Colin, c'est Laetitia": only after a greeting ("C'est Pierre qui
        # présente" is about Pierre)
        _ADDRESSED_FIRST
        + rf"(?:oui\W+)?(?:{_BONJOUR}|{_ALLO})(?:\s+[\w'’-]+){{0,2}}\W+c['’]est\s+",
        r"\bcall\s+me\s+",
        r"\bc['’]est\s+moi\s*,?\s+",  # "c'est moi, Hélène Marchetti, qui préside"
    )
]
# "For the minutes, this is Nora Blackwood"; but after a name alone, someone presented to
# that person: "Delroy, this is Jade." (blind meeting set 20), and after a word for the
# whole room, someone presented to all: "Everyone, this is Callum." (blind set 26).
_COMMA_THIS_IS = re.compile(r"(?<!and),\s+this\s+is\s+", _I)
_TO_ALL = re.compile(
    r"^\W*(?:(?:right|ok(?:ay)?|so|now|alors|bon)\W+)?(?:everyone|everybody|all|guys|folks|"
    r"team|you\s+two|you\s+all|tout\s+le\s+monde|les\s+gars|les\s+filles)\W*$",
    _I,
)

# "Hi Alan, it's Fiona" and, on the phone, "Alan, hi, it's Fiona": the speaker's own name.
# "This is" after something else than a question ("Can you hear me? This is Diane") may
# present someone instead: "Come and say hello. This is Tomasz, he starts today."
_THIS_IS = re.compile(
    _ADDRESSED_FIRST + rf"(?:(?:{_HELLO})(?:,?\s+[\w'’-]+){{0,2}}\W+)?"
    r"(?:(?P<this>this\s+is)|it['’]s)\s+",
    _I,
)

# "It's Kyle or nobody", "C'est Paul ou personne": a choice between people, no one's name.
_CHOICE = re.compile(r"\s*,?\s*(?:or|ou|nor|ni)\b", _I)

# A name, then where the speaker comes from, opening a turn: "Karim Haddad pour l'équipe
# data.", "Dana Brooks for the platform team.", "Leo Grant from Acme."
_AFFILIATION = re.compile(
    r"^\s*(?:pour|for|from|de\s+chez|chez|du\s+côté|côté|de\s+l['’]équipe|du\s+service)\b",
    _I,
)
_FROM_PLACE = re.compile(r"^\s*(?:du|de\s+la|de\s+l['’]|des|from|with|at|of)\s", _I)
_TEAM = re.compile(
    r"^\s*(?:pour|de|for|from|of)\s+(?:l['’]\s*équipe|le\s+service|le\s+pôle|the\s+[\w\s-]{1,30}?"
    r"\b(?:team|department|group|side))\b",
    _I,
)
_ROLE_NOUNS = ROLE_WORDS - set("from de du des en in of pour for here ici speaking".split())
# What a roll call's second part starts with: "Karim, infirmier de nuit, secteur B."
_PLACE_WORDS = (
    DEPARTMENT_WORDS
    | _ROLE_NOUNS
    | set("secteur site unit ward bureau etage floor zone region agence branch office".split())
)
# Words that make "<Name> from sales …" a sentence about that person, not a roll call.
_ABOUT_THEM = set(
    "will would is was has had can could should said says told asked va vont a est sera "
    "était peut doit dit devait".split()
)
# A full name, then the speaker saying what they are or do: "Tariq Mahmoud, I'm one of
# your county councillors.", "Jean-Luc Fardeau, je m'occupe des magasins de l'Ouest."
# (blind set 26). One first name so said is as often the person spoken to.
_I_AM = re.compile(
    r"^\s*,\s*(?:I['’]m|I\s+am|je\s+suis|"
    r"je\s+(?:m['’]occupe|travaille|dirige|gère|coordonne|représente)|"
    r"I\s+(?:run|manage|look\s+after|work\s+(?:for|at|in|with)|head\s+up|represent))\b",
    _I,
)
# A roll-call tail is this short: "Helen Ward, finance." / "Paul, product."
ROLL_CALL_WORDS = 4

# A name, then one of these, at the start of a sentence: "Peter here", "Marie à l'appareil".
_SELF_SUFFIX = re.compile(
    r"^\s*(?:here|speaking|ici|à\s+l['’]appareil|qui\s+parle|à\s+votre\s+(?:écoute|service)|"
    r"at\s+your\s+service)\b(?!\s*\?)",
    _I,
)
# The same suffix closing its clause: what comes after is a new clause, whatever it says.
_SELF_SUFFIX_ALONE = re.compile(_SELF_SUFFIX.pattern + r"\s*(?:[,.;:!]|$)", _I)
# "For the recording: Helen Brannigan, site manager." names the speaker; the full name is
# followed by a role or ends the sentence ("for the record, Tom, you said…" does not).
_FOR_THE_RECORD = re.compile(
    r"\b(?:for\s+the\s+(?:recording|record|minutes|tape)\b|pour\s+l['’]enregistrement|"
    r"pour\s+le\s+(?:compte[\s-]rendu|procès[\s-]verbal))\s*[,:]?\s*"
    r"(?:(?:this\s+is|it['’]s|I['’]m|I\s+am|c['’]est|je\s+suis)\s+)?",
    _I,
)
# "This is Fiona Baird, our safety advisor": a name described as the group's is someone
# being introduced, not the speaker ("This is Diane, your host" is the speaker).
_THEIR = r"our|his|her|their|notre|nos|son|sa|leur"
_THIRD_PARTY_ROLE = re.compile(rf"^\s*,?\s*(?:{_THEIR})\b", _I)
# Inside a turn, "This is" a name said of in the third person presents that person: "Thank
# you, Gloria. This is Bernie Quinn, who runs our repairs team." (blind meeting set 15).
_PRESENTED = re.compile(rf"^\s*,?\s*(?:{_THEIR}|who|qui|she|he|elle|il)\b", _I)
# "This is" a name, then the same person in the third person further on: "…, this is
# Kevin Dean's style, our yard foreman, he's our…" (Whisper's run-on of "This is Kevin
# Dinsdale, our yard foreman.", blind meeting set 30). A self-introduction says "I".
_SAID_OF_THEM = re.compile(
    rf",\s*(?:{_THEIR})\s+\w|\b(?:he|she)(?:['’]s|\s+is)\b|\b(?:il|elle)\s+est\b", _I
)
SAID_OF_REACH = 60  # characters after the name
# A first name asked for after a title and surname: "Helen, please.", "Marcus is fine.",
# "Juste Karim, ça ira." (the speaker answers "Ms Brannigan" / "Monsieur Belkacem").
_JUST_NAME = re.compile(
    r"^\W*(?:just\s+|juste\s+)?(?P<name>[^\W\d_][\w'’-]*)\s*"
    r"(?:,?\s*(?:please|s['’]il\s+vous\s+pla[iî]t)|\s+is\s+(?:fine|ok(?:ay)?)|['’]s\s+fine|"
    r"\s+will\s+do|,?\s*(?:ça\s+ira|ça\s+suffit|c['’]est\s+très\s+bien))\s*[.!…]*$",
    _I,
)
# "…, is that Gloria?" / "C'est bien Monsieur Rochon ?" / "Madame Chassaing ?" ending a
# turn: asking whether the one on the other side is that person; "That's me." / "C'est
# moi." opening the reply says yes (blind meeting set 15's repairs line: "I've got a Mrs
# Maynard at number 14, is that Gloria?" / "That's me"). "Yes, that's her" is about
# someone else.
_IS_THAT = re.compile(
    r"(?:^\W*|\b(?:is\s+(?:that|this|it)|are\s+you|am\s+I\s+(?:speaking|talking)\s+(?:to|with)|"
    r"who['’]s|who\s+is|c['’]est|qui\s+est|vous\s+êtes|tu\s+es|je\s+parle\s+(?:à|avec))\s+"
    r"(?:bien\s+)?)"
    r"(?=[^,;:.!?]+\?\W*$)",
    _I,
)
# A question for the other person's name: "Vous êtes Madame... ?", "C'est à quel nom ?",
# "Can I take your name?", "And you are...?"; the answer opens the next turn.
_NAME_ASKED = re.compile(
    r"(?:(?:vous\s+êtes|c['’]est)\s+(?:madame|monsieur|mademoiselle)?\s*(?:\.\.\.|…)|"
    r"(?:à|sous)\s+quel\s+nom|(?:votre|ton)\s+(?:pré)?nom|vous\s+vous\s+appelez|"
    r"tu\s+t['’]appelles|(?:what['’]s|what\s+is|take|have|get)\s+your\s+(?:first\s+)?name|"
    r"(?:and\s+)?you\s+are\s*(?:\.\.\.|…)|your\s+name|(?:mr|mrs|ms|miss)\.?\s*(?:\.\.\.|…))"
    r"[^?]{0,20}\?\W*$",
    _I,
)
_YES_NO = re.compile(r"^\W*(?:(?:yes|yeah|yep|no|oui|non)\b\W*)?", _I)
# The name said alone, or with a yes: "Kathryn.", "Kathryn, yes.", not "Gloria, she rang."
_NAME_ALONE = re.compile(
    r"\s*(?:$|[.!…]|,\s*(?:yes|yeah|oui|c['’]est\s+ça|that['’]s\s+right)\b)", _I
)
_THATS_ME = re.compile(
    r"^\W*(?:(?:yes|yeah|yep|oui)\W+)?(?:that['’]s\s+me|that\s+is\s+me|it['’]s\s+me|"
    r"speaking(?!\s+(?:of|as|about|for))|c['’]est\s+(?:bien\s+)?moi|moi[-\s]même|"
    r"(?:lui|elle)[-\s]même|en\s+personne)\b",
    _I,
)
# Said to someone: the title and surname end a clause ("Okay, Ms Brannigan. I'll…",
# "Mr Ogunleye, can…"), unlike "Dr Patel will join later".
_TITLE_SURNAME = re.compile(
    r"(?:\b(?i:mr|mrs|ms|miss|dr|doctor|monsieur|madame|mademoiselle|docteur|mme|mlle)\.?\s+"
    r"|\bM\.\s+)[A-ZÀ-Ý][\w'’-]+(?=\s*(?:[,.?!…]|$))"
)
# A turn that ends mid-sentence while the next one carries it on in lower case: the
# diarizer cut one person's sentence, so who said which part of it is unsure.
_CLOSED = re.compile(r"[.!?…]\W*$")
_THANKS_CUE = re.compile(
    r"\b(?:merci|thanks|thank\s+you|cheers)"
    r"(?:\s+(?:beaucoup|bien|encore|a\s+lot|so\s+much|very\s+much|again))?\s*,?\s+",
    _I,
)

_HANDOVER_CUES = [
    re.compile(p, _I)
    for p in (
        r"\b(?:à\s+toi|à\s+vous|over\s+to\s+you|your\s+turn|go\s+ahead|vas-y|allez-y)\s*,?\s+",
        r"\b(?:je\s+(?:te\s+|vous\s+)?(?:passe|donne|laisse|cède)\s+la\s+(?:parole|main)\s+à|"
        r"la\s+parole\s+est\s+à|(?:hand|pass|turn)(?:ing)?\s+(?:it\s+)?over\s+to|"
        r"let['’]s\s+hear\s+from|c['’]est\s+à\s+(?:toi|vous)\s*,?)\s+",
    )
]

_GREETING_CUE = re.compile(
    rf"\b(?:{_BONJOUR}|coucou|rebonjour|{_HELLO}|bienvenue|welcome(?:\s+back)?|au\s+revoir|"
    r"bye|goodbye|à\s+bientôt|à\s+plus|"
    r"bonne\s+(?:journée|soirée|fin\s+de\s+journée|semaine)|have\s+a\s+(?:good|nice|great)\s+"
    r"(?:day|one|evening|weekend|week)|see\s+you|take\s+care)\s*,?\s+",
    _I,
)

# "Mei-Ling will take us through the forecast", "Sarah va nous présenter…": the name comes
# first, the next speaker is that person.
_WILL_PRESENT = re.compile(
    r"^\s*(?:will|is\s+going\s+to|va|vont)\s+(?:now\s+|maintenant\s+)?(?:nous\s+|vous\s+)?"
    r"(?:take\s+us\s+through|walk\s+us\s+through|present|tell\s+us|update\s+us|give\s+us|"
    r"go\s+through|présenter|faire\s+le\s+point|parler|expliquer|détailler)\b",
    _I,
)

# Said of someone who is not in the meeting: "Marc is on leave", "Derek sent his
# apologies", "Mme Rousseau est en rendez-vous". That name names no speaker.
_AWAY = re.compile(
    # after the name, and after what it is ("Antoine Kessler, notre directeur technique, a eu
    # un empêchement")
    r"^\s*(?:,[^,.;:!?]{1,50},\s*)?"
    r"(?:(?:is|['’]s)\s+(?:on\s+leave|away|off\s+(?:sick|today)|absent|out\s+of\s+(?:the\s+)?"
    r"office|sick|travelling|traveling|stuck\s+(?:at|in|on)|not\s+(?:here|coming|joining|"
    r"available)|(?:been\s+)?called\s+away)|"
    r"a\s+(?:eu\s+)?un\s+empêchement|est\s+empêchée?|"
    r"(?:sends|sent|has\s+sent)\s+(?:his|her|their)\s+(?:apologies|regrets)|apologi[sz]es|"
    r"(?:couldn['’]t|can['’]t|won['’]t)\s+(?:make\s+it|"
    r"come|join|be\s+here)|est\s+(?:excusée?|absente?|en\s+(?:congé|vacances|déplacement|"
    r"rendez-vous|réunion)|malade)|n['’]est\s+pas\s+(?:là|disponible)|(?:ne\s+)?(?:peut|pourra)\s+pas"
    r"\s+(?:venir|être\s+là)|s['’]excuse)",
    _I,
)

# "Ivan's off sick": a capitalised word's "'s" read as "is" (a possessive then reads as
# nonsense, "Ivan is report", which no away phrase follows).
_NAME_IS = re.compile(r"\b([A-Z][\w-]+)['’]s\b")

# "…, he's travelling" / "mais il est en déplacement": said of a name earlier in the sentence.
_AWAY_PRONOUN = re.compile(
    r"\b(?:il|elle|he|she)\s*(?:is|['’]s|est)\s+(?:on\s+leave|away|travelling|traveling|"
    r"off\s+sick|sick|absente?|en\s+(?:congé|vacances|déplacement|arrêt)|malade|excusée?)",
    _I,
)

_INTRODUCE_CUE = re.compile(
    r"\b(?:(?:let\s+me|I['’]d\s+like\s+to|I\s+want\s+to|allow\s+me\s+to)\s+introduce|"
    r"please\s+welcome|say\s+hello\s+to|joining\s+us(?:\s+today)?\s+(?:is|are)|"
    r"with\s+us(?:\s+today)?\s+(?:is|are|we\s+have)|we\s+have\s+with\s+us(?:\s+today)?|"
    r"(?:nous\s+)?avons\s+avec\s+nous|je\s+(?:vous|te)\s+présente|(?:nous\s+)?accueillons|"
    r"voici)\s+",
    _I,
)

# Greetings passed on to someone not there: "Say hello to Gwyn for me." (blind set 26)
_FOR_ME = re.compile(r"\s*(?:for|from)\s+(?:me|us)\b|\s*de\s+ma\s+part\b", _I)

# "As CFO, I…", "speaking as head of HR", "wearing my CTO hat", "en tant que DRH": the role
# follows (compared with what the documents say of each person). After a bare "as" only
# the whole role or its initials count: "they count as waste" is no "waste services".
_AS_ROLE = re.compile(
    r"\b(?:speaking\s+as|in\s+my\s+(?:role|capacity)\s+as|(?P<bare>as)|wearing\s+my|"
    r"en\s+tant\s+que|côté|(?:from|on)\s+(?=(?:the|our)\s+[\w-]+\s+side\b))\s*"
    r"(?:(?:the|our|your|le|la|notre)\s+|l['’]\s*)?",
    _I,
)

# A sentence that moves the meeting on: "let's start with…", "next item is…", "passons à…".
_TRANSITION = re.compile(
    r"\b(?:start|begin|next|move\s+on|moving\s+on|turn\s+to|first|then|commen[cç]|passons|"
    r"passe\s+(?:au|à)|premier|deuxième|second|troisième|suivant|point|item)\w*",
    _I,
)

_ITS_ME = re.compile(
    r"^(?:(?:bon|alors|oui|donc|euh|ok|okay|so|well|right)\W+)?(?:c['’]est|it['’]s)\s+", _I
)

# Nothing, or a greeting, after "…, Maxime à votre écoute": the end of the sentence.
_GREETING_ONLY = re.compile(
    rf"^[\s,]*(?:(?:{_BONJOUR}|{_HELLO})\b)?[\s.!…]*$",
    _I,
)
# A reply that turns a name down: "Non non, moi je suis…", "No, I'm…", "Actually, I'm not…".
_DENIAL = re.compile(
    r"^\W*(?:(?:non|no|nope)\b(?!\s+(?:problem|worries|pas\s+de\s+souci|problème))"
    r"[\s,.!]*(?:non\b|no\b)?[\s,.!]*(?:moi\s+je\s+suis|moi\s+c['’]est|i['’]m|i\s+am|"
    r"je\s+suis|c['’]est|this\s+is)\s+(?:his|her|their|the|a|an|son|sa|leur|le|la|l['’]|un|une)\b)",
    _I,
)  # …then who they are instead ("No, I'm still setting up" turns down nothing)
_NOT_THEM = re.compile(
    r"\b(?:i'?m\s+not|i\s+am\s+not|not\s+me|je\s+ne\s+suis\s+pas|je\s+suis\s+pas|"
    r"ce\s+n'est\s+pas\s+moi|c'est\s+pas\s+moi)\b"
)
_FIRST_PERSON = set("i i'm i'll i've je j'ai j'suis moi me my mon ma mes".split())
# A sentence going on about the speaker: "I cover the Borders.", "Je suis en avance."
_I_GO_ON = re.compile(r"^\W*(?:I\b|I['’](?:m|ve|ll|d)\b|je\b|j['’]|moi\b)", _I)
# What says a named person is away, not what they are: "Tom Heslop, on leave."
_NOT_A_ROLE = set(
    "on off en in at a au absent absente away excused excuse excusee sick malade".split()
)
# Sentences that say nothing before "Thanks, Dr Patel.": the thanks still opens the turn
# (not after a first "Thank you.": the second thanks is for something else).
_INTERJECTION = re.compile(r"^\W*(?!thank|merci)(?:\w+\W*){0,2}$", _I)

# A question for a place: "Where's that accent from?", "Tu viens d'où ?". A name alone
# after it is a guess at the answer; after "Who's first?" it is still someone asked.
_WHERE = re.compile(r"\b(?:where|où)\b[^?]*\?\W*$", _I)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)")
_ABBREV_END = re.compile(r"\b(?:M|Mr|Mrs|Ms|Dr|Mme|Mlle|St|Prof)\.$")


@dataclass
class Candidate:
    """A name for one speaker-label, how sure (0-1), and why (quoted sentences, lines)."""

    name: str
    score: float
    source: str = "rag"
    evidence: list[str] = field(default_factory=list)
    # Whether the speakers' own words give this name (a self-introduction, a role they
    # claim), not only others' (an address, thanks, an attendee list left over).
    own: bool = False
    # How many separate things point at it: each turn whose words give it counts once
    # (however many of its sentences do), and so do an attendee list's name left over and
    # a document's chair.
    sources: int = 1


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
    initial: bool = False  # a lone word that opens its sentence
    own: bool = False  # the speaker's own words: `Candidate.own`
    turn: int = 0  # the index of the turn that said it


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
    documents = list(documents)
    roster = document_names(documents)
    known = Known.build((d.name, d.line) for d in roster)
    votes, not_self, denied = _votes(turns, _descriptions(roster, documents) + _introduced(turns))
    # A name its addressee turned down is of someone not here to answer to it.
    away = _away(turns) | {key for name in denied for key in (fold(name), fold(name).split()[0])}
    votes = [v for v in votes if not {fold(v.name), fold(v.name).split()[0]} & away]
    votes = [v for v in votes if not _just_a_word(v, turns, roster)]
    known.add_transcript([v.name for v in votes] + _full_names(turns))
    listed = {fold(d.name) for d in roster if d.kind != "absent"}

    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    evidence: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
    own: set[tuple[str, str]] = set()
    said_in: dict[tuple[str, str], set[int]] = defaultdict(set)
    for vote in votes:
        name, line = complete_with(vote.name, known)
        weights[vote.label][name] += vote.weight
        said_in[vote.label, name].add(vote.turn)
        if vote.own:
            own.add((vote.label, name))
        evidence[vote.label, name].append((vote.weight, vote.evidence))
        if line and name != vote.name:
            evidence[vote.label, name].append((0.0, f'{IN_DOCUMENT}: "{line}"'))
    negatives: dict[tuple[str, str], float] = defaultdict(float)
    for label, heard in not_self:
        negatives[label, complete_with(heard, known)[0]] += W_NOT_SELF

    result: dict[str, list[Candidate]] = {t.label: [] for t in turns}
    for label, names in weights.items():
        total = sum(names.values())
        for name, weight in names.items():
            bonus = 0.0
            if fold(name) in listed:
                bonus = W_DOCUMENT
                evidence[label, name].append((0.0, f'{IN_DOCUMENT}: "{known.line(name)}"'))
            net = weight + bonus - negatives[label, name] - COMPETITION * (total - weight)
            score = 1.0 - math.exp(-net) if net > 0 else 0.0
            if score >= min_score:
                result[label].append(
                    Candidate(
                        name,
                        round(score, 3),
                        "rag",
                        _top(evidence[label, name]),
                        (label, name) in own,
                        len(said_in[label, name]),
                    )
                )
    _eliminate(result, roster, turns, negatives, settled or {}, away)
    _chair(result, turns, roster, documents)
    for label in result:
        result[label].sort(key=lambda c: (-c.score, c.name))
        del result[label][max_candidates:]
    return result


def _just_a_word(vote: _Vote, turns: Sequence[_Turn], roster: Sequence[DocumentName]) -> bool:
    """A lone word opening its sentence is capitalised whatever it is: "Brilliant, thanks."
    It names someone only if it is no everyday word, or is a first name, or a document
    lists it, or the meeting also writes it capitalised inside a sentence."""
    if not vote.initial or not everyday_word(vote.name):
        return False
    key = fold(vote.name)
    if any(key in fold(person.name).split() for person in roster):
        return False
    inside = re.compile(rf"(?<=[\w,;:] ){re.escape(vote.name)}\b")
    return not any(inside.search(turn.text) for turn in turns)


def self_introductions(segments: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """The names each speaker-label introduces itself with, in order of first use. Two
    people's introductions in one label's turns mean diarization merged two voices.

    One name per sentence, its last: "this is Talkback on City FM and I'm Gareth Lloyd"
    introduces a show, then its host."""
    found: dict[str, list[str]] = defaultdict(list)
    for turn in _turns(segments):
        for hits in _hits_by_sentence(turn.sentences()):
            names = [hit.name for hit in hits if hit.target == "self"]
            if names and names[-1] not in found[turn.label]:
                found[turn.label].append(names[-1])
    return dict(found)


def _full_names(turns: Sequence[_Turn]) -> list[str]:
    """Names of two words or more said anywhere ("Face à face ce soir, Fabienne
    Roux-Delmas, adjointe…"): they complete a partial name a rule found ("Madame
    Roux-Delmas")."""
    out = []
    for turn in turns:
        for m in WORD_START.finditer(turn.text):
            span = take_name(turn.text, m.start())
            if span and len(span.words) > 1:
                out.append(normalize_name(span.text))
    return out


def _away(turns: Sequence[_Turn]) -> set[str]:
    """Folded names said to be away ("Marc is on leave", "Paul devait venir mais il est
    en déplacement"), first names included."""
    away: set[str] = set()
    for turn in turns:
        for said in turn.sentences():
            sentence = _NAME_IS.sub(r"\1 is", said)  # "Ivan's stuck in Leeds"
            if _AWAY_PRONOUN.search(sentence):  # the sentence's only name is the one away
                spans = [take_name(sentence, m.start()) for m in WORD_START.finditer(sentence)]
                named = {s.text for s in spans if s is not None}
                if len(named) == 1:
                    name = named.pop()
                    away |= {fold(name), fold(name.split()[0])}
            for pos in [0] + [
                m.end() for m in re.finditer(r"(?:,|\bthat|\bque|\bbut|\bmais)\s*", sentence)
            ]:
                span = take_name(sentence, _LEAD_IN.match(sentence, pos).end())
                if span and _AWAY.match(sentence[span.end :]):
                    away |= {fold(span.text), fold(span.words[0])}
    return away


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
    away: set[str],
) -> None:
    """Attendees no speaker claims go, weakly, to the speakers nothing named: with one of
    each, the list itself says who that speaker is. Those said to be away are not there."""
    attendees = [
        d
        for d in roster
        if d.kind == "attendee" and not {fold(d.name), *fold(d.name).split()} & away
    ]
    if len(attendees) < 2:
        return
    claimed = {fold(c[0].name) for c in result.values() if c and c[0].score >= 0.5}
    claimed |= {fold(complete_name(name, [d.name for d in attendees])) for name in settled.values()}
    written = [d.name for d in roster]
    on_paper = {fold(name) for name in written}
    spoken = defaultdict(int)
    for t in turns:
        if not t.backchannel:
            spoken[t.label] += len(WORD.findall(t.text))
    # A speaker called by a name no document gives is not left over: on blind meeting set
    # 21 a visiting assessor greeted "Welcome, Joanna." took the invitee who did not come.
    open_labels = [
        label
        for label, c in result.items()
        if spoken[label] >= 5
        and label not in settled
        and not (c and c[0].score >= 0.5)
        and all(fold(complete_name(other.name, written)) in on_paper for other in c)
    ]
    free = [d for d in attendees if fold(d.name) not in claimed]
    if not open_labels or not free:
        return
    score = round(P_ELIMINATION / max(len(open_labels), len(free)), 3)
    for label in open_labels:
        for d in free:
            if negatives.get((label, d.name)):
                continue
            who = ELIMINATION[0] if len(free) == 1 else ELIMINATION[1]
            why = f'{who} not matched to another speaker: "{d.line}"'
            have = next((c for c in result[label] if fold(c.name) == fold(d.name)), None)
            if have is None:
                result[label].append(Candidate(d.name, score, "rag", [why]))
            elif have.score < score:
                have.score = score
                have.evidence.append(why)
                have.sources += 1


def heard(candidate: Candidate) -> bool:
    """Whether something said in the meeting points at this name, not only an attendee
    list with people left over."""
    return said(candidate.evidence)


def said(evidence: Iterable[str]) -> bool:
    """`heard`, on a candidate's evidence lines."""
    return any(not why.startswith(ELIMINATION) for why in evidence)


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
        turn.backchannel = overlapped and len(WORD.findall(turn.text)) <= BACKCHANNEL_WORDS
    return turns


def _neighbour(turns: Sequence[_Turn], i: int, step: int) -> str | None:
    """The label of the previous (step -1) or next (+1) reply by someone else."""
    reply = _reply(turns, i, step)
    return reply.label if reply is not None else None


def _reply(turns: Sequence[_Turn], i: int, step: int) -> _Turn | None:
    j = i + step
    while 0 <= j < len(turns) and abs(j - i) <= 6:
        t = turns[j]
        if t.label != turns[i].label and not t.backchannel:
            return t
        j += step
    return None


def _denies(reply: _Turn | None, name: str) -> bool:
    """The reply to a name says it is someone else: "Non non, moi je suis son assistant",
    "I'm not Dr. Siddiqui"."""
    if reply is None:
        return False
    opening = " ".join(reply.sentences()[:2])
    if _DENIAL.match(opening):
        return True
    folded = fold(opening)
    not_them = _NOT_THEM.search(folded)
    return not_them is not None and any(w in folded[not_them.end() :] for w in fold(name).split())


@dataclass(frozen=True)
class _Description:
    """What a document line says of a person besides the name: a role ("cfo", "head of
    hr") or, on an agenda line, the item they present ("hiring plan")."""

    words: str  # folded
    name: str
    agenda: bool


# Not a role: an absence, an e-mail header's label, a title ("De : Agnès Perrotey <…>"
# made "de" Agnès's role, and "à côté de la trousse" then said it, on blind meeting set 17).
_NOT_DESCRIPTIONS = set(
    "excuse excusee absent absente apologies de from to a cc contact mr mrs ms mme dr m".split()
)
_AGENDA_LINE = re.compile(r"^\s*(?:\d{1,2}\s*[:h.]\s*\d{2}|\d+[.)])")
_DESCRIPTION_SPLIT = re.compile(r"[()|,;/:–—]|\s-\s|\b(?:presentee?|presented|led)\s+(?:par|by)\b")


def _descriptions(roster: Sequence[DocumentName], documents: Iterable[str]) -> list[_Description]:
    """Each document line that names a listed person, less the name: roles from attendee
    lists, items from agenda lines (a time or a number first)."""
    lines = [line for text in documents for line in text.splitlines()]
    keys = [fold(d.name) for d in roster]
    out = []
    for d in roster:
        if d.kind == "absent":
            continue
        key = fold(d.name)
        for line in lines:
            folded = fold(line)
            if key not in folded:
                continue
            agenda = _AGENDA_LINE.match(line) is not None
            rest = _AGENDA_LINE.sub(" ", _own_part(folded, key, keys), count=1)
            for piece in _DESCRIPTION_SPLIT.split(rest):
                words = " ".join(WORD.findall(piece))
                if len(words) >= 2 and words not in _NOT_DESCRIPTIONS and "@" not in piece:
                    out.append(_Description(words, d.name, agenda))
    return out


# What a document says of the one person who runs the meeting, folded: "(chair)", "Chair:",
# "chairs", "anime la réunion", "préside la séance"; a bare "animateur" is a job (a
# children's activity leader on blind meeting set 25), not the meeting's chair.
_CHAIRS = re.compile(
    r"\b(?:chair(?:s|ing|ed|person|woman|man)?|in\s+the\s+chair|"
    r"anim(?:e|ee|ant|ateur|atrice)\s+(?:la\s+reunion|le\s+point|la\s+seance|le\s+comite)|"
    r"animee?\s+par|presid(?:e|ee|ent|ente)\s+(?:de\s+|la\s+|par\s+)*seance|presidee?\s+par|"
    r"(?:leads?|runs?|led|run)\s+(?:the\s+|this\s+)?meeting)\b"
)


def _chair(
    result: dict[str, list[Candidate]],
    turns: Sequence[_Turn],
    roster: Sequence[DocumentName],
    documents: Iterable[str],
) -> None:
    """A document that says who, of the people present, runs the meeting points at its
    first speaker: a chair opens the meeting (on the blind meeting scripts 1-29, each of
    the 11 chairs a document gave, and who spoke, spoke first). It is one more source for
    that name (P_CHAIR combined with what else points at it); alone it makes a suggestion,
    and it gives way where the meeting itself gives the name to another speaker."""
    first = next((t for t in turns if not t.backchannel and len(WORD.findall(t.text)) >= 3), None)
    if first is None:
        return
    lines = [line for text in documents for line in text.splitlines()]
    keys = [fold(d.name) for d in roster]
    chairs = {
        (d.name, line)
        for d in roster
        if d.kind != "absent"
        for line in lines
        if fold(d.name) in (folded := fold(line))
        and _CHAIRS.search(_own_part(folded, fold(d.name), keys))
    }
    if len({name for name, _ in chairs}) != 1:
        return
    name, line = min(chairs)
    if any(
        c.score >= 0.5 and fold(c.name) == fold(name)
        for label, candidates in result.items()
        if label != first.label
        for c in candidates
    ):
        return
    why = f'chairs, and spoke first: "{quote_line(line)}" ({first.label} at {first.start:.1f} s)'
    have = next((c for c in result[first.label] if fold(c.name) == fold(name)), None)
    if have is None:
        result[first.label].append(Candidate(name, P_CHAIR, "rag", [why]))
    else:
        have.score = round(1 - (1 - have.score) * (1 - P_CHAIR), 3)
        have.evidence.append(why)
        have.sources += 1


# Words between an introduced name and its team: "Anna Klein *from* legal *and* …".
_CONNECTORS = set(
    "from de du des d of and et the our notre nos la le l les avec with who qui is est are "
    "sont also aussi".split()
)


def _introduced(turns: Sequence[_Turn]) -> list[_Description]:
    """What a chair says of each person presented at once ("with us today are Anna Klein
    from legal and Marc Dubois from sales"), for the role each then claims ("from the
    sales side, …")."""
    out = []
    for turn in turns:
        for sentence in turn.sentences():
            cue = _INTRODUCE_CUE.search(sentence)
            if cue is None:
                continue
            spans: list[Span] = []
            for m in WORD_START.finditer(sentence, cue.end()):
                span = take_name(sentence, m.start())
                if span and (not spans or span.start >= spans[-1].end):
                    spans.append(span)
            ends = [s.start for s in spans[1:]] + [len(sentence)]
            for span, end in zip(spans, ends[: len(spans)], strict=True):
                words = WORD.findall(fold(sentence[span.end : end]))
                kept = [w for w in words if w not in _CONNECTORS]
                if kept:
                    out.append(_Description(" ".join(kept), normalize_name(span.text), False))
    return out


_ITEMS = re.compile(r"\s*;\s*")


def _own_part(folded: str, key: str, keys: Sequence[str]) -> str:
    """The line less the name; on a line that names several people ("Attendees: Paula
    Reyes (CFO), Ken Ito (Head of Engineering)"), only its item, or what follows this name
    up to the next one, so that one person's role is not everyone's."""
    # "Présidente – Josiane Kerbrat ; Secrétaire – Fatou Sy": items of their own, the
    # role before the name as often as after it.
    items = _ITEMS.split(folded)
    if len(items) > 1:
        folded = next(item for item in items if key in item)
    others = [k for k in keys if k != key and k in folded]
    if not others:
        return folded.replace(key, " ")
    end = folded.index(key) + len(key)
    following = [i for k in others if (i := folded.find(k, end)) != -1]
    return folded[end : min(following, default=len(folded))]


def _said(words: str, text: str) -> bool:
    return re.search(rf"(?<![\w']){re.escape(words)}(?![\w])", text) is not None


def _claims(description: str, rest: str, by_first_word: bool = True) -> bool:
    """Whether `rest` (folded, after "as") starts with the role: in full, by its first word
    when that is distinctive ("legal" for "legal counsel") and `by_first_word`, or by its
    initials ("pm" for "product manager")."""
    if _said(description, rest[: len(description) + 1]):
        return True
    head = WORD.findall(rest[:40])[:1]
    words = description.split()
    if not head or len(words) < 2:
        return False
    initials = "".join(w[0] for w in words if w not in ("of", "de", "des", "du", "the"))
    return head[0] == initials or (by_first_word and len(head[0]) >= 4 and head[0] == words[0])


def _description_hits(sentence: str, descriptions: Sequence[_Description]) -> list[_Hit]:
    """A role the speaker claims, or an agenda item announced for the next speaker; only
    when one person fits."""
    folded = fold(sentence)
    hits = []
    for m in _AS_ROLE.finditer(sentence):
        rest = fold(sentence[m.end() :])
        fits = {d.name for d in descriptions if _claims(d.words, rest, not m.group("bare"))}
        if len(fits) == 1:
            hits.append(_Hit(fits.pop(), "self", P_SELF_ROLE, "said their role"))
    if _TRANSITION.search(sentence):
        fits = {d.name for d in descriptions if d.agenda and _said(d.words, folded)}
        if len(fits) == 1:
            hits.append(_Hit(fits.pop(), "next", P_AGENDA_ITEM, "their agenda item", False))
    return hits


def _votes(
    turns: Sequence[_Turn], descriptions: Sequence[_Description] = ()
) -> tuple[list[_Vote], list[tuple[str, str]], list[str]]:
    """Every vote of the rules, the (speaker, name) pairs where a speaker addressed a
    name (so is not that person), and the names their addressee turned down."""
    votes: list[_Vote] = []
    not_self: list[tuple[str, str]] = []
    denied: list[str] = []
    # Only where the ASR writes sentence ends does a missing one mean a cut sentence.
    punctuated = sum(bool(_CLOSED.search(t.text)) for t in turns) * 2 >= len(turns)
    for i, turn in enumerate(turns):
        reply = _reply(turns, i, +1)
        prev, nxt = _neighbour(turns, i, -1), reply.label if reply is not None else None
        sentences = turn.sentences()
        found = _hits_by_sentence(sentences)
        # Whom a cut sentence addresses is unsure; a self-introduction in it still holds.
        if punctuated and i + 1 < len(turns) and _cut(turn, turns[i + 1]):
            found[-1] = [hit for hit in found[-1] if hit.target == "self"]
        if punctuated and i > 0 and _cut(turns[i - 1], turn):
            found[0] = [hit for hit in found[0] if hit.target == "self"]
        if answered := _answers_to_name(turns, i) or _gives_name(turns, i):
            name, question = answered
            p = P_SELF_FULL if len(name.split()) > 1 else P_SELF_PARTIAL
            found[0] = [*found[0], _Hit(name, "self", p, f'answered "{question}"')]
        if span := _asks_first_name(turns, i):
            name = normalize_name(span.text)
            others = [hit for hit in found[0] if hit.name != name]  # not said to anyone
            found[0] = [*others, _Hit(name, "self", P_SELF_ROLE, "asked to be called so")]
        # "Thanks, Meg. Thanks, Owen." thanks a group, not whoever spoke last.
        group = len({hit.name for hits in found for hit in hits if hit.why == THANKED}) > 1
        for sentence, hits in zip(sentences, found, strict=True):
            quote = f'"{quote_line(sentence)}" ({turn.label} at {turn.start:.1f} s)'
            for hit in hits + _description_hits(sentence, descriptions):
                if hit.target != "self" and hit.addressed:
                    not_self.append((turn.label, hit.name))
                if hit.target == "next" and _denies(reply, hit.name):
                    denied.append(hit.name)
                    continue
                if group and hit.why == THANKED:
                    continue
                for label, p in _targets(hit, turn.label, prev, nxt):
                    weight, why = -math.log(1 - p), f"{hit.why}: {quote}"
                    own = hit.target == "self"
                    votes.append(_Vote(label, hit.name, weight, why, hit.initial, own, i))
    return votes, not_self, denied


def _cut(turn: _Turn, following: _Turn) -> bool:
    """Turn ends mid-sentence and the following turn carries the sentence on."""
    return not _CLOSED.search(turn.text) and following.text[:1].islower()


def _hits_by_sentence(sentences: Sequence[str]) -> list[list[_Hit]]:
    """The rules' hits in each sentence of one turn, in order. Of several people asked
    something in one turn, the last is the one who answers: "Gareth, you can grill him
    later. Priya, you're leading today. Can you take Callum through?"; a name alone after
    "where" is a guess at the answer: "Where's that accent from, then? Glasgow?" (both
    blind set 26)."""
    hits = [
        _sentence_hits(
            s,
            k,
            len(sentences),
            all(_INTERJECTION.match(o) for o in sentences[:k]),
            _after_question(sentences[:k]),
            k + 1 < len(sentences) and _I_GO_ON.match(sentences[k + 1]) is not None,
        )
        for k, s in enumerate(sentences)
    ]
    guesses = [
        k > 0 and _WHERE.search(sentences[k - 1]) and _only_a_name(s.rstrip(" ?"))
        for k, s in enumerate(sentences)
    ]
    asked = [hit.name for found in hits for hit in found if hit.why == ASKED]
    return [
        [
            replace(hit, target="none", p=0.0)
            if hit.why == ASKED and (hit.name != asked[-1] or guess)
            else hit
            for hit in found
        ]
        for found, guess in zip(hits, guesses, strict=True)
    ]


def _after_question(before: Sequence[str]) -> bool:
    """The last sentence before, past interjections, asks something: "Can you hear me?
    Okay. This is Diane." A question further back is another matter: on blind meeting
    set 14 a chair's "Is it? Hilary, please. … This is Gill, she runs the library"
    introduced Gill, and was read as the chair's own name."""
    said = [o for o in before if not _INTERJECTION.match(o)]
    return bool(said) and said[-1].rstrip().endswith("?")


@dataclass(frozen=True)
class _Hit:
    """A name a rule found in one sentence, and whom it names: the speaker ("self"), the
    next or previous speaker, "either" of these two (greetings), or "none" (said to one
    of several people)."""

    name: str
    target: str
    p: float
    why: str
    addressed: bool = True  # said to that person, so the speaker is not them
    initial: bool = False  # one word opening the sentence, capitalised whatever it is


def _sentence_hits(
    sentence: str, k: int, n: int, opens: bool = False, asked: bool = False, then_i: bool = False
) -> list[_Hit]:
    """The rules applied to sentence k of a turn of n sentences; one hit per name said.
    `opens`: the sentences before it are only interjections ("Okay. Thanks, Dr Patel.");
    `asked`: one of them is a question ("Can you hear me? This is Diane."); `then_i`: the
    next sentence goes on in the first person ("… I cover the Borders.")."""
    hits: list[_Hit] = []
    used: set[int] = set()

    def add(span: Span | None, target: str, p: float, why: str) -> _Hit | None:
        if span is None or span.start in used:
            return None
        used.add(span.start)
        initial = len(span.words) == 1 and not WORD.search(sentence, 0, span.start)
        hits.append(_Hit(normalize_name(span.text), target, p, why, initial=initial))
        return hits[-1]

    def self_cue(end: int, this: bool = False) -> _Hit | None:
        span = take_name(sentence, end)
        if span and (
            _THIRD_PARTY_ROLE.match(sentence[span.end :])
            or this
            and _SAID_OF_THEM.search(sentence, span.end, span.end + SAID_OF_REACH)
        ):
            return add(span, "next", P_INTRODUCED, "introduced")
        p = P_SELF_FULL if span and len(span.words) > 1 else P_SELF_PARTIAL
        return add(span, "self", p, "self-introduction")

    for cue in _SELF_CUES:
        for m in cue.finditer(sentence):
            self_cue(m.end())
    # What "this is" / "it's" names yields to "I'm" in the same sentence: "This is Castle
    # Hill Radio, and I'm Priya." (blind meeting set 23).
    this_is: list[_Hit | None] = []
    for m in _COMMA_THIS_IS.finditer(sentence):
        if _only_a_name(sentence[: m.start()]):
            add(take_name(sentence, m.end()), "none", 0.0, "presented")
        elif _TO_ALL.match(sentence[: m.start()]):
            add(take_name(sentence, m.end()), "next", P_INTRODUCED, "introduced")
        else:
            this_is.append(self_cue(m.end(), this=True))
    if (m := _THIS_IS.match(sentence)) and not (
        (span := take_name(sentence, m.end())) and _CHOICE.match(sentence[span.end :])
    ):
        if not m["this"] or k == 0 or opens or asked:
            this_is.append(self_cue(m.end(), this=m["this"] is not None))
        elif span and _PRESENTED.match(sentence[span.end :]):
            add(span, "next", P_INTRODUCED, "introduced")  # else presented or the speaker
    for m in _FOR_THE_RECORD.finditer(sentence):
        span = take_name(sentence, m.end())
        if span and len(span.words) > 1 and _role_or_end(sentence[span.end :]):
            add(span, "self", P_SELF_FULL, "self-introduction")
    # "Marie Dupont, responsable des achats." / "Hi all, Peter here." opening a turn, and
    # "Tariq Mahmoud, I'm one of your county councillors." wherever it comes.
    opening = _OPENING.match(sentence).end()
    span = take_name(sentence, _LEAD_IN.match(sentence, opening).end())
    if span and (
        len(span.words) > 1
        and _I_AM.match(sentence[span.end :])
        or (k < 2 or len(span.words) > 1)
        and _is_self_role(sentence, span, greeted=opening > 0)
    ):
        add(span, "self", P_SELF_ROLE, "self-introduction")
    # "Alistair Guthrie, vehicle examiner. I cover the Borders.", "Oui. Inès Chabot. Je
    # suis un peu en avance.": a name standing alone, then the speaker goes on about
    # themselves (blind meeting sets 20-22).
    if (
        then_i
        and (span := take_name(sentence, _LEAD_IN.match(sentence).end()))
        and _stands_alone(sentence, span)
    ):
        add(span, "self", P_SELF_ROLE, "self-introduction")
    for comma in re.finditer(r",\s*", sentence):  # "…, Fiona speaking."
        span = take_name(sentence, comma.end())
        if span and (m := _SELF_SUFFIX.match(sentence[span.end :])):
            if _GREETING_ONLY.match(sentence[span.end + m.end() :]):
                add(span, "self", P_SELF_ROLE, "self-introduction")
    for cue in _HANDOVER_CUES:
        for m in cue.finditer(sentence):
            add(take_name(sentence, m.end()), "next", P_HANDOVER, "handed the floor")
    for m in _INTRODUCE_CUE.finditer(sentence):
        span = take_name(sentence, m.end())
        if span and _FOR_ME.match(sentence[span.end :]):  # "Say hello to Gwyn for me."
            add(span, "none", 0.0, "greetings sent")
        else:
            add(span, "next", P_INTRODUCED, "introduced")
    for pos in _clause_starts(sentence):
        span = take_name(sentence, pos)
        if span and _WILL_PRESENT.match(sentence[span.end :]):
            add(span, "next", P_HANDOVER, "announced to speak next")
    if m := _ITS_ME.match(sentence):  # "Bon, c'est Nathalie." — the name ends the sentence
        span = take_name(sentence, m.end())
        if span and not sentence[span.end :].strip(" .!…"):
            add(span, "self", P_SELF_ROLE, "self-introduction")
    for m in _THANKS_CUE.finditer(sentence):
        p = P_THANKS_FIRST if k == 0 or opens else P_THANKS_LATER
        add(take_name(sentence, m.end()), "prev", p, THANKED)
    for m in _GREETING_CUE.finditer(sentence):
        span = take_name(sentence, m.end())
        if span and not _followed_by_name(sentence, span):  # "Bonjour Marie et Luc": both
            add(span, "either", 0.0, "greeted")
    question = sentence.rstrip().endswith("?") or (
        _SECOND_PERSON.search(sentence) and not _FOR_YOU.search(sentence)
    )
    replies = not sentence.rstrip().endswith("?") and _HEARD_YOU.search(sentence)
    vocatives = list(_vocatives(sentence))
    # "Gil, send me the figures, and Kirsty, thank you": said to two people, the sentence
    # tells neither apart as the next speaker.
    several = len({normalize_name(span.text) for span, _ in vocatives}) > 1
    for span, at_end in vocatives:
        if several or question and len(WORD.findall(sentence, span.end)) > ADDRESS_REACH:
            add(span, "none", 0.0, "addressed")
        elif question and not (replies and WORD.search(sentence, 0, span.start)):
            p = P_ADDRESS_LAST if k == n - 1 else P_ADDRESS_INNER
            add(span, "next", p, ASKED)
        elif at_end:
            add(span, "either", 0.0, "addressed")
        elif k > 0 and not opens and len(span.words) == 1:
            # "…sorry I'm early. Calum, with two Ls…": a first name opening a sentence
            # inside a turn is said to or about someone else (blind meeting set 21).
            add(span, "none", 0.0, "addressed")
    weak = {id(hit) for hit in this_is if hit is not None}
    if any(hit.target == "self" and id(hit) not in weak for hit in hits):
        hits = [hit for hit in hits if id(hit) not in weak or hit.target != "self"]
    return hits


def _targets(hit: _Hit, speaker: str, prev: str | None, nxt: str | None) -> list[tuple[str, float]]:
    """(label, p) for the speakers a hit names."""
    if hit.target == "self":
        return [(speaker, hit.p)]
    if hit.target == "none":
        return []
    if hit.target in ("next", "prev"):
        label = nxt if hit.target == "next" else prev
        return [(label, hit.p)] if label is not None else []
    if prev == nxt or prev is None or nxt is None:  # greetings: one candidate, or two
        label = prev or nxt
        return [(label, P_GREETING_ONE)] if label is not None else []
    return [(prev, P_GREETING_SPLIT), (nxt, P_GREETING_SPLIT)]


def _stands_alone(sentence: str, span: Span) -> bool:
    """A full name ending the sentence, or followed only by a short part saying what the
    person is or where they come from ("…, vehicle examiner.", "Sunita, from Tynedale
    Homecare."); not "Tom Heslop, on leave.". It starts with a known first name."""
    after = sentence[span.end :]
    if not first_name(span.words[0]):  # "Larch Court.", "Mécagraph, pour la plieuse."
        return False
    if not after.strip(" .!…"):
        return len(span.words) > 1
    if not after.startswith(",") or sentence.rstrip().endswith("?"):
        return False
    words = [fold(w) for w in WORD.findall(after)]
    return (
        0 < len(words)
        and _says_no_more(words)
        and words[0] not in _NOT_A_ROLE
        and not _SECOND_PERSON.search(after)
        and (len(span.words) > 1 or _AFFILIATION.match(after[1:]) is not None)
    )


def _says_no_more(words: Sequence[str]) -> bool:
    """A short part after a name that says what the person is, not what anyone does."""
    return len(words) <= ROLL_CALL_WORDS and not (_ABOUT_THEM | _FIRST_PERSON) & set(words)


def _only_a_name(text: str) -> bool:
    """Whether `text` is a name and nothing else, bar a lead-in ("So, Sue")."""
    span = take_name(text, _LEAD_IN.match(text).end())
    return span is not None and not text[span.end :].strip()


def _is_self_role(sentence: str, span: Span, greeted: bool) -> bool:
    """ "Marie Dupont, responsable des achats." / "Peter here." opening a turn; after a
    greeting, a full name and a comma are enough ("Bonjour, Kevin Da Silva, je…"). A roll
    call gives a first name and a team and stops ("Paul, produit."); a newcomer gives
    where they come from ("Karim Haddad pour l'équipe data.")."""
    after = sentence[span.end :]
    if _spoken_about(sentence, span):
        return False
    if _SELF_SUFFIX_ALONE.match(after):  # "Fiona here, I can hear you fine."
        return True
    if after.rstrip().endswith("?"):
        return False
    if greeted and len(span.words) > 1 and _FROM_PLACE.match(after):
        return True  # "Bonsoir à tous, Franck Lopez du cabinet Immo Gestion, votre syndic."
    if _SECOND_PERSON.search(after):
        return False
    if _SELF_SUFFIX.match(after):
        return True
    words = [fold(w) for w in WORD.findall(after)]
    if not words:  # "Hi, Fiona McLeod." opening a turn: one greets others by first name
        return greeted and len(span.words) > 1
    short = _says_no_more(words)
    team = _TEAM.match(after) is not None  # "Go for it." is no affiliation
    if _AFFILIATION.match(after) and short and (len(span.words) > 1 or team):
        return True
    if not after.startswith(","):
        return False
    # "Julie, legal, sent …" is about Julie; "Karim, infirmier de nuit, secteur B." is a
    # roll call: each part short, and nothing said about anyone.
    parts = [[fold(w) for w in WORD.findall(part)] for part in after[1:].split(",")]
    parts = [part for part in parts if part]
    roll_call = (
        1 <= len(parts) <= 2
        and all(len(part) <= ROLL_CALL_WORDS for part in parts)
        and not (_ABOUT_THEM | _FIRST_PERSON) & set(words)
        and (len(parts) == 1 or parts[1][0] in _PLACE_WORDS)
    )
    if roll_call and (words[0] in DEPARTMENT_WORDS or words[0] in _ROLE_NOUNS):
        return True
    # "Dick Metcalfe, Cray Gill.": a person's full name, then only the place they are from
    # (every word capitalised), not what the sentence asks of them ("Camille Faure, les
    # photos du derby.").
    if (
        roll_call
        and len(span.words) > 1
        and first_name(span.words[0])
        and len(parts) == 1
        and all(w[:1].isupper() for w in WORD.findall(after))
    ):
        return True
    first_person = words[0] in _FIRST_PERSON
    return len(span.words) > 1 and (greeted or first_person or words[0] in ROLE_WORDS)


def _role_or_end(after: str) -> bool:
    """What follows a name is the end of its sentence, or a short part naming a role or a
    team ("…, site manager, chairing.")."""
    if not after.strip(" .!…"):
        return True
    if not after.lstrip().startswith((",", ":")):
        return False
    part = [fold(w) for w in WORD.findall(re.split(r"[,.;:!?]", after.lstrip()[1:])[0])]
    return (
        0 < len(part) <= ROLL_CALL_WORDS
        and any(w in _ROLE_NOUNS or w in DEPARTMENT_WORDS for w in part)
        and not _SECOND_PERSON.search(" ".join(part))
    )


def _answers_other(turns: Sequence[_Turn], i: int) -> bool:
    """Turn i follows another speaker's turn, so it may answer it."""
    return i > 0 and turns[i - 1].label != turns[i].label


def _answers_to_name(turns: Sequence[_Turn], i: int) -> tuple[str, str] | None:
    """(name, question) where turn i says "That's me." to the turn before asking "…, is
    that Gloria?" or "Who's Kayleigh?" of another speaker: the speaker answers to that
    name. A reply to "is that…?" that opens with that name, as said or put right ("Is
    that Catherine?" "Kathryn. With a K."), answers with its own spelling."""
    if not _answers_other(turns, i):
        return None
    asked = turns[i - 1].sentences()[-1:]
    for m in _IS_THAT.finditer(asked[0] if asked else ""):
        span = take_name(asked[0], m.end())
        if span is None or asked[0][span.end :].strip(" ?!.…"):
            continue
        if _THATS_ME.match(turns[i].text):
            return normalize_name(span.text), quote_line(asked[0])
        if re.match(r"\W*(?:who|qui)\b", m.group(), _I):
            continue  # "Who's Kayleigh?" "Kayleigh? She's our nurse.": not an answer
        reply = take_name(turns[i].text, _YES_NO.match(turns[i].text).end())
        if (
            reply is not None
            and _NAME_ALONE.match(turns[i].text[reply.end :])
            and sound_alike(fold(span.words[0]), fold(reply.words[0]))
            and not (len(reply.words) == 1 and everyday_word(reply.text))  # "Ready?" "Ready."
        ):
            return normalize_name(reply.text), quote_line(asked[0])
    return None


def _gives_name(turns: Sequence[_Turn], i: int) -> tuple[str, str] | None:
    """(name, question) where the turn before asked the speaker's name ("Vous êtes
    Madame... ?") and turn i opens with names alone ("Chauvigné. Odile Chauvigné."): the
    fullest of them."""
    if not _answers_other(turns, i):
        return None
    asked = _NAME_ASKED.search(turns[i - 1].text)  # "Madame... ?" is cut in two sentences
    if asked is None:
        return None
    given: list[Span] = []
    for sentence in turns[i].sentences()[:2]:
        text = sentence.rstrip(" .!…")
        span = take_name(text, _YES_NO.match(text).end())
        if span is None or text[span.end :].strip():
            break
        given.append(span)
    if not given:
        return None
    question = turns[i - 1].text[max(0, asked.start() - 40) :].lstrip()
    return normalize_name(max(given, key=lambda s: len(s.words)).text), quote_line(question)


def _asks_first_name(turns: Sequence[_Turn], i: int) -> Span | None:
    """The name in "Helen, please." / "Marcus is fine." opening turn i, when the turn
    before addressed someone by title and surname: the speaker's own first name."""
    first = turns[i].sentences()[:1]
    m = _JUST_NAME.match(first[0]) if first and i > 0 else None
    if m is None or not _TITLE_SURNAME.search(turns[i - 1].text):
        return None
    span = take_name(first[0], m.start("name"))
    return span if span is not None and span.text == m.group("name") else None


def _clause_starts(sentence: str) -> list[int]:
    """Where a name may start a clause: after the lead-in ("Alors, …"), then after each
    comma and a conjunction after it ("…, and Kirsty, thank you")."""
    return [_LEAD_IN.match(sentence).end()] + [
        c.end() for c in re.finditer(r",\s*(?:(?:and|but|et|mais)\s+)?", sentence)
    ]


def _vocatives(sentence: str) -> Iterable[tuple[Span, bool]]:
    """Names said to someone: at the start before a comma ("Luc, tu…") or a question
    ("Luc tu peux…"), between commas, or after a comma at the end ("…, Sarah ?").
    Yields (span, at_end)."""
    starts = _clause_starts(sentence)
    group = False  # "Anne, Bob, can you…": said to several people, so to no one in particular
    for pos in starts:
        span = take_name(sentence, pos)
        if span is None:
            group = False
            continue
        after = sentence[span.end :].strip()
        if pos == starts[0]:
            group = _followed_by_name(sentence, span)
            # "Listen, Dick, …", "Wagon, Dick." (blind meeting set 30): a lone word that
            # is no first name, before a name, is a word said to that person, not a list.
            if group and len(span.words) == 1 and not first_name(span.words[0]):
                group = False
                continue
        if group or _TOPIC.match(after) or _spoken_about(sentence, span):
            continue
        if after.startswith(",") or (pos == starts[0] and (_ASKS.match(after) or after == "?")):
            yield span, False
        elif not after.strip(".!?… ") and pos > 0:
            yield span, True


# "Et Fatou, elle revient quand ?": a name, then a pronoun for that person, is what the
# sentence is about (French left dislocation), not whom it is said to.
_TOPIC = re.compile(r"^,\s*(?:il|elle|lui|ils|elles|he|she|his|her|they)\b", _I)
# The same further on, before anyone is addressed: "Quentin Paillard, on l'écarte ?",
# "So, Rachel Goode, I had her at 31 out of 40."
_BACK_REFERENCE = re.compile(
    r"\b(?:she|he|her|him|elle|lui)\b|\b(?:on|je|j['’]|nous|vous|tu|il|elle|ils|elles)\s+l['’]\w",
    _I,
)


def _spoken_about(sentence: str, span: Span) -> bool:
    """Whether the words after a name refer back to that person in the third person, the
    sentence addressing no one before that ("What do you think, Sanjay, leave him out?"
    is said to Sanjay)."""
    back = _BACK_REFERENCE.search(sentence, span.end)
    second = _SECOND_PERSON.search(sentence)
    return back is not None and (second is None or second.start() > back.start())


def _followed_by_name(sentence: str, span: Span) -> bool:
    """Whether another name follows in a list: "Marie et Luc", "Anne, Bob"."""
    m = re.compile(r"\s*(?:,|\bet\b|\band\b|&)\s*", _I).match(sentence, span.end)
    return m is not None and take_name(sentence, m.end()) is not None
