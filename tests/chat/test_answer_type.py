"""The answer type a question asks for, and whether evidence holds one (fr and en)."""

import pytest

from st_resources.chat.answer_type import expected_type, holds


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How much will the new printers cost?", "money"),
        ("How much did we pay the caterer?", "money"),
        ("What is the monthly rent of the new office?", "money"),
        ("Combien coûte l'abonnement annuel ?", "money"),
        ("Quel est le montant du devis ?", "money"),
        ("How many people signed up for the workshop?", "count"),
        ("Combien de candidats ont été retenus ?", "count"),
        ("When does the audit start?", "time"),
        ("Quand est-ce que le chantier reprend ?", "time"),
        ("Combien de temps faut-il pour livrer ?", "time"),
        ("How long will the migration take?", "time"),
        ("Who is in charge of the supplier contract?", None),
        ("Pourquoi le site est-il lent ?", None),
        ("Which vendor did we choose?", None),
        ("How much time do we have left?", None),
        ("What is the error rate of the new model?", None),
    ],
)
def test_expected_type(question, kind):
    assert expected_type(question) == kind


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Le devis est de 42 000 euros pour la partie paiement.", "money", True),
        ("They quoted $1,200 per month.", "money", True),
        ("That's roughly 40k on top of the plan.", "money", True),
        ("Ça coûte vingt euros par personne.", "money", True),
        ("The caterer needs three more days.", "money", False),
        ("The reagent budget is already 20% over for the year.", "money", True),
        ("Les charges augmentent de huit pour cent.", "money", True),
        ("Nous avons reçu 64 candidatures.", "count", True),
        ("Twelve people passed the first interview.", "count", True),
        ("Aucun client ne s'est plaint.", "count", True),
        ("Everyone agreed.", "count", False),
        ("On reprend le chantier lundi matin.", "time", True),
        ("The audit starts on 3 March.", "time", True),
        ("Livraison prévue en 2027.", "time", True),
        ("It takes about two weeks.", "time", True),
        ("We chose the blue design.", "time", False),
    ],
)
def test_holds(text, kind, expected):
    assert holds(text, kind) is expected
