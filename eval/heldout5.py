"""Fifth held-out set of meetings and questions for the search and chat evaluations;
never to be tuned on.

    python -m eval.retrieval --set heldout5
    python -m eval.chat --set heldout5

Written blind on 2026-12-05 as a fifth held-out set, by someone who saw neither the
system's code (the retrieval, the chat prompts, their parameters) nor any of its results,
on the development set or on the first four held-out sets (`eval.heldout`,
`eval.heldout2`, `eval.heldout3`, `eval.heldout4`); only the shapes of those modules were
copied, and their subjects avoided. Nothing was run on it before it was written. Its
figures stay honest only if no parameter, prompt or question is ever changed because of
them.

Six meetings (three French, three English; 113 segments) in the style of Whisper output,
speakers S0..S3, on subjects neither the development meetings nor the earlier held-out
sets are about: a dental practice's team meeting, a regional daily newspaper's editorial
conference, an amateur choir's committee preparing its spring concert, a hotel's
housekeeping department before a convention week, a distribution depot's weekly
operations meeting and a town council's public works committee on waste collection.
Words recur across them, and across languages (retard / late, panne / broke down, devis /
quote, fournisseur / supplier, formation / training, sécurité / safety, budget,
subvention / grant, gants / gloves, effectifs / staff, assurance / insurance), so that
queries are not answered by one rare word. The meetings hold questions answered a few
turns later by another speaker, corrections ("mardi 19, euh non, jeudi 21"), a figure
next to a similar figure for something else, facts spread over two turns, pronouns that
refer back, and decisions stated indirectly.

- QUERIES (retrieval): 18 French and 17 English questions about their own language's
  meetings and 21 cross-lingual ones, each with all its relevant segments as
  "meeting:idx" (0-based, in the order of the meeting's lines).
- ANSWERABLE (chat): 43 questions (13 of them cross-lingual) with their right segments
  as "meeting:idx" and strings one of which the answer must hold; amounts, counts, dates
  and times, names, reasons and decisions. Where the answer replies to a question asked
  in the meeting, the right segment is the reply.
- UNANSWERABLE: 22 questions, French and English: 12 near what the meetings discuss whose
  answer is never given (a figure or a date nobody said), 5 about people or events never
  mentioned, and 5 off the corpus altogether.
"""

from __future__ import annotations

