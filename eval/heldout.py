"""Held-out meetings and questions for the search and chat evaluations; not to be tuned on.

    python -m eval.retrieval --set heldout
    python -m eval.chat --set heldout

The figures of `eval.retrieval` and `eval.chat` on their own sets are optimistic: the
neighbourhood weight, the fusion parameters, the prompts, TOPIC_HIGH, RELIABILITY_GUARD
and the relevance floor were chosen on them. This set was written on 2026-11-25, after
all of these were fixed, and before any run on it; its figures stay honest only if no
parameter, prompt or question is changed because of them.

Six meetings (three French, three English; 85 segments) in the style of Whisper output,
speakers S0..S3, on subjects no development meeting is about: a hospital ward rota, a
school board, a construction site, a contract review, a podcast's production and a
research lab. Words recur across them, and across languages (planning, retard, budget,
sécurité / safety, formation / training, contrat / contract, livraison / delivered, six
semaines / six weeks), so that queries are not answered by one rare word.

- QUERIES (retrieval): 16 French and 16 English questions about their own language's
  meetings and 16 cross-lingual ones, each with its relevant segments as "meeting:idx".
- ANSWERABLE (chat): question, right segments as "meeting:idx", strings one of which the
  answer must hold. UNANSWERABLE: questions near what the meetings discuss whose answer
  is never given (a figure, a name or a date nobody said).
"""

from __future__ import annotations

