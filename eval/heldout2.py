"""Second held-out set of meetings and questions for the search and chat evaluations;
never to be tuned on.

    python -m eval.retrieval --set heldout2
    python -m eval.chat --set heldout2

Written on 2026-11-25 as a second held-out set, after the chat and retrieval parameters
(the neighbourhood weight, the fusion parameters, the prompts, TOPIC_HIGH,
RELIABILITY_GUARD and the relevance floor) were fixed, and after the first held-out set
(`eval.heldout`) had been looked at; it was written without the developer seeing it,
before any run on it. Its figures stay honest only if no parameter, prompt or question
is ever changed because of them.

Six meetings (three French, three English; 91 segments) in the style of Whisper output,
speakers S0..S3, on subjects neither the development meetings nor `eval.heldout` are
about: a bakery chain's supplies, a rugby club committee, a wine cooperative's harvest, a
public library board, a theatre production and a food bank. Words recur across them, and
across languages (livraison / delivered, panne / broken, budget, subvention / grant,
bénévoles / volunteers, sécurité / safety, formation / training, devis / bid), so that
queries are not answered by one rare word.

- QUERIES (retrieval): 14 French and 14 English questions about their own language's
  meetings and 16 cross-lingual ones, each with its relevant segments as "meeting:idx".
- ANSWERABLE (chat): question, right segments as "meeting:idx", strings one of which the
  answer must hold. UNANSWERABLE: a mix of questions near what the meetings discuss whose
  answer is never given (a figure or a date nobody said), questions about people or
  events never mentioned, and questions off the corpus altogether.
"""

from __future__ import annotations

