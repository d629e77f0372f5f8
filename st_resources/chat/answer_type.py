"""What kind of answer a question asks for, and whether a text holds one (French, English).

Classic question answering checks the answer type before trusting an answer. A small
model asked "how much does X cost?" over snippets that only give X's date answers with
the date, and that answer is faithful to its snippet, so a support score cannot see the
problem; the question's type can: no amount in the evidence, no answer to a "how much".
Only types that can be recognised reliably by their surface are checked: an amount of
money, a count, a date or time. Other questions ("who", "why", "which") pass.
"""

from __future__ import annotations

import re
from typing import Literal

from st_resources.text import plain

AnswerType = Literal["money", "count", "time"]


_MONEY_VERBS = (
    r"cost|costs|costing|pay|pays|paid|paying|charge|charges|charged|spend|spends|spent|"
    r"earn|earns|earned|price|priced|worth|budget|budgeted|raise|raised|save|saved|"
    r"coute|coutera|coutent|couteront|coutait|paie|paye|payes|payer|payera|paient|"
    r"facture|factures|facturer|depense|depenses|depenser|gagne|gagnent|economise|"
    r"finance|financent|rapporte|rapportera"
)
_MONEY_NOUNS = (
    r"price|cost|costs|budget|amount|fee|fees|salary|salaries|rent|bill|invoice|"
    r"prix|cout|couts|budget|montant|tarif|tarifs|salaire|salaires|loyer|facture|devis"
)
_MONEY_QUESTION = re.compile(
    rf"\b(?:how much\b.*\b(?:{_MONEY_VERBS}|money|dollars|euros)\b"
    rf"|combien\b.*\b(?:{_MONEY_VERBS}|d'argent|euros|dollars)\b"
    rf"|(?:what|which) (?:is|was|will be|are|were) the (?:\w+ )?(?:{_MONEY_NOUNS})\b"
    rf"|quel(?:le)?s? (?:est|sont|etait|sera) (?:le|la|les|l') ?(?:\w+ )?(?:{_MONEY_NOUNS})\b)"
)
_COUNT_QUESTION = re.compile(r"\b(?:how many|combien de|combien d'|combien y a)")
_TIME_QUESTION = re.compile(
    r"\b(?:when|by when|until when|what time|what date|which day|which date|how long"
    r"|quand|a quelle heure|quelle date|quel jour|jusqu'a quand|a partir de quand"
    r"|depuis quand|combien de temps|pendant combien)\b"
)

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|dozen|half|"
    r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|"
    r"quarante|cinquante|cent|cents|mille|million|millions|douzaine|moitie"
)
_NUMBER = rf"(?:\d+(?:[.,\s]\d+)*|\b(?:{_NUMBER_WORDS})\b)"
_CURRENCY = r"(?:€|\$|£|euros?|eur\b|dollars?|usd\b|pounds?|francs?|chf\b|k€|keur\b)"
# A share answers "by how much" as well as a sum does ("the budget is 20 % over").
_HAS_MONEY = re.compile(
    rf"{_CURRENCY}\s*{_NUMBER}|{_NUMBER}\s*(?:k|m|mille|million)?\s*{_CURRENCY}|\b\d+\s*k\b"
    rf"|{_NUMBER}\s*(?:%|percent|per cent|pour ?cent)"
)
_HAS_COUNT = re.compile(rf"{_NUMBER}|\b(?:none|nobody|no one|aucun|aucune|zero)\b")
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
)
_DAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
_RELATIVE = (
    r"today|tomorrow|yesterday|tonight|weekend|week|month|year|quarter|morning|afternoon|"
    r"evening|noon|midnight|soon|now|later|before|after|until|during|end of|next|last|"
    r"aujourd'hui|demain|hier|ce soir|semaine|mois|annee|trimestre|matin|apres-midi|soir|"
    r"midi|minuit|bientot|maintenant|plus tard|avant|apres|jusqu|pendant|fin|prochain|"
    r"prochaine|dernier|derniere|rentree|vacances|holidays?"
)
_HAS_TIME = re.compile(
    rf"\b(?:{_MONTHS}|{_DAYS}|{_RELATIVE})\b|\b\d{{1,2}}\s*(?:h|:)\s*\d{{0,2}}\b"
    rf"|\b(?:19|20)\d{{2}}\b|{_NUMBER}\s*(?:days?|weeks?|months?|years?|hours?|minutes?"
    rf"|jours?|semaines?|mois|ans|annees?|heures?)\b"
)


def expected_type(question: str) -> AnswerType | None:
    """The type a question's answer must have, when its wording says so clearly."""
    folded = plain(question)
    if _MONEY_QUESTION.search(folded):
        return "money"
    if _TIME_QUESTION.search(folded):
        return "time"
    if _COUNT_QUESTION.search(folded):
        return "count"
    return None


def holds(text: str, kind: AnswerType) -> bool:
    """Whether `text` contains an answer of that type."""
    folded = plain(text)
    pattern = {"money": _HAS_MONEY, "count": _HAS_COUNT, "time": _HAS_TIME}[kind]
    return pattern.search(folded) is not None
