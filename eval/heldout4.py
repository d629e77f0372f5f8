"""Fourth held-out set of meetings and questions for the search and chat evaluations;
never to be tuned on.

    python -m eval.retrieval --set heldout4
    python -m eval.chat --set heldout4

Written blind on 2026-12-05 as a fourth held-out set, by someone who saw neither the
system's code (the retrieval, the chat prompts, their parameters) nor any of its results,
on the development set or on the first three held-out sets (`eval.heldout`,
`eval.heldout2`, `eval.heldout3`); only the shapes of those modules were copied, and
their subjects avoided. Nothing was run on it before it was written. Its figures stay
honest only if no parameter, prompt or question is ever changed because of them.

Six meetings (three French, three English; 108 segments) in the style of Whisper output,
speakers S0..S3, on subjects neither the development meetings nor the earlier held-out
sets are about: a residential building's co-owners' general meeting, a volunteer fire
station's monthly meeting, a municipal museum preparing a temporary exhibition, an
accounting software company's support desk, a city half marathon's organising committee
and a community garden's members' meeting. Words recur across them, and across
languages (panne / broken, devis / quote, retard / late, formation / training,
sécurité / safety, bénévoles / volunteers, subvention / grant, assurance / insurance,
fournisseur / supplier, livraison / delivers), so that queries are not answered by one
rare word. The meetings hold questions answered in the next turn by another speaker,
corrections ("à partir du 12 mars, euh non, du 19 mars"), a figure next to a similar figure for
something else, and decisions stated indirectly.

- QUERIES (retrieval): 18 French and 17 English questions about their own language's
  meetings and 19 cross-lingual ones, each with all its relevant segments as
  "meeting:idx" (0-based, in the order of the meeting's lines).
- ANSWERABLE (chat): 40 questions (13 of them cross-lingual) with their right segments
  as "meeting:idx" and strings one of which the answer must hold; amounts, counts, dates
  and times, names, reasons and decisions. Where the answer replies to a question asked
  in the meeting, the right segment is the reply.
- UNANSWERABLE: 23 questions, French and English: 13 near what the meetings discuss whose
  answer is never given (a figure or a date nobody said), 5 about people or events never
  mentioned, and 5 off the corpus altogether.
"""

from __future__ import annotations

