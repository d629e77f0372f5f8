"""Third held-out set of meetings and questions for the search and chat evaluations;
never to be tuned on.

    python -m eval.retrieval --set heldout3
    python -m eval.chat --set heldout3

Written blind on 2026-12-04 as a third held-out set, by someone who saw neither the
system's code (the retrieval, the chat prompts, their parameters) nor any of its results,
on the development set or on the first two held-out sets (`eval.heldout`,
`eval.heldout2`); only the shapes of those modules were copied. Nothing was run on it
before it was written. Its figures stay honest only if no parameter, prompt or question
is ever changed because of them.

Six meetings (three French, three English; 97 segments) in the style of Whisper output,
speakers S0..S3, on subjects neither the development meetings nor the earlier held-out
sets are about: a town's cycling plan, a music festival's volunteer logistics, a
municipal swimming pool's summer, a ferry operator's winter timetable, an animal
shelter's operations and a ski resort's pre-season readiness. Words recur across them,
and across languages (panne / broke down, bénévoles / volunteers, subvention / grant,
navette / shuttle, sécurité / safety, formation / training, devis / quoted, horaires /
timetable, météo / weather, saisonniers / seasonal, tarif / ticket), so that queries are
not answered by one rare word.

- QUERIES (retrieval): 17 French and 16 English questions about their own language's
  meetings and 19 cross-lingual ones, each with all its relevant segments as
  "meeting:idx" (0-based, in the order of the meeting's lines).
- ANSWERABLE (chat): question, right segments as "meeting:idx", strings one of which the
  answer must hold; amounts, counts, dates and times, names, reasons and decisions.
  UNANSWERABLE: a mix of questions near what the meetings discuss whose answer is never
  given (a figure or a date nobody said), questions about people or events never
  mentioned, and questions off the corpus altogether.
"""

from __future__ import annotations