# name → (language, project, title, [(speaker, text)]), as eval.retrieval.MEETINGS
MEETINGS: dict[str, tuple[str, str, str, list[tuple[str, str]]]] = {
    "fr_boulangerie": (
        "fr",
        "boulangeries",
        "Réunion approvisionnement, boulangeries Maison Lemaire",
        [
            (
                "S0",
                "Bonjour tout le monde, on fait le point sur l'approvisionnement des neuf "
                "boutiques.",
            ),
            ("S1", "Le moulin Giraud augmente le prix de la farine de 12 % au 1er février."),
            ("S2", "Ça fait passer le sac de 25 kilos de 18 euros à un peu plus de 20 euros."),
            ("S0", "Il faut consulter un deuxième meunier, on ne peut pas dépendre d'un seul."),
            (
                "S3",
                "Pour le beurre AOP, la laiterie ne peut plus nous livrer que deux fois par "
                "semaine.",
            ),
            ("S1", "Du coup les boutiques de Nantes ont manqué de croissants samedi dernier."),
            (
                "S2",
                "Ouais, euh, et on jette encore beaucoup de pain, les invendus étaient à 9 % "
                "en janvier.",
            ),
            (
                "S0",
                "L'objectif c'était 5 %, on va ajuster les commandes du soir boutique par "
                "boutique.",
            ),
            (
                "S3",
                "L'association Pain Partagé récupère déjà les invendus de trois boutiques, on "
                "peut étendre.",
            ),
            ("S1", "Le camion frigorifique de la tournée nord est en panne depuis mardi."),
            (
                "S2",
                "On loue un camion chez Fraicar à 95 euros par jour en attendant la réparation.",
            ),
            ("S0", "D'accord."),
            (
                "S3",
                "La galette des rois a fait 4 200 ventes la première semaine, c'est un record.",
            ),
            (
                "S1",
                "Pour Pâques, la commande de chocolat chez Valrhona doit partir avant le "
                "15 février.",
            ),
            ("S0", "Merci à tous, on se revoit le premier lundi de mars."),
        ],
    ),
    "fr_rugby": (
        "fr",
        "club",
        "Comité directeur de l'US Rochefort rugby",
        [
            ("S0", "Bonsoir, on ouvre le comité directeur, merci d'être venus malgré la pluie."),
            ("S1", "On compte 318 licenciés cette saison, dont 74 à l'école de rugby."),
            (
                "S2",
                "La mairie baisse sa subvention de 8 000 euros, on passe donc à 27 000 euros.",
            ),
            (
                "S0",
                "Il va falloir trouver des sponsors, le garage Bourdin serait intéressé pour "
                "les maillots.",
            ),
            (
                "S3",
                "L'éclairage du terrain annexe est en panne, les entraînements du jeudi se "
                "font presque dans le noir.",
            ),
            (
                "S1",
                "On a reçu le devis de l'entreprise Lumitec, 14 500 euros pour passer aux "
                "projecteurs LED.",
            ),
            (
                "S2",
                "La fédération peut financer jusqu'à 40 % des équipements, il faut monter "
                "le dossier.",
            ),
            ("S0", "Ok."),
            (
                "S3",
                "Deux éducateurs doivent passer leur diplôme d'entraîneur avant septembre, la "
                "formation est à Bordeaux.",
            ),
            ("S1", "Le loto du club est fixé au samedi 22 mars, à la salle des fêtes."),
            (
                "S2",
                "Il nous faudra une vingtaine de bénévoles pour la buvette et la vente des "
                "cartons.",
            ),
            (
                "S3",
                "Côté sécurité, le défibrillateur du club-house doit être révisé, la date de "
                "contrôle est dépassée.",
            ),
            (
                "S0",
                "Les seniors sont troisièmes de leur poule, la montée se joue contre Saintes "
                "le 6 avril.",
            ),
            ("S1", "On affrète un bus pour les supporters, 15 euros l'aller-retour."),
            ("S0", "Parfait, prochaine réunion après le match. Bonne soirée."),
        ],
    ),
    "fr_vendanges": (
        "fr",
        "cooperative",
        "Réunion de préparation des vendanges, cave coopérative de Saint-Aubin",
        [
            ("S0", "Bonjour à tous, on prépare les vendanges, il fait déjà chaud ce matin."),
            (
                "S1",
                "Les prélèvements donnent 12,5 degrés potentiels sur les chardonnays, on "
                "démarre le lundi 8 septembre.",
            ),
            ("S2", "Les pinots noirs attendront encore une semaine, l'acidité est trop haute."),
            (
                "S0",
                "La grêle du 14 juillet a touché le secteur des Combes, on estime 30 % de "
                "perte là-bas.",
            ),
            ("S3", "Pour la main-d'œuvre, on a 45 saisonniers inscrits, il en faudrait 60."),
            (
                "S1",
                "Le groupement d'employeurs peut nous en envoyer une dizaine, mais pas avant "
                "le 15.",
            ),
            (
                "S2",
                "Le pressoir numéro deux a été révisé, la nouvelle membrane a été livrée et posée.",
            ),
            ("S0", "Il faudra quand même le tester à l'eau avant la première benne."),
            (
                "S3",
                "Les adhérents apportent leur vendange au quai entre 7 heures et 13 heures, "
                "pas après.",
            ),
            ("S1", "Le prix payé aux adhérents reste à 1,85 euro le kilo pour le chardonnay."),
            ("S2", "Hmm, plusieurs vignerons trouvent ça trop bas avec la grêle."),
            (
                "S0",
                "Le conseil d'administration en rediscutera en novembre, une fois les ventes "
                "connues.",
            ),
            (
                "S3",
                "Rappel sécurité : il y a du gaz carbonique dans les cuves, personne ne "
                "descend seul.",
            ),
            ("S2", "Et on refait la formation des caristes la semaine prochaine."),
            (
                "S1",
                "La fête des vendanges est prévue le dimanche 12 octobre, avec la fanfare du "
                "village.",
            ),
            ("S0", "Bon courage à tous, rendez-vous au quai de réception lundi."),
        ],
    ),
    "en_library": (
        "en",
        "library",
        "Library board meeting, Eastbrook Public Library",
        [
            ("S0", "Good evening, let's call the board meeting to order, we have a quorum."),
            ("S1", "Visits are up 11% since we extended Saturday hours to 6 pm."),
            ("S2", "But the Westside branch stays closed until May for the roof repairs."),
            ("S0", "What's the roof costing us?"),
            (
                "S1",
                "The lowest bid came from Carver Roofing at $212,000, mostly covered by the city.",
            ),
            (
                "S3",
                "The e-book budget ran out in October, hold queues are now about six weeks long.",
            ),
            (
                "S2",
                "Publishers charge us up to $60 per e-book license, and it expires after two "
                "years.",
            ),
            ("S0", "Let's move $15,000 from the print periodicals line to e-books."),
            ("S3", "The homework help program has 40 volunteers, mostly retired teachers."),
            (
                "S1",
                "Margaret Ellis is retiring as head of children's services in June, after 22 "
                "years with us.",
            ),
            ("S2", "Oh, wow."),
            ("S0", "The 3D printers in the makerspace are broken half the time, people complain."),
            (
                "S3",
                "We'll train two staff members on maintenance instead of calling the vendor "
                "every time.",
            ),
            ("S1", "Late fees were abolished in January and returns haven't dropped at all."),
            ("S0", "Good. Next meeting is March 18, same room. Thanks everyone."),
        ],
    ),
    "en_theatre": (
        "en",
        "theatre",
        "Production meeting, The Cherry Orchard at the Lyric Theatre",
        [
            (
                "S0",
                "Hi everyone, production meeting for The Cherry Orchard, we're four weeks from "
                "opening.",
            ),
            ("S1", "Opening night is October 9, previews start on the 4th."),
            ("S2", "The set is behind, the motor for the revolving stage was delivered damaged."),
            (
                "S3",
                "The supplier, Stagetech, is shipping a replacement, but not before September 20.",
            ),
            ("S0", "So we rehearse the first week in the theatre without the revolve."),
            ("S1", "Costumes are 80% done, the ball gowns for act three are the last ones."),
            ("S2", "Hannah, our lead, sprained her ankle last week, she's out for ten days."),
            ("S3", "Her understudy, Nora Kim, will cover rehearsals until she's back."),
            ("S0", "Right."),
            ("S1", "Advance ticket sales are at 3,100 seats, about 55% of the run."),
            ("S2", "Marketing wants a student discount, $12 tickets for the Thursday matinees."),
            ("S0", "Fine, but cap it at 50 seats per show."),
            (
                "S3",
                "Safety thing: the fog machine set off the fire alarm twice, we need a fire "
                "watch during tech.",
            ),
            ("S1", "Tech rehearsal is Sunday from ten to ten, so, uh, bring food."),
            ("S0", "Thanks all, let's make this one great."),
        ],
    ),
    "en_foodbank": (
        "en",
        "foodbank",
        "Volunteer coordination meeting, Riverside Food Bank",
        [
            ("S0", "Hey folks, let's get started, coffee is on the back table."),
            ("S1", "We served 1,240 households last month, that's a new record for us."),
            (
                "S2",
                "The Tuesday evening distribution is short of volunteers, we had only eight "
                "out of fifteen.",
            ),
            ("S0", "Can we ask the university's volunteer office to send students?"),
            ("S3", "I already talked to them, they'll promote it at the fair on September 3."),
            (
                "S1",
                "Our main grocery partner, FreshWay, cut donations by about a third after "
                "changing their inventory system.",
            ),
            ("S2", "So we're buying more canned goods, and the food budget is $4,500 over."),
            ("S0", "Let's apply for the county emergency food grant, the deadline is October 1."),
            ("S3", "The walk-in freezer failed on Saturday, we lost around 600 pounds of meat."),
            ("S1", "Hmm, the repair guy says the compressor is twenty years old."),
            ("S2", "A new compressor is $7,800, installation included."),
            ("S0", "We'll put that in the grant application too."),
            (
                "S3",
                "New volunteers have to do the food safety training before their first shift.",
            ),
            (
                "S1",
                "And the forklift certification for the warehouse is Thursday, three people "
                "signed up.",
            ),
            ("S0", "Thanks everyone, Daniel will send the schedule tonight."),
        ],
    ),
}