# name → (language, project, title, [(speaker, text)]), as eval.retrieval.MEETINGS
MEETINGS: dict[str, tuple[str, str, str, list[tuple[str, str]]]] = {
    "fr_copro": (
        "fr",
        "copropriete",
        "Assemblée générale des copropriétaires, résidence Le Clos des Érables",
        [
            (
                "S0",
                "Bon, euh, bonsoir à tous, on ouvre l'assemblée générale, le quorum est atteint, "
                "on a 38 copropriétaires sur 52 présents ou représentés.",
            ),
            (
                "S1",
                "Premier point, l'ascenseur du bâtiment C, il est tombé en panne quatre fois "
                "depuis septembre, la dernière fois deux personnes sont restées bloquées quarante "
                "minutes.",
            ),
            ("S2", "Et ça coûte combien de le moderniser, enfin, de le remplacer ?"),
            (
                "S1",
                "On a deux devis, Ascenseurs Rhône à 68 000 euros et Otilift à 74 500, mais chez "
                "Otilift la première année d'entretien est comprise.",
            ),
            (
                "S3",
                "Moi je préfère payer un peu plus et avoir l'entretien compris, franchement, "
                "l'entretien ça coûte une fortune.",
            ),
            (
                "S0",
                "Bon, personne n'est contre ? Non ? Bon, on part avec ceux qui font l'entretien, "
                "c'est noté au procès-verbal.",
            ),
            (
                "S2",
                "Les travaux ça dure combien de temps ? Parce que moi j'habite au sixième, hein.",
            ),
            (
                "S1",
                "Six semaines, à partir du 12 mars, euh non, du 19 mars, le 12 c'est la date de "
                "la commande.",
            ),
            (
                "S3",
                "Pour le ravalement de la façade côté rue, on avait voté 210 000 euros l'an "
                "dernier, et la ville nous donne une subvention de 18 000.",
            ),
            (
                "S1",
                "L'échafaudage sera monté en mai, donc les balcons côté rue seront pas "
                "accessibles pendant à peu près deux mois.",
            ),
            (
                "S2",
                "Le gardien, monsieur Da Silva, part à la retraite fin juin, il faut savoir si on "
                "le remplace ou si on prend une société de nettoyage.",
            ),
            (
                "S0",
                "La société Net'Clair propose 1 450 euros par mois, alors qu'un gardien à plein "
                "temps ça revient à peu près à 2 900 euros charges comprises.",
            ),
            (
                "S3",
                "Ouais mais un gardien il sort les poubelles, il réceptionne les colis, il "
                "connaît tout le monde, c'est pas pareil.",
            ),
            (
                "S0",
                "On tranchera à l'AG extraordinaire de septembre, il nous faut d'autres devis "
                "d'ici là.",
            ),
            (
                "S1",
                "Côté sécurité, les extincteurs du parking n'ont pas été vérifiés depuis deux "
                "ans, le contrôle est prévu le 3 avril.",
            ),
            (
                "S2",
                "Et les vélos abandonnés dans le local du sous-sol, on en fait quoi ? Y en a une "
                "trentaine.",
            ),
            (
                "S3",
                "On met une étiquette, et ceux qui sont pas réclamés au bout d'un mois, on les "
                "donne à l'association Roue Libre.",
            ),
            (
                "S1",
                "Les charges vont augmenter d'environ 8 % l'an prochain, surtout à cause du "
                "chauffage, le gaz est plus cher.",
            ),
            (
                "S0",
                "Bon, merci à tous, euh, le procès-verbal vous sera envoyé sous trois semaines.",
            ),
        ],
    ),
    "fr_pompiers": (
        "fr",
        "pompiers",
        "Réunion mensuelle du centre d'incendie et de secours de Montferrand-le-Bas",
        [
            ("S0", "Bon, on y va, réunion mensuelle du centre, euh, le café est au fond."),
            (
                "S1",
                "En octobre on a fait 64 interventions, dont 41 secours à personne et seulement "
                "6 feux.",
            ),
            (
                "S2",
                "C'est 10 de plus que l'an dernier à la même période, surtout des accidents sur "
                "la départementale.",
            ),
            ("S0", "Et le nouveau VSAV, l'ambulance, elle arrive quand ?"),
            (
                "S3",
                "Le carrossier devait la livrer fin novembre, là ils annoncent le 21 janvier, "
                "ils ont un retard sur les châssis.",
            ),
            (
                "S1",
                "En attendant le vieux VSAV a 280 000 kilomètres, il a encore calé deux fois en "
                "intervention ce mois-ci.",
            ),
            (
                "S2",
                "Côté effectifs, on est 31 volontaires, mais en semaine, la journée, on arrive "
                "souvent à 3 au lieu de 4 pour faire partir un engin.",
            ),
            (
                "S0",
                "Il faudrait des conventions avec les employeurs du coin, pour qu'ils libèrent "
                "leurs salariés quand le bip sonne.",
            ),
            (
                "S3",
                "La scierie Morel a dit oui pour deux de ses gars, la mairie, euh, elle réfléchit "
                "encore.",
            ),
            (
                "S1",
                "La formation secourisme, le PSE2, c'est le samedi 8 et le dimanche 9 février à "
                "Villeneuve, on a 6 places.",
            ),
            (
                "S2",
                "Et les deux nouvelles recrues, Léa et Mathis, ont fini leur formation initiale, "
                "ils peuvent partir en intervention dès lundi.",
            ),
            (
                "S0",
                "Sécurité, un collègue s'est bloqué le dos en portant un brancard dans un "
                "escalier, on refait une séance sur les techniques de portage.",
            ),
            (
                "S3",
                "La tournée des calendriers a commencé, on en est à 5 200 euros, l'an dernier on "
                "avait fini à 8 700.",
            ),
            ("S1", "Et cette année l'argent des calendriers, il sert à quoi ?"),
            (
                "S0",
                "La moitié pour l'amicale, et avec le reste on achète une caméra thermique, ça "
                "coûte dans les 4 000 euros.",
            ),
            (
                "S2",
                "Le camion-citerne a raté le contrôle technique, c'est les freins, le garage "
                "Perret le répare pour 2 300 euros.",
            ),
            (
                "S3",
                "La Sainte-Barbe c'est le samedi 6 décembre, à la salle des fêtes, avec la "
                "remise des médailles.",
            ),
            ("S0", "Bon, c'est tout, merci, et, euh, restez prudents sur la route."),
        ],
    ),
    "fr_musee": (
        "fr",
        "musee",
        "Comité de préparation de l'exposition Rivages, musée municipal de Valcourt",
        [
            (
                "S0",
                "Bonjour à tous, euh, on fait le point sur l'expo Rivages, on est à, quoi, dix "
                "semaines du vernissage.",
            ),
            (
                "S1",
                "Le vernissage c'est le jeudi 5 mars à 18h30, et l'ouverture au public le "
                "lendemain matin.",
            ),
            (
                "S2",
                "Sur les 72 œuvres prévues, on a 65 prêts confirmés, il en manque 7, dont les 4 "
                "du musée de Rouen.",
            ),
            ("S0", "Et Rouen, c'est quoi le problème exactement ?"),
            (
                "S2",
                "Ils exigent un convoyeur qui accompagne les tableaux, et une vitrine climatisée "
                "pour le pastel de Boudin.",
            ),
            (
                "S3",
                "Pour l'assurance clou à clou, on a une offre à 23 000 euros, pour une valeur "
                "totale des œuvres de 11 millions.",
            ),
            (
                "S1",
                "Le transport c'est Artrans, leur devis est monté à 31 000 euros, le premier "
                "était à 27 000, ils ont ajouté les caisses climatiques.",
            ),
            (
                "S0",
                "Bon, sans les caisses Rouen nous prête rien, donc, euh, envoie-leur le bon de "
                "commande.",
            ),
            (
                "S2",
                "La scénographie, les peintres arrivent le 9 février, euh non, pardon, le 2 "
                "février, le 9 c'est le début de l'accrochage.",
            ),
            (
                "S3",
                "Le catalogue, l'imprimeur a du retard sur le papier, il sera pas prêt pour le "
                "vernissage, plutôt mi-mars.",
            ),
            ("S1", "On en tire combien, du catalogue ?"),
            (
                "S3",
                "1 500 exemplaires, vendus 29 euros, et le petit journal gratuit de l'expo on en "
                "imprime 10 000.",
            ),
            (
                "S0",
                "Côté médiation, la médiatrice a déjà 48 classes inscrites pour les visites "
                "scolaires.",
            ),
            (
                "S2",
                "Faudra former les agents d'accueil à l'alarme des nouvelles vitrines, c'est "
                "prévu le 26 février.",
            ),
            (
                "S1",
                "Le plein tarif de l'expo passe à 8 euros, et il y aura un tarif réduit pour les "
                "étudiants et les demandeurs d'emploi.",
            ),
            (
                "S3",
                "Pour la sécurité, l'assureur exige un agent de nuit supplémentaire pendant "
                "toute l'expo.",
            ),
            ("S0", "Elle ferme toujours le 31 mai, l'expo ?"),
            (
                "S2",
                "Non, on l'a prolongée jusqu'au 14 juin, la mairie a validé la semaine dernière.",
            ),
            ("S0", "Très bien, merci à tous, on se revoit mardi prochain."),
        ],
    ),
    "en_support": (
        "en",
        "support",
        "Weekly support desk review, Tallybook accounting software",
        [
            ("S0", "Okay, hi all, um, weekly support review, let's start with the queue."),
            (
                "S1",
                "We closed 1,420 tickets last week and opened 1,610, so the backlog is up to "
                "about 930.",
            ),
            (
                "S2",
                "Most of the new ones are about the bank feed sync, it's been broken since "
                "Tuesday's update.",
            ),
            ("S0", "Is engineering on it? Do we have a date for the fix?"),
            (
                "S3",
                "They say it ships Thursday in version 4.2.1, uh, not 4.2, sorry, 4.2 is the one "
                "that broke it.",
            ),
            (
                "S1",
                "Average first response time is 9 hours right now, the SLA target is 4 hours.",
            ),
            (
                "S2",
                "For premium customers the target is 2 hours, and we're hitting that about 93% "
                "of the time.",
            ),
            (
                "S0",
                "Okay, um, two people come off the phone line and do email until the backlog's "
                "under 300.",
            ),
            ("S3", "Customer satisfaction fell to 78%, it was 86% in October."),
            (
                "S1",
                "A lot of the bad ratings mention the chatbot, it keeps sending people to the "
                "wrong help articles.",
            ),
            ("S2", "Can we just switch the chatbot off?"),
            (
                "S0",
                "Not off, but it should hand over to a human after two failed answers, I'll ask "
                "the vendor, Helpwise.",
            ),
            (
                "S3",
                "Training, the three new agents finish onboarding Friday, and they start on live "
                "tickets Monday.",
            ),
            (
                "S1",
                "And everyone does the payroll module training on January 8, because of the tax "
                "year changes.",
            ),
            (
                "S2",
                "Holiday cover, we need two people on December 24 and three on the 26th, the "
                "25th we're closed.",
            ),
            (
                "S0",
                "Dana and Marcus already volunteered for the 24th, so we just need people for "
                "the 26th.",
            ),
            (
                "S3",
                "One more, Brookfield Dental in Ohio is threatening to cancel, their ticket's "
                "been open for three weeks.",
            ),
            ("S0", "Escalate that one to me, I'll call them today. Okay, thanks everyone."),
        ],
    ),
    "en_marathon": (
        "en",
        "race",
        "Organizing committee meeting, Riverton Half Marathon",
        [
            ("S0", "Alright, let's start, so, race day is April 26, we're, uh, eleven weeks out."),
            (
                "S1",
                "Registrations are at 3,850, the cap is 5,000, and last year we sold out by "
                "mid-March.",
            ),
            (
                "S2",
                "The early bird price was $55, it's $70 now, and it goes up to $85 on March 1.",
            ),
            (
                "S3",
                "The city permit came through, but the police want the bridge reopened by "
                "11:30, not noon.",
            ),
            ("S0", "So what does that mean for the slower runners?"),
            (
                "S3",
                "The sweep bus picks up anyone who's not past mile 10 by 11, and we start at 8, "
                "so it's basically a three hour cutoff.",
            ),
            (
                "S1",
                "The medals are the problem, the supplier in Shenzhen says they'll be late, "
                "maybe April 20.",
            ),
            (
                "S2",
                "That's six days before the race, it's way too tight, what if customs holds them?",
            ),
            ("S0", "Let's, uh, get a quote from the engraver downtown, just in case."),
            (
                "S1",
                "We need 320 volunteers, we have 190 signed up, the water stations are the "
                "biggest gap.",
            ),
            (
                "S2",
                "There are eight water stations, two of them with sports drinks, and each one "
                "needs about 15 people.",
            ),
            (
                "S3",
                "Medical, St. Luke's is sending two ambulances and we'll have twelve first aid "
                "volunteers on the course.",
            ),
            (
                "S0",
                "Last year a runner collapsed near the finish, so we're adding a defibrillator "
                "at mile 12.",
            ),
            (
                "S1",
                "The charity partner this year is the Riverton Literacy Project, we promised "
                "them $5 from every registration.",
            ),
            (
                "S2",
                "Sponsors, Cedar Valley Credit Union is in for $12,000, we're still waiting to "
                "hear from the running store.",
            ),
            (
                "S3",
                "Beginner training runs start Saturday February 7, every Saturday at 8 at the "
                "boathouse.",
            ),
            ("S0", "Great, I'll send the minutes tonight, thanks all."),
        ],
    ),
    "en_garden": (
        "en",
        "garden",
        "Spring members' meeting, Elm Street Community Garden",
        [
            (
                "S0",
                "Okay, welcome everyone, um, this is the spring members' meeting, thanks for "
                "coming out in the rain.",
            ),
            (
                "S1",
                "We have 64 plots, they're all taken, and there are 27 people on the waiting list.",
            ),
            ("S2", "How long is the wait right now, roughly?"),
            ("S1", "About two years, uh, a bit less if people don't renew."),
            (
                "S3",
                "Plot fees go from $40 to $45 a year, because the water bill was $2,300 last "
                "summer, up from $1,700.",
            ),
            ("S0", "Seniors and students stay at the old rate, so, uh, $40 for them."),
            (
                "S2",
                "The tool shed was broken into in March, they took both lawnmowers and the "
                "wheelbarrows.",
            ),
            ("S3", "The insurance paid $900, but, uh, the mowers alone cost more than that."),
            (
                "S0",
                "We're putting a combination lock on the shed, the code only goes out by email "
                "to members.",
            ),
            (
                "S1",
                "The city delivers the free compost on May 3, and the wood chips the week after.",
            ),
            ("S2", "Who's running the composting workshop this year?"),
            (
                "S3",
                "Rosa Delgado, she's a master gardener, it's for 15 people, uh, no, 12, the "
                "greenhouse is small.",
            ),
            (
                "S0",
                "Safety, kids under 12 have to be with an adult near the rain barrels, we had a "
                "scare last year.",
            ),
            (
                "S1",
                "For the raised beds for wheelchair users, we got a $3,500 grant from the Parks "
                "Department, and the carpentry class at Lincoln High will build them.",
            ),
            (
                "S2",
                "Work day is Saturday May 17, and remember everyone owes four volunteer hours "
                "per season.",
            ),
            (
                "S3",
                "The plant sale made $1,150 last year, it all went into seeds and the new hoses.",
            ),
            ("S0", "Alright, thanks everyone, see you on the work day."),
        ],
    ),
}