# name → (language, project, title, [(speaker, text)]), as eval.retrieval.MEETINGS
MEETINGS: dict[str, tuple[str, str, str, list[tuple[str, str]]]] = {
    "fr_hopital": (
        "fr",
        "hopital",
        "Réunion de service cardiologie, planning des gardes",
        [
            ("S0", "Bonjour à tous, merci d'être là, on fait le point sur le planning du service."),
            (
                "S1",
                "Pour juillet, il nous manque encore quatre infirmières sur les gardes de nuit.",
            ),
            (
                "S2",
                "L'agence d'intérim Médiplus peut envoyer deux personnes, à 48 euros de l'heure.",
            ),
            ("S0", "C'est cher, mais on n'a pas vraiment le choix pour l'été."),
            (
                "S3",
                "Le docteur Marchand est en congé du 8 au 29 juillet, le docteur Haddad "
                "assurera ses astreintes.",
            ),
            ("S1", "On a eu trois arrêts maladie la semaine dernière, l'équipe est épuisée."),
            (
                "S2",
                "Je propose de passer les gardes de 12 heures à 10 heures pour souffler un peu.",
            ),
            ("S0", "Il faut d'abord l'avis du syndicat et de la médecine du travail."),
            ("S3", "Côté lits, on en fermera 6 sur 28 du 5 au 26 août, faute de personnel."),
            ("S1", "Les urgences nous envoient déjà des patients en surnombre le week-end."),
            (
                "S2",
                "La formation aux nouveaux pousse-seringues est prévue le jeudi 12 juin, "
                "en deux sessions.",
            ),
            ("S0", "Ok, c'est noté."),
            ("S3", "Dernière chose, le logiciel de prescription change le 1er septembre."),
            ("S0", "Merci, on se revoit dans quinze jours pour valider le planning définitif."),
        ],
    ),
    "fr_ecole": (
        "fr",
        "ecole",
        "Conseil d'école du deuxième trimestre, école Jules-Ferry",
        [
            ("S0", "Bonsoir à tous, j'ouvre le conseil d'école du deuxième trimestre."),
            (
                "S1",
                "Les effectifs pour la rentrée prochaine sont de 212 élèves, soit 15 de moins "
                "que cette année.",
            ),
            ("S0", "L'inspection envisage donc de fermer une classe de CE1."),
            ("S2", "Les parents d'élèves ont lancé une pétition, elle a déjà 340 signatures."),
            ("S3", "À la cantine, le prix du repas passe de 3,20 euros à 3,45 euros en septembre."),
            ("S2", "Beaucoup de familles trouvent les portions trop petites, surtout en CM2."),
            ("S1", "Le prestataire Restaupôle viendra présenter ses menus au prochain conseil."),
            (
                "S0",
                "La classe de découverte à la montagne aura lieu du 14 au 18 mars, pour les "
                "deux classes de CM1.",
            ),
            ("S3", "La mairie finance 60 % du séjour, il reste environ 150 euros par famille."),
            ("S2", "Pour les familles en difficulté, l'association des parents peut aider."),
            ("S1", "Les travaux de la cour de récréation commencent pendant les vacances d'avril."),
            ("S0", "On remplace le bitume par un sol souple et on plante six arbres."),
            (
                "S3",
                "Monsieur Perrin, le maître des CM2, part à la retraite en juin après 31 ans "
                "dans l'école.",
            ),
            ("S2", "On pourrait lui organiser une petite fête, euh, pendant la kermesse."),
            ("S0", "Bonne idée. La kermesse est fixée au samedi 27 juin. Merci, bonne soirée."),
        ],
    ),
    "fr_chantier": (
        "fr",
        "chantier",
        "Réunion de chantier n°14, résidence Les Tilleuls",
        [
            ("S0", "Bonjour messieurs dames, réunion de chantier numéro 14, on commence."),
            (
                "S1",
                "Le gros œuvre du bâtiment B est fini, la dernière dalle a été coulée vendredi.",
            ),
            ("S2", "Par contre le bâtiment A a trois semaines de retard à cause des intempéries."),
            ("S0", "Ça repousse la livraison des logements ?"),
            (
                "S1",
                "Si on ne rattrape rien, la livraison passe du 30 septembre au 21 octobre.",
            ),
            (
                "S3",
                "Le maître d'ouvrage applique 1 500 euros de pénalités par jour de retard, "
                "c'est dans le contrat.",
            ),
            ("S2", "On peut ajouter une deuxième équipe de coffreurs le samedi pour rattraper."),
            ("S0", "La grue est démontée le 15 juillet, il faut avoir fini les levages avant."),
            (
                "S3",
                "Côté sécurité, l'inspecteur a vu mardi deux ouvriers sans harnais sur "
                "l'échafaudage.",
            ),
            ("S0", "C'est inacceptable, je veux un quart d'heure sécurité tous les lundis matin."),
            ("S1", "Le sous-traitant électricité, Voltéa, signale une pénurie de câbles."),
            ("S2", "Ils annoncent six semaines de délai sur les tableaux électriques."),
            (
                "S3",
                "L'architecte, madame Nguyen, passera jeudi pour valider les échantillons de "
                "carrelage.",
            ),
            ("S0", "Très bien, prochaine réunion mercredi à 8 heures, sur place."),
        ],
    ),
    "en_contract": (
        "en",
        "legal",
        "Contract review Harbor Logistics master services agreement",
        [
            ("S0", "Okay, thanks for joining, today we review the Harbor Logistics agreement."),
            ("S1", "The draft caps our liability at 12 months of fees, about $1.8 million."),
            ("S2", "Their lawyers want uncapped liability for data breaches, we can't accept it."),
            ("S0", "Let's offer three times the annual fees for data protection claims instead."),
            ("S1", "Payment terms are net 90 in their draft, we normally require net 30."),
            ("S3", "Hmm, we could meet them at net 45 if they accept the price indexation clause."),
            (
                "S2",
                "The termination clause lets them walk away with 30 days notice, without cause.",
            ),
            ("S0", "We need six months notice at least, we're hiring 14 people for this contract."),
            ("S1", "It renews automatically every two years unless one side objects in writing."),
            ("S3", "They insist our subcontractors in Poland are listed in an annex."),
            ("S2", "Right."),
            ("S0", "Who's handling the redlines?"),
            (
                "S3",
                "Rebecca Stone from our legal team, she'll send the marked-up version by Friday.",
            ),
            ("S1", "And signature is targeted for March 31, before their fiscal year ends."),
        ],
    ),
    "en_podcast": (
        "en",
        "podcast",
        "Podcast production sync, Open Ledger season two",
        [
            ("S0", "Hey everyone, quick production sync for season two of Open Ledger."),
            ("S1", "We've recorded six of the ten episodes, the rest are booked for May."),
            ("S2", "The interview with Dr. Amara Osei got cancelled, she's travelling until June."),
            ("S0", "Can we move her to the season finale instead?"),
            ("S1", "Yeah, I'll email her this week."),
            ("S3", "Downloads are up, episode three hit 48,000 listens in its first week."),
            ("S2", "Our sponsor, Brightwave Bank, wants two ad reads per episode instead of one."),
            ("S0", "One mid-roll is fine, two is too much for a 30 minute show."),
            ("S3", "Editing is the bottleneck, Liam spends about nine hours per episode on audio."),
            ("S1", "We could hire a freelance editor at around $400 an episode."),
            (
                "S2",
                "Remote guests sound terrible, we should send them a USB microphone before "
                "recording.",
            ),
            ("S0", "Good idea, budget $50 per mic."),
            ("S3", "The season one transcripts for accessibility are still missing on the site."),
            ("S0", "Let's fix that before the season two launch on April 8."),
        ],
    ),
    "en_lab": (
        "en",
        "lab",
        "Structural biology lab group meeting",
        [
            ("S0", "Morning all, let's do updates first, then the grant."),
            ("S1", "The cryo-EM microscope is booked solid, we only got 36 hours in November."),
            ("S2", "My protein samples keep aggregating after two days at four degrees."),
            (
                "S0",
                "Try adding glycerol to the buffer, that worked for Tom's constructs last year.",
            ),
            (
                "S3",
                "The ERC grant renewal is due on January 15 and the budget section isn't "
                "written yet.",
            ),
            ("S0", "We're asking for 1.5 million euros over five years, mostly two postdocs."),
            ("S1", "Our transporter paper got a major revision from Nature Communications."),
            ("S2", "Reviewer two wants an extra mutant experiment, that's six weeks of work."),
            (
                "S3",
                "The new minus eighty freezer is delivered Tuesday, we need to clear the corridor.",
            ),
            ("S1", "Cool."),
            ("S0", "Also, everyone must redo the chemical safety training before the month ends."),
            ("S2", "Priya is presenting at the Gordon conference in Barcelona in July."),
            ("S3", "The reagent budget is already 20% over for the year."),
            ("S0", "Then we postpone the pipetting robot until the grant comes through."),
        ],
    ),
}