# (group, query, relevant segments as "meeting:idx"), as eval.retrieval.QUERIES
QUERIES: list[tuple[str, str, list[str]]] = [
    # French questions, French meetings
    ("fr", "De combien augmente le prix de la farine ?", ["fr_boulangerie:1"]),
    (
        "fr",
        "Pourquoi a-t-on manqué de viennoiseries à Nantes ?",
        ["fr_boulangerie:4", "fr_boulangerie:5"],
    ),
    ("fr", "Quelle part du pain reste invendue ?", ["fr_boulangerie:6"]),
    ("fr", "Qui récupère le pain qu'on ne vend pas ?", ["fr_boulangerie:8"]),
    ("fr", "Date limite pour commander le chocolat de Pâques", ["fr_boulangerie:13"]),
    ("fr", "Combien de joueurs sont inscrits au club cette saison ?", ["fr_rugby:1"]),
    ("fr", "De combien la commune réduit-elle son aide au club ?", ["fr_rugby:2"]),
    ("fr", "Combien coûte le passage de l'éclairage du terrain en LED ?", ["fr_rugby:5"]),
    ("fr", "Quand a lieu le loto ?", ["fr_rugby:9"]),
    ("fr", "Quand commence la récolte du chardonnay ?", ["fr_vendanges:1"]),
    ("fr", "Quelles vignes ont été abîmées par la grêle ?", ["fr_vendanges:3"]),
    (
        "fr",
        "A-t-on assez de saisonniers pour les vendanges ?",
        ["fr_vendanges:4", "fr_vendanges:5"],
    ),
    ("fr", "Combien la cave paie-t-elle le raisin aux vignerons ?", ["fr_vendanges:9"]),
    ("fr", "Quelles précautions prendre dans les cuves ?", ["fr_vendanges:12"]),
    # English questions, English meetings
    ("en", "How much have visits grown since the longer Saturday hours?", ["en_library:1"]),
    ("en", "Why is the Westside branch closed?", ["en_library:2"]),
    ("en", "Who put in the cheapest bid for the roof?", ["en_library:4"]),
    ("en", "How long do patrons wait for e-books?", ["en_library:5"]),
    ("en", "Who is leaving children's services?", ["en_library:9"]),
    ("en", "Did dropping overdue fines hurt returns?", ["en_library:13"]),
    ("en", "When does the play open?", ["en_theatre:1"]),
    ("en", "What's the problem with the revolving stage?", ["en_theatre:2", "en_theatre:3"]),
    ("en", "Who fills in for the injured lead actress?", ["en_theatre:6", "en_theatre:7"]),
    ("en", "How many tickets have we sold so far?", ["en_theatre:9"]),
    ("en", "How many families did the food bank serve last month?", ["en_foodbank:1"]),
    ("en", "Why did FreshWay give us less food?", ["en_foodbank:5"]),
    ("en", "What happened with the walk-in freezer?", ["en_foodbank:8"]),
    ("en", "What does a replacement compressor cost?", ["en_foodbank:10"]),
    # Cross-lingual: French questions about English meetings, English about French
    ("cross", "Combien de bénévoles manquaient le mardi soir ?", ["en_foodbank:2"]),
    (
        "cross",
        "Quelle est la date limite pour la subvention alimentaire du comté ?",
        ["en_foodbank:7"],
    ),
    ("cross", "Quelle quantité de viande a été perdue ?", ["en_foodbank:8"]),
    ("cross", "Quand a lieu la première de la pièce ?", ["en_theatre:1"]),
    ("cross", "Quel tarif pour les étudiants au théâtre ?", ["en_theatre:10"]),
    ("cross", "Combien coûte une licence de livre numérique ?", ["en_library:6"]),
    (
        "cross",
        "Que faire des imprimantes 3D qui tombent en panne ?",
        ["en_library:11", "en_library:12"],
    ),
    ("cross", "Qui s'occupe de l'aide aux devoirs à la bibliothèque ?", ["en_library:8"]),
    ("cross", "How much is the price of flour going up?", ["fr_boulangerie:1"]),
    ("cross", "How many king cakes were sold in the first week?", ["fr_boulangerie:12"]),
    ("cross", "What does the replacement refrigerated truck cost per day?", ["fr_boulangerie:10"]),
    ("cross", "By how much is the town cutting the rugby club's grant?", ["fr_rugby:2"]),
    ("cross", "How much can the federation pay towards equipment?", ["fr_rugby:6"]),
    ("cross", "How much is the supporters' bus ticket?", ["fr_rugby:13"]),
    ("cross", "When is the harvest festival?", ["fr_vendanges:14"]),
    ("cross", "How many seasonal pickers are signed up for the harvest?", ["fr_vendanges:4"]),
]