# (group, query, relevant segments as "meeting:idx"), as eval.retrieval.QUERIES
QUERIES: list[tuple[str, str, list[str]]] = [
    # French questions, French meetings
    ("fr", "Combien de fois l'ascenseur est-il tombé en panne ?", ["fr_copro:1"]),
    ("fr", "Quels prix ont été proposés pour moderniser l'ascenseur ?", ["fr_copro:3"]),
    (
        "fr",
        "Quelle entreprise va refaire l'ascenseur ?",
        ["fr_copro:3", "fr_copro:4", "fr_copro:5"],
    ),
    ("fr", "Combien de temps l'ascenseur sera-t-il à l'arrêt pour le chantier ?", ["fr_copro:7"]),
    (
        "fr",
        "Que va-t-on faire pour le poste de concierge après son départ ?",
        ["fr_copro:10", "fr_copro:11", "fr_copro:12", "fr_copro:13"],
    ),
    ("fr", "Quand les extincteurs seront-ils vérifiés ?", ["fr_copro:14"]),
    (
        "fr",
        "Que deviennent les bicyclettes abandonnées à la cave ?",
        ["fr_copro:15", "fr_copro:16"],
    ),
    ("fr", "Pourquoi les charges de copropriété augmentent-elles ?", ["fr_copro:17"]),
    ("fr", "Combien de sorties les pompiers ont-ils faites le mois dernier ?", ["fr_pompiers:1"]),
    ("fr", "Quand la nouvelle ambulance sera-t-elle livrée ?", ["fr_pompiers:4"]),
    (
        "fr",
        "Pourquoi a-t-on du mal à constituer un équipage en journée ?",
        ["fr_pompiers:6", "fr_pompiers:7"],
    ),
    (
        "fr",
        "Quels employeurs acceptent de laisser partir leurs salariés en intervention ?",
        ["fr_pompiers:7", "fr_pompiers:8"],
    ),
    ("fr", "À quoi servira l'argent de la vente des calendriers ?", ["fr_pompiers:14"]),
    ("fr", "Combien coûte la remise en état des freins du camion-citerne ?", ["fr_pompiers:15"]),
    ("fr", "Pourquoi manque-t-il des tableaux prêtés par Rouen ?", ["fr_musee:2", "fr_musee:4"]),
    ("fr", "Combien coûte l'acheminement des œuvres ?", ["fr_musee:6"]),
    ("fr", "Le catalogue sera-t-il prêt pour l'inauguration ?", ["fr_musee:9"]),
    ("fr", "Jusqu'à quelle date peut-on voir l'exposition ?", ["fr_musee:17"]),
    # English questions, English meetings
    ("en", "How big is the ticket backlog right now?", ["en_support:1"]),
    ("en", "What's behind the spike in new tickets?", ["en_support:2"]),
    ("en", "When will the bank sync problem be fixed?", ["en_support:4"]),
    ("en", "How long do customers wait for a first reply?", ["en_support:5", "en_support:6"]),
    ("en", "What's the plan to bring the backlog down?", ["en_support:7"]),
    ("en", "Why are satisfaction scores dropping?", ["en_support:8", "en_support:9"]),
    ("en", "Who is covering Christmas Eve?", ["en_support:14", "en_support:15"]),
    ("en", "Which client might cancel their subscription?", ["en_support:16"]),
    ("en", "How many runners have signed up so far?", ["en_marathon:1"]),
    ("en", "What's the time limit to finish the course?", ["en_marathon:5"]),
    (
        "en",
        "Why might the finisher medals not arrive in time?",
        ["en_marathon:6", "en_marathon:7"],
    ),
    ("en", "How many more volunteers does the race need?", ["en_marathon:9"]),
    (
        "en",
        "What medical support will be on the course?",
        ["en_marathon:11", "en_marathon:12"],
    ),
    ("en", "How long is the wait to get a garden plot?", ["en_garden:3"]),
    ("en", "Why are the plot fees going up?", ["en_garden:4"]),
    ("en", "What was taken in the shed break-in?", ["en_garden:6"]),
    ("en", "Who is teaching the composting workshop?", ["en_garden:11"]),
    # Cross-lingual: French questions about English meetings, English about French
    ("cross", "Combien coûte désormais l'inscription au semi-marathon ?", ["en_marathon:2"]),
    ("cross", "Quand a lieu la course à Riverton ?", ["en_marathon:0"]),
    (
        "cross",
        "Combien verse la banque coopérative qui sponsorise la course ?",
        ["en_marathon:14"],
    ),
    ("cross", "Quelle association caritative la course soutient-elle ?", ["en_marathon:13"]),
    ("cross", "Quand a lieu la formation sur le module de paie ?", ["en_support:13"]),
    ("cross", "Que va-t-on changer au robot conversationnel du support ?", ["en_support:11"]),
    (
        "cross",
        "Combien de nouveaux agents commencent à traiter des tickets lundi ?",
        ["en_support:12"],
    ),
    ("cross", "Combien de parcelles compte le jardin partagé ?", ["en_garden:1"]),
    ("cross", "Quand a lieu la journée de travail collective au jardin ?", ["en_garden:14"]),
    (
        "cross",
        "Qui finance les bacs surélevés pour les personnes en fauteuil ?",
        ["en_garden:13"],
    ),
    ("cross", "How many owners attended the general assembly?", ["fr_copro:0"]),
    ("cross", "How much is the city contributing to the facade renovation?", ["fr_copro:8"]),
    (
        "cross",
        "When will the scaffolding go up, and what happens to the balconies?",
        ["fr_copro:9"],
    ),
    ("cross", "When is the firefighters' Saint Barbara celebration?", ["fr_pompiers:16"]),
    ("cross", "Which recruits can now go out on calls?", ["fr_pompiers:10"]),
    (
        "cross",
        "How many school classes have booked guided tours at the museum?",
        ["fr_musee:12"],
    ),
    ("cross", "When is the exhibition's opening reception?", ["fr_musee:1"]),
    (
        "cross",
        "What does the insurer require for security during the exhibition?",
        ["fr_musee:15"],
    ),
    ("cross", "When do the painters start work on the exhibition?", ["fr_musee:8"]),
]

