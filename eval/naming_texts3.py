"""Blind naming evaluation set no. 3: meeting transcripts with expected speaker names.

Written without knowledge of the product's naming rules or of the earlier naming sets.
34 cases (17 fr, 17 en), 8 of them with context documents.
Speakers per case: 7 with 2, 9 with 3, 14 with 4, 3 with 5, 1 with 6.
118 diarized speakers: 83 with an expected name, 35 expected None.
"""

from eval.naming_texts import NamingCase

CASES: tuple[NamingCase, ...] = (
    NamingCase(
        name="en_kickoff_billing_migration",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, I think we can get started, people are still trickling in but "
                    "let's not wait."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "So, um, for anyone who doesn't know me yet, I'm Dana, I'll be "
                    "running the billing migration from the product side."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Hey, quick one before you start, is this meeting being recorded? "
                    "Because I'd like to share it with my team."
                ),
            ),
            ("SPEAKER_00", "Yes, it's recorded, I'll send the link afterwards."),
            (
                "SPEAKER_01",
                (
                    "Great, thanks. And sorry, Meera here, data engineering, for the "
                    "people who haven't met me."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Welcome, Meera. So the goal for today is just to agree on scope and "
                    "a rough timeline. Rob, do you want to walk us through the timeline "
                    "you sketched?"
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Sure. So, um, the short version is we have 3 phases. Phase 1 is the "
                    "read-only replica, that's about 6 weeks."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Phase 2 is dual writes, and honestly that's where I'm worried, "
                    "because nobody has tested the old invoicing service under that kind "
                    "of load."
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "Can I jump in on that? We tried dual writes on the CRM project last "
                    "year and it was, uh, painful. Kevin from finance still brings it up."
                ),
            ),
            ("SPEAKER_02", "Yeah, I remember. That's why I put 8 weeks on it and not 4."),
            ("SPEAKER_00", "Okay. And phase 3?"),
            ("SPEAKER_02", "Phase 3 is the cutover, plus a 2-week freeze on any billing change."),
            ("SPEAKER_03", "A 2-week freeze in December is going to be a hard sell to finance."),
            (
                "SPEAKER_01",
                (
                    "From the data side, the freeze is actually what we need, otherwise "
                    "the reconciliation reports won't match."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Let's park that and take it to Kevin directly. Rob, can you send me "
                    "the phase breakdown by Friday?"
                ),
            ),
            ("SPEAKER_02", "Will do."),
            ("SPEAKER_00", "Perfect. Thanks everyone."),
        ),
        expected={
            "SPEAKER_00": "Dana",
            "SPEAKER_01": "Meera",
            "SPEAKER_02": "Rob",
            "SPEAKER_03": None,
        },
        note=(
            "Self-introductions in passing and a name addressed before a turn; a "
            "colleague only talked about; one speaker never named."
        ),
    ),
    NamingCase(
        name="fr_lancement_projet_agences",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bon, je crois qu'on peut commencer, il manque juste Stéphane mais "
                    "il nous a dit qu'il serait en retard."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Alors pour ceux qui me connaissent pas encore, moi c'est Aurélie, "
                    "je pilote le projet côté métier, et l'idée aujourd'hui c'est de "
                    "caler le périmètre."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Merci Aurélie. Juste une question avant de commencer, le périmètre "
                    "inclut les agences belges ou pas ?"
                ),
            ),
            ("SPEAKER_00", "Pour l'instant non, on démarre avec les 12 agences françaises."),
            (
                "SPEAKER_02",
                (
                    "D'accord, parce que côté infra, ça change pas mal de choses, les "
                    "serveurs belges sont encore chez l'ancien hébergeur."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Justement, Karim, tu peux nous dire où on en est sur la migration "
                    "des serveurs ?"
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Oui, alors, euh, on a migré 8 serveurs sur 14. Les 6 restants, "
                    "c'est ceux qui hébergent la paie, donc on attend la fin de la "
                    "clôture."
                ),
            ),
            (
                "SPEAKER_03",
                ("La clôture c'est le 25, donc on pourrait basculer le week-end du 28 ?"),
            ),
            ("SPEAKER_02", "Le 28 c'est jouable, oui."),
            (
                "SPEAKER_01",
                (
                    "Moi ce qui m'inquiète c'est la formation des utilisateurs, on a 300 "
                    "personnes à former et personne n'a prévu de budget pour ça."
                ),
            ),
            ("SPEAKER_00", "C'est noté. On en reparle avec Stéphane, c'est lui qui a le budget."),
            (
                "SPEAKER_03",
                (
                    "Et il faudrait qu'on ait un interlocuteur côté éditeur, on n'a "
                    "toujours personne."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Oui, je relance l'éditeur cette semaine. Bon, je propose qu'on se "
                    "revoie dans 15 jours. Merci à tous."
                ),
            ),
        ),
        expected={
            "SPEAKER_00": "Aurélie",
            "SPEAKER_01": None,
            "SPEAKER_02": "Karim",
            "SPEAKER_03": None,
        },
        note=(
            "Présentation en passant et prénom adressé avant une réponse ; un "
            "absent dont on parle ; deux intervenants jamais nommés."
        ),
    ),
    NamingCase(
        name="en_budget_q3_absent_paul",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Alright, so Paul couldn't make it today, but he sent over the "
                    "spreadsheet, so I'll share my screen."
                ),
            ),
            ("SPEAKER_00", "Can everyone see the Q3 tab?"),
            ("SPEAKER_01", "Yep."),
            ("SPEAKER_02", "Yes, I see it."),
            (
                "SPEAKER_00",
                (
                    "So we're about 40,000 over on contractors, mostly because of the "
                    "security audit."
                ),
            ),
            ("SPEAKER_02", "That 40,000 includes the pen test, or is the pen test separate?"),
            ("SPEAKER_00", "It's included. The pen test alone was 18,500."),
            (
                "SPEAKER_01",
                (
                    "Okay, but I thought Greg already approved the extra spend for the "
                    "audit back in July."
                ),
            ),
            (
                "SPEAKER_00",
                ("He approved the audit, not the pen test, that's the, um, the grey area."),
            ),
            ("SPEAKER_02", "Sorry, I, go ahead."),
            ("SPEAKER_01", "No, you go, Hannah."),
            (
                "SPEAKER_02",
                (
                    "I was just going to say, if we move the pen test to the security "
                    "budget line, marketing is back on target and nobody has to go back "
                    "to Greg."
                ),
            ),
            (
                "SPEAKER_00",
                ("That's actually a good idea. Luis, can you live with that on the ops side?"),
            ),
            ("SPEAKER_01", "Yeah, I think so, as long as it's documented somewhere."),
            (
                "SPEAKER_00",
                (
                    "Fine, I'll update the sheet and send it to Paul so he can "
                    "double-check the formulas."
                ),
            ),
            ("SPEAKER_02", "Great. Thanks for pulling this together."),
            (
                "SPEAKER_00",
                (
                    "Thanks everyone, and thanks Paul for the numbers, even if he's not "
                    "here to hear it."
                ),
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Luis",
            "SPEAKER_02": "Hannah",
        },
        note=(
            "Absent spreadsheet author thanked in the closing words; names given "
            "when yielding the floor and when asking a colleague directly."
        ),
    ),
    NamingCase(
        name="fr_revue_budget_invitation_mails",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour à tous, merci d'être là. On a une heure, donc je propose "
                    "qu'on aille directement aux chiffres. Julien, tu veux commencer par "
                    "l'événementiel ?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Oui, merci Marie. Alors, sur l'événementiel, on est à 182 000 euros "
                    "consommés sur 250 000, donc plutôt bien."
                ),
            ),
            (
                "SPEAKER_01",
                ("Par contre le salon de Lyon a coûté 15 000 de plus que prévu, à cause du stand."),
            ),
            ("SPEAKER_00", "D'accord. Et tu penses tenir l'enveloppe d'ici décembre ?"),
            ("SPEAKER_01", "Si on annule le séminaire client de novembre, oui. Sinon on dépasse."),
            (
                "SPEAKER_02",
                (
                    "Annuler le séminaire, ça me paraît compliqué, les commerciaux l'ont "
                    "déjà annoncé à leurs clients."
                ),
            ),
            ("SPEAKER_00", "Sophie, côté digital, tu as de la marge ?"),
            (
                "SPEAKER_02",
                ("Un peu. On a décalé la campagne vidéo à janvier, ça libère à peu près 20 000."),
            ),
            ("SPEAKER_00", "Ok, donc on pourrait financer le surcoût du salon avec ça."),
            (
                "SPEAKER_03",
                (
                    "Alors, euh, côté contrôle de gestion, je vous rappelle juste qu'on "
                    "ne peut pas transférer d'un poste à l'autre sans validation de la "
                    "direction financière."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Oui, oui, on fera la demande. Paul devait venir mais il est en "
                    "déplacement, je lui transmettrai."
                ),
            ),
            (
                "SPEAKER_03",
                ("Et il me faudrait vos prévisions actualisées par écrit avant vendredi."),
            ),
            ("SPEAKER_01", "Pas de souci, je t'envoie ça demain."),
            ("SPEAKER_00", "Parfait. Merci à tous, et merci Julien pour le détail."),
        ),
        documents=(
            (
                "Objet : Revue budgétaire T3 - Direction marketing\n"
                "Date : mardi 8 octobre, 14h00 - 15h00\n"
                "Lieu : salle Vendôme / Teams\n"
                "Organisateur : marie.dupont@acme.fr\n"
                "Participants : marie.dupont@acme.fr ; julien.moreau@acme.fr ; "
                "sophie.lambert@acme.fr ; paul.girard@acme.fr ; "
                "controle.gestion@acme.fr\n"
                "\n"
                "Bonjour à tous, merci de venir avec vos prévisions actualisées.\n"
                "Marie"
            ),
        ),
        expected={
            "SPEAKER_00": "Marie Dupont",
            "SPEAKER_01": "Julien Moreau",
            "SPEAKER_02": "Sophie Lambert",
            "SPEAKER_03": None,
        },
        note=(
            "Invitation avec adresses e-mail : prénoms du texte complétés par le "
            "document ; un invité absent ; le contrôle de gestion reste anonyme."
        ),
    ),
    NamingCase(
        name="en_hiring_debrief_two_jordans",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, so this is the debrief for the senior backend role, candidate "
                    "is Jordan Ellis. Let's do the usual, everyone gives a hire or "
                    "no-hire first, then reasons."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Before we start, can I just say it was very weird interviewing "
                    "someone with my name. I kept turning around when the recruiter said "
                    "Jordan."
                ),
            ),
            ("SPEAKER_00", "Ha, yes. Okay, our Jordan, you go first then."),
            (
                "SPEAKER_01",
                (
                    "Hire. Strong on system design, she asked the right questions about "
                    "failure modes, um, and she was honest when she didn't know "
                    "something."
                ),
            ),
            ("SPEAKER_00", "Nice. Wen?"),
            (
                "SPEAKER_02",
                (
                    "Leaning hire, but I have a concern on the coding round. She got "
                    "there in the end but it took, I'd say, 35 minutes for something I'd "
                    "expect in 20."
                ),
            ),
            ("SPEAKER_01", "I think she was nervous. The second half was much better."),
            (
                "SPEAKER_02",
                (
                    "Maybe. I'm not saying no, I'm saying I'd like a reference check "
                    "that covers hands-on coding."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "That's fair. For what it's worth, I'm a hire. Her manager at her "
                    "last job, um, Stefan something, apparently gave her glowing "
                    "feedback to the recruiter."
                ),
            ),
            ("SPEAKER_02", "Stefan Kraus? I know him, I can ping him informally."),
            (
                "SPEAKER_00",
                (
                    "Let's keep it formal, go through the recruiter. So that's 2 hires "
                    "and a leaning hire from Wen."
                ),
            ),
            ("SPEAKER_02", "Correct."),
            (
                "SPEAKER_00",
                (
                    "Great, I'll tell the recruiter we're moving Jordan Ellis to the "
                    "offer stage, pending references."
                ),
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Jordan",
            "SPEAKER_02": "Wen",
        },
        note=("Candidate and a panelist share a first name; only the panelist speaks."),
    ),
    NamingCase(
        name="fr_debrief_recrutement_candidats",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bon, on fait le debrief pour le poste de chef de projet. On a vu 3 "
                    "candidats, je propose qu'on commence par Mathieu Ferrand."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Alors Mathieu, pour moi c'est non. Il est sympa, mais il a jamais "
                    "géré de budget au-dessus de 100 000 euros."
                ),
            ),
            ("SPEAKER_00", "Et toi Inès, ton avis ?"),
            (
                "SPEAKER_02",
                (
                    "Je suis un peu moins sévère. Il a quand même piloté la refonte du "
                    "site chez son ancien employeur, c'est pas rien."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Oui, mais c'était avec un directeur de projet au-dessus de lui, il "
                    "l'a dit lui-même."
                ),
            ),
            ("SPEAKER_00", "Ok. Deuxième candidate, Clémence Rivière."),
            (
                "SPEAKER_02",
                (
                    "Clémence, pour moi c'est oui, clairement. Très structurée, elle a "
                    "répondu à toutes les questions sur les risques."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "D'accord avec Inès. Par contre, elle demande 58 000, on est "
                    "au-dessus de la grille."
                ),
            ),
            ("SPEAKER_00", "Je peux en parler avec Nicolas."),
            ("SPEAKER_01", "Nicolas de la paie, ou Nicolas Vidal ?"),
            (
                "SPEAKER_00",
                ("Nicolas Vidal, le DRH. C'est lui qui valide les dépassements de grille."),
            ),
            ("SPEAKER_02", "Et le troisième candidat, on en parle ? Il s'est désisté, non ?"),
            (
                "SPEAKER_00",
                (
                    "Oui, il a accepté une autre offre hier. Donc on a Clémence en "
                    "premier choix, et Mathieu en plan B si tout le monde est d'accord."
                ),
            ),
            ("SPEAKER_02", "Ça me va. Tu m'envoies le compte rendu, Sandrine ?"),
            ("SPEAKER_00", "Oui, ce soir."),
        ),
        expected={
            "SPEAKER_00": "Sandrine",
            "SPEAKER_01": None,
            "SPEAKER_02": "Inès",
        },
        note=(
            "Débrief de recrutement : candidats et deux Nicolas seulement "
            "évoqués ; une évaluatrice interpellée par son prénom ; l'animatrice "
            "nommée à la fin."
        ),
    ),
    NamingCase(
        name="en_postmortem_name_correction",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, this is the post-mortem for Tuesday's payments outage. "
                    "Blameless, as usual. Bogdan, do you want to take us through the "
                    "timeline?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Sure. And it's Bohdan, with an H, but honestly everyone gets it "
                    "wrong so no worries."
                ),
            ),
            ("SPEAKER_00", "Sorry, Bohdan. Go ahead."),
            (
                "SPEAKER_01",
                (
                    "So at 14:02 the queue depth on payments started climbing. At 14:09 "
                    "the first alert fired, but it went to the old rotation, so nobody "
                    "was paged."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "That was me, by the way, I was supposed to be on call and I never "
                    "got the page. I'm Wei, for the people from finance who joined."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Right. Then at 14:20 Marco posted in the incident channel, quote, "
                    "is anyone looking at the payments queue, end quote, and that's when "
                    "Wei picked it up."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Yeah, and I restarted the consumers at 14:26, which, uh, made it "
                    "worse for about 10 minutes."
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "Can I ask why it made it worse? From our side, that's when "
                    "customers started getting double charges."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Because the consumers re-read uncommitted messages. So some "
                    "payments were processed twice."
                ),
            ),
            ("SPEAKER_03", "How many customers are we talking about?"),
            (
                "SPEAKER_01",
                ("312 transactions, 287 unique customers. All refunded by Wednesday morning."),
            ),
            (
                "SPEAKER_00",
                (
                    "Thanks. So, action items. First one is fixing the alert routing. "
                    "Wei, can you own that?"
                ),
            ),
            ("SPEAKER_02", "Yes, I'll own it."),
            (
                "SPEAKER_03",
                (
                    "And from finance we need a list of the refunds matched to the "
                    "original charges, for the audit."
                ),
            ),
            ("SPEAKER_00", "Bohdan, can you export that?"),
            ("SPEAKER_01", "I'll do it today."),
            (
                "SPEAKER_00",
                ("Great. Marco wanted to be here but he's on a flight, I'll send him the notes."),
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Bohdan",
            "SPEAKER_02": "Wei",
            "SPEAKER_03": None,
        },
        note=(
            "Speaker corrects how their name was said; a colleague quoted from "
            "chat and absent; a finance attendee never named."
        ),
    ),
    NamingCase(
        name="fr_retour_experience_panne",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bon, on fait le retour d'expérience sur la panne de jeudi. Sans "
                    "chercher de coupable, comme d'habitude. Anne-Sophie, tu veux "
                    "reprendre la chronologie ?"
                ),
            ),
            ("SPEAKER_01", "Anne-Laure, mais c'est pas grave, ça arrive tout le temps."),
            ("SPEAKER_00", "Pardon, Anne-Laure ! Vas-y."),
            (
                "SPEAKER_01",
                (
                    "Alors, à 9h12, le site de commande commence à répondre en plus de "
                    "10 secondes. À 9h20, premières alertes, et à 9h25 le service client "
                    "commence à recevoir des appels."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Et là, Damien m'écrit sur Teams, je cite : « c'est toi qui as "
                    "redémarré le cluster ? » Alors que non, personne l'avait touché."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "C'était moi, en fait. Enfin, pas le redémarrage, mais j'avais lancé "
                    "la mise à jour du certificat la veille au soir."
                ),
            ),
            ("SPEAKER_00", "D'accord. Et la mise à jour, elle était planifiée ?"),
            (
                "SPEAKER_02",
                ("Oui, elle était dans le calendrier des changements, validée par Hervé."),
            ),
            (
                "SPEAKER_03",
                (
                    "Je me permets, côté service client, on a eu 430 appels en 2 heures. "
                    "Les gens pensaient que leurs commandes étaient perdues."
                ),
            ),
            ("SPEAKER_00", "Elles l'étaient ?"),
            (
                "SPEAKER_01",
                (
                    "Non, toutes les commandes étaient en file d'attente, elles ont été "
                    "traitées à 11h40 quand le service est revenu."
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "Il faudrait qu'on ait un message d'attente prêt à l'avance, pour ce "
                    "genre de cas. On a improvisé."
                ),
            ),
            ("SPEAKER_00", "Bonne idée. Tu peux rédiger une proposition ?"),
            ("SPEAKER_03", "Oui, je m'en occupe."),
            (
                "SPEAKER_00",
                (
                    "Et pour le certificat, Yohann, tu peux documenter la procédure de "
                    "retour arrière ?"
                ),
            ),
            ("SPEAKER_02", "Oui, je la mets dans le wiki d'ici vendredi."),
            (
                "SPEAKER_00",
                ("Parfait. Merci à tous, et je transmets le compte rendu à Damien et Hervé."),
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Anne-Laure",
            "SPEAKER_02": "Yohann",
            "SPEAKER_03": None,
        },
        note=(
            "Une intervenante corrige son prénom mal dit ; message Teams cité "
            "d'un absent ; un valideur seulement évoqué."
        ),
    ),
    NamingCase(
        name="en_weekly_one_to_one",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Hey Tariq, how's it going? Sorry I'm a couple of minutes late, the "
                    "previous meeting ran over."
                ),
            ),
            ("SPEAKER_01", "No worries. It's going okay, busy week."),
            ("SPEAKER_00", "Yeah? What's been taking most of your time?"),
            (
                "SPEAKER_01",
                (
                    "Mostly the onboarding docs. Jess asked me to rewrite the whole "
                    "setup section because the new laptops use a different VPN client."
                ),
            ),
            ("SPEAKER_00", "Oh right, I'd forgotten about that. Is it done?"),
            (
                "SPEAKER_01",
                (
                    "About 80 percent. I'm stuck on the part about certificates, I need "
                    "someone from IT to confirm the steps."
                ),
            ),
            ("SPEAKER_00", "Talk to Marcus, he did the rollout. Tell him I sent you."),
            (
                "SPEAKER_01",
                ("Okay, will do. Um, the other thing I wanted to raise is the on-call rota."),
            ),
            ("SPEAKER_01", "I've been on call 3 weekends out of the last 5."),
            (
                "SPEAKER_00",
                ("That's too many. I'll look at the rota today. Was that because of swaps?"),
            ),
            (
                "SPEAKER_01",
                (
                    "Two of them were swaps, yeah. I said yes because people asked, but "
                    "it's adding up."
                ),
            ),
            (
                "SPEAKER_00",
                ("Okay, next time just say no, or come to me first. That's totally fine."),
            ),
            ("SPEAKER_01", "Thanks, Elena, I appreciate that."),
            ("SPEAKER_00", "Of course. Anything else?"),
            ("SPEAKER_01", "No, that's it for this week."),
            ("SPEAKER_00", "Great, talk next week then."),
        ),
        expected={
            "SPEAKER_00": "Elena",
            "SPEAKER_01": "Tariq",
        },
        note=(
            "Two-person one-to-one: greeting by name and thanks by name; teammates only mentioned."
        ),
    ),
    NamingCase(
        name="fr_point_hebdo_manager",
        language="fr",
        lines=(
            ("SPEAKER_00", "Salut Camille, ça va ? T'as passé une bonne semaine ?"),
            ("SPEAKER_01", "Ça va, un peu chargée. On a eu l'audit qualité mardi et mercredi."),
            ("SPEAKER_00", "Ah oui, c'est vrai. Et ça s'est bien passé ?"),
            (
                "SPEAKER_01",
                (
                    "Globalement oui. L'auditrice a relevé 2 écarts mineurs, sur la "
                    "traçabilité des lots, rien de grave."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Par contre, euh, j'ai dû tout préparer seule parce que Lucas était "
                    "en congé, et ça, c'était un peu dur."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Je comprends. On aurait dû décaler ses congés, c'est ma faute, je "
                    "les ai validés sans regarder le planning de l'audit."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "C'est pas grave, c'est fait. Mais pour le prochain audit, "
                    "j'aimerais qu'on soit 2."
                ),
            ),
            ("SPEAKER_00", "Oui, noté. Autre chose ?"),
            (
                "SPEAKER_01",
                (
                    "Oui, je voulais te parler de la formation management. Élise m'a dit "
                    "qu'il restait des places en janvier."
                ),
            ),
            ("SPEAKER_00", "Bonne idée, tu veux t'inscrire ?"),
            ("SPEAKER_01", "Oui, si tu es d'accord."),
            (
                "SPEAKER_00",
                ("Aucun souci, je valide la demande dès qu'elle arrive. Tu m'envoies le lien ?"),
            ),
            ("SPEAKER_01", "Je te l'envoie tout de suite. Merci."),
            ("SPEAKER_00", "Merci à toi, bon week-end."),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Camille",
        },
        note=(
            "Entretien hebdomadaire à deux : seule la collaboratrice est saluée "
            "par son prénom ; collègues évoqués."
        ),
    ),
    NamingCase(
        name="en_allhands_qa_form_questions",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, we're at time for the Q&A part. We've got a lot of questions "
                    "in the form, so I'll read them out and Rachel will answer them."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "First question, and it's the top-voted one, from Leo on the Berlin "
                    "team: will the office move affect the hybrid policy?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Great question, thanks Leo. Short answer, no. The hybrid policy "
                    "stays at 2 days in the office, whatever building we're in."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Next question from Priya: when will we hear about the bonus cycle? "
                    "And Priya, I think you're on the call, do you want to add anything?"
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Yeah, hi, just to add, the question is mostly because last year the "
                    "letters came in April, and people were making plans assuming March."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "That's fair, Priya. This year it's March, the letters go out in the "
                    "second week."
                ),
            ),
            ("SPEAKER_02", "Okay, thank you, that's really helpful."),
            ("SPEAKER_00", "Next one is anonymous: is the hiring freeze still on?"),
            (
                "SPEAKER_01",
                ("It's partially lifted. We're backfilling roles, but no new headcount until Q2."),
            ),
            (
                "SPEAKER_03",
                (
                    "Sorry, can I ask a follow-up on that? Does backfilling include "
                    "internal transfers?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Yes, internal transfers count as backfills. Talk to your HR partner "
                    "if you're thinking about it."
                ),
            ),
            ("SPEAKER_00", "We also have a hand raised. Go ahead, you're unmuted."),
            (
                "SPEAKER_04",
                (
                    "Hi, it's Tomasz from the Krakow office. Um, will the new building "
                    "have parking? Because a lot of us drive in from outside the city."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Some, Tomasz, but not a lot. We're negotiating 40 spaces, and "
                    "there'll be a shuttle from the station."
                ),
            ),
            (
                "SPEAKER_00",
                ("Okay, last one, from Ahmed: can we get better coffee on the third floor?"),
            ),
            (
                "SPEAKER_01",
                (
                    "I'm told that's the most important question of the day. Yes, it's "
                    "in the budget."
                ),
            ),
            ("SPEAKER_00", "Ha, great. Thanks everyone, and thanks Rachel."),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Rachel",
            "SPEAKER_02": "Priya",
            "SPEAKER_03": None,
            "SPEAKER_04": "Tomasz",
        },
        note=(
            "Moderator reads questions from the form: one asker then speaks, two "
            "never do; the answering executive is named by the moderator."
        ),
    ),
    NamingCase(
        name="fr_conseil_administration_pv",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonsoir à tous. En tant que présidente, je déclare la séance "
                    "ouverte. Nous sommes 4 sur 6, le quorum est atteint."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Monsieur Roux et Madame Petit se sont excusés. Premier point, "
                    "l'approbation des comptes. Je donne la parole à notre trésorier."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Merci Madame la Présidente. Alors, l'exercice 2023 se termine avec "
                    "un excédent de 2 340 euros, principalement grâce à la subvention de "
                    "la mairie."
                ),
            ),
            (
                "SPEAKER_01",
                ("Les dépenses de semences et d'outillage sont stables, autour de 4 800 euros."),
            ),
            (
                "SPEAKER_02",
                (
                    "Je peux poser une question ? La subvention de la mairie, elle est "
                    "acquise pour 2024 aussi ?"
                ),
            ),
            ("SPEAKER_01", "Pas encore, le dossier est déposé, on aura la réponse en mai."),
            ("SPEAKER_00", "Madame Ferhat, vous vouliez ajouter quelque chose ?"),
            (
                "SPEAKER_03",
                (
                    "Oui, simplement que si la subvention n'est pas renouvelée, il "
                    "faudra augmenter les cotisations."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "C'est justement le deuxième point. Mais d'abord, qui approuve les "
                    "comptes ? Unanimité, merci."
                ),
            ),
            (
                "SPEAKER_02",
                ("Je note pour le procès-verbal : comptes 2023 approuvés à l'unanimité."),
            ),
            (
                "SPEAKER_00",
                (
                    "Merci. Deuxième point, les cotisations. Aujourd'hui elles sont à 25 "
                    "euros par an."
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "Je proposerais 30 euros, avec un tarif réduit à 15 pour les "
                    "étudiants et les demandeurs d'emploi."
                ),
            ),
            ("SPEAKER_01", "Avec 80 adhérents, ça ferait environ 300 euros de plus, pas énorme."),
            ("SPEAKER_00", "Non, mais c'est un signal. On vote ? Adopté."),
            ("SPEAKER_02", "Noté : cotisation à 30 euros, tarif réduit 15 euros."),
            ("SPEAKER_00", "Merci à tous, la séance est levée."),
        ),
        documents=(
            (
                "Association Les Jardins Partagés du Val\n"
                "Procès-verbal du conseil d'administration du 12 mars\n"
                "Présents : Mme Françoise Lemaire (présidente), M. Alain Girard "
                "(trésorier), M. Olivier Chen (secrétaire), Mme Nadia Ferhat "
                "(administratrice)\n"
                "Excusés : M. Bernard Roux (vice-président), Mme Joëlle Petit "
                "(administratrice)\n"
                "Ordre du jour : approbation des comptes 2023 ; cotisations 2024 ; "
                "questions diverses"
            ),
        ),
        expected={
            "SPEAKER_00": "Françoise Lemaire",
            "SPEAKER_01": "Alain Girard",
            "SPEAKER_02": "Olivier Chen",
            "SPEAKER_03": "Nadia Ferhat",
        },
        note=(
            "En-tête de PV Présents / Excusés : fonctions dites ou impliquées "
            "dans le texte, titre + nom ; excusés évoqués."
        ),
    ),
    NamingCase(
        name="en_vendor_renewal_calendar_invite",
        language="en",
        lines=(
            ("SPEAKER_00", "Hi everyone, thanks for making time. Jamie, can you hear us okay?"),
            ("SPEAKER_01", "Loud and clear. Thanks for setting this up, Anna."),
            (
                "SPEAKER_01",
                (
                    "And I've got my colleague from sales operations with me, she'll "
                    "handle any contract questions."
                ),
            ),
            ("SPEAKER_02", "Hi, yes, hello everyone."),
            ("SPEAKER_00", "Great. And Tom from our finance team is also here."),
            ("SPEAKER_03", "Morning. Yes, I'm mostly here to understand the pricing structure."),
            (
                "SPEAKER_01",
                (
                    "Of course. So the quote we sent is for 250 seats, at 38 per seat "
                    "per month, which is a 6 percent increase on last year."
                ),
            ),
            ("SPEAKER_03", "6 percent is more than we budgeted. We planned for flat."),
            (
                "SPEAKER_01",
                (
                    "Understood. The increase mostly reflects the new analytics module, "
                    "which is included now."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "We don't really use the analytics module though. Could we get the "
                    "renewal without it, at last year's price?"
                ),
            ),
            ("SPEAKER_01", "That's something I'd need to check. Our pricing is per bundle now."),
            (
                "SPEAKER_02",
                (
                    "If I can add something, we did do an unbundled renewal for Ferguson "
                    "last quarter, because they had the same situation. So there is a "
                    "precedent."
                ),
            ),
            ("SPEAKER_00", "Sorry, who's Ferguson?"),
            (
                "SPEAKER_02",
                (
                    "Ferguson, the plumbing distributor, one of our bigger customers. "
                    "Sorry, I should have said."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Right, so there's a precedent. Let me take it back and come back to "
                    "you with an unbundled quote by Monday."
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "And if you could show the multi-year option as well, 2 or 3 years, "
                    "that would help me."
                ),
            ),
            ("SPEAKER_01", "Will do."),
            ("SPEAKER_00", "Perfect. Thanks Jamie, thanks both."),
        ),
        documents=(
            (
                "Subject: Northbeam renewal - pricing discussion\n"
                "When: Thursday 14 March, 10:00-11:00 (CET)\n"
                "Organizer: anna.kowalczyk@acme.com\n"
                "Attendees: anna.kowalczyk@acme.com; tom.reilly@acme.com; "
                "jamie.whitaker@northbeam.io; sales-ops@northbeam.io; "
                "procurement@acme.com\n"
                "Join Microsoft Teams meeting\n"
                "\n"
                "Hi Jamie, as discussed, let's use this slot to go through the "
                "renewal quote. Tom from finance will join.\n"
                "Best, Anna"
            ),
        ),
        expected={
            "SPEAKER_00": "Anna Kowalczyk",
            "SPEAKER_01": "Jamie Whitaker",
            "SPEAKER_02": None,
            "SPEAKER_03": "Tom Reilly",
        },
        note=(
            "Calendar invitation with attendee emails gives full names; a "
            "customer company named like a person; an unnamed vendor colleague."
        ),
    ),
    NamingCase(
        name="fr_radio_avocat_maitre",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour à tous, vous écoutez Midi Éco, je suis Claire Vasseur. "
                    "Aujourd'hui on parle de la rupture conventionnelle, et j'ai le "
                    "plaisir de recevoir un avocat en droit du travail. Maître Delorme, "
                    "bonjour."
                ),
            ),
            ("SPEAKER_01", "Bonjour Claire, merci de m'accueillir."),
            (
                "SPEAKER_00",
                (
                    "Alors, première question, simple : est-ce que la rupture "
                    "conventionnelle est vraiment un divorce à l'amiable, comme on "
                    "l'entend souvent ?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Sur le papier, oui. Dans la pratique, euh, c'est rarement aussi "
                    "équilibré. L'employeur a souvent plus d'informations que le salarié."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Et le salarié ne sait pas toujours qu'il peut négocier l'indemnité "
                    "au-dessus du minimum légal."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Justement, on a un message d'une auditrice, Martine, qui nous écrit "
                    ": « mon employeur me propose le minimum, est-ce que je peux refuser "
                    "? »"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Bien sûr, Martine peut refuser. La rupture conventionnelle, c'est "
                    "un accord, personne ne peut l'imposer."
                ),
            ),
            ("SPEAKER_00", "Et si elle refuse, elle risque quoi ?"),
            (
                "SPEAKER_01",
                (
                    "Juridiquement, rien. Dans les faits, la relation de travail peut se "
                    "dégrader, c'est pour ça que je conseille toujours de se faire "
                    "accompagner."
                ),
            ),
            ("SPEAKER_00", "Par un avocat, forcément ?"),
            (
                "SPEAKER_01",
                (
                    "Pas forcément. Un représentant du personnel, un conseiller du "
                    "salarié, c'est gratuit et c'est très efficace."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Merci Maître. On fait une petite pause, et on revient avec vos "
                    "questions au standard."
                ),
            ),
        ),
        expected={
            "SPEAKER_00": "Claire Vasseur",
            "SPEAKER_01": "Delorme",
        },
        note=(
            "Émission de radio : l'invité n'est désigné que par Maître + nom ; "
            "message écrit d'une auditrice lu à l'antenne."
        ),
    ),
    NamingCase(
        name="en_training_incident_reporting",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Morning everyone. So this is module 3, medication incident "
                    "reporting. It should take about 45 minutes, and please, interrupt "
                    "me whenever."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Sorry, before you start, is this the session that counts for the "
                    "mandatory training hours?"
                ),
            ),
            ("SPEAKER_00", "It is, yes, you'll get the certificate by email afterwards."),
            ("SPEAKER_01", "Great, thanks, Dr Halvorsen."),
            (
                "SPEAKER_00",
                (
                    "So, first, who here has actually filed an incident report in the "
                    "new system? Show of hands, or just shout."
                ),
            ),
            ("SPEAKER_02", "I have, twice. It was, um, not intuitive."),
            (
                "SPEAKER_00",
                ("Yes, Gabe, that's the feedback we hear a lot. What was the hardest part?"),
            ),
            (
                "SPEAKER_02",
                (
                    "Finding where to attach the prescription scan. It's hidden under "
                    "additional details."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Exactly, and that's going to change in the next release. Lucy, "
                    "you've used the old paper form for years, how does it compare?"
                ),
            ),
            ("SPEAKER_00", "Lucy? Maybe she's on mute. Okay, we'll come back to her."),
            (
                "SPEAKER_03",
                (
                    "I can answer that, I used the paper form too, on the night shift. "
                    "The paper form was faster, but it got lost all the time."
                ),
            ),
            ("SPEAKER_00", "Thank you, that's a good point. Faster but lost. Anyone else?"),
            (
                "SPEAKER_01",
                (
                    "I think the new system is fine once you know it. The problem is "
                    "nobody shows you."
                ),
            ),
            ("SPEAKER_00", "Which is why we're here. Okay, let me share the demo environment."),
            ("SPEAKER_02", "Is the demo using real patient data?"),
            (
                "SPEAKER_00",
                (
                    "No, everything is synthetic. The patient in the demo is called John "
                    "Smith, which tells you how creative we were."
                ),
            ),
        ),
        expected={
            "SPEAKER_00": "Halvorsen",
            "SPEAKER_01": None,
            "SPEAKER_02": "Gabe",
            "SPEAKER_03": None,
        },
        note=(
            "Trainer known only as Dr + surname; a trainee asked a question who "
            "never answers; a fictional demo patient name."
        ),
    ),
    NamingCase(
        name="fr_webinaire_facturation_questions",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour à toutes et à tous, et bienvenue à ce webinaire sur la "
                    "facturation électronique. Je m'appelle Élodie, je m'occupe des "
                    "événements chez Comptaplus, et je vais animer les questions."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Notre intervenante aujourd'hui est experte-comptable et elle suit "
                    "la réforme depuis le début. Madame Nguyen, je vous laisse la parole."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Merci Élodie, et bonjour à tous. Alors, la réforme, en une phrase : "
                    "à partir de septembre 2026, toutes les entreprises devront pouvoir "
                    "recevoir des factures électroniques."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Et l'émission, elle, sera progressive, les grandes entreprises "
                    "d'abord, les PME et les micro-entreprises en 2027."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Merci. On a déjà beaucoup de questions dans le chat. Benoît nous "
                    "demande : « est-ce qu'un PDF envoyé par mail, c'est une facture "
                    "électronique ? »"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Très bonne question, et la réponse est non. Un PDF, c'est une "
                    "facture papier numérisée, en quelque sorte. Il faut un format "
                    "structuré."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Question suivante, de Karine : « est-ce que je dois changer de "
                    "logiciel de facturation ? »"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Pas forcément. Beaucoup d'éditeurs vont se mettre à jour. "
                    "Renseignez-vous auprès du vôtre."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Et on a une main levée. Sandrine, je vous donne la parole, vous "
                    "pouvez activer votre micro."
                ),
            ),
            ("SPEAKER_02", "Oui, bonjour, est-ce que vous m'entendez ?"),
            ("SPEAKER_00", "Très bien."),
            (
                "SPEAKER_02",
                (
                    "Alors moi je suis auto-entrepreneuse, je fais 3 ou 4 factures par "
                    "mois. Est-ce que je suis vraiment concernée ?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Oui, vous êtes concernée, mais à partir de 2027 seulement pour "
                    "l'émission. Et pour la réception, dès 2026."
                ),
            ),
            ("SPEAKER_02", "D'accord. Et c'est payant, les plateformes ?"),
            (
                "SPEAKER_01",
                (
                    "Il y aura des solutions gratuites, notamment le portail public, au "
                    "moins pour les petits volumes."
                ),
            ),
            ("SPEAKER_02", "Merci beaucoup, c'est plus clair."),
            (
                "SPEAKER_00",
                ("Merci Sandrine, et merci Madame Nguyen. La rediffusion sera disponible demain."),
            ),
        ),
        expected={
            "SPEAKER_00": "Élodie",
            "SPEAKER_01": "Nguyen",
            "SPEAKER_02": "Sandrine",
        },
        note=(
            "Webinaire : questions du chat lues pour des personnes muettes ; une "
            "main levée nommée puis qui parle ; intervenante désignée par Madame "
            "+ nom."
        ),
    ),
    NamingCase(
        name="en_board_trustees_agenda_roles",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Good evening, everyone. As chair, I'll open the meeting. It's 6:05, "
                    "and we're quorate."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "We've had apologies from Sir Anthony, who's unwell, and I'm sure we "
                    "all wish him a quick recovery."
                ),
            ),
            ("SPEAKER_01", "Hear, hear."),
            ("SPEAKER_00", "Item 2, the minutes of the last meeting. Any corrections?"),
            (
                "SPEAKER_01",
                (
                    "Just one, on page 3, it says the roof works were approved at "
                    "120,000, it should be 210,000. As secretary I should have caught "
                    "it, I've checked it against the tender."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Thank you. With that correction, are the minutes agreed? Agreed. "
                    "Item 3, the finance report."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Thank you, Chair. So, the headline for Q2 is that rental income is "
                    "up 3 percent, but repairs spending is up 11 percent, mostly damp "
                    "and mould."
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "And that's going to keep rising, I'm afraid. We've had 140 new damp "
                    "reports since April."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Which is why, as treasurer, I'd recommend we move 250,000 from the "
                    "reserves to the repairs budget."
                ),
            ),
            (
                "SPEAKER_00",
                ("Ruth, is the team able to absorb that volume of work, even with the money?"),
            ),
            (
                "SPEAKER_03",
                (
                    "Not with the current contractors. We'd need a second framework "
                    "contractor, which I'll cover in my update."
                ),
            ),
            ("SPEAKER_00", "Then let's take item 4 now, since it's connected."),
            (
                "SPEAKER_03",
                ("Thank you. So, tenant services. The main thing is damp and mould, as I said."),
            ),
            (
                "SPEAKER_03",
                (
                    "We've cleared 90 of the 140 reports, the remaining 50 are scheduled "
                    "before the end of September."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Can I ask whether we've written to the tenants who are still "
                    "waiting? That'll come up at the tenants' forum."
                ),
            ),
            ("SPEAKER_03", "Yes, every one of them has a letter with a date."),
            ("SPEAKER_00", "Good. Any other business? Yes, Imran."),
            (
                "SPEAKER_04",
                (
                    "Just a quick one, the tenants' forum would like a trustee to attend "
                    "in October. I'm happy to go, if nobody else wants to."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Thank you, Imran, that's very kind. Noted. Anything else? No? Then "
                    "the meeting is closed at 7:10."
                ),
            ),
        ),
        documents=(
            (
                "HARBOURVIEW HOUSING TRUST\n"
                "Board of Trustees - Quarterly Meeting\n"
                "Agenda\n"
                "1. Welcome and apologies - Chair (Margaret Osei)\n"
                "2. Minutes of the previous meeting - Company Secretary (Liam "
                "Forde)\n"
                "3. Finance report, Q2 - Treasurer (Daniel Brandt)\n"
                "4. Tenant services update - Chief Executive (Ruth Ambrose)\n"
                "5. Any other business"
            ),
        ),
        expected={
            "SPEAKER_00": "Margaret Osei",
            "SPEAKER_01": "Liam Forde",
            "SPEAKER_02": "Daniel Brandt",
            "SPEAKER_03": "Ruth Ambrose",
            "SPEAKER_04": "Imran",
        },
        note=(
            "Agenda with roles; speakers identified by the role they state or "
            "the item they present; an absent trustee; one trustee named only in "
            "the text."
        ),
    ),
    NamingCase(
        name="fr_appel_cabinet_de_la_part",
        language="fr",
        lines=(
            ("SPEAKER_00", "Cabinet Moreau et Associés, bonjour."),
            (
                "SPEAKER_01",
                (
                    "Oui, bonjour, j'appelle de la part de Madame Bertin, elle avait "
                    "rendez-vous mercredi avec Maître Moreau et elle ne pourra pas venir."
                ),
            ),
            ("SPEAKER_00", "D'accord, je regarde. Madame Bertin, Josiane ?"),
            ("SPEAKER_01", "Oui, c'est ça."),
            (
                "SPEAKER_00",
                ("Alors, je vois le rendez-vous, mercredi 10h. Vous êtes de la famille ?"),
            ),
            (
                "SPEAKER_01",
                (
                    "Oui, je suis sa fille, Léa. Ma mère est hospitalisée depuis lundi, "
                    "rien de grave, mais elle sort pas avant la fin de la semaine."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Je suis désolée. On peut décaler à la semaine suivante, j'ai mardi "
                    "14h ou jeudi 9h30."
                ),
            ),
            ("SPEAKER_01", "Jeudi 9h30, ce serait mieux. Je pourrai l'accompagner."),
            (
                "SPEAKER_00",
                (
                    "C'est noté. Jeudi 21 à 9h30 avec Maître Moreau. Est-ce que vous "
                    "pouvez me laisser un numéro où vous joindre ?"
                ),
            ),
            ("SPEAKER_01", "Oui, c'est le 06 12 48 77 30."),
            ("SPEAKER_00", "Parfait, merci. Je préviens Maître Moreau."),
            ("SPEAKER_01", "Merci beaucoup, au revoir."),
            ("SPEAKER_00", "Au revoir, madame."),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Léa",
        },
        note=(
            "Appel téléphonique : cabinet au nom de famille, cliente et avocat "
            "seulement évoqués ; la fille qui appelle donne son prénom."
        ),
    ),
    NamingCase(
        name="en_podcast_freight_interview",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Welcome back to Supply Lines, the podcast about how stuff actually "
                    "gets from A to B. I'm your host, Farah Nadeem."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "My guest today runs operations at Kestrel Freight, which moves, "
                    "what, about 9,000 containers a month? Owen Pike, welcome to the "
                    "show."
                ),
            ),
            (
                "SPEAKER_01",
                ("Thanks, Farah, it's great to be here. And it's closer to 11,000 now, actually."),
            ),
            (
                "SPEAKER_00",
                (
                    "11,000! Okay, so things are going well. Let's start at the "
                    "beginning. How did you end up in freight?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "By accident, honestly. I was studying marine biology, and my uncle, "
                    "uh, Frank, had a small trucking company in Hull, and he needed "
                    "someone for the summer."
                ),
            ),
            ("SPEAKER_01", "And that summer turned into 20 years."),
            (
                "SPEAKER_00",
                ("I love that. And what's the biggest change you've seen in those 20 years?"),
            ),
            (
                "SPEAKER_01",
                (
                    "Data. When I started, we tracked containers with a fax machine and "
                    "a whiteboard. Now a customer like Harrison can see every box on a "
                    "map in real time."
                ),
            ),
            ("SPEAKER_00", "Harrison being the retailer?"),
            ("SPEAKER_01", "Yes, the department store chain, sorry. They're our biggest account."),
            (
                "SPEAKER_00",
                (
                    "And is that visibility a good thing for you, or does it just mean "
                    "more angry phone calls?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Both! People used to call to ask where their container is. Now they "
                    "call to ask why it's been sitting in Rotterdam for 2 hours."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Ha. Okay, let's take a quick break, and when we come back I want to "
                    "ask you about the Suez blockage."
                ),
            ),
            ("SPEAKER_01", "Sounds good."),
        ),
        expected={
            "SPEAKER_00": "Farah Nadeem",
            "SPEAKER_01": "Owen Pike",
        },
        note=(
            "Podcast host introduces herself and the guest with full names; an "
            "uncle and a retailer named like a person are only mentioned."
        ),
    ),
    NamingCase(
        name="fr_revue_compte_client_lefebvre",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bon, on passe au compte Lefebvre. Pour ceux qui suivent pas le "
                    "dossier, Transports Lefebvre, c'est notre deuxième client en volume."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Et c'est aussi celui qui paie le plus en retard. On a 3 factures à "
                    "plus de 60 jours, pour à peu près 48 000 euros."
                ),
            ),
            ("SPEAKER_00", "Oui, j'ai vu. Ils disent quoi ?"),
            (
                "SPEAKER_01",
                (
                    "Leur comptable dit que c'est un problème de bons de commande, que "
                    "nos factures ne reprennent pas leurs numéros de commande."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "C'est vrai d'ailleurs, depuis le changement d'ERP on a perdu le "
                    "champ numéro de commande sur les factures. Je l'ai remonté en "
                    "septembre."
                ),
            ),
            ("SPEAKER_00", "Et ça n'a pas été corrigé ?"),
            ("SPEAKER_02", "Non, c'est dans la liste des évolutions, mais pas priorisé."),
            (
                "SPEAKER_01",
                ("Alors il faut le prioriser, sinon on aura le même problème avec Martin."),
            ),
            ("SPEAKER_00", "Martin, le groupe Martin Distribution ?"),
            ("SPEAKER_01", "Oui, pardon, eux aussi exigent le numéro de commande."),
            (
                "SPEAKER_00",
                (
                    "Je suis d'accord avec ce que vient de dire Fabien, on priorise. Je "
                    "vois avec la DSI cette semaine."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Et en attendant, je peux ressortir les factures à la main avec les "
                    "numéros, ça prend une demi-journée."
                ),
            ),
            ("SPEAKER_00", "Fais ça, oui. Merci Coralie."),
            ("SPEAKER_02", "Je m'en occupe demain matin."),
            (
                "SPEAKER_01",
                (
                    "Et moi je rappelle leur comptable pour lui dire que les factures "
                    "corrigées arrivent."
                ),
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Fabien",
            "SPEAKER_02": "Coralie",
        },
        note=(
            "Clients dont le nom ressemble à un nom de personne (Lefebvre, "
            "Martin) ; un intervenant nommé par « ce que vient de dire Fabien », "
            "une autre remerciée."
        ),
    ),
    NamingCase(
        name="en_webinar_dashboards_chat_questions",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Hi everyone, and welcome to today's webinar on the new reporting "
                    "dashboards. I'm Carla, I'm on the customer success team, and I'll "
                    "be moderating."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "With me is Ben, our product lead for analytics, who's going to do "
                    "the demo. Ben, over to you."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Thanks, Carla. So, I'm going to share my screen, and let's start "
                    "with the overview page."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Here you see the 4 default widgets. You can drag them around, "
                    "resize them, and, um, the big change is that you can now filter all "
                    "of them at once."
                ),
            ),
            ("SPEAKER_01", "Okay, I think that's the main tour. Carla, do we have questions?"),
            (
                "SPEAKER_00",
                (
                    "We do, lots. First one in the chat, from Mike Tan: can we export "
                    "the dashboard as a PDF?"
                ),
            ),
            (
                "SPEAKER_01",
                ("Yes, Mike, top right, the share menu, export as PDF. It keeps the filters."),
            ),
            (
                "SPEAKER_00",
                ("Next question from Svetlana: are the dashboards available on the starter plan?"),
            ),
            ("SPEAKER_01", "Not at the moment, they're on the professional plan and above."),
            (
                "SPEAKER_00",
                (
                    "And we have someone with their hand raised. Ananya, I'm going to "
                    "unmute you, go ahead."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Hi, thanks. Um, my question is about permissions. Can I share a "
                    "dashboard with someone who doesn't have access to the underlying "
                    "data?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Good question. No, they'll see the widgets but with a no access "
                    "message. We're working on a view-only snapshot mode."
                ),
            ),
            ("SPEAKER_02", "Okay, do you have a date for that?"),
            ("SPEAKER_01", "I can't promise a date, but it's on the roadmap for this year."),
            ("SPEAKER_02", "Great, thank you Ben."),
            (
                "SPEAKER_00",
                (
                    "Thanks Ananya. That's all we have time for. The recording will be "
                    "sent to everyone who registered."
                ),
            ),
        ),
        expected={
            "SPEAKER_00": "Carla",
            "SPEAKER_01": "Ben",
            "SPEAKER_02": "Ananya",
        },
        note=(
            "Webinar: moderator and presenter introduced; chat questions from "
            "people who never speak; a raised hand unmuted by name."
        ),
    ),
    NamingCase(
        name="fr_formation_incendie_troisieme_personne",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour à tous, je me présente, Nathalie, je suis formatrice en "
                    "sécurité incendie, et on va passer la matinée ensemble."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "On commence par un petit tour de table, chacun dit depuis combien "
                    "de temps il est dans l'entreprise. Oui, monsieur, allez-y."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Alors moi c'est simple, Gérard, il a 30 ans de maison, Gérard, et "
                    "des formations comme ça il en a fait une bonne dizaine."
                ),
            ),
            ("SPEAKER_00", "Parfait, vous allez pouvoir nous aider alors !"),
            ("SPEAKER_01", "Ah ça, Gérard il aide toujours."),
            ("SPEAKER_02", "Moi ça fait 2 ans, je suis à l'accueil."),
            ("SPEAKER_00", "Très bien. Et vous, au fond ?"),
            ("SPEAKER_03", "Oui, Yannick, 6 mois, je suis au magasin."),
            (
                "SPEAKER_00",
                (
                    "Merci Yannick. Alors, première question : qui sait où se trouve le "
                    "point de rassemblement ?"
                ),
            ),
            ("SPEAKER_02", "Sur le parking, devant la barrière ?"),
            ("SPEAKER_00", "Exactement. Et qui est le responsable d'évacuation de votre étage ?"),
            (
                "SPEAKER_01",
                ("C'est Mme Roussel, normalement, mais elle est partie à la retraite en juin."),
            ),
            (
                "SPEAKER_00",
                ("Ah, alors il faudra que votre direction en désigne un nouveau. Je le note."),
            ),
            ("SPEAKER_03", "Et en attendant, on fait comment ?"),
            (
                "SPEAKER_00",
                (
                    "En attendant, chacun sort par l'escalier le plus proche, on "
                    "n'attend personne, et on ne prend jamais l'ascenseur."
                ),
            ),
        ),
        expected={
            "SPEAKER_00": "Nathalie",
            "SPEAKER_01": "Gérard",
            "SPEAKER_02": None,
            "SPEAKER_03": "Yannick",
        },
        note=(
            "Formation : un stagiaire parle de lui à la troisième personne ; "
            "présentations au tour de table ; une responsable partie à la "
            "retraite évoquée."
        ),
    ),
    NamingCase(
        name="en_phone_dental_on_behalf",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                ("Good afternoon, Harwood Dental, you're speaking with Chloe, how can I help?"),
            ),
            (
                "SPEAKER_01",
                (
                    "Hi, yes, I'm calling on behalf of Mr Grant, he has an appointment "
                    "on Thursday at 3 and he needs to move it."
                ),
            ),
            (
                "SPEAKER_00",
                ("Of course. Can I have his date of birth, just to find the right file?"),
            ),
            ("SPEAKER_01", "Yes, it's the 4th of June, 1951."),
            (
                "SPEAKER_00",
                ("Thank you. Okay, I've got him. Patrick Grant, Thursday at 3 with Dr Shah."),
            ),
            ("SPEAKER_01", "That's the one."),
            (
                "SPEAKER_00",
                (
                    "And can I ask who I'm speaking with? We need to note it on the file "
                    "when someone calls for a patient."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "I'm his carer, from the home care agency. He asked me to ring "
                    "because his hearing isn't great on the phone."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "No problem at all. So, we have Tuesday the 12th at 10:30, or Friday "
                    "the 15th at 2."
                ),
            ),
            ("SPEAKER_01", "Friday at 2 is better, his daughter can drive him on Fridays."),
            (
                "SPEAKER_00",
                (
                    "Lovely, Friday the 15th at 2 o'clock with Dr Shah. We'll send him a "
                    "text reminder the day before."
                ),
            ),
            ("SPEAKER_01", "Perfect. Thanks very much, Chloe."),
            ("SPEAKER_00", "You're welcome, have a good day."),
        ),
        expected={
            "SPEAKER_00": "Chloe",
            "SPEAKER_01": None,
        },
        note=(
            "Phone call: receptionist names herself; the caller only gives the "
            "patient's name and her own role, never her name."
        ),
    ),
    NamingCase(
        name="fr_negociation_maintenance_tableau",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour à tous, merci d'être venus jusqu'à nous. Côté achats, je "
                    "vais être directe, on a reçu votre proposition et elle est 12 % "
                    "au-dessus du contrat actuel."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Bonjour. Je comprends, et en tant que directeur commercial, je vous "
                    "dois une explication sur cette hausse."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Elle vient principalement du coût des pièces détachées, qui a pris "
                    "18 % en 2 ans, et de la hausse des salaires de nos techniciens."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Je l'entends, mais on ne peut pas absorber 12 %. Notre budget "
                    "maintenance est fixé."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Si je peux me permettre, en tant que juriste, j'ai une remarque sur "
                    "l'article 9. Vous avez ajouté une clause d'indexation automatique, "
                    "sans plafond."
                ),
            ),
            ("SPEAKER_01", "Oui, c'est une clause qu'on met maintenant dans tous nos contrats."),
            (
                "SPEAKER_02",
                (
                    "Sans plafond, pour nous c'est non. On peut accepter une indexation, "
                    "mais plafonnée à 3 % par an."
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "Alors de notre côté, on pourrait regarder un plafond, mais il "
                    "faudrait un engagement sur 3 ans."
                ),
            ),
            ("SPEAKER_01", "Oui, c'est ce que j'allais proposer. Merci Inès."),
            ("SPEAKER_00", "3 ans, avec un plafond à 3 %, et quelle hausse la première année ?"),
            ("SPEAKER_01", "On pourrait descendre à 7 %."),
            (
                "SPEAKER_00",
                ("7, c'est encore trop. Laurent m'a donné une cible à 5, et il ne va pas bouger."),
            ),
            (
                "SPEAKER_01",
                ("Écoutez, 6 %, 3 ans, plafond à 3. C'est vraiment notre dernière proposition."),
            ),
            (
                "SPEAKER_00",
                (
                    "Je dois valider avec le contrôle de gestion, mais ça me paraît une "
                    "base de discussion."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Et j'aurai besoin de la nouvelle version du contrat pour relecture "
                    "avant la signature."
                ),
            ),
            ("SPEAKER_03", "Je vous l'envoie d'ici la fin de la semaine."),
        ),
        documents=(
            (
                "Réunion de négociation - contrat de maintenance 2025\n"
                "\n"
                "Nom | Fonction | Société\n"
                "Sylvie Marchand | Acheteuse | Groupe Hélios\n"
                "Emma Vautrin | Juriste | Groupe Hélios\n"
                "Laurent Picard | Contrôleur de gestion | Groupe Hélios\n"
                "Patrick Olivier | Directeur commercial | Nordelec Maintenance\n"
                "Inès Barbier | Chargée de clientèle | Nordelec Maintenance"
            ),
        ),
        expected={
            "SPEAKER_00": "Sylvie Marchand",
            "SPEAKER_01": "Patrick Olivier",
            "SPEAKER_02": "Emma Vautrin",
            "SPEAKER_03": "Inès Barbier",
        },
        note=(
            "Tableau Nom | Fonction : acheteuse, juriste et directeur commercial "
            "reconnus à leur fonction ; une chargée de clientèle remerciée ; un "
            "contrôleur absent."
        ),
    ),
    NamingCase(
        name="en_account_review_third_person",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, next on the list is the Dalton account. They're up for "
                    "renewal in 6 weeks and they've asked for another 15 percent "
                    "discount."
                ),
            ),
            ("SPEAKER_01", "Another 15? They got 10 last year."),
            (
                "SPEAKER_00",
                (
                    "I know. Their procurement person, Joyce, was very clear that Dalton "
                    "is looking at 2 other vendors."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Look, Kiran here is not signing off on another discount without a "
                    "volume commitment. I said it last year and I'll say it again."
                ),
            ),
            ("SPEAKER_01", "I'm with Kiran on this one. If they want 15, they commit to 3 years."),
            (
                "SPEAKER_00",
                (
                    "I get that, but Dalton is 12 percent of our revenue in the region. "
                    "If they walk, that's a hole."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Then let's offer 8 percent on a 3-year term, and throw in the "
                    "premium support for free. That costs us almost nothing."
                ),
            ),
            ("SPEAKER_01", "Premium support isn't free, it's 2 of my engineers."),
            ("SPEAKER_02", "It's 2 engineers we already have, Nadia."),
            ("SPEAKER_01", "Who are already at capacity."),
            (
                "SPEAKER_00",
                (
                    "Okay, okay. Let me propose 8 percent, 3 years, and premium support "
                    "for the first year only. Does that work for both of you?"
                ),
            ),
            ("SPEAKER_01", "I can live with one year."),
            ("SPEAKER_02", "Fine by me."),
            ("SPEAKER_00", "Good. I'll draft it and send it to Joyce on Monday."),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Nadia",
            "SPEAKER_02": "Kiran",
        },
        note=(
            "A speaker refers to himself in the third person; a client company "
            "with a surname-like name; the client's buyer only mentioned."
        ),
    ),
    NamingCase(
        name="fr_copil_ordre_du_jour_remplacant",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour à tous. On a pas mal de choses, donc je vous propose de "
                    "passer vite sur le tour de table. Le compte rendu de la dernière "
                    "fois, des remarques ? Non ? Validé."
                ),
            ),
            ("SPEAKER_00", "Point 2, l'avancement de la migration. Fred, c'est à toi."),
            (
                "SPEAKER_01",
                (
                    "Merci. Alors, on a migré les données des 3 premières filiales, il "
                    "reste l'Espagne et l'Italie."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Le souci, c'est l'Italie, leurs contrats de travail ont des champs "
                    "qu'on n'a pas dans le nouveau SIRH. On travaille avec l'éditeur."
                ),
            ),
            ("SPEAKER_02", "Ça décale la date de bascule ?"),
            ("SPEAKER_01", "De 2 semaines, probablement. Je vous confirme vendredi."),
            ("SPEAKER_00", "D'accord. Point 3, le budget 2025."),
            (
                "SPEAKER_02",
                (
                    "Oui, alors pour le budget, on est sur 1,2 million, dont 400 000 de "
                    "licences et 800 000 de prestations."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Les 2 semaines de décalage dont Fred vient de parler, c'est à peu "
                    "près 35 000 de prestations en plus."
                ),
            ),
            ("SPEAKER_00", "On peut les absorber ?"),
            (
                "SPEAKER_02",
                ("On a une réserve de 50 000, donc oui, mais il restera plus grand-chose."),
            ),
            (
                "SPEAKER_00",
                (
                    "Merci Alex. Point 4, le plan de tests. Max n'a pas pu se libérer, "
                    "c'est toi qui présentes, c'est ça ?"
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "Oui, c'est moi qui le remplace. Je suis dans son équipe, donc je "
                    "connais bien le plan."
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "On a 240 cas de test, dont 60 automatisés. La recette utilisateurs "
                    "commence le 2 décembre."
                ),
            ),
            ("SPEAKER_01", "Le 2 décembre, ça tient si l'Italie est décalée ?"),
            ("SPEAKER_03", "L'Italie, on la testera à part, en janvier."),
            ("SPEAKER_00", "Ça me va. Questions diverses ? Rien ? Merci à tous."),
        ),
        documents=(
            (
                "Comité de pilotage - Projet SIRH\n"
                "Jeudi 14 novembre, 10h - 11h30\n"
                "Ordre du jour :\n"
                "1. Tour de table et validation du compte rendu précédent\n"
                "2. Avancement de la migration - Frédéric Dubois\n"
                "3. Budget 2025 - Alexandra Morel\n"
                "4. Plan de tests - Maximilien Roy\n"
                "5. Questions diverses"
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Frédéric Dubois",
            "SPEAKER_02": "Alexandra Morel",
            "SPEAKER_03": None,
        },
        note=(
            "Ordre du jour avec présentateurs et diminutifs (Fred, Alex) ; le "
            "point de Max est présenté par un remplaçant qui ne doit pas "
            "recevoir son nom."
        ),
    ),
    NamingCase(
        name="en_sprint_review_nicknames",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Alright, sprint review. Raj is on leave, so Android updates will "
                    "come by email. Alex, do you want to start with iOS?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Sure, let me share my screen. Okay, so this sprint we shipped the "
                    "new onboarding flow on iOS, and the crash rate is down to 0.3 "
                    "percent."
                ),
            ),
            ("SPEAKER_00", "Nice. Any blockers?"),
            (
                "SPEAKER_01",
                (
                    "Just the App Store review, they rejected the build once because of "
                    "the login screenshot. It's resubmitted."
                ),
            ),
            ("SPEAKER_00", "Okay. Ben, how's QA looking?"),
            (
                "SPEAKER_02",
                (
                    "Mostly green. We have 2 open bugs on iOS, both minor, and 1 on "
                    "Android that I can't reproduce without Raj's device."
                ),
            ),
            ("SPEAKER_01", "Ben, is the minor one the keyboard overlapping the password field?"),
            ("SPEAKER_02", "That's one of them, yeah."),
            (
                "SPEAKER_03",
                (
                    "That one's actually on me, the design has the field too low on "
                    "small screens. I'll push a fix to the Figma file today."
                ),
            ),
            ("SPEAKER_00", "Thanks Siobhan. Anything else on design?"),
            (
                "SPEAKER_03",
                ("Just that the new icons are ready, I'll hand them over to Alex and Raj."),
            ),
            (
                "SPEAKER_00",
                (
                    "Great. From my side, the product priority for next sprint is the "
                    "payments screen. We need it before the marketing push."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Will we have time to test it properly? Last time payments went out "
                    "with, um, 2 days of QA."
                ),
            ),
            ("SPEAKER_00", "We'll plan 5 days of QA this time, I promise."),
            ("SPEAKER_01", "Okay, that works."),
        ),
        documents=(
            (
                "Sprint review - Mobile app\n"
                "Attendees: Alexandra Petrov (iOS), Benjamin Holt (QA), Siobhan "
                "Murphy (design), Raj Patel (Android), Colette Baird (product)\n"
                "Notes: Raj on leave this week."
            ),
        ),
        expected={
            "SPEAKER_00": "Colette Baird",
            "SPEAKER_01": "Alexandra Petrov",
            "SPEAKER_02": "Benjamin Holt",
            "SPEAKER_03": "Siobhan Murphy",
        },
        note=(
            "Attendee list with roles; speakers called by nicknames (Alex, Ben), "
            "one by role only; an attendee on leave."
        ),
    ),
    NamingCase(
        name="fr_pleniere_seminaire_questions",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bon, merci à tous d'être là, et un grand merci à Pauline qui a "
                    "organisé toute la logistique du séminaire, on l'applaudit même si "
                    "elle est restée à Paris."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Je vais faire court. L'année a été bonne, on termine à 14 % de "
                    "croissance, et on a recruté 22 personnes."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Maintenant, je préfère répondre à vos questions. Qui veut commencer "
                    "? Oui, Mehdi, au fond."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Merci. Ma question, c'est sur le télétravail. Il y a des rumeurs "
                    "qu'on passe à 1 jour par semaine au lieu de 2. C'est vrai ?"
                ),
            ),
            (
                "SPEAKER_00",
                ("Non, c'est faux. On reste à 2 jours. Je ne sais pas d'où vient la rumeur."),
            ),
            ("SPEAKER_01", "D'accord, merci, ça va rassurer pas mal de monde."),
            (
                "SPEAKER_02",
                (
                    "Je peux enchaîner ? C'est Valérie, de l'équipe logistique. Est-ce "
                    "qu'on va enfin avoir un deuxième entrepôt dans le sud ?"
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "C'est à l'étude, Valérie. On regarde 2 sites, vers Montpellier et "
                    "vers Avignon. Décision en mars."
                ),
            ),
            (
                "SPEAKER_03",
                ("Et sur les salaires, il y aura une augmentation générale cette année ?"),
            ),
            (
                "SPEAKER_00",
                (
                    "Il y aura une enveloppe de 3 %, répartie entre augmentation "
                    "générale et individuelle. Les RH vont communiquer les détails."
                ),
            ),
            ("SPEAKER_03", "Et Olivier, il en pense quoi ? C'est lui qui gère les RH, non ?"),
            ("SPEAKER_00", "Olivier est en congé paternité, il fera un point à son retour."),
            (
                "SPEAKER_04",
                (
                    "Pour compléter sur les salaires, je suis à la paie avec Olivier, et "
                    "les nouvelles grilles seront en ligne sur l'intranet début février."
                ),
            ),
            ("SPEAKER_00", "Merci Laetitia, c'est parfait."),
            (
                "SPEAKER_05",
                (
                    "Une dernière question, un peu moins sérieuse : le prochain "
                    "séminaire, on pourrait le faire ailleurs qu'à Deauville ?"
                ),
            ),
            ("SPEAKER_00", "Ça, il faudra demander à Pauline !"),
            ("SPEAKER_05", "Ah, je lui poserai la question, alors."),
            ("SPEAKER_00", "Allez, merci à tous, et bon appétit, le buffet est servi."),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Mehdi",
            "SPEAKER_02": "Valérie",
            "SPEAKER_03": None,
            "SPEAKER_04": "Laetitia",
            "SPEAKER_05": None,
        },
        note=(
            "Plénière à 6 voix : remerciement collectif à une organisatrice "
            "absente ; questions de la salle, prénoms donnés avant ou après les "
            "prises de parole."
        ),
    ),
    NamingCase(
        name="en_user_research_email_read_out",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Thanks again for taking the time. Just to confirm, you're okay with "
                    "us recording this? It's only used internally."
                ),
            ),
            ("SPEAKER_01", "Yes, that's fine."),
            (
                "SPEAKER_00",
                ("Great. So I'm Tom, I'm a UX researcher, and my colleague here is taking notes."),
            ),
            ("SPEAKER_02", "Hi, I'm Sophie, I'll mostly be quiet."),
            (
                "SPEAKER_00",
                (
                    "So, could you start by telling us how your team currently handles "
                    "purchase approvals?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Sure. So, it's mostly email, honestly. Someone sends a request, and "
                    "it goes up the chain."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Actually, I can read you one, I have one open. It says: Hi Greta, "
                    "this is Ruth Adler, head of procurement. Please approve the "
                    "attached PO for 12 monitors by Friday, otherwise the supplier "
                    "releases our slot."
                ),
            ),
            ("SPEAKER_00", "And Greta is?"),
            (
                "SPEAKER_01",
                ("Greta is my manager. She's the one who approves anything above 5,000."),
            ),
            ("SPEAKER_00", "Okay. And what happens when Greta is on holiday?"),
            (
                "SPEAKER_01",
                (
                    "Then it goes to me, as the deputy, but the system doesn't know "
                    "that, so I have to forward everything manually."
                ),
            ),
            (
                "SPEAKER_02",
                ("Sorry, can I ask, how many of those do you forward in a typical week?"),
            ),
            ("SPEAKER_01", "Maybe 20? In December it's more like 60."),
            ("SPEAKER_00", "That's a lot. What would make that easier for you?"),
            (
                "SPEAKER_01",
                (
                    "Honestly, just a delegation button. I'm away, send everything to my "
                    "deputy. That's all I want."
                ),
            ),
            ("SPEAKER_00", "That's really clear, thank you. Sophie, anything else from you?"),
            ("SPEAKER_02", "No, I think we covered it. Thanks so much."),
        ),
        expected={
            "SPEAKER_00": "Tom",
            "SPEAKER_01": None,
            "SPEAKER_02": "Sophie",
        },
        note=(
            "User interview: participant reads out an email naming its sender "
            "and her manager; participant herself is never named."
        ),
    ),
    NamingCase(
        name="fr_salon_deux_julie",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour à tous. Petite particularité aujourd'hui, on a 2 Julie dans "
                    "la réunion, donc je vais utiliser les noms de famille. Julie "
                    "Perrin, tu veux commencer par le point logistique ?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Oui, merci. Alors côté logistique, on a reçu les 3 palettes hier, "
                    "il en manque une, le transporteur dit qu'elle est partie de Lille "
                    "ce matin."
                ),
            ),
            ("SPEAKER_00", "Et pour le stand ?"),
            ("SPEAKER_01", "Le montage est prévu lundi à 8h, on sera 4."),
            ("SPEAKER_00", "Parfait. Julie Garnier, côté communication ?"),
            (
                "SPEAKER_02",
                (
                    "Alors, les invitations sont parties, on a 180 inscrits pour "
                    "l'instant, et l'objectif c'était 250."
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "180 à 10 jours du salon, c'est plutôt bien, non ? L'année dernière "
                    "on était à 150 au même moment."
                ),
            ),
            ("SPEAKER_02", "Oui, c'est vrai, mais on avait fini à 210. Il faut relancer."),
            ("SPEAKER_00", "Tu peux faire une relance mardi ?"),
            ("SPEAKER_02", "Oui, je la programme."),
            (
                "SPEAKER_03",
                (
                    "Je peux demander aux commerciaux de relancer leurs clients aussi, "
                    "ça marche mieux qu'un e-mail."
                ),
            ),
            ("SPEAKER_00", "Bonne idée, merci Baptiste."),
            (
                "SPEAKER_01",
                (
                    "Et il faudrait penser aux badges, la dernière fois on les a "
                    "imprimés la veille et il en manquait."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Julie, tu peux t'en occuper ? Je parle de toi, Julie Perrin, "
                    "puisque c'est de la logistique."
                ),
            ),
            ("SPEAKER_01", "Oui, pas de problème."),
            ("SPEAKER_00", "Merci. On se revoit jeudi."),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Julie Perrin",
            "SPEAKER_02": "Julie Garnier",
            "SPEAKER_03": "Baptiste",
        },
        note=(
            "Deux participantes prénommées Julie, distinguées par leur nom de "
            "famille ; un collègue remercié par son prénom."
        ),
    ),
    NamingCase(
        name="en_standup_nobody_named",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, morning, let's do a quick stand-up, we've got 10 minutes. Who "
                    "wants to go first?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "I'll go. Yesterday I finished the retry logic for the webhook "
                    "service, the PR is up. Today I'm going to look at the flaky test in "
                    "checkout."
                ),
            ),
            ("SPEAKER_00", "Has anyone reviewed the PR yet?"),
            ("SPEAKER_01", "Not yet. I asked John but he's out until Wednesday."),
            ("SPEAKER_02", "I can take it after lunch."),
            ("SPEAKER_01", "Great, thanks."),
            (
                "SPEAKER_02",
                (
                    "For me, yesterday was mostly meetings, um, the architecture review "
                    "with Sara's team. Today I'm writing up the decision doc."
                ),
            ),
            (
                "SPEAKER_00",
                ("Sara, are you on? Do you want to add anything about the architecture review?"),
            ),
            ("SPEAKER_00", "No? Okay, I think she dropped off."),
            (
                "SPEAKER_03",
                ("She had to leave early, she told me she'd post a summary in the channel."),
            ),
            ("SPEAKER_00", "Okay, fine. You're next then."),
            (
                "SPEAKER_03",
                (
                    "Yesterday I was on support duty, I handled 14 tickets, 2 of them "
                    "escalated to engineering. Today, same thing, support duty."
                ),
            ),
            (
                "SPEAKER_04",
                (
                    "And I'm last, I guess. Still on the search migration, about "
                    "halfway. Also I'm off Thursday and Friday, just so everyone knows."
                ),
            ),
            ("SPEAKER_00", "Anything blocking anyone?"),
            (
                "SPEAKER_02",
                (
                    "Just the staging environment, it's been slow since Friday. Whoever "
                    "owns that, please have a look."
                ),
            ),
            ("SPEAKER_00", "I'll ask the platform team. Okay, thanks all, have a good day."),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": None,
            "SPEAKER_02": None,
            "SPEAKER_03": None,
            "SPEAKER_04": None,
        },
        note=(
            "Stand-up where only absent people are named; a question to Sara "
            "goes unanswered; no speaker can be named."
        ),
    ),
    NamingCase(
        name="fr_appel_service_client_transporteur",
        language="fr",
        lines=(
            ("SPEAKER_00", "Transports Duval, service client, Mélissa à l'appareil, bonjour."),
            (
                "SPEAKER_01",
                (
                    "Bonjour madame, j'appelle au sujet d'une livraison qui devait "
                    "arriver hier et qu'on n'a toujours pas reçue."
                ),
            ),
            ("SPEAKER_00", "D'accord, vous avez un numéro de suivi ?"),
            ("SPEAKER_01", "Oui, alors, c'est le 4 7 2, euh, 472 915 388."),
            ("SPEAKER_00", "Merci. C'est au nom de ?"),
            ("SPEAKER_01", "Au nom de la société, Garage Bernard, à Montauban."),
            (
                "SPEAKER_00",
                ("Je vois, alors le colis est au dépôt de Toulouse, il y a eu un problème de tri."),
            ),
            (
                "SPEAKER_01",
                (
                    "La dernière fois, c'est Mme Rousseau qui avait suivi notre dossier, "
                    "elle est là ?"
                ),
            ),
            ("SPEAKER_00", "Elle est en congé cette semaine, mais je peux m'en occuper."),
            (
                "SPEAKER_01",
                ("D'accord. C'est urgent parce que c'est une pièce pour la voiture d'un client."),
            ),
            (
                "SPEAKER_00",
                (
                    "Je comprends. Je fais partir le colis en priorité, vous l'aurez "
                    "demain avant midi."
                ),
            ),
            ("SPEAKER_01", "Demain avant midi, c'est sûr ?"),
            (
                "SPEAKER_00",
                (
                    "Je mets une note pour le chauffeur. Si ce n'est pas le cas, vous me "
                    "rappelez et vous demandez Mélissa."
                ),
            ),
            ("SPEAKER_01", "Très bien, merci Mélissa, bonne journée."),
        ),
        expected={
            "SPEAKER_00": "Mélissa",
            "SPEAKER_01": None,
        },
        note=(
            "Appel au service client : l'agente se nomme ; le client ne donne "
            "que le nom de son garage ; une conseillère absente évoquée."
        ),
    ),
    NamingCase(
        name="en_security_review_role_table",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, let's get going. The purpose today is to decide whether we "
                    "can go live with Paylo on the 1st, or whether we need more "
                    "assurance from them."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "I'll start with my part. I've read their SOC 2 report, and it's "
                    "fine, but it's from 2022, which is too old for me to sign off on as "
                    "the security lead."
                ),
            ),
            (
                "SPEAKER_01",
                ("Can we not accept a bridge letter? That's what we did with the previous vendor."),
            ),
            ("SPEAKER_00", "A bridge letter could work, yes, if it covers up to this year."),
            (
                "SPEAKER_02",
                (
                    "Speaking as legal here, the bigger issue for me is the data "
                    "processing agreement. Their version says they can use "
                    "sub-processors without notifying us."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Is that a blocker? Because as PM I've already promised the 1st to "
                    "the sales team."
                ),
            ),
            (
                "SPEAKER_02",
                ("It's a blocker unless they change it. It's 1 clause, they usually agree."),
            ),
            (
                "SPEAKER_03",
                (
                    "From the engineering side, just so everyone knows, I finished the "
                    "integration itself last week. I've tested it in staging with fake "
                    "card numbers, everything passes."
                ),
            ),
            ("SPEAKER_00", "Good. Did you check how they store the API keys on their side?"),
            ("SPEAKER_03", "I asked, they use a vault, but I don't have it in writing."),
            ("SPEAKER_00", "Then I want it in writing, in the security questionnaire."),
            (
                "SPEAKER_01",
                (
                    "Okay, so if I summarise: bridge letter, DPA clause, and the "
                    "questionnaire answer. If we get all 3 by next Friday, we're good "
                    "for the 1st?"
                ),
            ),
            ("SPEAKER_00", "From my side, yes."),
            ("SPEAKER_02", "Same for legal."),
            (
                "SPEAKER_01",
                ("Great. Priyanka isn't here, but I'll loop her in for the contract side."),
            ),
        ),
        documents=(
            (
                "Vendor security review - Paylo integration\n"
                "\n"
                "Name | Role\n"
                "Leila Haddad | Security lead\n"
                "Tom Becker | Backend engineer\n"
                "Grace Lin | Product manager\n"
                "Omar Saleh | Legal counsel\n"
                "Priyanka Rao | Procurement"
            ),
        ),
        expected={
            "SPEAKER_00": "Leila Haddad",
            "SPEAKER_01": "Grace Lin",
            "SPEAKER_02": "Omar Saleh",
            "SPEAKER_03": "Tom Becker",
        },
        note=(
            "Name | Role table; each speaker identified only by what they say "
            "about their own job; one listed person absent."
        ),
    ),
    NamingCase(
        name="fr_entretien_embauche_data",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour, entrez, installez-vous. Je suis Rachid Amrani, je suis le "
                    "responsable technique de l'équipe, et je suis accompagné de ma "
                    "collègue des ressources humaines."
                ),
            ),
            (
                "SPEAKER_01",
                ("Bonjour, Marion, je suis chargée de recrutement. Merci d'être venue jusqu'ici."),
            ),
            ("SPEAKER_02", "Bonjour, merci à vous. Lucie Fontaine, enchantée."),
            (
                "SPEAKER_00",
                (
                    "Alors, Lucie, on a lu votre CV, mais on aimerait que vous nous "
                    "racontiez votre parcours avec vos mots."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Bien sûr. Alors, j'ai commencé comme développeuse chez un éditeur "
                    "de logiciels de paie à Nantes, pendant 4 ans."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Et ensuite j'ai rejoint une start-up, où j'ai monté l'équipe data, "
                    "on était 2 au début et 9 quand je suis partie."
                ),
            ),
            ("SPEAKER_01", "Et qu'est-ce qui vous fait quitter la start-up ?"),
            (
                "SPEAKER_02",
                (
                    "Honnêtement, euh, la start-up a été rachetée, et mon manager, "
                    "Thierry, est parti. La nouvelle direction a d'autres priorités."
                ),
            ),
            (
                "SPEAKER_00",
                ("Je comprends. Et côté technique, vous travaillez avec quoi aujourd'hui ?"),
            ),
            (
                "SPEAKER_02",
                ("Python principalement, dbt, et un peu de Spark pour les gros volumes."),
            ),
            ("SPEAKER_00", "Très bien. On utilise aussi dbt chez nous, ça tombe bien."),
            (
                "SPEAKER_01",
                ("Lucie, une question plus pratique : vous êtes disponible à partir de quand ?"),
            ),
            ("SPEAKER_02", "J'ai 3 mois de préavis, mais je pense pouvoir négocier 2."),
            ("SPEAKER_01", "Parfait. On vous recontacte d'ici la fin de la semaine prochaine."),
            ("SPEAKER_02", "Merci beaucoup, Monsieur Amrani, merci Marion."),
        ),
        expected={
            "SPEAKER_00": "Rachid Amrani",
            "SPEAKER_01": "Marion",
            "SPEAKER_02": "Lucie Fontaine",
        },
        note=(
            "Entretien d'embauche : chacun se présente (nom complet ou prénom "
            "seul) ; l'ancien manager de la candidate seulement évoqué."
        ),
    ),
)