# name → (language, project, title, [(speaker, text)]), as eval.retrieval.MEETINGS
MEETINGS: dict[str, tuple[str, str, str, list[tuple[str, str]]]] = {
    "fr_dentaire": (
        "fr",
        "dentaire",
        "Réunion d'équipe de janvier, cabinet dentaire du Parc à Saint-Genis",
        [
            (
                "S0",
                "Bon, euh, on commence, c'est la réunion d'équipe de janvier, y a pas mal de "
                "points alors on va essayer de faire vite.",
            ),
            (
                "S2",
                "Alors le planning, le délai pour un premier rendez-vous est monté à, euh, sept "
                "semaines, en septembre on était à quatre.",
            ),
            (
                "S3",
                "Moi je peux ouvrir le mercredi après-midi à partir de février, ça fait une "
                "douzaine de créneaux en plus par semaine, ça devrait aider.",
            ),
            ("S0", "Et les gants, les masques, tout ça, on a trouvé moins cher ou pas ?"),
            (
                "S1",
                "Juste une chose avant, le fauteuil de la salle 2 fuit toujours au niveau du "
                "crachoir, le technicien de Dentalmed passe mardi 19, euh non, jeudi 21, il m'a "
                "rappelée ce matin.",
            ),
            (
                "S2",
                "Pour les consommables, Medistock nous fait la boîte de 100 gants à 6,90 euros, "
                "chez notre fournisseur actuel on la paie 8,40.",
            ),
            ("S0", "Bon, ben on passe chez eux dès la prochaine commande, hein."),
            (
                "S3",
                "Le panoramique, euh, la radio, le devis est à 38 000 euros, et ils reprennent "
                "l'ancien pour 4 500.",
            ),
            ("S0", "Ça fait quand même une somme, ça peut pas attendre l'année prochaine ?"),
            (
                "S3",
                "Il a quatorze ans, il est tombé en panne trois fois cet automne, et à chaque "
                "fois on a dû décaler tous les patients de la journée.",
            ),
            (
                "S0",
                "Bon, OK, mais on le prend en location, pas à l'achat, je veux pas sortir 38 000 "
                "d'un coup.",
            ),
            (
                "S1",
                "Côté formation, Nathalie et moi on doit refaire la radioprotection avant le 30 "
                "juin, c'est deux jours à Lyon.",
            ),
            (
                "S2",
                "Et la formation au nouvel agenda en ligne, Doctoplan, c'est le jeudi 4 mars, "
                "on ferme le cabinet l'après-midi.",
            ),
            (
                "S0",
                "Les rendez-vous non honorés, les lapins quoi, on en a eu 46 en décembre, c'est "
                "énorme.",
            ),
            (
                "S2",
                "Je propose qu'on envoie un SMS de rappel la veille, c'est inclus dans "
                "Doctoplan, ça coûte rien de plus.",
            ),
            (
                "S3",
                "Et ceux qui viennent pas deux fois de suite, on leur ferme la prise de "
                "rendez-vous en ligne, ils passent par le secrétariat.",
            ),
            (
                "S1",
                "Sécurité, la trousse d'urgence, l'adrénaline est périmée depuis décembre, j'en "
                "ai recommandé, ça arrive vendredi.",
            ),
            (
                "S0",
                "Et cet été, qui assure les urgences pendant la fermeture ? Je rappelle, on "
                "ferme du 4 au 22 août.",
            ),
            (
                "S3",
                "Moi je prends la première semaine, et pour les deux suivantes le cabinet "
                "Lemoine à Ferney est d'accord pour prendre nos patients.",
            ),
            ("S0", "Parfait, merci à tous, euh, prochaine réunion début avril."),
        ],
    ),
    "fr_journal": (
        "fr",
        "redaction",
        "Conférence de rédaction du lundi, L'Écho des Combes",
        [
            (
                "S0",
                "Bon, on y va, conférence de rédaction du lundi, euh, grosse semaine avec le "
                "conseil municipal jeudi soir.",
            ),
            (
                "S1",
                "Les chiffres de novembre, on a gagné 340 abonnés numériques, mais on en a perdu "
                "410 sur le papier, donc, euh, au total on recule encore.",
            ),
            (
                "S2",
                "Au conseil, le gros morceau c'est la fusion des deux collèges de Morvillars, le "
                "vote est à 19h, et les parents prévoient un rassemblement devant la mairie.",
            ),
            ("S0", "Qui y va, jeudi ? Il faut quelqu'un qui connaît bien le dossier."),
            (
                "S3",
                "Au fait, l'imprimerie a appelé, à partir du 6 janvier le bouclage passe à 22h, "
                "euh non pardon, 21h30, ils réduisent les équipes de nuit.",
            ),
            ("S0", "21h30 ? Mais un conseil municipal ça finit jamais avant 22h, ça."),
            (
                "S1",
                "Karim y va, il suit les collèges depuis le début, il fait un papier court pour "
                "le journal et la version longue pour le site dans la nuit.",
            ),
            (
                "S3",
                "Je fais les photos du rassemblement, mais après ce qui s'est passé à la manif "
                "des agriculteurs, je veux pas y aller tout seul.",
            ),
            (
                "S2",
                "Ouais, il s'est fait bousculer, son objectif est cassé, la réparation c'est 650 "
                "euros, et l'assurance a toujours pas répondu.",
            ),
            (
                "S0",
                "Pour la sécurité, la direction nous a accordé deux casques et deux gilets "
                "marqués presse, ils arrivent la semaine prochaine, et plus personne part seul "
                "sur une manif.",
            ),
            (
                "S1",
                "Le papier, le prix a encore pris 12 %, la direction veut qu'on passe de 48 à 40 "
                "pages le mardi et le mercredi.",
            ),
            ("S2", "Ça veut dire qu'on sacrifie quoi ? Les pages sport ?"),
            (
                "S0",
                "Non, le sport on y touche pas, on réduit plutôt les programmes télé et l'agenda "
                "des sorties.",
            ),
            (
                "S1",
                "Côté effectifs, la correspondante de Nantua part à la retraite fin février, et, "
                "euh, la direction ne la remplace pas.",
            ),
            (
                "S0",
                "Bon, on passera par des pigistes là-dessus, mais le budget piges c'est 3 200 "
                "euros par mois, et en décembre on l'a déjà dépassé de 600.",
            ),
            (
                "S3",
                "Formation, la session sur la vérification des photos et des vidéos c'est le 15 "
                "janvier, obligatoire pour tout le monde, même les pigistes réguliers.",
            ),
            (
                "S2",
                "Dernier truc, on a écorché le nom du maire de Lélex samedi, c'est Bernard "
                "Vuillermoz avec deux l, il a appelé, il était pas content.",
            ),
            (
                "S0",
                "On publie le rectificatif demain en page 3. Bon, merci, tout le monde au boulot.",
            ),
        ],
    ),
    "fr_chorale": (
        "fr",
        "chorale",
        "Réunion du bureau du chœur Mosaïque de Villefranche, concert de printemps",
        [
            (
                "S0",
                "Bon, bonsoir à tous, euh, réunion du bureau, on a surtout le concert de "
                "printemps à préparer, et les finances.",
            ),
            (
                "S1",
                "Le concert c'est le dimanche 11 avril à 16h, à l'église Saint-Martin, on chante "
                "le Requiem de Fauré et trois pièces de Poulenc.",
            ),
            (
                "S2",
                "Côté effectifs on est 42 choristes, mais on a seulement 6 ténors, et pour le "
                "Fauré il en faudrait au moins 9.",
            ),
            ("S0", "On pourrait pas demander au chœur de Tarare de nous prêter des ténors ?"),
            (
                "S3",
                "L'organiste, euh, il demande 450 euros pour le concert et deux répétitions, et "
                "la location de l'église c'est 200.",
            ),
            (
                "S1",
                "Tarare m'a répondu ce matin, justement, ils nous en prêtent quatre, mais ils "
                "peuvent venir qu'aux deux dernières répétitions.",
            ),
            (
                "S2",
                "Les cotisations, on est à 180 euros l'année, et y a encore 7 personnes qui ont "
                "pas payé le deuxième semestre.",
            ),
            ("S0", "Et la subvention de la mairie, elle est tombée ?"),
            (
                "S2",
                "Pas encore, on a redemandé 1 500 comme l'an dernier, on devrait avoir la "
                "réponse fin février.",
            ),
            (
                "S3",
                "Les partitions, l'éditeur Musicalia a du retard, les 45 exemplaires du Fauré "
                "arriveront le 3 mars, euh non, le 10 mars.",
            ),
            (
                "S1",
                "Ça c'est tard, en attendant je mets des fichiers audio de travail par pupitre "
                "sur le site, et en répétition on bosse le Poulenc.",
            ),
            (
                "S0",
                "Les répétitions c'est toujours le mardi à 20h, mais on rajoute un samedi "
                "après-midi par mois à partir de mars.",
            ),
            (
                "S3",
                "Pour la sécurité, le curé veut pas plus de 250 personnes dans l'église, c'est la "
                "jauge de la commission.",
            ),
            (
                "S2",
                "Pour les billets je propose 12 euros, et c'est gratuit pour les moins de 12 ans.",
            ),
            (
                "S0",
                "L'an dernier on avait fait 180 entrées, bon, si on en fait autant, ça couvre "
                "largement l'organiste et l'église.",
            ),
            (
                "S1",
                "Et le stage de technique vocale avec Hélène Marchand, c'est le week-end du 20 et "
                "21 mars, ça coûte 35 euros par personne, la chorale paie le reste.",
            ),
            (
                "S3",
                "Pour le pot après le concert, la boulangerie Farget nous offre les gâteaux, il "
                "manque juste quelqu'un pour les boissons.",
            ),
            ("S0", "Bon, ben ça, je m'en occupe. Merci à tous, bonne soirée."),
        ],
    ),
    "en_hotel": (
        "en",
        "hotel",
        "Housekeeping department meeting, Lakeshore Grand Hotel",
        [
            (
                "S0",
                "Okay, morning everyone, um, housekeeping meeting, we've got the convention week "
                "coming up so let's keep it quick.",
            ),
            (
                "S1",
                "So occupancy next week is like 96% Tuesday through Thursday, that's the "
                "insurance brokers' convention, uh, about 600 guests.",
            ),
            ("S0", "And how many rooms is each attendant doing per shift right now?"),
            (
                "S2",
                "Before I forget, the big washer, number two, broke down again Saturday, the "
                "part's coming from the supplier in Denver, maybe Wednesday.",
            ),
            (
                "S1",
                "Right now it's 14 rooms a shift, uh, 16 if they're mostly stayovers, checkouts "
                "take way longer.",
            ),
            (
                "S0",
                "So we're short, we have 22 attendants and we'd need like 28 for those three days.",
            ),
            (
                "S3",
                "The agency can send 5 temps at $24 an hour, our own people make $19.50, so, uh, "
                "it's not cheap.",
            ),
            (
                "S0",
                "Okay, do it, but the temps only get checkout rooms on floors 2 and 3, not the "
                "suites.",
            ),
            (
                "S2",
                "Until the washer's fixed we're sending the sheets out to CleanCo, it's $1.10 a "
                "pound, and we did about 1,800 pounds this weekend.",
            ),
            (
                "S1",
                "Guest complaints, we had 11 this month, mostly hair in the bathrooms, and two "
                "about the minibar not being restocked.",
            ),
            (
                "S0",
                "The minibar is room service's job, not ours, I'll bring that up with Priya at "
                "the managers' meeting.",
            ),
            (
                "S3",
                "Safety, um, we had two back injuries in October, both from flipping mattresses, "
                "so everybody does the lifting refresher on the 14th.",
            ),
            ("S1", "Can we get the lighter vacuums? The Prolux ones weigh like half as much."),
            (
                "S3",
                "They're $380 each, we asked for twelve in the budget and finance approved eight.",
            ),
            (
                "S2",
                "Chemicals, the new supplier's bathroom cleaner is way stronger, two people got "
                "skin rashes, so gloves are mandatory now, no exceptions.",
            ),
            (
                "S0",
                "And the uniforms, the new ones were coming November 20, uh, no, they pushed it, "
                "it's December 2 now.",
            ),
            (
                "S1",
                "Oh, and Employee of the Month is Maria Santos, she found a guest's wedding ring "
                "in the linen and tracked them down.",
            ),
            ("S0", "Great, okay, thanks everyone, let's get through this week."),
        ],
    ),
    "en_depot": (
        "en",
        "depot",
        "Weekly operations meeting, Northgate distribution depot",
        [
            (
                "S0",
                "Alright, um, let's get going, weekly ops, peak season starts in three weeks so "
                "there's a lot to cover.",
            ),
            (
                "S1",
                "On-time deliveries were 91% last week, the target is 97, and most of the late "
                "ones were on the coastal route.",
            ),
            ("S2", "Why the coastal route though, is it the roadworks again?"),
            (
                "S3",
                "I mean, the roadworks on Highway 9 don't help, they're there till the end of "
                "the month.",
            ),
            (
                "S1",
                "Yeah, but mostly it's that we're a driver short, so one van's been doing both "
                "coastal runs.",
            ),
            ("S0", "How many drivers do we need for peak?"),
            (
                "S1",
                "We've got 34 drivers, we need 40 from November 24, and the agency's found four "
                "so far.",
            ),
            (
                "S2",
                "Warehouse side, we picked 128,000 items last week, uh, sorry, 182,000, the 128 "
                "was the week before.",
            ),
            (
                "S3",
                "Forklift 4 failed its inspection on Friday, the mast chain's worn, so it's "
                "parked until the supplier sends the part, they said ten days.",
            ),
            ("S0", "Ten days, in peak prep, that's, um, not great. Can we rent one?"),
            ("S3", "Rental is $1,200 a week, the dealer in Fairview has one available Monday."),
            ("S0", "Fine, go ahead, book it for two weeks."),
            (
                "S2",
                "Training, the six new pickers start Monday, they'll need the forklift license "
                "too, but the next course isn't till the 18th.",
            ),
            (
                "S3",
                "Safety, we had a near miss in aisle 12, a pallet came down from the top rack, "
                "nobody was hurt but it was close.",
            ),
            (
                "S2",
                "That was a broken pallet, we've been getting a lot of those from Greenfield "
                "Foods lately.",
            ),
            (
                "S0",
                "Okay, we refuse their damaged pallets at the dock from now on, and I'll call "
                "their account manager this afternoon.",
            ),
            (
                "S1",
                "Fuel, diesel's up, the fuel bill was $46,000 in October against a budget of "
                "$40,000.",
            ),
            (
                "S3",
                "And the staff Christmas party is December 13 at the bowling alley, the depot "
                "closes at 3 that day.",
            ),
            ("S0", "Okay, thanks everybody, and drive safe."),
        ],
    ),
    "en_waste": (
        "en",
        "publicworks",
        "Public works committee, Millbrook town council, waste collection changes",
        [
            (
                "S0",
                "Okay, um, let's call this to order, public works committee, the only item "
                "tonight is the changes to waste collection.",
            ),
            (
                "S1",
                "So the proposal is, uh, general waste bins every two weeks instead of every "
                "week, recycling stays weekly.",
            ),
            (
                "S2",
                "I'm getting a lot of emails about this, people are worried about, like, the "
                "smell in summer. What does it actually save us?",
            ),
            (
                "S1",
                "Just for context, missed collections, we had 640 reported in September, that's "
                "about double the usual, mostly because of truck breakdowns.",
            ),
            (
                "S3",
                "On the savings, it's about $310,000 a year, mostly fuel and two fewer crews.",
            ),
            ("S0", "And food waste, where does that go under the new system?"),
            (
                "S1",
                "Every household gets a food caddy, collected weekly, the caddies are $18 each "
                "and there's about 21,000 households.",
            ),
            ("S2", "So we spend, what, 380k to save 310k, in year one at least."),
            (
                "S3",
                "Well, the state grant covers 75% of the caddies, and the rest comes out of this "
                "year's budget.",
            ),
            (
                "S1",
                "The trucks, we have 14, and three are off the road right now, the hydraulic "
                "lifts keep failing, they're eleven years old.",
            ),
            ("S0", "When do the new ones come?"),
            (
                "S3",
                "Four electric trucks are ordered, the supplier says June now, uh, originally it "
                "was March, so, you know.",
            ),
            ("S2", "Do the crews need training to drive them?"),
            (
                "S1",
                "Yes, two days each, the manufacturer runs it here at the depot, and it's "
                "included in the price.",
            ),
            (
                "S0",
                "On safety, I saw the report about the crew member who got hit by a car on Route "
                "5. How is he?",
            ),
            (
                "S1",
                "He's back at work on light duties, and we're putting flashing beacons and "
                "cameras on the rear steps of every truck.",
            ),
            (
                "S2",
                "If we go fortnightly, what about big families, or, like, people with babies in "
                "diapers?",
            ),
            (
                "S1",
                "They can ask for a bigger bin, 240 liters instead of 140, no charge, there'll be "
                "a form online.",
            ),
            (
                "S0",
                "Okay, um, so it goes to full council on the 21st with our support, but we start "
                "with a six-month trial in the north zone only.",
            ),
            (
                "S3",
                "And we'll need leaflets to every household at least four weeks before the "
                "trial starts.",
            ),
        ],
    ),
}