# name → (language, project, title, [(speaker, text)]), as eval.retrieval.MEETINGS
MEETINGS: dict[str, tuple[str, str, str, list[tuple[str, str]]]] = {
    "fr_pistes": (
        "fr",
        "mobilite",
        "Comité de suivi du plan vélo, ville de Belmont-sur-Loire",
        [
            (
                "S0",
                "Bonjour à tous, euh, on fait le point sur le plan vélo, on a pas mal de choses à "
                "voir ce matin.",
            ),
            (
                "S1",
                "Alors la piste cyclable du boulevard Carnot, les travaux ont pris trois semaines "
                "de retard à cause de la pluie en octobre.",
            ),
            (
                "S2",
                "Ouais, du coup l'ouverture est repoussée au 15 janvier, au lieu de, euh, fin "
                "décembre.",
            ),
            (
                "S3",
                "Les commerçants de la rue Carnot se plaignent, on supprime 42 places de "
                "stationnement sur le tronçon.",
            ),
            (
                "S0",
                "On leur a proposé le parking de la gare, il est à 300 mètres et il est gratuit "
                "la première heure.",
            ),
            ("S1", "Le budget total du plan vélo c'est 2,4 millions d'euros sur trois ans."),
            (
                "S2",
                "La région nous verse une subvention de 600 000 euros, le reste c'est la ville et "
                "l'agglo.",
            ),
            (
                "S3",
                "Pour le pont de la Loire, on a, euh, on a reçu deux devis pour la passerelle, "
                "Vélomat à 380 000 euros et Cyclostructure à 455 000.",
            ),
            ("S0", "On part sur Vélomat, mais il faut vérifier qu'ils tiennent les délais."),
            (
                "S1",
                "Les comptages montrent 1850 passages de vélos par jour sur le quai en septembre, "
                "c'est 30 % de plus que l'an dernier.",
            ),
            ("S2", "Hmm."),
            (
                "S3",
                "Côté sécurité, il y a eu deux accidents au carrefour du Marché, à chaque fois un "
                "camion qui tourne à droite.",
            ),
            (
                "S0",
                "On va installer des feux avec un temps d'avance pour les cyclistes, c'est prévu "
                "en mars.",
            ),
            (
                "S1",
                "Le service de location de vélos électriques, VéloBel, a 120 vélos et il y a une "
                "liste d'attente de deux mois.",
            ),
            (
                "S2",
                "Et les bornes de recharge de la gare sont en panne depuis la mi-novembre, le "
                "prestataire ne répond pas.",
            ),
            (
                "S3",
                "La réunion publique avec les habitants, c'est le jeudi 11 décembre à 18h30, "
                "salle Jean-Moulin.",
            ),
            ("S0", "Très bien, merci à tous, bonne journée."),
        ],
    ),
    "fr_festival": (
        "fr",
        "festival",
        "Réunion logistique bénévoles, festival Les Nuits du Port",
        [
            (
                "S0",
                "Bon, euh, on commence, c'est la réunion logistique bénévoles pour les Nuits du "
                "Port.",
            ),
            (
                "S1",
                "On a 410 bénévoles inscrits, il nous en faut à peu près 500 pour couvrir les "
                "trois jours.",
            ),
            (
                "S2",
                "Le festival c'est du vendredi 10 au dimanche 12 juillet, et le montage commence "
                "le mardi d'avant.",
            ),
            (
                "S3",
                "Il manque surtout des gens au bar et au tri des déchets, le camping bénévoles, "
                "ça, c'est complet.",
            ),
            (
                "S0",
                "Chaque bénévole fait deux créneaux de quatre heures et il a son pass trois jours "
                "gratuit.",
            ),
            (
                "S1",
                "Les repas bénévoles, c'est le traiteur Ker Délices, euh, 9 euros le repas, on en "
                "prévoit 1400 sur le week-end.",
            ),
            (
                "S2",
                "Pour les navettes, on a deux bus de la gare jusqu'au site, toutes les vingt "
                "minutes, jusqu'à 2h du matin.",
            ),
            (
                "S3",
                "Ouais, l'an dernier la dernière navette était pleine, des gens sont restés à la "
                "gare, enfin, sur le site, pardon.",
            ),
            ("S0", "On ajoute un troisième bus le samedi soir, c'est décidé."),
            (
                "S1",
                "La préfecture demande 35 agents de sécurité le samedi, la tête d'affiche attire "
                "12 000 personnes.",
            ),
            ("S2", "Le poste de secours, c'est la Croix-Rouge, ils viennent avec deux ambulances."),
            (
                "S3",
                "Les gobelets réutilisables, euh, la consigne passe à 2 euros, on avait perdu "
                "8000 gobelets l'an dernier.",
            ),
            (
                "S0",
                "Pour la formation des bénévoles, on fait une session le samedi 27 juin à la "
                "salle polyvalente.",
            ),
            (
                "S1",
                "Et Camille Le Goff reprend la coordination du bar, Julien part s'installer à "
                "Rennes.",
            ),
            (
                "S2",
                "Un dernier point, si la météo annonce de l'orage, c'est le comité de pilotage "
                "qui décide d'évacuer la grande scène.",
            ),
            ("S0", "Merci à tous, euh, prochaine réunion dans quinze jours."),
        ],
    ),
    "fr_piscine": (
        "fr",
        "piscine",
        "Réunion d'équipe du centre aquatique Aqualune, préparation de l'été",
        [
            (
                "S0",
                "Bonjour, bon, on est tous là, on parle de la saison d'été au centre aquatique.",
            ),
            (
                "S1",
                "La pompe de filtration du grand bassin est tombée en panne lundi, le bassin est "
                "fermé depuis.",
            ),
            (
                "S2",
                "Le technicien d'Hydrotec passe jeudi, la pièce coûte 6 200 euros, hors "
                "main-d'œuvre.",
            ),
            (
                "S0",
                "Euh, si c'est pas réparé pour samedi, on annule les cours d'aquagym du week-end.",
            ),
            (
                "S3",
                "Pour les maîtres-nageurs, on a recruté quatre saisonniers, il nous en faut six "
                "pour ouvrir le bassin extérieur.",
            ),
            (
                "S1",
                "Ouais, c'est la même galère que partout, le BNSSA, y a plus personne qui le "
                "passe.",
            ),
            (
                "S2",
                "On peut financer la formation BNSSA à deux jeunes du club de natation, ça coûte "
                "750 euros par personne.",
            ),
            ("S0", "D'accord, on le fait, à condition qu'ils s'engagent pour deux étés."),
            (
                "S3",
                "Les horaires d'été, on propose d'ouvrir à 7h pour les nageurs du matin et de "
                "fermer à 20h.",
            ),
            (
                "S1",
                "Le tarif adulte passe de 4,50 euros à 5 euros au 1er juin, ça a été voté par le "
                "conseil municipal.",
            ),
            ("S2", "La fréquentation a baissé de 15 % en mai, à cause du, de la météo surtout."),
            ("S0", "Hmm."),
            (
                "S3",
                "Côté sécurité, l'analyse de l'ARS a trouvé trop de chlore dans la pataugeoire "
                "mardi dernier.",
            ),
            ("S1", "On a réglé le dosage, la contre-analyse est prévue le 18 juin."),
            (
                "S2",
                "Et Sophie Marchand, la cheffe de bassin, part en congé maternité à partir du 1er "
                "juillet.",
            ),
            ("S0", "Elle sera remplacée par Karim Benali pendant l'été. Bon, merci tout le monde."),
        ],
    ),
    "en_ferry": (
        "en",
        "ferry",
        "Winter timetable planning, Northsound Ferries",
        [
            (
                "S0",
                "Okay, morning everyone, um, this is about the winter timetable, it starts "
                "November 3.",
            ),
            (
                "S1",
                "We're cutting the Harbor Point run from twelve daily sailings to eight on "
                "weekdays.",
            ),
            (
                "S2",
                "The first boat still leaves at 6:15 a.m. because of the commuters and the "
                "hospital staff.",
            ),
            ("S3", "The last sailing from the island moves from 11 p.m. to 9:30 p.m."),
            (
                "S0",
                "Yeah, the island council isn't happy about that, they, uh, they sent a letter.",
            ),
            (
                "S1",
                "The MV Kestrel goes into dry dock on January 12 for six weeks, so we run the "
                "whole route with the Osprey.",
            ),
            ("S2", "The Osprey's port engine broke down twice last month, so, uh, that's a risk."),
            ("S3", "The shipyard quoted $185,000 for the engine overhaul."),
            (
                "S0",
                "Let's do the overhaul in the spring, not before the dry dock, we can't lose two "
                "boats.",
            ),
            (
                "S1",
                "Fuel is our biggest cost, we spent $1.3 million last year and diesel is up about "
                "9%.",
            ),
            (
                "S2",
                "Adult round trip goes from $18 to $19.50, islanders keep their resident pass at "
                "$6.",
            ),
            (
                "S3",
                "Safety: the Coast Guard inspection is on December 2, and all the life rafts have "
                "to be recertified before then.",
            ),
            (
                "S0",
                "Crew training for the new evacuation chute is next Tuesday, uh, all deckhands.",
            ),
            (
                "S1",
                "When the wind is over 45 knots the captain cancels, and we post it on the app "
                "and text the subscribers.",
            ),
            ("S2", "We had 23 weather cancellations last winter, mostly in February."),
            (
                "S0",
                "Alright, thanks, Linda will send the draft timetable to the council by Friday.",
            ),
        ],
    ),
    "en_shelter": (
        "en",
        "shelter",
        "Operations meeting, Maple Grove Animal Shelter",
        [
            (
                "S0",
                "Hi everyone, thanks for coming in, um, let's go through the shelter numbers "
                "first.",
            ),
            ("S1", "We're at 96 dogs and 140 cats, capacity is 110 dogs, so we're close."),
            ("S2", "Adoptions were 212 in October, that's down from 260 in September."),
            ("S3", "The fee-waived adoption weekend is November 15 and 16, sponsored by Petworld."),
            (
                "S0",
                "We need about thirty volunteers for that weekend, mostly to walk the dogs and do "
                "the paperwork.",
            ),
            (
                "S1",
                "Volunteer orientation is every second Saturday, and, uh, we've got a backlog of "
                "45 applicants.",
            ),
            (
                "S2",
                "The clinic's X-ray machine broke down last week, we're sending cases to Dr. "
                "Patel's clinic in Lakeview.",
            ),
            ("S3", "A new digital X-ray system is quoted at $38,000."),
            (
                "S0",
                "The Hartley Foundation grant could cover half of that, the application is due "
                "January 31.",
            ),
            (
                "S1",
                "Um, the spay and neuter clinic did 85 surgeries last month, and the waiting list "
                "is three weeks.",
            ),
            (
                "S2",
                "Safety issue: a volunteer got bitten in the kennel on Sunday, she needed four "
                "stitches.",
            ),
            ("S3", "From now on no volunteer goes into the red-tag kennels alone, only staff."),
            ("S0", "Right."),
            ("S1", "Food costs are $6,200 a month, donations cover maybe a third of that."),
            (
                "S2",
                "And Tom Reyes is our new kennel manager, he starts Monday, he used to be at the "
                "county shelter.",
            ),
            ("S0", "Great, thanks everyone, see you next Thursday."),
        ],
    ),
    "en_ski": (
        "en",
        "resort",
        "Pre-season readiness meeting, Pine Ridge Mountain Resort",
        [
            ("S0", "Okay, let's get going, so, opening day is December 13 if we get the snow."),
            ("S1", "Snowmaking started Monday, we've covered about 40% of the beginner area."),
            (
                "S2",
                "The Summit chairlift failed its, uh, its load test, the gearbox has to be "
                "replaced.",
            ),
            (
                "S3",
                "The part is coming from Austria, the manufacturer says it won't arrive before "
                "December 20.",
            ),
            (
                "S0",
                "So we open with the Eagle lift and the two magic carpets, the Summit opens later.",
            ),
            (
                "S1",
                "Season passes, we sold 4,800, that's ahead of last year, the early price ended "
                "October 31.",
            ),
            ("S2", "A day ticket is $89 on weekends, $72 midweek."),
            ("S3", "We're still short of staff, we hired 160 seasonal workers and we need 200."),
            ("S0", "Um, the staff housing in town has only 90 beds, that's the real problem."),
            (
                "S1",
                "We could run a free shuttle from Millbrook, it's forty minutes away but rents "
                "are cheaper there.",
            ),
            ("S2", "A shuttle bus costs us about $400 a day with the driver."),
            ("S0", "Let's do it, two round trips a day, starting the week before opening."),
            (
                "S3",
                "Ski patrol: avalanche training is December 6 and 7, all patrollers, no "
                "exceptions.",
            ),
            (
                "S1",
                "And the ski school has a new director, Greta Lindqvist, she ran the school at "
                "Alta Vista.",
            ),
            (
                "S2",
                "Parking lot B is being repaved, so, uh, it'll be closed the first two weekends.",
            ),
            ("S0", "Okay, thanks everyone, let's hope for snow."),
        ],
    ),
}