# (question, right segments as "meeting:idx", strings one of which the answer holds)
ANSWERABLE: list[tuple[str, list[str], list[str]]] = [
    ("De combien le moulin Giraud augmente-t-il sa farine ?", ["fr_boulangerie:1"], ["12"]),
    (
        "What share of the bread went unsold in January?",
        ["fr_boulangerie:6"],
        ["9 %", "9%", "9 percent", "9 pour"],
    ),
    ("Combien coûte la location du camion chez Fraicar ?", ["fr_boulangerie:10"], ["95"]),
    (
        "Avant quelle date faut-il passer la commande de chocolat pour Pâques ?",
        ["fr_boulangerie:13"],
        ["15 février", "february 15", "15 february"],
    ),
    ("How many licensed players does the rugby club have this season?", ["fr_rugby:1"], ["318"]),
    ("À combien sera la subvention de la mairie pour le club ?", ["fr_rugby:2"], ["27000"]),
    ("Quel est le montant du devis Lumitec ?", ["fr_rugby:5"], ["14500"]),
    (
        "When is the rugby club's lotto night?",
        ["fr_rugby:9"],
        ["22 mars", "march 22", "22 march", "22nd"],
    ),
    (
        "Quand commencent les vendanges des chardonnays ?",
        ["fr_vendanges:1"],
        ["8 septembre", "september 8", "8 september"],
    ),
    ("How much of the crop in the Combes sector did the hail destroy?", ["fr_vendanges:3"], ["30"]),
    (
        "Combien la coopérative paie-t-elle le kilo de chardonnay ?",
        ["fr_vendanges:9"],
        ["1,85", "1.85"],
    ),
    ("Who gave the lowest bid for the library roof?", ["en_library:4"], ["carver"]),
    ("How much do publishers charge for one e-book license?", ["en_library:6"], ["60"]),
    (
        "Qui part à la retraite à la bibliothèque en juin ?",
        ["en_library:9"],
        ["margaret", "ellis"],
    ),
    (
        "When is opening night for The Cherry Orchard?",
        ["en_theatre:1"],
        ["october 9", "9 october", "9 octobre", "october 9th"],
    ),
    ("Who's covering rehearsals while Hannah is out?", ["en_theatre:7"], ["nora", "kim"]),
    ("Combien de places ont déjà été vendues pour la pièce ?", ["en_theatre:9"], ["3100"]),
    ("How many households did Riverside Food Bank serve last month?", ["en_foodbank:1"], ["1240"]),
    (
        "What's the deadline for the county emergency food grant?",
        ["en_foodbank:7"],
        ["october 1", "1 october", "1er octobre", "1 octobre", "october 1st"],
    ),
    ("Combien coûte un nouveau compresseur pour la chambre froide ?", ["en_foodbank:10"], ["7800"]),
]

UNANSWERABLE: list[str] = [
    # near what is discussed, but the figure or date is never given
    "Combien coûte le sac de farine chez l'autre meunier ?",
    "Quand le camion frigorifique de la tournée nord sera-t-il réparé ?",
    "How much is the city paying toward the library roof?",
    "Quel prix les adhérents touchent-ils pour le pinot noir ?",
    "What does a regular adult ticket for The Cherry Orchard cost?",
    "How much was the meat lost in the freezer failure worth?",
    # people or events never mentioned
    "Qui est le nouveau trésorier de l'US Rochefort ?",
    "Who is directing The Cherry Orchard?",
    "What did the library board decide about the new bookmobile?",
    "Quand aura lieu l'assemblée générale de la cave coopérative ?",
    # off the corpus altogether
    "What's the password for the guest Wi-Fi?",
    "Combien de jours de congés payés me reste-t-il cette année ?",
    "How do I book a meeting room for next Tuesday?",
    "Quel est le numéro du support informatique ?",
]