# (group, query, relevant segments as "meeting:idx"), as eval.retrieval.QUERIES
QUERIES: list[tuple[str, str, list[str]]] = [
    # French questions, French meetings
    (
        "fr",
        "Combien de temps faut-il patienter pour décrocher un premier rendez-vous chez le "
        "dentiste ?",
        ["fr_dentaire:1"],
    ),
    (
        "fr",
        "Chez qui le cabinet va-t-il commander ses fournitures désormais ?",
        ["fr_dentaire:5", "fr_dentaire:6"],
    ),
    (
        "fr",
        "Quand le réparateur vient-il pour le siège de soins qui a une fuite ?",
        ["fr_dentaire:4"],
    ),
    ("fr", "Pourquoi faut-il changer l'appareil de radiographie ?", ["fr_dentaire:9"]),
    ("fr", "Le nouvel appareil de radio sera-t-il acheté ?", ["fr_dentaire:10"]),
    (
        "fr",
        "Que fait-on contre les patients qui ne viennent pas à leur rendez-vous ?",
        ["fr_dentaire:13", "fr_dentaire:14", "fr_dentaire:15"],
    ),
    (
        "fr",
        "Qui prend en charge les urgences dentaires pendant les vacances d'été ?",
        ["fr_dentaire:17", "fr_dentaire:18"],
    ),
    ("fr", "Quel journaliste suivra la séance du conseil municipal ?", ["fr_journal:6"]),
    ("fr", "À quelle heure faut-il désormais envoyer les pages à l'impression ?", ["fr_journal:4"]),
    (
        "fr",
        "Pourquoi le photographe ne veut-il pas couvrir le rassemblement sans collègue ?",
        ["fr_journal:7", "fr_journal:8"],
    ),
    (
        "fr",
        "Quel équipement de protection les reporters vont-ils recevoir pour les manifestations ?",
        ["fr_journal:9"],
    ),
    ("fr", "Pourquoi le journal va-t-il avoir moins de pages en semaine ?", ["fr_journal:10"]),
    ("fr", "Quelles rubriques vont être raccourcies pour gagner de la place ?", ["fr_journal:12"]),
    (
        "fr",
        "Comment va-t-on compenser le départ de la correspondante locale ?",
        ["fr_journal:13", "fr_journal:14"],
    ),
    ("fr", "Quand et où se tient le concert de printemps de la chorale ?", ["fr_chorale:1"]),
    (
        "fr",
        "Comment la chorale va-t-elle renforcer le pupitre des voix d'hommes ?",
        ["fr_chorale:2", "fr_chorale:3", "fr_chorale:5"],
    ),
    (
        "fr",
        "Pourquoi les chanteurs n'ont-ils pas encore leurs partitions, et comment travaillent-ils "
        "en attendant ?",
        ["fr_chorale:9", "fr_chorale:10"],
    ),
    ("fr", "Combien faudra-t-il payer pour assister au concert ?", ["fr_chorale:13"]),
    # English questions, English meetings
    ("en", "How many rooms does a housekeeper clean in one shift?", ["en_hotel:4"]),
    (
        "en",
        "How is housekeeping covering the staff shortage during the convention?",
        ["en_hotel:5", "en_hotel:6", "en_hotel:7"],
    ),
    ("en", "What's being done about the broken laundry machine?", ["en_hotel:3", "en_hotel:8"]),
    ("en", "What have hotel guests been unhappy about?", ["en_hotel:9", "en_hotel:10"]),
    ("en", "Why does the whole team have to redo the lifting course?", ["en_hotel:11"]),
    ("en", "How many of the lighter vacuum cleaners can we buy?", ["en_hotel:12", "en_hotel:13"]),
    (
        "en",
        "Why are shipments to the coast arriving late?",
        ["en_depot:1", "en_depot:3", "en_depot:4"],
    ),
    ("en", "How many drivers will the depot need for the busy season?", ["en_depot:6"]),
    (
        "en",
        "What's the plan while the forklift is out of action?",
        ["en_depot:8", "en_depot:9", "en_depot:10", "en_depot:11"],
    ),
    (
        "en",
        "What caused the falling pallet incident in the warehouse?",
        ["en_depot:13", "en_depot:14"],
    ),
    ("en", "How far over budget was the diesel spending?", ["en_depot:16"]),
    ("en", "When is the depot's holiday celebration?", ["en_depot:17"]),
    ("en", "How much money would collecting trash every other week save?", ["en_waste:4"]),
    ("en", "What happens to food scraps under the new scheme?", ["en_waste:6"]),
    ("en", "Why are so many garbage trucks out of service?", ["en_waste:9"]),
    ("en", "Can large households get more room for their trash?", ["en_waste:17"]),
    ("en", "Where will the new collection schedule be tested first?", ["en_waste:18"]),
    # Cross-lingual: French questions about English meetings, English about French
    (
        "cross",
        "Combien coûtent les intérimaires de l'hôtel par rapport au personnel maison ?",
        ["en_hotel:6"],
    ),
    (
        "cross",
        "Quand les nouvelles tenues des femmes de chambre seront-elles livrées ?",
        ["en_hotel:15"],
    ),
    ("cross", "Qui a été désignée employée du mois à l'hôtel ?", ["en_hotel:16"]),
    (
        "cross",
        "Pourquoi le port de gants est-il devenu obligatoire pour le ménage ?",
        ["en_hotel:14"],
    ),
    (
        "cross",
        "Quel était le taux de livraisons à l'heure au dépôt la semaine dernière ?",
        ["en_depot:1"],
    ),
    (
        "cross",
        "Combien d'articles l'entrepôt a-t-il préparés la semaine dernière ?",
        ["en_depot:7"],
    ),
    (
        "cross",
        "Quand les nouveaux préparateurs de commandes pourront-ils passer le permis cariste ?",
        ["en_depot:12"],
    ),
    (
        "cross",
        "Que va-t-on faire des palettes abîmées livrées par le fournisseur ?",
        ["en_depot:14", "en_depot:15"],
    ),
    (
        "cross",
        "Combien de bennes à ordures électriques ont été commandées et quand arrivent-elles ?",
        ["en_waste:11"],
    ),
    ("cross", "Qui finance les bacs pour les déchets alimentaires ?", ["en_waste:6", "en_waste:8"]),
    (
        "cross",
        "Comment va l'éboueur renversé par une voiture ?",
        ["en_waste:14", "en_waste:15"],
    ),
    ("cross", "Combien de ramassages oubliés ont été signalés en septembre ?", ["en_waste:3"]),
    ("cross", "How long is the dental practice closed this summer?", ["fr_dentaire:17"]),
    ("cross", "When is the training on the dentist's new booking software?", ["fr_dentaire:12"]),
    ("cross", "What needs replacing in the dental office's emergency kit?", ["fr_dentaire:16"]),
    ("cross", "How did the newspaper's subscriber numbers change in November?", ["fr_journal:1"]),
    (
        "cross",
        "When is the newsroom's session on checking pictures and footage?",
        ["fr_journal:15"],
    ),
    ("cross", "Whose name did the paper misspell?", ["fr_journal:16", "fr_journal:17"]),
    ("cross", "When is the singing technique workshop for the choir?", ["fr_chorale:15"]),
    ("cross", "Has the choir received its funding from the town yet?", ["fr_chorale:8"]),
    ("cross", "How many people are allowed inside the church for the concert?", ["fr_chorale:12"]),
]