# (group, query, relevant segments as "meeting:idx"), as eval.retrieval.QUERIES
QUERIES: list[tuple[str, str, list[str]]] = [
    # French questions, French meetings
    ("fr", "Combien d'infirmières manque-t-il pour les nuits cet été ?", ["fr_hopital:1"]),
    ("fr", "Quel est le tarif horaire des intérimaires ?", ["fr_hopital:2"]),
    ("fr", "Qui prend les astreintes de Marchand pendant ses vacances ?", ["fr_hopital:4"]),
    ("fr", "Faut-il raccourcir la durée des gardes ?", ["fr_hopital:6"]),
    ("fr", "Combien de lits ferment cet été ?", ["fr_hopital:8"]),
    ("fr", "Date de la formation au nouveau matériel de perfusion", ["fr_hopital:10"]),
    ("fr", "Combien d'enfants attend-on à la rentrée ?", ["fr_ecole:1"]),
    ("fr", "Une classe risque-t-elle de disparaître ?", ["fr_ecole:2"]),
    ("fr", "Combien coûtera le déjeuner à la cantine ?", ["fr_ecole:4"]),
    ("fr", "Reste à charge des familles pour le séjour à la neige", ["fr_ecole:8"]),
    ("fr", "Que va-t-on changer dans la cour ?", ["fr_ecole:10", "fr_ecole:11"]),
    ("fr", "Quel enseignant s'en va en fin d'année ?", ["fr_ecole:12"]),
    ("fr", "Pourquoi le bâtiment A a-t-il pris du retard ?", ["fr_chantier:2"]),
    ("fr", "Combien coûte chaque jour de retard de livraison ?", ["fr_chantier:5"]),
    ("fr", "Ouvriers sans protection contre les chutes", ["fr_chantier:8", "fr_chantier:9"]),
    ("fr", "Problème d'approvisionnement chez l'électricien", ["fr_chantier:10", "fr_chantier:11"]),
    # English questions, English meetings
    ("en", "What is our liability limited to in the draft?", ["en_contract:1"]),
    (
        "en",
        "What do Harbor's lawyers ask for on data breaches?",
        ["en_contract:2", "en_contract:3"],
    ),
    ("en", "How quickly do they want to pay our invoices?", ["en_contract:4", "en_contract:5"]),
    ("en", "How much notice to end the agreement?", ["en_contract:6", "en_contract:7"]),
    ("en", "Which lawyer is doing the contract edits?", ["en_contract:12"]),
    ("en", "When should the deal be signed?", ["en_contract:13"]),
    ("en", "How many episodes are already in the can?", ["en_podcast:1"]),
    ("en", "Why was the Osei interview dropped?", ["en_podcast:2"]),
    ("en", "How did episode three perform?", ["en_podcast:5"]),
    ("en", "What does the bank sponsor want?", ["en_podcast:6"]),
    ("en", "How long does audio post-production take?", ["en_podcast:8"]),
    ("en", "How much microscope time did we get?", ["en_lab:1"]),
    ("en", "Why are the protein samples clumping?", ["en_lab:2", "en_lab:3"]),
    ("en", "When is the funding renewal deadline?", ["en_lab:4"]),
    ("en", "What did the journal reviewers ask for?", ["en_lab:6", "en_lab:7"]),
    ("en", "Who is giving a talk in Spain?", ["en_lab:11"]),
    # Cross-lingual: French questions about English meetings, English about French
    ("cross", "Quel plafond de responsabilité dans le contrat Harbor ?", ["en_contract:1"]),
    ("cross", "Quel délai de paiement demande le client ?", ["en_contract:4", "en_contract:5"]),
    ("cross", "Quand le contrat doit-il être signé ?", ["en_contract:13"]),
    ("cross", "Combien d'écoutes pour le troisième épisode ?", ["en_podcast:5"]),
    ("cross", "Combien coûterait un monteur indépendant ?", ["en_podcast:9"]),
    ("cross", "Comment améliorer le son des invités à distance ?", ["en_podcast:10"]),
    ("cross", "Combien d'heures de microscope a-t-on obtenues ?", ["en_lab:1"]),
    ("cross", "Quelle somme demande-t-on pour le renouvellement de la subvention ?", ["en_lab:5"]),
    ("cross", "Quand le nouveau congélateur arrive-t-il ?", ["en_lab:8"]),
    ("cross", "How many nurses are missing for night shifts?", ["fr_hopital:1"]),
    ("cross", "Who covers for Dr Marchand while he is on leave?", ["fr_hopital:4"]),
    ("cross", "How many pupils are expected next school year?", ["fr_ecole:1"]),
    ("cross", "What will a school lunch cost from September?", ["fr_ecole:4"]),
    ("cross", "What is the daily penalty for late handover of the flats?", ["fr_chantier:5"]),
    ("cross", "When will the crane be taken down?", ["fr_chantier:7"]),
    ("cross", "Which electrical subcontractor is short of cables?", ["fr_chantier:10"]),
]

