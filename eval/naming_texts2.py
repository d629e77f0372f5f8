"""Second blind evaluation set for speaker naming from transcript text and context documents.

Written without reading the product's naming rules or the earlier naming set; expected names are
what a careful human reader would infer from the lines and documents alone (None when unclear).
34 cases (17 fr / 17 en, 7 with documents), 127 speakers: 95 named, 32 None.
"""

from eval.naming_texts import NamingCase

CASES: tuple[NamingCase, ...] = (
    NamingCase(
        name="en_podcast_host_guest",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Hey everyone, welcome back to Second Draft, the show about how people "
                    "actually change careers. I'm Dana Whitfield."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "And my guest today spent 12 years as a structural engineer before, uh, "
                    "retraining as a palliative care doctor. Please welcome Dr. Kwame Mensah-Owusu."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Thanks so much for having me, Dana. It's a bit strange hearing my whole life "
                    "in one sentence."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Ha, well, we've got the whole hour to unpack it. So take me back. What was "
                    "the moment?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Honestly it was my grandmother. She was in a hospice in Kumasi and I flew out "
                    "and I watched the nurses there and I thought, this is engineering too, it's "
                    "just, it's systems for people."
                ),
            ),
            (
                "SPEAKER_00",
                "Hmm. And you were what, 34?",
            ),
            (
                "SPEAKER_01",
                (
                    "35. My mentor at the firm, Professor Ingrid Solberg, she told me I was mad. "
                    "She said 'Kwame, you'll be a 40 year old junior doctor.' And she was right."
                ),
            ),
            (
                "SPEAKER_00",
                "Did she come round eventually?",
            ),
            (
                "SPEAKER_01",
                "She came to my graduation, so, yes. Uh, in her own way.",
            ),
            (
                "SPEAKER_00",
                (
                    "I love that. Let's talk about the money side, because a lot of listeners "
                    "write in about that."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Sure. It was brutal for about 3 years, I won't lie. We sold the car, we moved "
                    "in with my wife's parents in Leicester."
                ),
            ),
            (
                "SPEAKER_00",
                "That's a real sacrifice.",
            ),
            (
                "SPEAKER_01",
                "It was. But I'd do it again.",
            ),
            (
                "SPEAKER_00",
                (
                    "We're going to take a quick break, and when we come back, Kwame's going to "
                    "tell us about his first night shift."
                ),
            ),
        ),
        expected={
            "SPEAKER_00": "Dana Whitfield",
            "SPEAKER_01": "Kwame Mensah-Owusu",
        },
        note=(
            "Host names herself at the end of a sentence and introduces the guest by title and "
            "full name; guest's mentor is absent."
        ),
    ),
    NamingCase(
        name="fr_conseil_municipal",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Mes chers collègues, bonsoir. Il est 19h05, la séance est ouverte. En "
                    "l'absence de monsieur le maire, retenu à Paris, c'est moi, Hélène Marchetti, "
                    "première adjointe, qui préside ce soir."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Je constate que le quorum est atteint. Point numéro 3, la réfection de la rue "
                    "Saint-Louis. La parole est à Mme Fabre."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Merci Madame la présidente. Alors, euh, comme vous le savez, la rue "
                    "Saint-Louis est fermée depuis le 12 février, et les commerçants nous ont "
                    "remis une pétition de 212 signatures."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Nous proposons une enveloppe de 380 000 euros, financée à 40 % par le "
                    "département."
                ),
            ),
            (
                "SPEAKER_00",
                "Merci. Y a-t-il des interventions ? Monsieur Da Costa, vous avez la parole.",
            ),
            (
                "SPEAKER_02",
                (
                    "Merci. Notre groupe n'est pas contre les travaux, mais on découvre le montant "
                    "ce soir. Et puis on nous avait dit 250 000 en commission."
                ),
            ),
            (
                "SPEAKER_01",
                "Le chiffre de la commission ne comprenait pas l'enfouissement des réseaux.",
            ),
            (
                "SPEAKER_02",
                "Alors il fallait le dire.",
            ),
            (
                "SPEAKER_00",
                (
                    "Pour les détails techniques, je propose de donner la parole à notre directeur "
                    "des services techniques, qui est présent ce soir."
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "Merci Madame la présidente. Oui, euh, l'enfouissement représente à peu près "
                    "110 000 euros, c'est le syndicat d'énergie qui nous a transmis le devis la "
                    "semaine dernière."
                ),
            ),
            (
                "SPEAKER_02",
                "Très bien. Alors nous nous abstiendrons.",
            ),
            (
                "SPEAKER_00",
                (
                    "Je mets aux voix. Qui est pour ? ... Qui s'abstient ? ... Le point est adopté "
                    "à la majorité, 5 abstentions."
                ),
            ),
        ),
        expected={
            "SPEAKER_00": "Hélène Marchetti",
            "SPEAKER_01": "Fabre",
            "SPEAKER_02": "Da Costa",
            "SPEAKER_03": None,
        },
        note=(
            "La présidente de séance se nomme ; parole donnée par titre et nom seul (Fabre, Da "
            "Costa) ; directeur désigné par sa fonction ; Saint-Louis est une rue."
        ),
    ),
    NamingCase(
        name="en_job_interview",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                "Hi, come in, come in. You must be Lucía Ferrer?",
            ),
            (
                "SPEAKER_01",
                "Yes, that's me. Hi, nice to meet you.",
            ),
            (
                "SPEAKER_00",
                "Great. So I'm Priya Raghunathan, I lead the data platform team, and this is Tom.",
            ),
            (
                "SPEAKER_02",
                "Hi. Tom Becker, I'm on the people team, I'll mostly be taking notes.",
            ),
            (
                "SPEAKER_01",
                "Nice to meet you both.",
            ),
            (
                "SPEAKER_00",
                (
                    "So, Lucía, we've read your CV, but why don't you walk us through your current "
                    "role?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Sure. So right now I'm at Kestrel Logistics, I'm a senior analytics engineer, "
                    "I've been there about 3 years and I mostly own the dbt models for, uh, the "
                    "warehouse and the routing data."
                ),
            ),
            (
                "SPEAKER_01",
                "Before that I was at a consultancy in Valencia for 2 years.",
            ),
            (
                "SPEAKER_00",
                "And what's the size of the team?",
            ),
            (
                "SPEAKER_01",
                (
                    "We're 6. My manager is Owen Fitzgerald, he actually suggested I apply here, I "
                    "hope that's okay to say."
                ),
            ),
            (
                "SPEAKER_02",
                "That's fine, we do take referrals. Did Owen put you forward through the portal?",
            ),
            (
                "SPEAKER_01",
                "Yes, last month.",
            ),
            (
                "SPEAKER_00",
                "Okay. Tell me about a pipeline that broke in production and what you did.",
            ),
            (
                "SPEAKER_01",
                "Hmm, okay. So in March we had a, a late-arriving data issue...",
            ),
            (
                "SPEAKER_02",
                "Sorry, before you go on, can I just check whether you'd need visa sponsorship?",
            ),
            (
                "SPEAKER_01",
                "No, I have settled status.",
            ),
            (
                "SPEAKER_00",
                "Perfect. Go on with the late-arriving data.",
            ),
        ),
        expected={
            "SPEAKER_00": "Priya Raghunathan",
            "SPEAKER_01": "Lucía Ferrer",
            "SPEAKER_02": "Tom Becker",
        },
        note=(
            "Candidate confirms a full name asked as a question; interviewers self-introduce with "
            "role after the name; referrer is absent."
        ),
    ),
    NamingCase(
        name="fr_reunion_parents",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonsoir à tous, merci d'être venus si nombreux. Pour ceux qui ne me "
                    "connaissent pas encore, je suis Mme Benali, j'ai les CE2 cette année, et à "
                    "côté de moi c'est notre AESH, qui accompagne deux élèves de la classe."
                ),
            ),
            (
                "SPEAKER_01",
                "Bonsoir.",
            ),
            (
                "SPEAKER_00",
                (
                    "On va commencer par un petit tour de table rapide, juste votre prénom et "
                    "celui de l'enfant, comme ça je fais le lien."
                ),
            ),
            (
                "SPEAKER_02",
                "Alors moi c'est Sandrine, je suis la maman de Lucas.",
            ),
            (
                "SPEAKER_03",
                (
                    "Bonsoir, Thierry Vasseur, le papa de Jade et d'Inès. Enfin Inès est en CP, "
                    "mais bon."
                ),
            ),
            (
                "SPEAKER_04",
                (
                    "Et moi je suis la maman de Noé. Euh, je voulais demander pour la sortie au "
                    "musée."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Oui, on y vient. Alors la sortie à Lyon, c'est le 14 mars, départ 8h15 devant "
                    "l'école. On a besoin de 4 accompagnateurs."
                ),
            ),
            (
                "SPEAKER_03",
                "Je peux me libérer.",
            ),
            (
                "SPEAKER_02",
                "Moi aussi, sauf si Lucas est malade, il a encore eu de la fièvre ce week-end.",
            ),
            (
                "SPEAKER_00",
                "Merci Sandrine, merci monsieur Vasseur. Il m'en faut encore 2.",
            ),
            (
                "SPEAKER_04",
                "Je regarde avec mon travail et je vous dis.",
            ),
            (
                "SPEAKER_00",
                (
                    "Parfait. Deuxième point, les devoirs. Je donne peu de devoirs écrits, surtout "
                    "de la lecture, 15 minutes par soir."
                ),
            ),
            (
                "SPEAKER_04",
                "Noé ne lit pas du tout à la maison, c'est une bataille.",
            ),
            (
                "SPEAKER_00",
                (
                    "On en parle après si vous voulez. Bon, euh, la directrice, Mme Roche, passera "
                    "à 19h pour la kermesse."
                ),
            ),
        ),
        expected={
            "SPEAKER_00": "Benali",
            "SPEAKER_01": None,
            "SPEAKER_02": "Sandrine",
            "SPEAKER_03": "Thierry Vasseur",
            "SPEAKER_04": None,
        },
        note=(
            "Enseignante 'je suis Mme Benali' ; parents se présentent par 'moi c'est' ou nom "
            "complet ; enfants et directrice seulement mentionnés ; AESH et une mère non nommées."
        ),
    ),
    NamingCase(
        name="en_support_call",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Thank you for calling Brightwire Broadband. Calls may be recorded for "
                    "training and quality purposes. Please hold while we connect you."
                ),
            ),
            (
                "SPEAKER_01",
                "Hi, you're through to Marcus on the billing team, how can I help today?",
            ),
            (
                "SPEAKER_02",
                "Hi Marcus, yeah, it's Helen Okafor, I'm calling about a charge on my last bill.",
            ),
            (
                "SPEAKER_01",
                "No problem, Helen. Can I take the first line of your address and the postcode?",
            ),
            (
                "SPEAKER_02",
                "It's 14 Orchard Row, LS6 2QT.",
            ),
            (
                "SPEAKER_01",
                "Thank you. And is the account in your name?",
            ),
            (
                "SPEAKER_02",
                (
                    "It's, uh, it's actually in my husband's name, Gary, Gary Okafor, but I'm a "
                    "named user on it."
                ),
            ),
            (
                "SPEAKER_01",
                "Okay, I can see you listed, that's fine. So which charge is it?",
            ),
            (
                "SPEAKER_02",
                (
                    "There's £45 for an engineer visit, and nobody came. We waited in all day on "
                    "the 9th."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Let me have a look. Hmm. Right, I can see the visit was booked with, uh, our "
                    "partner Hartley Networks and it's marked as completed."
                ),
            ),
            (
                "SPEAKER_02",
                "Well it wasn't. My neighbour can confirm no van came.",
            ),
            (
                "SPEAKER_01",
                (
                    "I believe you. I'm going to raise a dispute and take the £45 off while it's "
                    "investigated."
                ),
            ),
            (
                "SPEAKER_02",
                "Oh, thank you, that's great.",
            ),
            (
                "SPEAKER_01",
                "You'll get a text confirmation within 24 hours. Is there anything else?",
            ),
            (
                "SPEAKER_02",
                "No, that's everything, thanks Marcus.",
            ),
            (
                "SPEAKER_00",
                "Before you go, please stay on the line to rate your call today.",
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Marcus",
            "SPEAKER_02": "Helen Okafor",
        },
        note=(
            "Automated IVR voice at start and end; agent gives first name only; caller says 'yeah, "
            "it's' + full name; husband is only talked about."
        ),
    ),
    NamingCase(
        name="fr_transmissions_ehpad",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bon, c'est Nadia, je vous fais les transmissions de la nuit, c'était plutôt "
                    "calme sauf la 12."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Mme Girard, chambre 12, elle a déambulé de 2h à 4h, elle cherchait son mari. "
                    "On l'a recouchée deux fois, pas de chute."
                ),
            ),
            (
                "SPEAKER_01",
                "Elle a mangé ce matin ?",
            ),
            (
                "SPEAKER_00",
                "Un demi-bol. Par contre la glycémie à 6h, 2,1 grammes.",
            ),
            (
                "SPEAKER_01",
                (
                    "D'accord, je préviens le docteur Lambert quand il passe. Moi c'est Kevin pour "
                    "ceux qui m'ont pas encore croisé, je suis l'infirmier de jour jusqu'au 30."
                ),
            ),
            (
                "SPEAKER_02",
                "Et M. Poulain, la 7, il a bien dormi ?",
            ),
            (
                "SPEAKER_00",
                "Oui, tranquille. Sa fille appelle à 10h, elle veut parler du kiné.",
            ),
            (
                "SPEAKER_02",
                "Ok. Et la toilette de Mme Girard, je la fais avec qui ?",
            ),
            (
                "SPEAKER_01",
                "Avec moi, vers 9h30.",
            ),
            (
                "SPEAKER_00",
                (
                    "Dernière chose, le chariot de la 2e aile, la roue est cassée, j'ai mis un mot "
                    "pour Christophe à la maintenance."
                ),
            ),
            (
                "SPEAKER_01",
                "Merci Nadia. Rentre bien.",
            ),
            (
                "SPEAKER_00",
                "Merci, bon courage à vous deux.",
            ),
        ),
        expected={
            "SPEAKER_00": "Nadia",
            "SPEAKER_01": "Kevin",
            "SPEAKER_02": None,
        },
        note=(
            "Transmissions en EHPAD : 'c'est Nadia' et 'moi c'est Kevin' ; résidents, médecin et "
            "agent de maintenance seulement mentionnés ; aide-soignante non nommée."
        ),
    ),
    NamingCase(
        name="en_ward_handover",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, shall we start? It's been a busy one. Bed 2, Mrs. Abernathy, 82, "
                    "admitted with a fall, hip X-ray is clear, she's for physio in the morning."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Bed 4, Mr. Lindqvist, the pneumonia, he's on IV co-amoxiclav, day 3, sats 94 "
                    "on 2 litres."
                ),
            ),
            (
                "SPEAKER_01",
                "Is he eating?",
            ),
            (
                "SPEAKER_00",
                (
                    "Barely. Dietitian's been asked. Uh, bed 7 is the one I'm worried about, Mr. "
                    "Girard, post-op day 1, bowel resection, his lactate was 2.8 at 6 o'clock."
                ),
            ),
            (
                "SPEAKER_01",
                "Has the surgical reg seen him?",
            ),
            (
                "SPEAKER_00",
                (
                    "Yes, Mr. Bakshi came at 6:30 and wants a repeat at 10. If it's over 3 call "
                    "him directly, don't go through switch."
                ),
            ),
            (
                "SPEAKER_01",
                "Okay. Thanks, Dr Patel. Anything else I need to know?",
            ),
            (
                "SPEAKER_00",
                "Just that pharmacy are short on, uh, enoxaparin, so check before you prescribe.",
            ),
            (
                "SPEAKER_02",
                "Sorry, sorry I'm late. It's Siobhan, I'm nurse in charge tonight.",
            ),
            (
                "SPEAKER_01",
                "No worries. We were on bed 7.",
            ),
            (
                "SPEAKER_02",
                "Mr. Girard, yeah, his wife rang the ward twice, she wants a call back.",
            ),
            (
                "SPEAKER_00",
                "I told her someone would ring after the lactate. Can you do that?",
            ),
            (
                "SPEAKER_02",
                "Sure, I'll do it at 10.",
            ),
            (
                "SPEAKER_01",
                "Great. Go home, get some sleep.",
            ),
            (
                "SPEAKER_00",
                "Will do. Good luck.",
            ),
        ),
        expected={
            "SPEAKER_00": "Patel",
            "SPEAKER_01": None,
            "SPEAKER_02": "Siobhan",
        },
        note=(
            "'Thanks, Dr Patel' names the previous speaker; patients and the surgical registrar "
            "are only talked about; incoming doctor never named."
        ),
    ),
    NamingCase(
        name="fr_podcast_invitee",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour et bienvenue dans Les Déchiffreurs, le podcast qui prend le temps de "
                    "regarder les chiffres de près. Je suis Clémence Aubry."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Et aujourd'hui j'ai le plaisir de recevoir une économiste qui travaille "
                    "depuis 15 ans sur le logement, Fatou Ndiaye-Sarr. Bonjour."
                ),
            ),
            (
                "SPEAKER_01",
                "Bonjour Clémence, merci de l'invitation.",
            ),
            (
                "SPEAKER_00",
                (
                    "Alors, on entend partout qu'il manque 1 million de logements en France. D'où "
                    "vient ce chiffre ?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Alors, euh, c'est un chiffre qui circule beaucoup mais qui mélange deux "
                    "choses, le mal-logement et le déficit de construction, et ce ne sont pas du "
                    "tout les mêmes."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Le rapport de la Fondation Abbé-Pierre parle de 4 millions de personnes mal "
                    "logées, ce n'est pas la même chose qu'un manque de logements."
                ),
            ),
            (
                "SPEAKER_00",
                "Hmm. Donc le chiffre d'1 million est faux ?",
            ),
            (
                "SPEAKER_01",
                (
                    "Il n'est pas faux, il est mal posé. Mon directeur de thèse disait toujours, "
                    "je cite, « si tu ne sais pas, demande à Martin », parce que Martin était le "
                    "seul à lire les annexes. Eh bien là, personne ne lit les annexes."
                ),
            ),
            (
                "SPEAKER_00",
                "C'est qui, Martin ?",
            ),
            (
                "SPEAKER_01",
                "Un collègue de l'Insee, à la retraite maintenant.",
            ),
            (
                "SPEAKER_00",
                "On va marquer une courte pause et on revient avec la question des loyers.",
            ),
        ),
        expected={
            "SPEAKER_00": "Clémence Aubry",
            "SPEAKER_01": "Fatou Ndiaye-Sarr",
        },
        note=(
            "Animatrice se nomme en fin de phrase et présente l'invitée par son nom complet ; "
            "prénom cité dans une citation ; nom de fondation."
        ),
    ),
    NamingCase(
        name="en_remote_standup",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Morning everyone. Ben's off today so I'll run it. For the new folks, my "
                    "name's, uh, Fatima, I'm the delivery lead."
                ),
            ),
            (
                "SPEAKER_00",
                "Let's go alphabetical. Aiko?",
            ),
            (
                "SPEAKER_01",
                (
                    "Morning. Yesterday I finished the retry logic for the payment webhooks, today "
                    "I'm pairing with Marcus on the ledger migration. No blockers."
                ),
            ),
            (
                "SPEAKER_00",
                "Cool. Marcus?",
            ),
            (
                "SPEAKER_02",
                (
                    "Yeah, hi. So, same as Aiko said, the migration. We hit a snag with the "
                    "timezone columns, everything from before 2021 is stored as local time, which, "
                    "yeah."
                ),
            ),
            (
                "SPEAKER_02",
                "I'll write it up after this.",
            ),
            (
                "SPEAKER_00",
                "Thanks. Raj?",
            ),
            (
                "SPEAKER_00",
                "Raj, you there? ... You might be muted.",
            ),
            (
                "SPEAKER_03",
                (
                    "I think Raj is still on the client call with Northwind. I can go next, it's "
                    "Tomasz."
                ),
            ),
            (
                "SPEAKER_00",
                "Go for it.",
            ),
            (
                "SPEAKER_03",
                (
                    "I'm actually dialling in from Amman this week, we're in Jordan for the "
                    "conference, so my hours are a bit weird. Yesterday I did the load tests, p95 "
                    "is about 340 milliseconds."
                ),
            ),
            (
                "SPEAKER_01",
                "That's better than last week, right?",
            ),
            (
                "SPEAKER_03",
                "Yeah, down from 410.",
            ),
            (
                "SPEAKER_00",
                "Nice. Okay, that's everyone except Raj, I'll ping him. Thanks all.",
            ),
        ),
        expected={
            "SPEAKER_00": "Fatima",
            "SPEAKER_01": "Aiko",
            "SPEAKER_02": "Marcus",
            "SPEAKER_03": "Tomasz",
        },
        note=(
            "Facilitator calls first names who answer; one called person never answers; 'Jordan' "
            "is a country; Ben is absent."
        ),
    ),
    NamingCase(
        name="fr_entretien_embauche",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                "Bonjour, entrez. Vous êtes bien monsieur Belkacem ?",
            ),
            (
                "SPEAKER_01",
                "Oui, c'est ça, bonjour.",
            ),
            (
                "SPEAKER_00",
                (
                    "Asseyez-vous. Alors je me présente, Laurent Giraud, je suis responsable du "
                    "bureau d'études, et je suis accompagné de ma collègue des ressources humaines."
                ),
            ),
            (
                "SPEAKER_02",
                "Bonjour. Amaka Okafor, chargée de recrutement.",
            ),
            (
                "SPEAKER_01",
                "Enchanté.",
            ),
            (
                "SPEAKER_00",
                (
                    "Alors, vous avez vu l'annonce, c'est un poste de technicien en CAO, "
                    "essentiellement SolidWorks. Présentez-nous votre parcours."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Oui. Alors j'ai un BTS conception de produits industriels, j'ai fait mon "
                    "alternance chez Forges de Bretagne pendant 2 ans, et depuis 2022 je suis chez "
                    "un sous-traitant aéronautique à Nantes."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Mon responsable là-bas, Vincent Roche, pourra vous donner une référence si "
                    "besoin."
                ),
            ),
            (
                "SPEAKER_02",
                "Très bien. Qu'est-ce qui vous fait quitter ce poste ?",
            ),
            (
                "SPEAKER_01",
                "Euh, honnêtement, les trajets. Je fais 1h15 aller, 1h15 retour.",
            ),
            (
                "SPEAKER_00",
                "Ici vous seriez à 20 minutes, c'est ça ?",
            ),
            (
                "SPEAKER_01",
                "15 en vélo.",
            ),
            (
                "SPEAKER_02",
                "Et au niveau des prétentions salariales ?",
            ),
            (
                "SPEAKER_01",
                "Je suis à 31 000 brut actuellement, je vise autour de 34.",
            ),
            (
                "SPEAKER_00",
                "D'accord. On a un petit exercice pratique, 30 minutes, ça vous va ?",
            ),
            (
                "SPEAKER_01",
                "Oui, pas de souci.",
            ),
        ),
        expected={
            "SPEAKER_00": "Laurent Giraud",
            "SPEAKER_01": "Belkacem",
            "SPEAKER_02": "Amaka Okafor",
        },
        note=(
            "Candidat confirme 'monsieur Belkacem' (nom seul) ; recruteur se nomme avec sa "
            "fonction après ; RH se nomme en réponse ; ancien responsable absent."
        ),
    ),
    NamingCase(
        name="en_tenants_meeting",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, it's 7 o'clock, let's make a start. Thanks for coming out in the rain. "
                    "For anyone who's new, I'm Gloria and I'll be chairing tonight, I'm in flat 12."
                ),
            ),
            (
                "SPEAKER_00",
                "First item is the lifts. Both lifts were out for 9 days in January.",
            ),
            (
                "SPEAKER_01",
                (
                    "Nine days! My mother is 87, she couldn't get down at all. I had to do her "
                    "shopping every day."
                ),
            ),
            (
                "SPEAKER_00",
                "I know. Sorry, can you say your name for the notes?",
            ),
            (
                "SPEAKER_01",
                "Oh, yeah, Dennis Achterberg, flat 31.",
            ),
            (
                "SPEAKER_00",
                "Thanks Dennis.",
            ),
            (
                "SPEAKER_02",
                (
                    "Can I come in here? The housing officer, Ms. Carrington, told me 'it's a "
                    "parts issue, call Martin at the contractor'. Who is Martin? Nobody has a "
                    "number for Martin."
                ),
            ),
            (
                "SPEAKER_00",
                "That's the same thing she told me. We'll put it in the letter.",
            ),
            (
                "SPEAKER_03",
                "Sorry, I'm just, uh, I'm new, I moved in in November. Is there a WhatsApp group?",
            ),
            (
                "SPEAKER_00",
                "There is, I'll add you after. What's your number?",
            ),
            (
                "SPEAKER_03",
                "I'll give it you after, I don't want to say it on the recording.",
            ),
            (
                "SPEAKER_02",
                "Sensible.",
            ),
            (
                "SPEAKER_00",
                "Right. Second item, bins. Dennis, you were going to count the bins?",
            ),
            (
                "SPEAKER_01",
                "I did. There are 6 bins for 48 flats. It's not enough.",
            ),
            (
                "SPEAKER_00",
                "Okay. We'll ask for 4 more.",
            ),
        ),
        expected={
            "SPEAKER_00": "Gloria",
            "SPEAKER_01": "Dennis Achterberg",
            "SPEAKER_02": None,
            "SPEAKER_03": None,
        },
        note=(
            "'I'm X and I'll be chairing'; name given when asked for the notes; a name inside a "
            "quoted sentence; two residents never named."
        ),
    ),
    NamingCase(
        name="fr_service_client",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bienvenue chez Énergéo. Pour des raisons de qualité, votre appel est "
                    "susceptible d'être enregistré. Un conseiller va vous répondre."
                ),
            ),
            (
                "SPEAKER_01",
                "Service client Énergéo, Maxime à votre écoute, bonjour.",
            ),
            (
                "SPEAKER_02",
                (
                    "Oui bonjour monsieur, c'est Mme Lemaire à l'appareil, j'appelle pour ma "
                    "facture de janvier, il y a un problème."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Je vais regarder ça avec vous, Madame Lemaire. Vous avez votre numéro de "
                    "contrat ?"
                ),
            ),
            (
                "SPEAKER_02",
                "Oui, alors, 4 0 0 7 1 9 2.",
            ),
            (
                "SPEAKER_01",
                "Merci. Alors je vois une facture de 412 euros, c'est ça ?",
            ),
            (
                "SPEAKER_02",
                (
                    "Oui, c'est 3 fois plus que d'habitude. C'est mon fils, Léo, qui a fait le "
                    "relevé du compteur, il a peut-être fait une erreur."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "C'est possible. Je vois un index de 48 210, alors que le précédent était à 46 "
                    "900."
                ),
            ),
            (
                "SPEAKER_02",
                "Oh là là.",
            ),
            (
                "SPEAKER_01",
                "Ce que je vous propose, c'est de me relire l'index actuel.",
            ),
            (
                "SPEAKER_02",
                "Je ne suis pas chez moi, là.",
            ),
            (
                "SPEAKER_01",
                (
                    "D'accord, alors je vous transfère à ma collègue du service recouvrement pour "
                    "suspendre le prélèvement, ne quittez pas."
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "Bonjour madame, Sabrina, service recouvrement. Mon collègue m'a expliqué, je "
                    "bloque le prélèvement du 15 en attendant le nouvel index."
                ),
            ),
            (
                "SPEAKER_02",
                "Merci beaucoup, vous êtes gentille.",
            ),
            (
                "SPEAKER_03",
                "Je vous en prie. Vous recevrez un SMS de confirmation.",
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Maxime",
            "SPEAKER_02": "Lemaire",
            "SPEAKER_03": "Sabrina",
        },
        note=(
            "Message automatique ; 'Maxime à votre écoute' ; 'c'est Mme Lemaire à l'appareil' ; "
            "transfert vers une collègue qui se nomme ; fils Léo seulement mentionné."
        ),
    ),
    NamingCase(
        name="en_sales_demo_email",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                "Hi, good morning, can you hear me okay?",
            ),
            (
                "SPEAKER_01",
                "Yes, loud and clear.",
            ),
            (
                "SPEAKER_00",
                (
                    "Great. So, uh, thanks for making the time. Jennifer sent her apologies, she's "
                    "stuck in board prep, so it's just us three."
                ),
            ),
            (
                "SPEAKER_00",
                "I'll keep my part short and then hand over to Mateo to show you the product.",
            ),
            (
                "SPEAKER_02",
                (
                    "Thanks, Sophie. Can I share my screen? Okay. So what you're seeing is the "
                    "close dashboard."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Before you start, just so you know where I'm coming from, as the controller I "
                    "really care about month-end close, reconciliations, that's 80% of my pain."
                ),
            ),
            (
                "SPEAKER_02",
                "Perfect, that's exactly where I wanted to start.",
            ),
            (
                "SPEAKER_02",
                (
                    "So here each entity has a checklist, and this bar is how many reconciliations "
                    "are, uh, auto-matched."
                ),
            ),
            (
                "SPEAKER_01",
                "How many entities can it handle? We've got 11 across 4 countries.",
            ),
            (
                "SPEAKER_02",
                "11 is fine, we have customers with over 200.",
            ),
            (
                "SPEAKER_01",
                "And the Polish entity reports in złoty, does the consolidation handle FX?",
            ),
            (
                "SPEAKER_02",
                "Yes, rates come in daily from the ECB feed, or you can upload your own.",
            ),
            (
                "SPEAKER_00",
                (
                    "And Bilal, just to flag, pricing is per entity, so I'll send you a proposal "
                    "after this."
                ),
            ),
            (
                "SPEAKER_01",
                "Okay. Jennifer will want to see that, she signs off on anything above 50k.",
            ),
            (
                "SPEAKER_00",
                "Of course, I'll copy her.",
            ),
        ),
        documents=(
            (
                "From: Sophie van der Berg <sophie.vdberg@ledgerly.io>\nTo: Jennifer Alvarez; "
                "Bilal Chaudhry\nCc: Mateo Russo\nSubject: Ledgerly demo - Thursday 10:00\n\nHi "
                "Jennifer, hi Bilal,\n\nThanks again for your interest in Ledgerly. As discussed, "
                "I'll send a Teams link for Thursday at 10:00 (45 min).\n\nAttending from "
                "Northpeak Foods: Jennifer Alvarez (Head of Finance) and Bilal Chaudhry (Financial "
                "Controller).\nAttending from Ledgerly: me (Account Executive) and Mateo Russo "
                "(Solutions Engineer), who will run the live demo.\n\nBest,\nSophie"
            ),
        ),
        expected={
            "SPEAKER_00": "Sophie van der Berg",
            "SPEAKER_01": "Bilal Chaudhry",
            "SPEAKER_02": "Mateo Russo",
        },
        note=(
            "Invitation email gives full names and roles; hand-over plus 'Thanks, Sophie' and a "
            "role mention name speakers; the addressee of the email is absent."
        ),
    ),
    NamingCase(
        name="fr_club_handball",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bon allez, on commence, il est déjà 20h20. Merci d'être là. Ordre du jour, "
                    "les finances, le tournoi de Pâques, et le repas de fin de saison."
                ),
            ),
            (
                "SPEAKER_00",
                "Jimmy, les finances ?",
            ),
            (
                "SPEAKER_01",
                (
                    "Ouais. Alors pour ceux qui me connaissent pas, parce qu'il y a des nouveaux, "
                    "je suis Jean-Marc Ribeiro, le trésorier, mais tout le monde m'appelle Jimmy."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "On est à 4 800 euros sur le compte, les licences sont rentrées, mais il "
                    "manque encore 11 cotisations."
                ),
            ),
            (
                "SPEAKER_00",
                "11 ? C'est beaucoup.",
            ),
            (
                "SPEAKER_02",
                (
                    "Chez les moins de 13 c'est moi qui relance, j'en ai 5, je m'en occupe cette "
                    "semaine."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Merci coach. Pour le tournoi, on a confirmé Saint-Louis, Huningue et "
                    "Village-Neuf, ça fait 8 équipes."
                ),
            ),
            (
                "SPEAKER_03",
                "Et pour les arbitres ? L'an dernier on en a manqué.",
            ),
            (
                "SPEAKER_00",
                "Bonne question, euh, Karima, tu peux voir avec le comité départemental ?",
            ),
            (
                "SPEAKER_03",
                "Oui, je les appelle demain.",
            ),
            (
                "SPEAKER_00",
                "Super. Dernier point, le repas. On le refait Chez Martin ?",
            ),
            (
                "SPEAKER_01",
                "Chez Martin c'était 28 euros par personne, c'est un peu cher pour les familles.",
            ),
            (
                "SPEAKER_02",
                "On peut faire un barbecue au gymnase, comme avant.",
            ),
            (
                "SPEAKER_00",
                "On vote ? ... Barbecue, adopté. Merci à tous.",
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Jean-Marc Ribeiro",
            "SPEAKER_02": None,
            "SPEAKER_03": "Karima",
        },
        note=(
            "'Tout le monde m'appelle Jimmy' après le nom complet ; bénévole interpellée qui "
            "répond ; 'Chez Martin' est un restaurant, Saint-Louis une ville ; président et coach "
            "non nommés."
        ),
    ),
    NamingCase(
        name="en_seminar_programme",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, I think we'll get going, people are still joining online but that's "
                    "fine. Good afternoon and welcome, I'm chairing today's session."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "We have 2 talks, then questions. Our first speaker has been doing fieldwork "
                    "on the Waimakariri for, I think, 2 decades. Dr Adeyemi, over to you."
                ),
            ),
            (
                "SPEAKER_01",
                "Thank you, Hannah. Yes, 2 decades, which makes me feel very old.",
            ),
            (
                "SPEAKER_01",
                (
                    "So, uh, let me just get the slides up. Right. The question I want to address "
                    "is why our transport models fail in braided systems."
                ),
            ),
            (
                "SPEAKER_01",
                "...and that's where I'll stop. Thank you.",
            ),
            (
                "SPEAKER_00",
                (
                    "Thank you, that was wonderful. Next we have one of our PhD students, who's "
                    "going to take this up into space, so to speak."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Thanks. Hi everyone. So I'm in my 3rd year, I work with Sentinel-2, and I'm "
                    "going to show you how we tracked channel migration between 2017 and 2023."
                ),
            ),
            (
                "SPEAKER_02",
                "This first figure is, hmm, it's a bit small, sorry. The blue is 2017.",
            ),
            (
                "SPEAKER_00",
                "Okay, we have about 20 minutes for questions. Yes, at the back.",
            ),
            (
                "SPEAKER_03",
                (
                    "Hi, Ravi Subramanian, I'm in civil engineering. Question for Chloé. How do "
                    "you deal with cloud cover?"
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Good question. We use a median composite over 3 months, so we lose some "
                    "temporal resolution."
                ),
            ),
            (
                "SPEAKER_03",
                "And for Dr Adeyemi, do your field data agree with the satellite data?",
            ),
            (
                "SPEAKER_01",
                (
                    "Mostly. There's a reach near the gorge where they don't, and we're still "
                    "arguing about it."
                ),
            ),
            (
                "SPEAKER_00",
                "Productive arguing, I hope. Thank you all, and thank you both.",
            ),
        ),
        documents=(
            (
                "Department of Geography - Research Seminar Series\nWednesday 6 November, Room "
                "2.14 and online\n\n14:00  Welcome and introductions - Prof. Hannah Greenberg "
                "(chair)\n14:10  Sediment transport in braided rivers: 20 years of field data - Dr "
                "Oluwaseun Adeyemi\n14:45  Mapping channel migration from Sentinel-2 imagery - "
                "Chloé Marchand-Duval (PhD candidate)\n15:20  Questions and discussion\n15:45  "
                "Close"
            ),
        ),
        expected={
            "SPEAKER_00": "Hannah Greenberg",
            "SPEAKER_01": "Oluwaseun Adeyemi",
            "SPEAKER_02": "Chloé Marchand-Duval",
            "SPEAKER_03": "Ravi Subramanian",
        },
        note=(
            "Programme with times gives the chair and speakers; chair says only 'I'm chairing'; "
            "audience member self-introduces with department."
        ),
    ),
    NamingCase(
        name="fr_labo_recherche",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bon, on commence ? Je vous rappelle qu'on a le rapport ANR à rendre le 30. "
                    "Baptiste, tu peux nous dire où en est la manip ?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Oui. Alors j'ai refait les mesures de diffusion sur les 3 échantillons, et "
                    "honnêtement c'est pas terrible, la dispersion est énorme sur le 2."
                ),
            ),
            (
                "SPEAKER_00",
                "Énorme, c'est combien ?",
            ),
            (
                "SPEAKER_01",
                "Plus ou moins 30 %.",
            ),
            (
                "SPEAKER_00",
                "Hmm. Qu'en penses-tu, Élodie ? C'est toi qui as préparé les échantillons.",
            ),
            (
                "SPEAKER_02",
                (
                    "Oui, euh, le 2 a été préparé avec l'ancien lot de solvant, je pense que ça "
                    "vient de là. Je peux en refaire un lundi."
                ),
            ),
            (
                "SPEAKER_00",
                "D'accord. Et pour l'article, où on en est, Moussa ?",
            ),
            (
                "SPEAKER_03",
                (
                    "J'ai envoyé la version 3 hier soir. Le relecteur de Physical Review nous "
                    "demande de comparer avec le modèle de Debye-Hückel, ce qu'on avait déjà fait "
                    "en annexe."
                ),
            ),
            (
                "SPEAKER_01",
                "Il a pas lu l'annexe.",
            ),
            (
                "SPEAKER_03",
                "Visiblement pas.",
            ),
            (
                "SPEAKER_00",
                (
                    "Bon, tu lui réponds poliment. Et Élodie, tu mets Baptiste en copie pour le "
                    "nouvel échantillon."
                ),
            ),
            (
                "SPEAKER_02",
                "Ça marche.",
            ),
            (
                "SPEAKER_00",
                (
                    "Dernière chose, Françoise de la plateforme demande qu'on libère le créneau du "
                    "jeudi."
                ),
            ),
            (
                "SPEAKER_01",
                "Moi ça me va.",
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Baptiste",
            "SPEAKER_02": "Élodie",
            "SPEAKER_03": "Moussa",
        },
        note=(
            "Doctorants interpellés par prénom en début ou fin de phrase ('Qu'en penses-tu, Élodie "
            "?') qui répondent ; nom de modèle et collègue absente."
        ),
    ),
    NamingCase(
        name="en_family_video_call",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                "Can you see us? Mum? Mum, you need to tap the camera.",
            ),
            (
                "SPEAKER_01",
                "Oh, there you are! I can see you now. Oh, look at the baby!",
            ),
            (
                "SPEAKER_00",
                "Yeah, she's just woken up. Leo, come and say hi to Nana.",
            ),
            (
                "SPEAKER_02",
                "Hi Nana! I lost a tooth!",
            ),
            (
                "SPEAKER_01",
                "You lost a tooth? Did the tooth fairy come?",
            ),
            (
                "SPEAKER_02",
                "Yeah, she gave me 2 pounds.",
            ),
            (
                "SPEAKER_01",
                "2 pounds! Goodness. Is Amira there?",
            ),
            (
                "SPEAKER_03",
                "Hi, yeah, it's Amira, I'm just finishing the dinner, hello!",
            ),
            (
                "SPEAKER_01",
                "Hello love. How's work?",
            ),
            (
                "SPEAKER_03",
                "Busy. We've got the inspection next week.",
            ),
            (
                "SPEAKER_01",
                "Your uncle Farid is coming at Christmas, did he tell you?",
            ),
            (
                "SPEAKER_00",
                "He did, he messaged me. Is he bringing the dog?",
            ),
            (
                "SPEAKER_01",
                "I hope not.",
            ),
            (
                "SPEAKER_02",
                "Nana, can I show you my Lego?",
            ),
            (
                "SPEAKER_01",
                "Go on then.",
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": None,
            "SPEAKER_02": "Leo",
            "SPEAKER_03": "Amira",
        },
        note=(
            "Kin terms (Mum, Nana) are not names; a child told to say hi answers; an uncle is only "
            "talked about."
        ),
    ),
    NamingCase(
        name="fr_appel_famille",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                "Allô ? Maman ? Tu nous vois ? Il faut appuyer sur la petite caméra.",
            ),
            (
                "SPEAKER_01",
                "Ah voilà ! Je vous vois ! Oh, ils ont grandi !",
            ),
            (
                "SPEAKER_00",
                "Les jumeaux, venez dire bonjour à Mamie. Manon, Hugo, venez.",
            ),
            (
                "SPEAKER_02",
                "Coucou Mamie !",
            ),
            (
                "SPEAKER_03",
                "Bonjour Mamie ! On a fait une cabane !",
            ),
            (
                "SPEAKER_01",
                "Une cabane ! Où ça, une cabane ?",
            ),
            (
                "SPEAKER_02",
                "Dans le jardin, avec des planches.",
            ),
            (
                "SPEAKER_01",
                "Attendez, je vous passe Papi, il veut vous voir.",
            ),
            (
                "SPEAKER_04",
                (
                    "Alors, c'est Papi Gérard qui vous fait des gros bisous ! Papi Gérard il a "
                    "réparé le vélo de votre cousin."
                ),
            ),
            (
                "SPEAKER_03",
                "Le vélo de Théo ?",
            ),
            (
                "SPEAKER_04",
                "Oui, celui de Théo. Il pourra le prendre cet été.",
            ),
            (
                "SPEAKER_00",
                "Papa, vous venez toujours le 14 juillet ?",
            ),
            (
                "SPEAKER_04",
                "Si ta mère est d'accord, oui.",
            ),
            (
                "SPEAKER_01",
                "Bien sûr qu'on vient.",
            ),
            (
                "SPEAKER_02",
                "Mamie, tu peux amener les crêpes ?",
            ),
            (
                "SPEAKER_01",
                "Je les amènerai, promis.",
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": None,
            "SPEAKER_02": None,
            "SPEAKER_03": None,
            "SPEAKER_04": "Gérard",
        },
        note=(
            "Jumeaux présentés ensemble et jamais distingués ; grand-père parle de lui à la "
            "troisième personne ('Papi Gérard') ; cousin seulement mentionné."
        ),
    ),
    NamingCase(
        name="en_radio_debate",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Good evening, it's 6 o'clock, this is Talkback on City FM and I'm Gareth "
                    "Lloyd. Tonight, the plan to pedestrianise Market Street."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "With me in the studio are councillor Yasmin Haddad, who chairs the transport "
                    "committee, and Paul Kerrigan from the Market Street Traders' Association. "
                    "Councillor, let's start with you. Why now?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Thanks Gareth. Because the air quality on Market Street is the worst in the "
                    "city, 2 years running, and because footfall is actually falling."
                ),
            ),
            (
                "SPEAKER_00",
                "Paul, your traders don't agree.",
            ),
            (
                "SPEAKER_02",
                (
                    "No, they don't. Half of my members rely on deliveries before 10am and "
                    "customers parking for 15 minutes. You take that away, they close."
                ),
            ),
            (
                "SPEAKER_01",
                "Nobody's taking deliveries away. Deliveries will be allowed until 11.",
            ),
            (
                "SPEAKER_02",
                "That's not what the consultation document said.",
            ),
            (
                "SPEAKER_00",
                "Let's bring in a caller. Bernadette in Ashfield, you're on Talkback.",
            ),
            (
                "SPEAKER_03",
                (
                    "Hi Gareth. Yeah, I just want to say, I'm 71, I don't drive, and I'd love to "
                    "be able to walk down Market Street without breathing fumes."
                ),
            ),
            (
                "SPEAKER_00",
                "Thanks Bernadette. Paul?",
            ),
            (
                "SPEAKER_02",
                "With respect, Bernadette, the shops you want to walk past won't be there.",
            ),
            (
                "SPEAKER_03",
                "Well they're closing anyway, love.",
            ),
            (
                "SPEAKER_00",
                "Ha. Councillor Haddad, final word.",
            ),
            (
                "SPEAKER_01",
                (
                    "We'll publish the revised plan on the 14th and there'll be another 6 weeks of "
                    "consultation."
                ),
            ),
            (
                "SPEAKER_00",
                "We'll leave it there. Thank you both.",
            ),
        ),
        expected={
            "SPEAKER_00": "Gareth Lloyd",
            "SPEAKER_01": "Yasmin Haddad",
            "SPEAKER_02": "Paul Kerrigan",
            "SPEAKER_03": "Bernadette",
        },
        note=(
            "Host self-names; two studio guests introduced with roles and told apart by "
            "'Councillor' and 'Paul'; caller introduced by first name and place."
        ),
    ),
    NamingCase(
        name="fr_seminaire_universite",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour à toutes et à tous, on va commencer. Je suis Pierre-Yves Le Goff, "
                    "maître de conférences en histoire contemporaine, et je modère cette séance du "
                    "séminaire."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Nous accueillons aujourd'hui le professeur Haddouche, de l'université de "
                    "Lille, qui va nous parler des archives ouvrières du Nord. Professeur, la "
                    "parole est à vous."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Merci beaucoup, et merci de l'invitation. Alors, euh, je voudrais commencer "
                    "par une anecdote."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "En 1998, en dépouillant les archives d'une filature à Roubaix, je suis tombé "
                    "sur un carnet signé d'un certain Jules Verhaeghe, contremaître, qui notait "
                    "tout."
                ),
            ),
            (
                "SPEAKER_01",
                "Et ce carnet, c'est un peu le fil rouge de mon intervention.",
            ),
            (
                "SPEAKER_00",
                (
                    "Merci pour cette belle présentation. On a une vingtaine de minutes pour les "
                    "questions. Oui, au premier rang."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Bonjour, Inès Kaci, je suis en M2 ici. Est-ce que le carnet de Verhaeghe a "
                    "été numérisé ?"
                ),
            ),
            (
                "SPEAKER_01",
                "Pas encore, c'est en cours avec les Archives nationales du monde du travail.",
            ),
            (
                "SPEAKER_00",
                "Une autre question ? Oui, derrière.",
            ),
            (
                "SPEAKER_03",
                (
                    "Oui, merci, euh, je ne suis pas historien, je suis sociologue. Est-ce que "
                    "vous avez croisé avec les registres de l'inspection du travail ?"
                ),
            ),
            (
                "SPEAKER_01",
                "Très bonne question. Oui, pour la période 1905-1914.",
            ),
            (
                "SPEAKER_03",
                "Merci.",
            ),
            (
                "SPEAKER_00",
                (
                    "Merci à tous, et merci encore au professeur Haddouche. Prochaine séance le 12 "
                    "avril."
                ),
            ),
        ),
        expected={
            "SPEAKER_00": "Pierre-Yves Le Goff",
            "SPEAKER_01": "Haddouche",
            "SPEAKER_02": "Inès Kaci",
            "SPEAKER_03": None,
        },
        note=(
            "Modérateur se nomme avec son rang ; invité désigné par 'le professeur Haddouche' (nom "
            "seul) ; étudiante se présente ; auteur d'archive et sociologue non nommés."
        ),
    ),
    NamingCase(
        name="en_lab_meeting_two_sams",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                "Okay, let's start, we only have the room till 12. Wei, you're first.",
            ),
            (
                "SPEAKER_01",
                "Thanks, Ingrid. So, the mass spec. Good news and bad news.",
            ),
            (
                "SPEAKER_01",
                (
                    "The good news is the new column works, the bad news is, uh, the reviewer 2 "
                    "thing. They literally wrote 'the authors should consult Dr. Hughes on the "
                    "calibration'. Who is Dr. Hughes?"
                ),
            ),
            (
                "SPEAKER_00",
                "Ha. Probably the reviewer. Just cite the Hughes 2019 paper and move on.",
            ),
            (
                "SPEAKER_01",
                "Okay. That's me.",
            ),
            (
                "SPEAKER_00",
                "Great. Sam, cloning?",
            ),
            (
                "SPEAKER_02",
                "Uh, which Sam?",
            ),
            (
                "SPEAKER_00",
                "Sorry, yes, we have 2 Sams now. Cloning Sam. Takahashi.",
            ),
            (
                "SPEAKER_03",
                (
                    "That's me. So, uh, 3 out of 5 constructs are verified by sequencing. The "
                    "other 2 have a point mutation in the linker, I'm redoing them."
                ),
            ),
            (
                "SPEAKER_00",
                "Do you need more primers?",
            ),
            (
                "SPEAKER_03",
                "I ordered from Eurofins on Monday.",
            ),
            (
                "SPEAKER_00",
                "Good. And then, the other Sam, journal club.",
            ),
            (
                "SPEAKER_02",
                (
                    "Yes. So I picked the Nguyen paper, it's about, um, cryo-EM of the transporter "
                    "in the inward-open state."
                ),
            ),
            (
                "SPEAKER_02",
                "I'll share the PDF in the channel.",
            ),
            (
                "SPEAKER_00",
                "Thanks. Anything else? Freezer sign-up, please, Friday.",
            ),
        ),
        documents=(
            (
                "Lab meeting - Tue 14 May, 11:00, seminar room B\n1. Mass spec update - Wei Zhang\n"
                "2. Cloning status - Sam Takahashi\n3. Journal club: Nguyen et al. 2024 - Sam "
                "Oduya\nReminder: freezer defrost on Friday, sign up with Ingrid."
            ),
        ),
        expected={
            "SPEAKER_00": "Ingrid",
            "SPEAKER_01": "Wei Zhang",
            "SPEAKER_02": "Sam Oduya",
            "SPEAKER_03": "Sam Takahashi",
        },
        note=(
            "Agenda completes names; two people called Sam are told apart by topic; a name in a "
            "quoted review comment; 'Thanks, Ingrid' names the PI."
        ),
    ),
    NamingCase(
        name="fr_demo_commerciale_mail",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                "Bonjour à tous, vous m'entendez bien ?",
            ),
            (
                "SPEAKER_01",
                "Oui, très bien.",
            ),
            (
                "SPEAKER_00",
                (
                    "Parfait. Merci de nous accorder ce temps. Je vous propose un petit tour de "
                    "table rapide, et ensuite je laisse la main à Mathilde pour la démo."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Alors, moi je suis associée au cabinet, on est 14 avocats, et honnêtement "
                    "notre problème c'est la gestion des agendas d'audience."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Et moi je gère toute l'informatique, donc je vais surtout vous poser des "
                    "questions sur l'hébergement et la sécurité."
                ),
            ),
            (
                "SPEAKER_00",
                "Très bien. Mathilde, c'est à toi.",
            ),
            (
                "SPEAKER_03",
                (
                    "Merci Julien. Alors je partage mon écran. Ce que vous voyez là, c'est la vue "
                    "cabinet, avec les audiences de la semaine."
                ),
            ),
            (
                "SPEAKER_01",
                "Et ça se synchronise avec le RPVA ?",
            ),
            (
                "SPEAKER_03",
                (
                    "Oui, les convocations sont importées automatiquement, en général en moins de "
                    "24 heures."
                ),
            ),
            (
                "SPEAKER_02",
                "Les données sont hébergées où ?",
            ),
            (
                "SPEAKER_03",
                "En France, chez un hébergeur certifié, à Roubaix et à Strasbourg.",
            ),
            (
                "SPEAKER_02",
                "D'accord. Et l'authentification, c'est compatible avec notre annuaire ?",
            ),
            (
                "SPEAKER_03",
                "Oui, on supporte le SSO, on l'a déjà fait pour un cabinet de 60 personnes.",
            ),
            (
                "SPEAKER_00",
                "Madame Da Costa, je vous envoie la proposition tarifaire d'ici vendredi ?",
            ),
            (
                "SPEAKER_01",
                "Oui, et mettez Éric en copie.",
            ),
        ),
        documents=(
            (
                "Objet : Démonstration Planéo - mardi 14h\nDe : Julien Morel-Sauvage\nÀ : "
                "Anne-Laure Da Costa ; Éric Lambert\nCc : Mathilde Nguyen\n\nBonjour Madame Da "
                "Costa, bonjour Monsieur Lambert,\n\nSuite à notre échange téléphonique, je vous "
                "confirme la démonstration de Planéo mardi à 14h, en visio (lien ci-dessous).\n"
                "Pour votre cabinet seront présents Mme Da Costa, associée, et M. Lambert, "
                "responsable informatique.\nDe notre côté, je serai accompagné de Mathilde Nguyen, "
                "consultante avant-vente, qui fera la démonstration.\n\nBien cordialement,\nJulien "
                "Morel-Sauvage\nResponsable commercial, Planéo"
            ),
        ),
        expected={
            "SPEAKER_00": "Julien Morel-Sauvage",
            "SPEAKER_01": "Anne-Laure Da Costa",
            "SPEAKER_02": "Éric Lambert",
            "SPEAKER_03": "Mathilde Nguyen",
        },
        note=(
            "Courriel d'invitation avec rôles ; clients identifiés par leur fonction dite à l'oral "
            "; passage de main 'Mathilde, c'est à toi' puis 'Merci Julien'."
        ),
    ),
    NamingCase(
        name="en_cricket_committee_table",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Right, it's half past, let's crack on. Dev's sent apologies, he's stuck at "
                    "work. Minutes of the last meeting, everyone happy? Good."
                ),
            ),
            (
                "SPEAKER_00",
                "First, money. Over to our treasurer.",
            ),
            (
                "SPEAKER_01",
                (
                    "Thanks. So, we're about £2,300 up on this time last year, mostly the bar, and "
                    "the quiz night made £640."
                ),
            ),
            (
                "SPEAKER_01",
                "But the roller needs a new engine, and that's quoted at £1,800.",
            ),
            (
                "SPEAKER_00",
                "Ouch. Can the juniors' fund help? Kofi?",
            ),
            (
                "SPEAKER_02",
                (
                    "Not really, the junior money is ring-fenced for coaching badges and kit. "
                    "We've got 64 kids registered this year, up from 40."
                ),
            ),
            (
                "SPEAKER_00",
                "That's brilliant.",
            ),
            (
                "SPEAKER_03",
                (
                    "Can I just jump in from the women's side? As captain, I'd like us to ask for "
                    "a proper changing room slot on Sundays. We're changing in the scorers' hut."
                ),
            ),
            (
                "SPEAKER_00",
                "That's fair. Put it in writing and we'll vote next month.",
            ),
            (
                "SPEAKER_03",
                "Will do.",
            ),
            (
                "SPEAKER_01",
                "On the roller, I'll get a second quote from Jordan's Groundcare in Melton.",
            ),
            (
                "SPEAKER_00",
                (
                    "Yes please. And as chair I'll write to the council about the grant. Any other "
                    "business? No? Lovely, thanks all."
                ),
            ),
        ),
        documents=(
            (
                "Ashby Vale CC - Committee meeting, 3 March - attendance\n\nName | Team | Role\n"
                "Gillian Marsh | Committee | Chair\nOliver Tan | Committee | Treasurer\nKofi "
                "Asante | Juniors | Head coach\nEllie-May Robson | Women's XI | Captain\nDev "
                "Malhotra | 1st XI | Captain (apologies)"
            ),
        ),
        expected={
            "SPEAKER_00": "Gillian Marsh",
            "SPEAKER_01": "Oliver Tan",
            "SPEAKER_02": "Kofi Asante",
            "SPEAKER_03": "Ellie-May Robson",
        },
        note=(
            "Table-like attendance sheet 'Name | Team | Role'; speakers named by role (chair, "
            "treasurer, captain) or first name; apologies and a company called Jordan's."
        ),
    ),
    NamingCase(
        name="fr_ag_association_pv",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bon, on va démarrer. Merci à tous d'être là, on est un peu moins nombreux que "
                    "l'an dernier mais le quorum est atteint avec les pouvoirs. Je vais commencer "
                    "par le rapport moral, en tant que présidente."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Cette année on a ouvert 6 nouvelles parcelles, on a accueilli 2 classes de "
                    "l'école Jean-Jaurès, et on a eu, euh, le problème de la pompe en juillet."
                ),
            ),
            (
                "SPEAKER_01",
                "La pompe, parlons-en.",
            ),
            (
                "SPEAKER_00",
                (
                    "On en parlera dans les questions diverses, promis. Je passe la parole à notre "
                    "trésorier."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Merci Martine. Alors, le résultat de l'exercice est positif, 1 240 euros, "
                    "grâce surtout à la fête des plantes qui a rapporté 2 100 euros."
                ),
            ),
            (
                "SPEAKER_02",
                "Les charges, c'est essentiellement l'eau, 1 800 euros, et l'assurance.",
            ),
            (
                "SPEAKER_01",
                "Et la pompe, elle est dans quelle ligne ?",
            ),
            (
                "SPEAKER_02",
                "Elle est dans l'entretien, 650 euros.",
            ),
            (
                "SPEAKER_00",
                "Claire, tu veux bien faire secrétaire de séance et noter les votes ?",
            ),
            (
                "SPEAKER_03",
                "Oui, pas de problème. Je note : rapport moral, adopté à l'unanimité ?",
            ),
            (
                "SPEAKER_00",
                "Oui. Et Robert m'a donné son pouvoir, donc ça fait une voix de plus.",
            ),
            (
                "SPEAKER_03",
                "C'est noté.",
            ),
            (
                "SPEAKER_01",
                (
                    "Moi je voudrais qu'on vote un budget pour une pompe neuve. Ça fait 3 ans "
                    "qu'on la répare."
                ),
            ),
            (
                "SPEAKER_00",
                "D'accord, Paul-Henri, on le met aux questions diverses.",
            ),
            (
                "SPEAKER_01",
                "Merci.",
            ),
        ),
        documents=(
            (
                "Association Les Jardins du Clos - Assemblée générale ordinaire du 23 mars\n"
                "Procès-verbal (modèle à compléter)\n\nPrésents : Martine Guérin (présidente), "
                "Abdou Diallo (trésorier), Claire Van Acker (secrétaire), Paul-Henri de la "
                "Fontaine, Yasmina Cherif\nExcusés : Robert Lenoir (pouvoir donné à Martine "
                "Guérin), Sophie Marchal\n\nOrdre du jour :\n1. Rapport moral\n2. Rapport "
                "financier\n3. Renouvellement du bureau\n4. Questions diverses\n\nSecrétaire de "
                "séance : ......\nVotes : ......"
            ),
        ),
        expected={
            "SPEAKER_00": "Martine Guérin",
            "SPEAKER_01": "Paul-Henri de la Fontaine",
            "SPEAKER_02": "Abdou Diallo",
            "SPEAKER_03": "Claire Van Acker",
        },
        note=(
            "Modèle de PV 'Présents : … Excusés : …' avec fonctions ; présidente et trésorier "
            "identifiés par leur rôle, secrétaire et adhérent par prénom ; excusé seulement "
            "mentionné."
        ),
    ),
    NamingCase(
        name="en_podcast_cohosts",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Hello and welcome to Byte Size, the weekly tech news roundup. I'm your "
                    "producer and occasional host, Chris Adebayo-Lane, and here with me as always "
                    "are Ana and Raj."
                ),
            ),
            (
                "SPEAKER_01",
                "Hi everyone.",
            ),
            (
                "SPEAKER_02",
                "Hey hey.",
            ),
            (
                "SPEAKER_00",
                "Big week. The new phone launch, the EU ruling, and a very strange acquisition.",
            ),
            (
                "SPEAKER_01",
                "Can we start with the acquisition? Because I genuinely don't understand it.",
            ),
            (
                "SPEAKER_02",
                "A fridge company buying a social network. What's not to understand?",
            ),
            (
                "SPEAKER_00",
                "Raj, you actually used the app for a week for this episode, right?",
            ),
            (
                "SPEAKER_02",
                (
                    "I did. For science. It's, uh, it's mostly people posting photos of their "
                    "fridges."
                ),
            ),
            (
                "SPEAKER_01",
                "Which, to be fair, is on brand.",
            ),
            (
                "SPEAKER_00",
                "Ana, you wrote about the EU ruling for your newsletter.",
            ),
            (
                "SPEAKER_01",
                (
                    "Yeah, so the short version is app stores have to allow third party payments "
                    "by March, and the fines go up to 10% of global turnover."
                ),
            ),
            (
                "SPEAKER_02",
                "That's huge.",
            ),
            (
                "SPEAKER_01",
                "It is, but they'll appeal.",
            ),
            (
                "SPEAKER_00",
                "Okay, after the break, the phone.",
            ),
        ),
        expected={
            "SPEAKER_00": "Chris Adebayo-Lane",
            "SPEAKER_01": "Ana",
            "SPEAKER_02": "Raj",
        },
        note=(
            "Two co-hosts introduced together, told apart later when each is addressed and "
            "answers; producer names himself."
        ),
    ),
    NamingCase(
        name="fr_debat_radio",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Il est 18h, vous écoutez Forum sur Radio Vallée, Aurélien Pasquier avec vous "
                    "jusqu'à 19h. Ce soir, faut-il interdire les voitures devant les écoles ?"
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Face à face ce soir, Fabienne Roux-Delmas, adjointe à la mobilité de la "
                    "ville, et Stéphane Kowalski, président de l'association des commerçants du "
                    "centre. Madame Roux-Delmas, on commence avec vous."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Merci, bonsoir. Alors nous avons testé les rues scolaires devant 4 écoles "
                    "depuis septembre, et les résultats sont très clairs, moins 60 % de voitures "
                    "aux heures d'entrée."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Sauf que les voitures, elles vont où ? Elles vont dans les rues d'à côté, "
                    "devant nos commerces."
                ),
            ),
            (
                "SPEAKER_00",
                "Monsieur Kowalski, vous avez des chiffres ?",
            ),
            (
                "SPEAKER_02",
                "On a fait compter par un bureau d'études, oui, plus 25 % rue Pasteur.",
            ),
            (
                "SPEAKER_01",
                "Ce chiffre, on ne l'a jamais vu.",
            ),
            (
                "SPEAKER_00",
                "On prend un auditeur. Jordan, vous nous appelez de Saint-Louis, bonsoir.",
            ),
            (
                "SPEAKER_03",
                (
                    "Oui bonsoir Aurélien. Moi j'ai 2 enfants à l'école Jules-Ferry, et "
                    "franchement depuis la rue scolaire ils vont à l'école à vélo, c'est le jour "
                    "et la nuit."
                ),
            ),
            (
                "SPEAKER_00",
                "Merci Jordan. Madame Roux-Delmas, un mot de conclusion ?",
            ),
            (
                "SPEAKER_01",
                "On va étendre à 6 écoles à la rentrée, avec une concertation en mai.",
            ),
            (
                "SPEAKER_02",
                "Et nous, on sera là pour la concertation.",
            ),
            (
                "SPEAKER_00",
                "Merci à tous les deux. Dans un instant, les infos.",
            ),
        ),
        expected={
            "SPEAKER_00": "Aurélien Pasquier",
            "SPEAKER_01": "Fabienne Roux-Delmas",
            "SPEAKER_02": "Stéphane Kowalski",
            "SPEAKER_03": "Jordan",
        },
        note=(
            "Animateur se nomme après l'heure ; deux invités présentés puis distingués par 'Madame "
            "Roux-Delmas' et 'Monsieur Kowalski' ; auditeur prénommé Jordan qui appelle de "
            "Saint-Louis."
        ),
    ),
    NamingCase(
        name="en_sprint_retro",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, retro time. Let's do it quickly, it's Friday. Lena, anything from QA "
                    "first?"
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Lena? ... Okay, she's probably on mute or grabbing coffee. Let's skip and "
                    "come back."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "I'll go. So, what does Kenji think about this sprint? Kenji thinks this "
                    "sprint was a mess. Yes, I'm talking about myself in the third person, it's "
                    "been that kind of week."
                ),
            ),
            (
                "SPEAKER_00",
                "Ha, noted. What was the mess, specifically?",
            ),
            (
                "SPEAKER_01",
                (
                    "We committed to 34 points and did 19. And half of that was the hotfix for the "
                    "checkout bug."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "To be fair the checkout bug wasn't on us, the payments vendor changed their "
                    "API without telling anyone."
                ),
            ),
            (
                "SPEAKER_01",
                "True. But we should have had contract tests.",
            ),
            (
                "SPEAKER_00",
                "Action item: contract tests for the payments integration. Who owns it?",
            ),
            (
                "SPEAKER_02",
                "I can take it. Put my name down.",
            ),
            (
                "SPEAKER_00",
                "Okay, I'll put you down. What went well?",
            ),
            (
                "SPEAKER_02",
                (
                    "Honestly the pairing sessions. Me and Kenji did 3 afternoons and it was the "
                    "most productive thing all sprint."
                ),
            ),
            (
                "SPEAKER_01",
                "Agreed, 100%.",
            ),
            (
                "SPEAKER_00",
                (
                    "Great. Lena's still not back, so I'll message her for her bit. Thanks "
                    "everyone, have a good weekend."
                ),
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Kenji",
            "SPEAKER_02": None,
        },
        note=(
            "Speaker names himself jokingly in the third person; an addressed colleague never "
            "answers; facilitator and another dev stay unnamed."
        ),
    ),
    NamingCase(
        name="fr_point_quotidien_invitation",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                "Vous êtes maintenant en conférence. 3 autres participants sont présents.",
            ),
            (
                "SPEAKER_01",
                (
                    "Salut tout le monde. Bon, on attend pas, on commence. Je commence, c'est "
                    "Mehdi. Hier j'ai fini le refacto du module d'export, aujourd'hui je fais les "
                    "tests."
                ),
            ),
            (
                "SPEAKER_01",
                "Pas de blocage.",
            ),
            (
                "SPEAKER_02",
                (
                    "Moi hier j'ai passé la journée sur l'incident de prod, donc pas grand-chose "
                    "d'autre. Aujourd'hui je rédige le post-mortem."
                ),
            ),
            (
                "SPEAKER_01",
                "Ok merci. Julie, t'es là ?",
            ),
            (
                "SPEAKER_01",
                "Julie ? ... Bon, elle a pas de micro visiblement, on reviendra vers elle.",
            ),
            (
                "SPEAKER_03",
                (
                    "Je peux enchaîner. Hier revue de code pour Mehdi, et j'ai commencé la "
                    "migration vers Postgres 16."
                ),
            ),
            (
                "SPEAKER_01",
                "Cool. T'as besoin d'aide sur la migration ?",
            ),
            (
                "SPEAKER_03",
                "Peut-être jeudi, je te dis.",
            ),
            (
                "SPEAKER_00",
                "Un participant a rejoint la conférence.",
            ),
            (
                "SPEAKER_04",
                (
                    "Pardon, pardon, c'est Julie, j'avais plus de batterie sur le casque. Hier "
                    "j'ai fini les maquettes de l'onboarding, je les partage après."
                ),
            ),
            (
                "SPEAKER_01",
                "Parfait, merci Julie. Et le post-mortem, tu le partages quand ?",
            ),
            (
                "SPEAKER_02",
                "Vendredi, j'attends les logs de l'hébergeur.",
            ),
            (
                "SPEAKER_01",
                "Ok. Bonne journée à tous.",
            ),
        ),
        documents=(
            (
                "Invitation : Point quotidien équipe Data\nQuand : du lundi au vendredi, 9h30 - "
                "9h45\nOù : Teams\nOrganisateur : Mehdi Kaddour\nParticipants : Julie Fontaine ; "
                "Romain Lefort ; Sarah Benhamou"
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Mehdi Kaddour",
            "SPEAKER_02": None,
            "SPEAKER_03": None,
            "SPEAKER_04": "Julie Fontaine",
        },
        note=(
            "Invitation d'agenda complète les noms ; voix automatique de conférence ; Julie "
            "appelée sans réponse puis arrive et se nomme ; deux participants restent "
            "indiscernables."
        ),
    ),
    NamingCase(
        name="en_book_club",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, everyone's got tea? Good. So it's my turn to host, and for Femi's sake, "
                    "since he's new, I'm Margaret, I've been running this group since, gosh, 2016."
                ),
            ),
            (
                "SPEAKER_01",
                "Thanks, Margaret. Hi everyone.",
            ),
            (
                "SPEAKER_00",
                "So, Pride and Prejudice. Who wants to start? What did we think of Darcy?",
            ),
            (
                "SPEAKER_02",
                (
                    "I'll be honest, I found Darcy unbearable for the first 200 pages. And Mr. "
                    "Collins, oh my goodness."
                ),
            ),
            (
                "SPEAKER_03",
                "Mr. Collins is the best character though. He's hilarious.",
            ),
            (
                "SPEAKER_02",
                "He's hilarious because he's horrible.",
            ),
            (
                "SPEAKER_00",
                "Femi, was this your first time reading it?",
            ),
            (
                "SPEAKER_01",
                (
                    "Yeah, first time. I'd only seen the film with Keira Knightley. I actually "
                    "liked Elizabeth Bennet a lot more in the book."
                ),
            ),
            (
                "SPEAKER_03",
                "Everyone does. She's sharper on the page.",
            ),
            (
                "SPEAKER_02",
                (
                    "My daughter Isla is doing it for GCSE, she said her teacher calls Lydia 'the "
                    "original influencer'."
                ),
            ),
            (
                "SPEAKER_00",
                "Ha! That's brilliant.",
            ),
            (
                "SPEAKER_03",
                "Can we pick next month's? I vote for something shorter.",
            ),
            (
                "SPEAKER_00",
                "Noted. Suggestions by Friday, please.",
            ),
        ),
        expected={
            "SPEAKER_00": "Margaret",
            "SPEAKER_01": "Femi",
            "SPEAKER_02": None,
            "SPEAKER_03": None,
        },
        note=(
            "Host names herself mid-sentence; newcomer named by host and answers; fictional "
            "characters, an actress and a daughter are only talked about."
        ),
    ),
    NamingCase(
        name="fr_reunion_chantier",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bon, on fait le tour rapidement, il y a des nouvelles têtes. Antoine Mercier, "
                    "je suis l'architecte, je coordonne le chantier."
                ),
            ),
            (
                "SPEAKER_01",
                "Nathalie Brun, pour la mairie, service urbanisme.",
            ),
            (
                "SPEAKER_02",
                (
                    "Et moi je suis le plombier, je suis là pour le réseau d'évacuation, c'est mon "
                    "patron qui devait venir mais il est sur un autre chantier."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Pour Chez Martin, c'est Mme Perret qui représente le restaurant, elle m'a "
                    "prévenu qu'elle aurait une demi-heure de retard."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Donc, point principal, la terrasse. Le plancher est posé, mais le garde-corps "
                    "n'est pas conforme, il fait 95 centimètres au lieu de 1 mètre."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Oui, je l'ai noté à la visite de lundi. Sans garde-corps conforme, on ne "
                    "pourra pas ouvrir au public."
                ),
            ),
            (
                "SPEAKER_00",
                "On le refait la semaine prochaine. João, tu peux t'en occuper ?",
            ),
            (
                "SPEAKER_03",
                "Oui, pas de problème, j'ai les barres à l'atelier. Je le pose jeudi.",
            ),
            (
                "SPEAKER_00",
                "Merci. Et l'évacuation de la cuisine ?",
            ),
            (
                "SPEAKER_02",
                (
                    "Alors, euh, la pente est bonne, mais il faut un bac à graisse, c'est "
                    "obligatoire pour un restaurant."
                ),
            ),
            (
                "SPEAKER_01",
                "Je confirme, c'est dans le règlement d'assainissement.",
            ),
            (
                "SPEAKER_00",
                "Ok, tu nous fais un devis ?",
            ),
            (
                "SPEAKER_02",
                "Oui, je l'envoie demain.",
            ),
            (
                "SPEAKER_00",
                "Prochaine réunion de chantier jeudi 10h, même endroit.",
            ),
        ),
        expected={
            "SPEAKER_00": "Antoine Mercier",
            "SPEAKER_01": "Nathalie Brun",
            "SPEAKER_02": None,
            "SPEAKER_03": "João",
        },
        note=(
            "'Nathalie Brun, pour la mairie' ; architecte se nomme avec sa fonction ; ouvrier "
            "interpellé qui répond ; 'Chez Martin' est le restaurant client, sa représentante est "
            "absente ; plombier non nommé."
        ),
    ),
    NamingCase(
        name="en_board_roll_call",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Good evening. I call this meeting of the Riverside Food Bank board to order "
                    "at 7:02 pm. For the minutes, this is Nora Blackwood, board secretary. I'll "
                    "take the roll."
                ),
            ),
            (
                "SPEAKER_00",
                "Amanda Li?",
            ),
            (
                "SPEAKER_01",
                "Present.",
            ),
            (
                "SPEAKER_00",
                "Gregory Osei?",
            ),
            (
                "SPEAKER_02",
                "Here.",
            ),
            (
                "SPEAKER_00",
                "Rosa Da Costa?",
            ),
            (
                "SPEAKER_00",
                "Rosa sent her regrets, she's travelling. Jean-Baptiste Moreau?",
            ),
            (
                "SPEAKER_03",
                "Here, yes, sorry, my camera isn't working.",
            ),
            (
                "SPEAKER_00",
                "That's fine. Harold Finch?",
            ),
            (
                "SPEAKER_00",
                "Harold? ... No. Okay, we have 4 of 6, so we have a quorum.",
            ),
            (
                "SPEAKER_01",
                "Thank you, Nora. As chair, I'll go straight to the treasurer's report. Gregory.",
            ),
            (
                "SPEAKER_02",
                (
                    "Thanks Amanda. So, donations in Q3 were $48,200, that's up 12%, and the food "
                    "purchase line is over budget by about $3,000 because of egg prices."
                ),
            ),
            (
                "SPEAKER_03",
                "Is that the same supplier as last year?",
            ),
            (
                "SPEAKER_02",
                "Yes, Hendricks Farm.",
            ),
            (
                "SPEAKER_01",
                "Okay. Any questions for Gregory? No? Then I'd like a motion to accept.",
            ),
            (
                "SPEAKER_03",
                "So moved.",
            ),
            (
                "SPEAKER_02",
                "Second.",
            ),
            (
                "SPEAKER_01",
                "All in favour? Carried.",
            ),
        ),
        expected={
            "SPEAKER_00": "Nora Blackwood",
            "SPEAKER_01": "Amanda Li",
            "SPEAKER_02": "Gregory Osei",
            "SPEAKER_03": "Jean-Baptiste Moreau",
        },
        note=(
            "Secretary names herself 'for the minutes' and takes a roll call answered "
            "'Present'/'Here'; two called members are absent; thanks confirm."
        ),
    ),
    NamingCase(
        name="fr_rcp_hopital",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bon, on commence, on a 9 dossiers ce matin. Premier dossier, le patient M. "
                    "Girard, 74 ans, adénocarcinome du côlon sigmoïde, opéré le 3 février, pT3 N1."
                ),
            ),
            (
                "SPEAKER_00",
                "3 ganglions envahis sur 18. Je propose une chimio adjuvante type FOLFOX, 6 mois.",
            ),
            (
                "SPEAKER_01",
                (
                    "Merci docteur Roussel. Côté oncologie, je suis d'accord, mais il a une "
                    "clairance à 48, donc je préfère partir sur de la capécitabine seule ou un "
                    "CAPOX adapté."
                ),
            ),
            (
                "SPEAKER_00",
                "Ça me va.",
            ),
            (
                "SPEAKER_02",
                (
                    "Pour info, en imagerie, le scanner de contrôle du 20 février ne montre pas de "
                    "lésion hépatique. Il y a juste un nodule pulmonaire de 4 millimètres, non "
                    "spécifique."
                ),
            ),
            (
                "SPEAKER_01",
                "On le recontrôle à 3 mois ?",
            ),
            (
                "SPEAKER_02",
                "Oui, à 3 mois.",
            ),
            (
                "SPEAKER_03",
                (
                    "Et sur le plan social, je précise que M. Girard vit seul, sa fille habite à "
                    "Saint-Étienne, il faudra organiser les transports pour les cures."
                ),
            ),
            (
                "SPEAKER_00",
                "Merci madame Cordier, c'est important. Vous pouvez voir avec lui ?",
            ),
            (
                "SPEAKER_03",
                "Oui, je le rencontre jeudi.",
            ),
            (
                "SPEAKER_00",
                (
                    "Bon, la décision pour M. Girard : chimiothérapie adjuvante par CAPOX adapté à "
                    "la fonction rénale, scanner à 3 mois. Dossier suivant, Mme Benoît."
                ),
            ),
            (
                "SPEAKER_01",
                "Mme Benoît, c'est moi qui la présente, elle est suivie chez nous depuis 2021.",
            ),
        ),
        expected={
            "SPEAKER_00": "Roussel",
            "SPEAKER_01": None,
            "SPEAKER_02": None,
            "SPEAKER_03": "Cordier",
        },
        note=(
            "'Merci docteur Roussel' désigne l'orateur précédent ; 'Merci madame Cordier' adressé "
            "à l'assistante sociale qui répond ; patients seulement mentionnés."
        ),
    ),
    NamingCase(
        name="en_telehealth_consult",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Hello, can you hear me? It's Dr. Okonkwo from Parkside surgery. Before we "
                    "start, can you confirm your full name and date of birth for me?"
                ),
            ),
            (
                "SPEAKER_01",
                "Yes, Stanley Whitaker, 3rd of March 1951.",
            ),
            (
                "SPEAKER_00",
                "Thank you, Mr. Whitaker. And is there someone with you?",
            ),
            (
                "SPEAKER_02",
                (
                    "Hi, yes, I'm his daughter. I'm helping with the laptop. Sorry, that's my son "
                    "Leo in the background, he's off school today."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "No problem at all. So, Mr. Whitaker, how have the ankles been since we "
                    "increased the furosemide?"
                ),
            ),
            (
                "SPEAKER_01",
                "Better. The swelling's gone down. But I'm up 3 or 4 times a night for the loo.",
            ),
            (
                "SPEAKER_00",
                "That's quite common with the higher dose. Are you weighing yourself?",
            ),
            (
                "SPEAKER_02",
                "We've been writing it down. He was 84 kilos on Monday and 82.5 this morning.",
            ),
            (
                "SPEAKER_00",
                "That's good, that's the direction we want.",
            ),
            (
                "SPEAKER_01",
                "The nurse, Janice, she said I should cut down on salt as well.",
            ),
            (
                "SPEAKER_00",
                "Janice is right. Keep doing that.",
            ),
            (
                "SPEAKER_02",
                "Should we book the blood test?",
            ),
            (
                "SPEAKER_00",
                (
                    "Yes, kidney function in 2 weeks. I'll send it to the practice and reception "
                    "will ring you."
                ),
            ),
            (
                "SPEAKER_01",
                "Thank you, doctor.",
            ),
        ),
        expected={
            "SPEAKER_00": "Okonkwo",
            "SPEAKER_01": "Stanley Whitaker",
            "SPEAKER_02": None,
        },
        note=(
            "Doctor gives title and surname; patient confirms full name; his daughter never names "
            "herself and her son Leo is only mentioned."
        ),
    ),
    NamingCase(
        name="fr_conference_redaction",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour tout le monde, conférence de rédaction de 9h30, on a une grosse "
                    "journée donc on va vite. Louise, les sports ?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Oui. Ce soir c'est le derby, on fait la une du cahier sports, et j'ai obtenu "
                    "une interview de l'entraîneur de l'AS Saint-Étienne pour demain matin."
                ),
            ),
            (
                "SPEAKER_00",
                "Super. Camille, les photos ?",
            ),
            (
                "SPEAKER_02",
                "Euh, laquelle ? On est deux Camille maintenant, je te rappelle.",
            ),
            (
                "SPEAKER_00",
                "Pardon, oui. Camille Faure, les photos du derby.",
            ),
            (
                "SPEAKER_03",
                (
                    "Ça, c'est moi. J'ai 2 photographes au stade, et je récupère le fil AFP pour "
                    "le web."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Et du coup moi, Camille Roy, je suis au web ce soir, je prends le live à "
                    "partir de 20h."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Parfait. Côté justice, Thomas est à Lyon pour le procès de l'ancien maire, "
                    "Bernard Tissier, il nous appelle à midi."
                ),
            ),
            (
                "SPEAKER_04",
                (
                    "Il m'a envoyé un message ce matin, hier un témoin a dit à l'audience, je "
                    "cite, « c'est Lucien qui m'a payé ». Personne ne sait qui est Lucien."
                ),
            ),
            (
                "SPEAKER_00",
                "Ça, c'est un bon titre. Tu peux creuser ?",
            ),
            (
                "SPEAKER_04",
                "Je suis en stage depuis lundi, mais oui, je peux essayer.",
            ),
            (
                "SPEAKER_00",
                "Très bien. Louise, tu l'aides à trouver les archives ?",
            ),
            (
                "SPEAKER_01",
                "Oui, bien sûr.",
            ),
            (
                "SPEAKER_00",
                "Dernier point, la météo de Chantal, elle est en congé, qui la fait ?",
            ),
            (
                "SPEAKER_02",
                "Je peux la caler dans le live.",
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Louise",
            "SPEAKER_02": "Camille Roy",
            "SPEAKER_03": "Camille Faure",
            "SPEAKER_04": None,
        },
        note=(
            "Deux Camille distinguées par leur nom ; journaliste absent et prévenu seulement "
            "mentionnés ; prénom dans une citation ; stagiaire et rédactrice en chef non nommées."
        ),
    ),
)