# (question, right segments as "meeting:idx", strings one of which the answer holds)
ANSWERABLE: list[tuple[str, list[str], list[str]]] = [
    (
        "Combien de copropriétaires étaient présents ou représentés à l'assemblée ?",
        ["fr_copro:0"],
        ["38"],
    ),
    (
        "How many times has the building C lift broken down since September?",
        ["fr_copro:1"],
        ["quatre fois", "4 fois", "four times", "4 times"],
    ),
    (
        "Quel ascensoriste la copropriété a-t-elle choisi ?",
        ["fr_copro:3", "fr_copro:5"],
        ["otilift"],
    ),
    (
        "Quand commencent les travaux de l'ascenseur ?",
        ["fr_copro:7"],
        ["19 mars", "march 19", "19 march", "march 19th"],
    ),
    ("What does the cleaning company Net'Clair charge per month?", ["fr_copro:11"], ["1450"]),
    (
        "Qu'a-t-on décidé pour le remplacement du gardien ?",
        ["fr_copro:13"],
        ["septembre", "september", "extraordinaire", "extraordinary"],
    ),
    (
        "De combien les charges vont-elles augmenter l'an prochain ?",
        ["fr_copro:17"],
        ["8 %", "8%", "8 pour", "8 percent", "huit"],
    ),
    (
        "How many interventions did the fire station carry out in October?",
        ["fr_pompiers:1"],
        ["64"],
    ),
    (
        "Quand le nouveau VSAV doit-il être livré ?",
        ["fr_pompiers:4"],
        ["21 janvier", "january 21", "21 january", "january 21st"],
    ),
    ("Combien de volontaires compte le centre de secours ?", ["fr_pompiers:6"], ["31"]),
    (
        "Quelle entreprise accepte de libérer ses salariés pour les interventions ?",
        ["fr_pompiers:8"],
        ["morel"],
    ),
    (
        "What will this year's calendar money be spent on?",
        ["fr_pompiers:14"],
        ["caméra", "camera", "thermique", "thermal"],
    ),
    ("Combien coûte la réparation du camion-citerne ?", ["fr_pompiers:15"], ["2300"]),
    (
        "Quand a lieu la Sainte-Barbe des pompiers ?",
        ["fr_pompiers:16"],
        ["6 décembre", "6 decembre", "december 6", "6 december", "december 6th"],
    ),
    (
        "Combien de prêts d'œuvres sont confirmés pour l'exposition Rivages ?",
        ["fr_musee:2"],
        ["65"],
    ),
    (
        "Que demande le musée de Rouen pour prêter ses tableaux ?",
        ["fr_musee:4"],
        ["convoyeur", "courier", "escort", "vitrine", "display case", "climatis"],
    ),
    ("What is Artrans's latest quote for transporting the works?", ["fr_musee:6"], ["31000"]),
    (
        "Quand les peintres commencent-ils la scénographie ?",
        ["fr_musee:8"],
        ["2 février", "2 fevrier", "february 2", "2 february", "february 2nd"],
    ),
    ("How many copies of the exhibition catalogue will be printed?", ["fr_musee:11"], ["1500"]),
    (
        "Jusqu'à quand l'exposition Rivages est-elle ouverte ?",
        ["fr_musee:17"],
        ["14 juin", "june 14", "14 june", "june 14th"],
    ),
    ("Which version will fix the bank feed sync?", ["en_support:4"], ["4.2.1"]),
    (
        "What is the SLA target for first response time?",
        ["en_support:5"],
        ["4 hours", "four hours", "4 heures", "quatre heures", "4h", "4 h"],
    ),
    ("Quel est le taux de satisfaction client actuel du support ?", ["en_support:8"], ["78"]),
    (
        "Que va-t-on faire du chatbot du support ?",
        ["en_support:11"],
        ["human", "humain", "hand over", "handover", "transf"],
    ),
    ("Who volunteered to work on December 24?", ["en_support:15"], ["dana", "marcus"]),
    (
        "Quand a lieu la formation au module de paie ?",
        ["en_support:13"],
        ["8 janvier", "january 8", "8 january", "january 8th"],
    ),
    ("Which customer is threatening to cancel?", ["en_support:16"], ["brookfield"]),
    (
        "When is the Riverton Half Marathon?",
        ["en_marathon:0"],
        ["april 26", "26 april", "26 avril", "april 26th"],
    ),
    ("How much does a race registration cost right now?", ["en_marathon:2"], ["70"]),
    (
        "Avant quelle heure le pont doit-il être rouvert ?",
        ["en_marathon:3"],
        ["11:30", "11h30", "11 h 30", "11.30"],
    ),
    ("How many volunteers are signed up for the race?", ["en_marathon:9"], ["190"]),
    (
        "Combien l'association caritative touche-t-elle par inscription ?",
        ["en_marathon:13"],
        ["$5", "5 $", "5$", "5 dollars", "cinq dollars", "5 usd"],
    ),
    ("How much is Cedar Valley Credit Union sponsoring?", ["en_marathon:14"], ["12000"]),
    (
        "How long do people wait to get a garden plot?",
        ["en_garden:3"],
        ["two years", "2 years", "deux ans", "2 ans"],
    ),
    (
        "Which members keep paying the old plot fee?",
        ["en_garden:5"],
        ["senior", "student", "etudiant", "retraite"],
    ),
    (
        "Combien l'assurance a-t-elle remboursé après le cambriolage de la cabane ?",
        ["en_garden:7"],
        ["900"],
    ),
    ("Who is running the composting workshop?", ["en_garden:11"], ["rosa", "delgado"]),
    (
        "Combien de personnes peut accueillir l'atelier compost ?",
        ["en_garden:11"],
        ["12", "douze", "twelve"],
    ),
    ("How big is the Parks Department grant for the raised beds?", ["en_garden:13"], ["3500"]),
    ("How much did the garden's water bill come to last summer?", ["en_garden:4"], ["2300"]),
]