# (question, right segments as "meeting:idx", strings one of which the answer holds)
ANSWERABLE: list[tuple[str, list[str], list[str]]] = [
    ("How much does the temp agency charge per hour for nurses?", ["fr_hopital:2"], ["48"]),
    ("Qui remplace le docteur Marchand en juillet ?", ["fr_hopital:4"], ["haddad"]),
    (
        "Combien de lits seront fermés en août ?",
        ["fr_hopital:8"],
        ["6 lits", "six lits", "6 sur", "six sur"],
    ),
    ("Combien coûtera un repas à la cantine à la rentrée ?", ["fr_ecole:4"], ["3,45", "3.45"]),
    ("How much will each family pay for the mountain trip?", ["fr_ecole:8"], ["150"]),
    ("Quand a lieu la kermesse de l'école ?", ["fr_ecole:14"], ["27 juin", "june 27"]),
    ("De combien de semaines le bâtiment A est-il en retard ?", ["fr_chantier:2"], ["trois", "3"]),
    ("What penalty applies per day of delay on the Tilleuls site?", ["fr_chantier:5"], ["1500"]),
    (
        "What liability cap does the Harbor Logistics draft set?",
        ["en_contract:1"],
        ["1.8", "12 months", "twelve months"],
    ),
    ("Who will send the marked-up Harbor contract?", ["en_contract:12"], ["rebecca", "stone"]),
    (
        "Quand la signature du contrat Harbor est-elle prévue ?",
        ["en_contract:13"],
        ["31 mars", "march 31", "31 march"],
    ),
    ("How many listens did episode three get in its first week?", ["en_podcast:5"], ["48000"]),
    ("How much would a freelance editor cost per episode?", ["en_podcast:9"], ["400"]),
    (
        "When does season two of Open Ledger launch?",
        ["en_podcast:13"],
        ["april 8", "8 april", "8 avril"],
    ),
    (
        "Quand faut-il déposer le renouvellement de la subvention ERC ?",
        ["en_lab:4"],
        ["15 janvier", "january 15", "15 january"],
    ),
    ("How many hours on the cryo-EM microscope did the lab get?", ["en_lab:1"], ["36"]),
    ("Où Priya présente-t-elle ses travaux en juillet ?", ["en_lab:11"], ["barcelon", "gordon"]),
    ("By how much is the lab's reagent budget over?", ["en_lab:12"], ["20"]),
]

UNANSWERABLE: list[str] = [
    "How much is Liam paid per episode for the editing?",
    "Combien coûte le nouveau logiciel de prescription ?",
    "How many signatures does the parents' petition need to be taken into account?",
    "Quel est le budget des travaux de la cour de récréation ?",
    "How much is Brightwave Bank paying for the sponsorship?",
    "Combien de logements compte la résidence Les Tilleuls ?",
    "Which court has jurisdiction under the Harbor Logistics agreement?",
    "When is the revised transporter paper due back at the journal?",
    "Qui va remplacer Monsieur Perrin à la rentrée ?",
    "How many postdocs currently work in the lab?",
    "Combien d'heures supplémentaires les infirmières ont-elles faites en mai ?",
    "Which microphone model will be sent to the remote guests?",
]