# (group, query, relevant segments as "meeting:idx"), as eval.retrieval.QUERIES
QUERIES: list[tuple[str, str, list[str]]] = [
    # French questions, French meetings
    (
        "fr",
        "Pourquoi la piste du boulevard Carnot n'est-elle pas encore ouverte ?",
        ["fr_pistes:1", "fr_pistes:2"],
    ),
    ("fr", "Combien de places de parking disparaissent rue Carnot ?", ["fr_pistes:3"]),
    ("fr", "Quelle aide financière la région apporte-t-elle au plan vélo ?", ["fr_pistes:6"]),
    (
        "fr",
        "Quelle entreprise construira la passerelle sur la Loire ?",
        ["fr_pistes:7", "fr_pistes:8"],
    ),
    (
        "fr",
        "Que fait-on contre les accidents au carrefour du Marché ?",
        ["fr_pistes:11", "fr_pistes:12"],
    ),
    (
        "fr",
        "Quand se tient la réunion avec les habitants sur les aménagements cyclables ?",
        ["fr_pistes:15"],
    ),
    ("fr", "Combien de volontaires se sont déjà inscrits pour le festival ?", ["fr_festival:1"]),
    ("fr", "À quels postes manque-t-il du monde au festival ?", ["fr_festival:3"]),
    ("fr", "Combien coûte la restauration des bénévoles ?", ["fr_festival:5"]),
    ("fr", "Pourquoi rajoute-t-on un car le samedi soir ?", ["fr_festival:7", "fr_festival:8"]),
    ("fr", "Combien de vigiles la préfecture exige-t-elle ?", ["fr_festival:9"]),
    ("fr", "Pourquoi ne peut-on plus nager dans le grand bassin ?", ["fr_piscine:1"]),
    ("fr", "Combien coûte la pièce pour réparer la filtration ?", ["fr_piscine:2"]),
    (
        "fr",
        "Comment compte-t-on former de nouveaux surveillants de baignade ?",
        ["fr_piscine:6", "fr_piscine:7"],
    ),
    ("fr", "Quel sera le prix d'une entrée adulte à la piscine cet été ?", ["fr_piscine:9"]),
    (
        "fr",
        "Qu'a relevé le contrôle sanitaire dans le petit bassin ?",
        ["fr_piscine:12", "fr_piscine:13"],
    ),
    (
        "fr",
        "Qui assure l'intérim de la responsable des bassins ?",
        ["fr_piscine:14", "fr_piscine:15"],
    ),
    # English questions, English meetings
    ("en", "Which crossing gets fewer departures over the winter?", ["en_ferry:1"]),
    ("en", "What time does the final boat off the island leave now?", ["en_ferry:3"]),
    ("en", "Why will a single vessel cover the route in January and February?", ["en_ferry:5"]),
    (
        "en",
        "What's wrong with the Osprey and when will it be fixed?",
        ["en_ferry:6", "en_ferry:7", "en_ferry:8"],
    ),
    ("en", "How much more will a return ticket cost?", ["en_ferry:10"]),
    ("en", "At what wind speed are crossings called off?", ["en_ferry:13"]),
    ("en", "How full is the shelter right now?", ["en_shelter:1"]),
    ("en", "Did the number of pets adopted go up or down?", ["en_shelter:2"]),
    ("en", "Where do animals go for imaging while ours is out of service?", ["en_shelter:6"]),
    ("en", "Which foundation might pay for the new imaging equipment?", ["en_shelter:8"]),
    ("en", "What changed after the kennel bite incident?", ["en_shelter:10", "en_shelter:11"]),
    ("en", "Who is taking over as kennel manager?", ["en_shelter:14"]),
    ("en", "When is the resort's first day of the season?", ["en_ski:0"]),
    ("en", "Why won't the Summit lift run at opening?", ["en_ski:2", "en_ski:3", "en_ski:4"]),
    (
        "en",
        "Why is it hard to get enough seasonal staff on the mountain?",
        ["en_ski:7", "en_ski:8"],
    ),
    (
        "en",
        "What's the plan to bring workers in from Millbrook?",
        ["en_ski:9", "en_ski:10", "en_ski:11"],
    ),
    # Cross-lingual: French questions about English meetings, English about French
    (
        "cross",
        "Combien de départs par jour en semaine restera-t-il cet hiver sur la ligne ?",
        ["en_ferry:1"],
    ),
    ("cross", "Quand les garde-côtes viennent-ils inspecter le bateau ?", ["en_ferry:11"]),
    ("cross", "Combien coûte la remise en état du moteur de l'Osprey ?", ["en_ferry:7"]),
    (
        "cross",
        "Combien de traversées ont été annulées à cause du mauvais temps l'hiver dernier ?",
        ["en_ferry:14"],
    ),
    ("cross", "Quand a lieu le week-end d'adoption sans frais ?", ["en_shelter:3"]),
    ("cross", "Combien coûte la nourriture des animaux chaque mois ?", ["en_shelter:13"]),
    (
        "cross",
        "Combien de candidats bénévoles attendent leur séance d'accueil au refuge ?",
        ["en_shelter:5"],
    ),
    ("cross", "Quel est le prix d'un forfait à la journée le week-end ?", ["en_ski:6"]),
    ("cross", "Qui dirige désormais l'école de ski ?", ["en_ski:13"]),
    ("cross", "Quand a lieu la formation avalanche des pisteurs ?", ["en_ski:12"]),
    ("cross", "How much is the region contributing to the cycling plan?", ["fr_pistes:6"]),
    ("cross", "How many e-bikes does the rental service have?", ["fr_pistes:13"]),
    ("cross", "What's wrong with the charging points at the train station?", ["fr_pistes:14"]),
    ("cross", "How much has bike traffic on the quay grown?", ["fr_pistes:9"]),
    ("cross", "On which dates does the festival take place?", ["fr_festival:2"]),
    ("cross", "What's the deposit on a reusable cup now?", ["fr_festival:11"]),
    ("cross", "Who is taking over the festival bar?", ["fr_festival:13"]),
    ("cross", "What are the pool's summer opening hours?", ["fr_piscine:8"]),
    ("cross", "How much did pool attendance drop in May?", ["fr_piscine:10"]),
]

