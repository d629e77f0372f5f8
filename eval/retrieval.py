"""Retrieval evaluation of the search index: recall@5 and MRR for dense, keyword and hybrid.

    python -m eval.retrieval [--set dev|heldout|...|heldout5] [--out eval/results]
                             [--rrf-k K] [--dense-weight W] [--no-ablation]

A corpus of eight meetings (four French, four English; 111 segments, written for this
evaluation in the style of Whisper output, with small talk and topics that share words
across meetings) is indexed through the production path — `segment_points`, an embedded
qdrant-edge store in a temporary directory, the configured embedding model — and 70
queries are run through `st_resources.search.search` in each mode: 26 French and 26
English queries about their own language's meetings, and 18 cross-lingual ones (French
questions about English meetings and the reverse). Queries paraphrase the segments rather
than copy them; some hinge on names and figures, where the keyword side helps.

recall@5 = share of a query's relevant segments found in the top 5 (averaged over
queries); MRR = mean of 1 / rank of the first relevant segment in the top 10 (0 if none).
Writes `retrieval.json` and `retrieval.md` into --out.

The parameters were chosen on this corpus. `--set heldout` runs the same on the meetings
and queries of `eval.heldout`, written after they were fixed and not to be tuned on, and
writes `retrieval-heldout.json` and `retrieval-heldout.md`; `--set heldout2` does the same
with `eval.heldout2`, a second held-out set written after the first had been looked at
(`retrieval-heldout2.json` and `.md`), `--set heldout3` with `eval.heldout3`, a third
written blind after the second had been looked at, and `--set heldout4` with
`eval.heldout4` (and `heldout5`), written blind.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from eval import heldout, heldout2, heldout3, heldout4, heldout5
from st_resources import search as q
from st_resources.clients.embeddings import get_embedder
from st_resources.settings import get_settings

# name → (language, project, title, [(speaker, text)])
MEETINGS: dict[str, tuple[str, str, str, list[tuple[str, str]]]] = {
    "fr_site": (
        "fr",
        "site-web",
        "Comité de pilotage refonte du site e-commerce",
        [
            ("S0", "Bonjour à tous, on commence le comité de pilotage de la refonte du site."),
            ("S1", "Côté planning, la mise en ligne de la nouvelle boutique est fixée au 15 juin."),
            (
                "S2",
                "Le prestataire Webkraft nous a envoyé un devis de 42 000 euros pour la partie paiement.",  # noqa: E501
            ),
            ("S0", "C'est au-dessus de ce qu'on avait prévu, il faudra négocier."),
            (
                "S1",
                "Les tests de charge ont montré que la page panier met six secondes à s'afficher.",
            ),
            ("S2", "On pense que ça vient des images produits qui ne sont pas compressées."),
            ("S0", "D'accord."),
            (
                "S1",
                "Pour le référencement, on garde les anciennes adresses avec des redirections permanentes.",  # noqa: E501
            ),
            ("S2", "La traduction en allemand et en italien sera confiée à une agence de Lyon."),
            ("S0", "Qui valide les textes traduits avant la mise en ligne ?"),
            ("S1", "Sophie, de l'équipe marketing, relira toutes les fiches produits."),
            ("S2", "Il faut aussi prévoir l'accessibilité, on vise la conformité RGAA niveau AA."),
            (
                "S0",
                "Le paiement en trois fois sans frais sera proposé à partir de 100 euros d'achat.",
            ),
            (
                "S1",
                "Je propose qu'on garde l'ancien site en lecture seule pendant un mois après la bascule.",  # noqa: E501
            ),
            ("S2", "Très bien, ça nous laisse une marge en cas de problème."),
            ("S0", "Prochaine réunion le mardi suivant, même heure."),
        ],
    ),
    "fr_rh": (
        "fr",
        "rh",
        "Réunion RH recrutement et télétravail",
        [
            (
                "S0",
                "Bienvenue, on va parler recrutement puis de la nouvelle charte de télétravail.",
            ),
            (
                "S1",
                "Nous avons trois postes ouverts : deux développeurs back-end et une cheffe de projet.",  # noqa: E501
            ),
            (
                "S0",
                "Les entretiens techniques se font désormais en binôme avec un développeur senior.",
            ),
            ("S1", "Le délai moyen de recrutement est passé de 45 à 60 jours."),
            ("S2", "C'est trop long, on perd des candidats qui acceptent d'autres offres."),
            ("S0", "On pourrait donner une réponse sous 48 heures après chaque entretien."),
            ("S1", "Pour le télétravail, la charte prévoit trois jours à distance par semaine."),
            ("S2", "Le mercredi reste un jour de présence obligatoire pour toute l'équipe."),
            (
                "S0",
                "Une indemnité de 30 euros par mois couvrira les frais d'internet et d'électricité.",  # noqa: E501
            ),
            (
                "S1",
                "Les nouveaux arrivants restent sur site à temps plein pendant leur première semaine.",  # noqa: E501
            ),
            ("S2", "Il faudra aussi revoir le parcours d'intégration, les retours sont mauvais."),
            (
                "S0",
                "Oui, plusieurs personnes disent ne pas avoir reçu leur ordinateur le premier jour.",  # noqa: E501
            ),
            ("S1", "Je m'engage à commander le matériel deux semaines avant chaque arrivée."),
            (
                "S2",
                "Et la formation à la sécurité informatique sera obligatoire dès le premier mois.",
            ),
            ("S0", "Parfait, on fait un point dans un mois sur ces actions."),
        ],
    ),
    "fr_usine": (
        "fr",
        "usine",
        "Point hebdomadaire usine de Grenoble",
        [
            ("S0", "Bonjour, point hebdomadaire de l'usine de Grenoble."),
            ("S1", "La ligne deux est à l'arrêt depuis lundi à cause d'une panne du compresseur."),
            ("S2", "La pièce de rechange arrive jeudi, le fournisseur Kelvatek l'a confirmé."),
            ("S0", "Quel est l'impact sur les livraisons ?"),
            ("S1", "On a environ 400 unités en retard, surtout pour le client Altaris."),
            ("S2", "On peut rattraper une partie en ajoutant une équipe de nuit ce week-end."),
            (
                "S0",
                "D'accord pour l'équipe de nuit, mais il faut l'accord des délégués du personnel.",
            ),
            ("S1", "Le taux de rebut est monté à 4 % ce mois-ci, contre 2 % habituellement."),
            (
                "S2",
                "Ça vient surtout des soudures sur les châssis, on a changé de fil la semaine dernière.",  # noqa: E501
            ),
            ("S0", "Il faut revenir à l'ancien fil le temps de comprendre."),
            ("S1", "Côté sécurité, aucun accident déclaré depuis 120 jours."),
            ("S2", "L'audit ISO 9001 est programmé pour la fin septembre."),
            ("S0", "Préparez les dossiers de traçabilité, l'auditeur les demande toujours."),
            (
                "S1",
                "Dernier point, la consommation d'électricité a baissé de 8 % grâce aux nouveaux éclairages.",  # noqa: E501
            ),
        ],
    ),
    "fr_marketing": (
        "fr",
        "marketing",
        "Budget marketing 2027",
        [
            ("S0", "On fait le point sur le budget marketing de l'année prochaine."),
            ("S1", "L'enveloppe totale proposée est de 300 000 euros, en hausse de 10 %."),
            (
                "S2",
                "La plus grosse dépense reste le salon VivaTech, environ 60 000 euros pour le stand.",  # noqa: E501
            ),
            ("S0", "Est-ce que le salon nous a vraiment rapporté des clients l'an dernier ?"),
            (
                "S1",
                "On a signé cinq contrats issus de contacts du salon, pour un total de 200 000 euros.",  # noqa: E501
            ),
            (
                "S2",
                "Je propose de réduire la publicité papier et de renforcer les campagnes sur LinkedIn.",  # noqa: E501
            ),
            ("S0", "Quel est le coût par prospect sur LinkedIn aujourd'hui ?"),
            ("S1", "Autour de 80 euros par prospect qualifié."),
            ("S2", "On voudrait aussi lancer un podcast mensuel avec nos clients."),
            ("S0", "Bonne idée, mais qui va le produire ?"),
            ("S1", "Une agence de Nantes nous a fait une offre à 2 000 euros par épisode."),
            ("S2", "Il faut aussi refaire la charte graphique, le logo date de 2015."),
            ("S0", "Je valide le principe, envoyez-moi le détail avant vendredi."),
        ],
    ),
    "en_mobile": (
        "en",
        "mobile",
        "Product roadmap mobile app v3",
        [
            ("S0", "Let's go through the roadmap for version three of the mobile app."),
            ("S1", "The biggest item is offline mode, users keep asking for it in reviews."),
            (
                "S2",
                "Offline mode means a local database and a sync engine, that's at least two sprints.",  # noqa: E501
            ),
            ("S0", "What about dark mode? It's the second most requested feature."),
            ("S1", "Dark mode is mostly design work, we can ship it in the August release."),
            ("S2", "We also need to drop support for Android 9, it's less than 3% of our users."),
            ("S0", "Fine, but announce it in the app one month before."),
            (
                "S1",
                "Push notifications are too noisy, people are uninstalling the app because of them.",  # noqa: E501
            ),
            ("S2", "Let's add a settings page where users pick which notifications they get."),
            ("S0", "The app store rating fell from 4.6 to 4.1 since the last update."),
            ("S1", "Most one-star reviews mention the login bug on iPad."),
            ("S2", "That's fixed in the hotfix we release on Thursday."),
            ("S0", "Good, and the beta testers group should get the build first."),
            ("S1", "We have about 200 beta testers signed up through TestFlight."),
        ],
    ),
    "en_incident": (
        "en",
        "payments",
        "Incident review payment outage",
        [
            ("S0", "This is the post-incident review for Saturday's payment outage."),
            ("S1", "Checkout was down for 93 minutes, between 2:10 and 3:43 pm."),
            ("S2", "The root cause was an expired TLS certificate on the payment gateway."),
            ("S0", "Why didn't our monitoring catch the certificate expiry?"),
            ("S1", "The expiry alert was sent to an old mailing list that nobody reads anymore."),
            ("S2", "We estimate we lost around $18,000 in orders."),
            ("S0", "Customer support received more than 400 tickets during the outage."),
            ("S1", "Action item one: renew certificates automatically with a 30 day margin."),
            (
                "S2",
                "Action item two: route all critical alerts to the on-call pager instead of email.",
            ),
            ("S0", "We should also add a status page so customers know we're working on it."),
            ("S1", "The rollback took too long because the runbook was out of date."),
            ("S2", "I'll update the runbook and we'll rehearse the failover next month."),
            ("S0", "Let's keep this review blameless, the process failed, not a person."),
        ],
    ),
    "en_sales": (
        "en",
        "sales",
        "Sales pipeline weekly",
        [
            ("S0", "Morning everyone, let's review the sales pipeline."),
            ("S1", "The Northwind deal is in legal review, it's worth about $240,000 a year."),
            ("S2", "Their procurement team wants a 15% discount for a three year commitment."),
            ("S0", "We can go to 10%, not more, without approval from the CFO."),
            ("S1", "Globex asked for a security questionnaire before they sign anything."),
            ("S2", "I'll get the security team to fill it in by Wednesday."),
            ("S0", "What's our forecast for the quarter?"),
            ("S1", "We're at 70% of target with three weeks left."),
            (
                "S2",
                "Two smaller deals in Germany could close this month if the translation of the contract is ready.",  # noqa: E501
            ),
            ("S0", "Let's hire a freelance translator for the German contracts then."),
            ("S1", "Also, churn in the small business segment went up after the price increase."),
            ("S2", "Several customers moved to a competitor that offers monthly billing."),
            ("S0", "Let's discuss a monthly plan with the product team next week."),
        ],
    ),
    "en_support": (
        "en",
        "support",
        "Customer support retrospective",
        [
            ("S0", "Welcome to the support retrospective for October."),
            ("S1", "The ticket backlog grew to 900 open tickets, up from 500."),
            ("S2", "Half of them are password reset requests that could be self-service."),
            ("S0", "Can we add a reset link on the login page?"),
            ("S1", "Yes, the product team said it can ship in two weeks."),
            ("S2", "Average first response time is now 11 hours, our target is 4."),
            ("S0", "We should hire two temporary agents for the holiday season."),
            ("S1", "The new chatbot answers about 20% of questions without a human."),
            ("S2", "But customers complain that it can't transfer them to a person easily."),
            ("S0", "Let's add a talk to a human button in the chatbot."),
            ("S1", "Satisfaction score dropped to 78% this month."),
            ("S2", "Weekend coverage is the weakest point, nobody answers on Sundays."),
            ("S0", "We'll set up a rotation so someone covers Sunday mornings."),
        ],
    ),
}

# (group, query, relevant segments as "meeting:idx")
QUERIES: list[tuple[str, str, list[str]]] = [
    # French questions, French meetings
    ("fr", "Quand la nouvelle boutique en ligne sera-t-elle lancée ?", ["fr_site:1"]),
    ("fr", "Combien coûte le devis de Webkraft ?", ["fr_site:2"]),
    ("fr", "Pourquoi la page panier est-elle si lente ?", ["fr_site:4", "fr_site:5"]),
    ("fr", "Que fait-on des anciennes URL pour le SEO ?", ["fr_site:7"]),
    ("fr", "Qui relit les fiches produits traduites ?", ["fr_site:10"]),
    ("fr", "Quel niveau d'accessibilité vise-t-on pour le site ?", ["fr_site:11"]),
    ("fr", "À partir de quel montant peut-on payer en plusieurs fois ?", ["fr_site:12"]),
    ("fr", "Combien de postes sont ouverts en ce moment ?", ["fr_rh:1"]),
    ("fr", "Comment se passent les entretiens techniques ?", ["fr_rh:2"]),
    ("fr", "Combien de temps faut-il pour recruter quelqu'un ?", ["fr_rh:3"]),
    ("fr", "Combien de jours de télétravail par semaine ?", ["fr_rh:6"]),
    ("fr", "Quel jour faut-il obligatoirement venir au bureau ?", ["fr_rh:7"]),
    ("fr", "Montant de l'indemnité pour les frais internet", ["fr_rh:8"]),
    ("fr", "Les nouveaux salariés n'ont pas d'ordinateur à leur arrivée", ["fr_rh:11", "fr_rh:12"]),
    ("fr", "Pourquoi la ligne deux ne tourne plus ?", ["fr_usine:1"]),
    ("fr", "Quand la pièce pour le compresseur sera-t-elle livrée ?", ["fr_usine:2"]),
    ("fr", "Combien d'unités avons-nous en retard ?", ["fr_usine:4"]),
    ("fr", "Quel est le taux de rebut ce mois-ci ?", ["fr_usine:7"]),
    ("fr", "Date de l'audit qualité ISO", ["fr_usine:11"]),
    ("fr", "Économies d'énergie réalisées à l'usine", ["fr_usine:13"]),
    ("fr", "Quel budget marketing total pour l'an prochain ?", ["fr_marketing:1"]),
    ("fr", "Combien coûte le stand au salon VivaTech ?", ["fr_marketing:2"]),
    ("fr", "Le salon nous a-t-il apporté des contrats ?", ["fr_marketing:4"]),
    ("fr", "Coût d'un prospect qualifié sur LinkedIn", ["fr_marketing:7"]),
    ("fr", "Quel est le prix d'un épisode de podcast ?", ["fr_marketing:10"]),
    ("fr", "Faut-il changer notre logo ?", ["fr_marketing:11"]),
    # English questions, English meetings
    ("en", "When will dark mode ship?", ["en_mobile:4"]),
    ("en", "How long will it take to build offline mode?", ["en_mobile:2"]),
    ("en", "Which Android version are we dropping?", ["en_mobile:5"]),
    ("en", "Why are people uninstalling the app?", ["en_mobile:7"]),
    ("en", "What happened to our app store rating?", ["en_mobile:9"]),
    ("en", "login problem on the iPad", ["en_mobile:10", "en_mobile:11"]),
    ("en", "How many beta testers do we have?", ["en_mobile:13"]),
    ("en", "How long was checkout unavailable?", ["en_incident:1"]),
    ("en", "What caused the payment outage?", ["en_incident:2"]),
    ("en", "Why did nobody notice the certificate alert?", ["en_incident:4"]),
    ("en", "How much revenue did the outage cost us?", ["en_incident:5"]),
    ("en", "automatic certificate renewal", ["en_incident:7"]),
    ("en", "Where should critical alerts be sent?", ["en_incident:8"]),
    ("en", "Why was the rollback so slow?", ["en_incident:10"]),
    ("en", "How big is the Northwind contract?", ["en_sales:1"]),
    ("en", "What discount does Northwind's procurement ask for?", ["en_sales:2"]),
    ("en", "Maximum discount without the CFO signing off", ["en_sales:3"]),
    ("en", "Globex security questionnaire", ["en_sales:4", "en_sales:5"]),
    ("en", "Where are we against the quarterly target?", ["en_sales:7"]),
    ("en", "Why are small business customers leaving?", ["en_sales:10", "en_sales:11"]),
    ("en", "How many support tickets are open?", ["en_support:1"]),
    ("en", "password reset requests", ["en_support:2", "en_support:3"]),
    ("en", "What is our first response time?", ["en_support:5"]),
    ("en", "How much does the chatbot handle on its own?", ["en_support:7"]),
    ("en", "customer satisfaction this month", ["en_support:10"]),
    ("en", "Who answers tickets on Sundays?", ["en_support:11", "en_support:12"]),
    # Cross-lingual: French questions about English meetings, English about French
    ("cross", "Quelle a été la cause de la panne de paiement ?", ["en_incident:2"]),
    ("cross", "Pendant combien de temps le paiement a-t-il été indisponible ?", ["en_incident:1"]),
    ("cross", "Quand sortira le mode sombre de l'application ?", ["en_mobile:4"]),
    ("cross", "Combien de testeurs bêta avons-nous ?", ["en_mobile:13"]),
    ("cross", "Quelle remise demande le client Northwind ?", ["en_sales:2"]),
    (
        "cross",
        "Pourquoi les petites entreprises résilient-elles leur abonnement ?",
        ["en_sales:10", "en_sales:11"],
    ),
    ("cross", "Combien de tickets de support sont ouverts ?", ["en_support:1"]),
    ("cross", "Le chatbot peut-il transférer vers un humain ?", ["en_support:8", "en_support:9"]),
    ("cross", "When does the new online shop go live?", ["fr_site:1"]),
    ("cross", "Why is the shopping cart page slow?", ["fr_site:4", "fr_site:5"]),
    ("cross", "How many remote work days per week?", ["fr_rh:6"]),
    ("cross", "Which day is office attendance mandatory?", ["fr_rh:7"]),
    ("cross", "Why is production line two stopped?", ["fr_usine:1"]),
    ("cross", "How many days without a safety accident?", ["fr_usine:10"]),
    ("cross", "What is the scrap rate this month?", ["fr_usine:7"]),
    ("cross", "How much does the VivaTech booth cost?", ["fr_marketing:2"]),
    ("cross", "Cost per qualified lead on LinkedIn", ["fr_marketing:7"]),
    ("cross", "Who will produce the customer podcast?", ["fr_marketing:10"]),
]

# --set → (meetings, queries, what the figures are worth)
SETS = {
    "dev": (
        MEETINGS,
        QUERIES,
        "The neighbourhood weight (0.4) and the fusion parameters were chosen on this same "
        "set, so these figures are optimistic; the sentences that define the language axis "
        "(`st_resources.clients.embeddings.PARALLEL`) are not from it.",
    ),
    "heldout": (
        heldout.MEETINGS,
        heldout.QUERIES,
        "Held-out set (`eval/heldout.py`): written after the neighbourhood weight (0.4) and "
        "the fusion parameters were fixed on the development set (`retrieval.md`), and not "
        "to be tuned on.",
    ),
    "heldout2": (
        heldout2.MEETINGS,
        heldout2.QUERIES,
        "Second held-out set (`eval/heldout2.py`): written after the neighbourhood weight "
        "(0.4) and the fusion parameters were fixed and after the first held-out set had been "
        "looked at, and never to be tuned on.",
    ),
    "heldout3": (
        heldout3.MEETINGS,
        heldout3.QUERIES,
        "Third held-out set (`eval/heldout3.py`): written blind, by someone who saw neither "
        "the code nor any result, after the second held-out set had been looked at; never to "
        "be tuned on.",
    ),
    "heldout4": (
        heldout4.MEETINGS,
        heldout4.QUERIES,
        "Fourth held-out set (`eval/heldout4.py`): written blind on 2026-12-05, by someone who "
        "saw neither the code nor any result; its blind run is kept in "
        "retrieval-heldout4-blind.md, and its misses then led to answering questions asked "
        "in meetings with their replies, so it is held out no longer.",
    ),
    "heldout5": (
        heldout5.MEETINGS,
        heldout5.QUERIES,
        "Fifth held-out set (`eval/heldout5.py`): written blind on 2026-12-05, by someone who "
        "saw neither the code nor any result, and first run after that day's changes; never "
        "to be tuned on.",
    ),
}
GROUPS = ("all", "fr", "en", "cross")
K_RECALL, K_MRR = 5, 10


def build_index(
    store: q.VectorStore, embedder, tenant_id: str, meetings: dict, in_context: bool = True
) -> dict[str, str]:
    """Index every meeting; returns point id → "meeting:idx"."""
    keywords = q.KeywordEncoder()
    ids: dict[str, str] = {}
    for n, (name, (language, project, title, lines)) in enumerate(meetings.items()):
        tid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"eval-retrieval/{name}"))
        info = q.TranscriptInfo(
            id=tid,
            tenant_id=tenant_id,
            title=title,
            project_id=project,
            language=language,
            created_at=datetime(2026, 10, 1 + n, 10, tzinfo=UTC),
        )
        segments = [
            q.SegmentText(idx=i, start=7.0 * i, end=7.0 * i + 6, text=text, speaker=speaker)
            for i, (speaker, text) in enumerate(lines)
        ]
        points = q.segment_points(embedder, keywords, info, segments, in_context=in_context)
        store.replace_transcript(q.SEGMENTS, tid, points)
        ids.update({p.id: f"{name}:{p.payload['segment_idx']}" for p in points})
    return ids


@contextmanager
def _variant(embedder, neutral: bool):
    """The same model without (or with) the language-neutral projection, for ablations."""
    before = embedder.neutral
    embedder.neutral = neutral
    try:
        yield embedder
    finally:
        embedder.neutral = before


def run(
    embedder, corpus: str, modes, rrf_k: int, dense_weight: float, in_context: bool = True
) -> tuple[dict, dict, float]:
    """Index the corpus (a key of SETS) in a temporary embedded store and run every query
    in `modes`."""
    meetings, queries, _ = SETS[corpus]
    tenant = str(uuid.uuid4())
    rows: dict[str, list[dict]] = {mode: [] for mode in modes}
    latencies: dict[str, list[float]] = {mode: [] for mode in modes}
    with tempfile.TemporaryDirectory(prefix="st-eval-retrieval-") as tmp:
        store = q.EdgeStore(Path(tmp))
        started = time.monotonic()
        ids = build_index(store, embedder, tenant, meetings, in_context)
        index_s = time.monotonic() - started
        flt = q.SearchFilter(tenant_id=tenant)
        for mode in modes:
            for group, query, relevant in queries:
                t0 = time.perf_counter()
                hits = q.search(
                    store,
                    embedder,
                    query,
                    flt,
                    mode=mode,
                    limit=K_MRR,
                    rrf_k=rrf_k,
                    dense_weight=dense_weight,
                )
                latencies[mode].append(1000 * (time.perf_counter() - t0))
                ranked = [ids[h.id] for h in hits]
                found = [r for r in relevant if r in ranked[:K_RECALL]]
                first = next((i + 1 for i, r in enumerate(ranked) if r in relevant), None)
                rows[mode].append(
                    {
                        "group": group,
                        "query": query,
                        "relevant": relevant,
                        "top5": ranked[:K_RECALL],
                        "recall@5": len(found) / len(relevant),
                        "rr": 1.0 / first if first else 0.0,
                    }
                )
        store.release()
    return rows, latencies, index_s


def _table(rows: list[dict]) -> dict:
    return {g: _summary([r for r in rows if g == "all" or r["group"] == g]) for g in GROUPS}


def evaluate(
    rrf_k: int = q.RRF_K,
    dense_weight: float = q.DENSE_WEIGHT,
    ablation: bool = True,
    corpus: str = "dev",
) -> dict:
    embedder = get_embedder()
    meetings, queries, _ = SETS[corpus]
    rows, latencies, index_s = run(embedder, corpus, q.MODES, rrf_k, dense_weight)
    result = {
        "embedding_model": embedder.fingerprint,
        "store": "qdrant-edge (embedded)",
        "rrf_k": rrf_k,
        "dense_weight": dense_weight,
        "corpus": {
            "meetings": len(meetings),
            "segments": sum(len(m[3]) for m in meetings.values()),
            "queries": {g: sum(1 for x in queries if g in ("all", x[0])) for g in GROUPS},
        },
        "index_s": round(index_s, 2),
        "query_ms_p50": {m: round(statistics.median(v), 1) for m, v in latencies.items()},
        "table": {mode: _table(rows[mode]) for mode in q.MODES},
        "ablation_dense": {},
        "misses": {mode: [r for r in rows[mode] if r["recall@5"] < 1.0] for mode in q.MODES},
    }
    if ablation:
        for neutral, in_context, label in (
            (False, False, "plain vectors"),
            (False, True, "+ neighbourhood mix"),
            (True, False, "+ language-neutral"),
        ):
            with _variant(embedder, neutral):
                dense_rows, _, _ = run(
                    embedder, corpus, ("dense",), rrf_k, dense_weight, in_context
                )
            result["ablation_dense"][label] = _table(dense_rows["dense"])
        result["ablation_dense"]["both (default)"] = result["table"]["dense"]
    return result


def _summary(rows: list[dict]) -> dict:
    return {
        "queries": len(rows),
        "recall@5": round(statistics.fmean(r["recall@5"] for r in rows), 3),
        "mrr": round(statistics.fmean(r["rr"] for r in rows), 3),
    }


def markdown(result: dict, corpus: str = "dev") -> str:
    t = result["table"]
    command = "python -m eval.retrieval" + ("" if corpus == "dev" else f" --set {corpus}")
    lines = [
        "# Retrieval evaluation",
        "",
        f"`{command}` — {result['corpus']['meetings']} meetings, "
        f"{result['corpus']['segments']} segments, {result['corpus']['queries']['all']} queries "
        f"({result['corpus']['queries']['fr']} French, {result['corpus']['queries']['en']} "
        f"English, {result['corpus']['queries']['cross']} cross-lingual); "
        f"model `{result['embedding_model']}`, {result['store']}, hybrid = weighted RRF "
        f"(k={result['rrf_k']}, dense weight {result['dense_weight']}).",
        "",
        "| mode | recall@5 | MRR@10 | recall@5 fr | recall@5 en | recall@5 cross | MRR cross "
        "| query p50 (ms) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for mode in ("dense", "keyword", "hybrid"):
        row = t[mode]
        lines.append(
            f"| {mode} | {row['all']['recall@5']:.3f} | {row['all']['mrr']:.3f} "
            f"| {row['fr']['recall@5']:.3f} | {row['en']['recall@5']:.3f} "
            f"| {row['cross']['recall@5']:.3f} | {row['cross']['mrr']:.3f} "
            f"| {result['query_ms_p50'][mode]} |"
        )
    if result["ablation_dense"]:
        lines += [
            "",
            "Dense side, how the index vectors are made (same model, same queries):",
            "",
            "| dense vectors | recall@5 | MRR@10 | recall@5 cross |",
            "|---|---|---|---|",
        ]
        for label, row in result["ablation_dense"].items():
            lines.append(
                f"| {label} | {row['all']['recall@5']:.3f} | {row['all']['mrr']:.3f} "
                f"| {row['cross']['recall@5']:.3f} |"
            )
    lines += ["", SETS[corpus][2]]
    lines += ["", "Queries the hybrid mode does not fully answer in its top 5:", ""]
    for r in result["misses"]["hybrid"] or []:
        lines.append(f"- ({r['group']}) {r['query']} — wanted {r['relevant']}, got {r['top5']}")
    if not result["misses"]["hybrid"]:
        lines.append("- none")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results")
    parser.add_argument("--rrf-k", type=int, default=get_settings().search_rrf_k)
    parser.add_argument("--dense-weight", type=float, default=get_settings().search_dense_weight)
    parser.add_argument("--no-ablation", action="store_true", help="skip the dense variants")
    parser.add_argument("--set", choices=SETS, default="dev", help="dev, or a held-out set")
    args = parser.parse_args(argv)
    result = evaluate(args.rrf_k, args.dense_weight, not args.no_ablation, args.set)
    name = "retrieval" if args.set == "dev" else f"retrieval-{args.set}"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    (args.out / f"{name}.md").write_text(markdown(result, args.set))
    print(markdown(result, args.set))


if __name__ == "__main__":
    main()