UNANSWERABLE: list[str] = [
    # near what is discussed, but the figure or date is never given
    "How much does a year of maintenance on the building C lift cost?",
    "Combien coûtera le contrôle des extincteurs du parking ?",
    "Combien coûte le nouveau VSAV ?",
    "Combien de litres contient le camion-citerne ?",
    "Quel est le tarif réduit de l'exposition Rivages ?",
    "How much will the courier accompanying the Rouen paintings cost?",
    "How much does Helpwise charge for the chatbot?",
    "Combien d'agents compte l'équipe du support au total ?",
    "How much will the finisher medals cost?",
    "Combien demande le graveur local pour les médailles ?",
    "How many runners finished last year's race?",
    "How much did the stolen lawnmowers cost?",
    "Quand la serrure à code sera-t-elle posée sur la cabane à outils ?",
    # people or events never mentioned
    "Quel est le nom du cabinet de syndic de la résidence ?",
    "Qui est le commissaire de l'exposition Rivages ?",
    "Quand a lieu le bal des pompiers du 14 juillet ?",
    "Who won last year's Riverton Half Marathon?",
    "What did the community garden decide about keeping bees?",
    # off the corpus altogether
    "Comment changer la langue de l'interface de mon téléphone ?",
    "What's the weather forecast for tomorrow?",
    "Quelle est la capitale de l'Australie ?",
    "How do I file an expense report for a taxi ride?",
    "Où se trouve la salle de réunion du troisième étage ?",
]