# (question, right segments as "meeting:idx", strings one of which the answer holds)
ANSWERABLE: list[tuple[str, list[str], list[str]]] = [
    (
        "Combien de places de stationnement la piste Carnot supprime-t-elle ?",
        ["fr_pistes:3"],
        ["42"],
    ),
    (
        "When will the boulevard Carnot bike lane open?",
        ["fr_pistes:2"],
        ["15 janvier", "january 15", "15 january", "january 15th", "15th of january"],
    ),
    (
        "Quelle entreprise a été choisie pour construire la passerelle ?",
        ["fr_pistes:7", "fr_pistes:8"],
        ["velomat", "vélomat"],
    ),
    ("How many bikes a day were counted on the quay in September?", ["fr_pistes:9"], ["1850"]),
    (
        "Quand a lieu la réunion publique sur le plan vélo ?",
        ["fr_pistes:15"],
        ["11 décembre", "11 decembre", "december 11", "11 december", "december 11th"],
    ),
    ("How many volunteers have signed up for Les Nuits du Port?", ["fr_festival:1"], ["410"]),
    (
        "Combien coûte un repas de bénévole au festival ?",
        ["fr_festival:5"],
        ["9 euros", "9 €", "9€", "€9", "9 eur"],
    ),
    (
        "Why is a third shuttle bus being added on Saturday night?",
        ["fr_festival:7", "fr_festival:8"],
        ["pleine", "full", "complète", "complete", "crowded", "packed", "stranded", "left behind"],
    ),
    (
        "How many security guards does the prefecture require on the Saturday?",
        ["fr_festival:9"],
        ["35"],
    ),
    (
        "Quand a lieu la formation des bénévoles du festival ?",
        ["fr_festival:12"],
        ["27 juin", "june 27", "27 june", "june 27th"],
    ),
    (
        "Pourquoi le grand bassin du centre aquatique est-il fermé ?",
        ["fr_piscine:1"],
        ["pompe", "pump", "filtration"],
    ),
    ("How much does the part for the pool's filtration pump cost?", ["fr_piscine:2"], ["6200"]),
    (
        "À combien passe l'entrée adulte à la piscine ?",
        ["fr_piscine:9"],
        ["5 euros", "5 €", "5€", "€5", "5,00", "5.00"],
    ),
    (
        "Who will stand in for Sophie Marchand this summer?",
        ["fr_piscine:14", "fr_piscine:15"],
        ["karim", "benali"],
    ),
    ("À quelle heure part le premier bateau l'hiver ?", ["en_ferry:2"], ["6h15", "6:15", "6 h 15"]),
    (
        "When does the MV Kestrel go into dry dock?",
        ["en_ferry:5"],
        ["january 12", "12 january", "12 janvier", "january 12th"],
    ),
    (
        "Quand a lieu l'inspection des garde-côtes ?",
        ["en_ferry:11"],
        ["2 décembre", "2 decembre", "december 2", "2 december", "december 2nd"],
    ),
    (
        "What was decided about the overhaul of the Osprey's engine?",
        ["en_ferry:7", "en_ferry:8"],
        ["spring", "printemps"],
    ),
    ("How many dogs is the shelter housing right now?", ["en_shelter:1"], ["96"]),
    (
        "Combien coûterait un nouvel appareil de radiographie pour le refuge ?",
        ["en_shelter:7"],
        ["38000"],
    ),
    (
        "When is the Hartley Foundation grant application due?",
        ["en_shelter:8"],
        ["january 31", "31 january", "31 janvier", "january 31st"],
    ),
    ("Qui est le nouveau responsable du chenil ?", ["en_shelter:14"], ["tom", "reyes"]),
    (
        "What rule was introduced after a volunteer was bitten?",
        ["en_shelter:10", "en_shelter:11"],
        ["alone", "seul", "staff only", "only staff"],
    ),
    (
        "Pourquoi le télésiège Summit n'ouvrira-t-il pas avec le reste de la station ?",
        ["en_ski:2", "en_ski:3"],
        [
            "gearbox",
            "boîte de vitesses",
            "boite de vitesses",
            "réducteur",
            "reducteur",
            "test de charge",
            "essai de charge",
            "load test",
            "autriche",
            "austria",
        ],
    ),
    ("How many season passes has Pine Ridge sold?", ["en_ski:5"], ["4800"]),
    ("Combien coûte un forfait journée en semaine ?", ["en_ski:6"], ["72"]),
    ("Who is the new director of the ski school?", ["en_ski:13"], ["greta", "lindqvist"]),
    ("Combien de saisonniers la station a-t-elle embauchés ?", ["en_ski:7"], ["160"]),
]

UNANSWERABLE: list[str] = [
    # near what is discussed, but the figure or date is never given
    "Combien coûte à elle seule la piste cyclable du boulevard Carnot ?",
    "Quand les bornes de recharge de la gare seront-elles réparées ?",
    "Combien de gobelets réutilisables le festival a-t-il commandés cette année ?",
    "How much does the Hydrotec technician charge for labour?",
    "Quel est le tarif enfant au centre aquatique ?",
    "How many passengers did Northsound Ferries carry last winter?",
    "Combien de chats ont été adoptés en octobre ?",
    "Quel est le prix d'un forfait saison à Pine Ridge ?",
    "How much snow fell at Pine Ridge last week?",
    # people or events never mentioned
    "Who is the headliner at Les Nuits du Port?",
    "Qui est le maire de Belmont-sur-Loire ?",
    "What did the shelter decide about opening a second location?",
    "Quand aura lieu le feu d'artifice du festival ?",
    # off the corpus altogether
    "Comment réinitialiser mon mot de passe de messagerie ?",
    "What time does the office cafeteria close?",
    "Quel est le code de la photocopieuse du deuxième étage ?",
]