# (question, right segments as "meeting:idx", strings one of which the answer holds)
ANSWERABLE: list[tuple[str, list[str], list[str]]] = [
    (
        "Quel est le délai actuel pour un premier rendez-vous au cabinet dentaire ?",
        ["fr_dentaire:1"],
        ["sept semaines", "7 semaines", "seven weeks", "7 weeks"],
    ),
    ("Combien coûte la boîte de gants chez Medistock ?", ["fr_dentaire:5"], ["6,90", "6.90"]),
    (
        "Quel jour le technicien de Dentalmed vient-il réparer le fauteuil ?",
        ["fr_dentaire:4"],
        ["21"],
    ),
    (
        "Comment le cabinet va-t-il se procurer le nouveau panoramique ?",
        ["fr_dentaire:10"],
        ["location", "louer", "loue", "leasing", "lease", "rent"],
    ),
    (
        "Combien de rendez-vous non honorés le cabinet a-t-il eus en décembre ?",
        ["fr_dentaire:13"],
        ["46"],
    ),
    (
        "Combien d'abonnés numériques le journal a-t-il gagnés en novembre ?",
        ["fr_journal:1"],
        ["340"],
    ),
    (
        "À quelle heure sera le bouclage à partir du 6 janvier ?",
        ["fr_journal:4"],
        ["21h30", "21 h 30", "21:30", "9:30", "9.30"],
    ),
    ("Qui couvre le conseil municipal jeudi ?", ["fr_journal:6"], ["karim"]),
    ("Combien coûte la réparation de l'objectif du photographe ?", ["fr_journal:8"], ["650"]),
    ("Quel est le budget mensuel des piges ?", ["fr_journal:14"], ["3200"]),
    ("Comment s'écrit le nom du maire de Lélex ?", ["fr_journal:16"], ["vuillermoz"]),
    (
        "Combien de ténors le chœur de Tarare prête-t-il ?",
        ["fr_chorale:5"],
        ["quatre", "4", "four"],
    ),
    ("Combien demande l'organiste pour le concert ?", ["fr_chorale:4"], ["450"]),
    (
        "Quand les partitions du Requiem arriveront-elles ?",
        ["fr_chorale:9"],
        ["10 mars", "march 10", "10 march", "march 10th"],
    ),
    (
        "Quel montant de subvention la chorale a-t-elle demandé à la mairie ?",
        ["fr_chorale:8"],
        ["1500"],
    ),
    (
        "Combien coûte le stage de technique vocale pour un choriste ?",
        ["fr_chorale:15"],
        ["35"],
    ),
    ("How much do the agency temps cost per hour?", ["en_hotel:6"], ["24"]),
    (
        "How many rooms does an attendant clean per shift at the moment?",
        ["en_hotel:4"],
        ["14", "fourteen"],
    ),
    ("How many Prolux vacuums did finance approve?", ["en_hotel:13"], ["8", "eight", "huit"]),
    (
        "When do the new housekeeping uniforms arrive?",
        ["en_hotel:15"],
        ["december 2", "2 december", "dec 2", "december 2nd", "2 décembre", "2 decembre"],
    ),
    ("Who is the hotel's Employee of the Month?", ["en_hotel:16"], ["maria", "santos"]),
    ("What was the depot's on-time delivery rate last week?", ["en_depot:1"], ["91"]),
    ("How many items did the warehouse pick last week?", ["en_depot:7"], ["182000", "182k"]),
    ("How much does it cost to rent a forklift?", ["en_depot:10"], ["1200"]),
    ("Which supplier has been sending broken pallets?", ["en_depot:14"], ["greenfield"]),
    (
        "When is the depot's Christmas party?",
        ["en_depot:17"],
        ["december 13", "13 december", "dec 13", "december 13th", "13 décembre", "13 decembre"],
    ),
    (
        "How much would collecting general waste every two weeks save per year?",
        ["en_waste:4"],
        ["310000", "310k"],
    ),
    (
        "How many garbage trucks are off the road right now?",
        ["en_waste:9"],
        ["three", "3", "trois"],
    ),
    ("What size bin can big households ask for?", ["en_waste:17"], ["240"]),
    ("When does the waste collection proposal go to full council?", ["en_waste:18"], ["21"]),
    (
        "Combien l'hôtel paie-t-il la blanchisserie extérieure par livre de linge ?",
        ["en_hotel:8"],
        ["1.10", "1,10"],
    ),
    (
        "De combien de chauffeurs le dépôt aura-t-il besoin pour le pic d'activité ?",
        ["en_depot:6"],
        ["40", "quarante", "forty"],
    ),
    (
        "Pourquoi le chariot élévateur numéro 4 est-il immobilisé ?",
        ["en_depot:8"],
        ["chain", "chaîne", "chaine", "mast", "inspection", "contrôle", "controle"],
    ),
    (
        "Quelle part des bacs à déchets alimentaires la subvention de l'État couvre-t-elle ?",
        ["en_waste:8"],
        ["75"],
    ),
    (
        "Quand les camions-poubelles électriques doivent-ils être livrés ?",
        ["en_waste:11"],
        ["june", "juin"],
    ),
    (
        "Combien de temps dure l'essai de la collecte tous les quinze jours ?",
        ["en_waste:18"],
        ["six mois", "6 mois", "six-month", "six month", "6 month"],
    ),
    (
        "Until what date is the dental practice closed this summer?",
        ["fr_dentaire:17"],
        ["22 août", "22 aout", "august 22", "22 august", "august 22nd"],
    ),
    (
        "Which practice takes the dental patients for the last two weeks of the summer closure?",
        ["fr_dentaire:18"],
        ["lemoine"],
    ),
    (
        "How many pages will the paper have on Tuesdays and Wednesdays?",
        ["fr_journal:10"],
        ["40", "forty", "quarante"],
    ),
    (
        "Which sections of the paper will be cut back to save paper?",
        ["fr_journal:12"],
        ["tv", "télé", "tele", "television", "agenda", "listings", "sorties", "events"],
    ),
    (
        "How much is a ticket for the choir's spring concert?",
        ["fr_chorale:13"],
        ["12", "twelve", "douze"],
    ),
    (
        "Who is providing the cakes for the reception after the concert?",
        ["fr_chorale:16"],
        ["farget"],
    ),
    (
        "How many singers does the choir have?",
        ["fr_chorale:2"],
        ["42", "forty-two", "forty two", "quarante-deux", "quarante deux"],
    ),
]

UNANSWERABLE: list[str] = [
    # near what is discussed, but the figure or date is never given
    "Combien coûte la location mensuelle du nouveau panoramique ?",
    "Combien coûtera la réparation du fauteuil de la salle 2 ?",
    "How much do the newsroom's new press helmets and vests cost?",
    "Combien d'abonnés papier le journal compte-t-il au total ?",
    "Combien coûtent les 45 partitions du Requiem de Fauré ?",
    "Quel est le tarif réduit pour les étudiants au concert de la chorale ?",
    "How much does the replacement part for the broken washer cost?",
    "Combien de chambres compte l'hôtel Lakeshore Grand ?",
    "How many pickers work in the depot warehouse in total?",
    "Combien coûte la pièce de rechange pour le chariot élévateur ?",
    "How much does each of the new electric garbage trucks cost?",
    "When does the north zone trial of fortnightly collection start?",
    # people or events never mentioned
    "Qui est le nouveau prothésiste du cabinet dentaire ?",
    "What did the newsroom decide about covering the regional elections?",
    "Quand aura lieu la réunion avec le syndicat des éboueurs ?",
    "Who is the hotel's new general manager?",
    "Qu'a décidé la chorale pour son voyage en Italie ?",
    # off the corpus altogether
    "Comment réinitialiser le mot de passe de ma messagerie ?",
    "What time does the pharmacy close on Sundays?",
    "Quelle est la recette de la pâte à crêpes ?",
    "Who won the football World Cup in 2018?",
    "How do I convert a PDF to a Word document?",
]
