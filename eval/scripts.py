"""What the development set's people say: a cast of persons with fixed voices, and ten
meeting scripts (five French, five English).

Each person keeps one espeak-ng voice (language voice + variant, pitch, speed) and one name
in every meeting they attend, so that a later meeting with the same people can be named
from their voices alone (issue 5), while other meetings bring new people.

How the voices were chosen (measured here, 2026-11-25): candidates were scored on six
sentences each for Whisper base WER (beam 5) and for resemblyzer d-vector similarity.
Every English voice is intelligible (WER 0.00-0.09); French ones range from 0.3 to over
1.0, the female variants and the named "klatt"/community variants being the worst. The cast
is the set of 14 with the lowest worst-case similarity between two different persons
(0.82 on single sentences, where one voice against itself scores 0.83-0.96), among French
voices with WER <= 0.66 (these score 0.54-0.64) and excluding whispered or robotic
voices. French espeak stays hard to transcribe: judge French WER with that in mind.

Which people meet again:
- fr01 → fr02 (Marie Dupont, Luc Bernard, Hugo Moreau) and en01 → en02 (Peter Walsh,
  Sarah Collins, David Chen): the same three people, introductions only in the first.
- fr04 / en04 mix two people seen before with two new ones; fr05 / en05 re-use two
  people from different earlier meetings, with no introductions and no context.
- fr03 / en03 bring new people, one of whom introduces herself.

Numbers are written the way Whisper writes them (digits, "%", "$"), so that the text
normalisation of `eval.metrics` lets both sides meet.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    language: str
    voice: str  # espeak-ng voice, with "+variant"
    pitch: int  # espeak-ng -p (0-99)
    speed: int  # espeak-ng -s (words per minute)

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    @property
    def voice_spec(self) -> str:
        return f"{self.voice} -p {self.pitch} -s {self.speed}"


@dataclass(frozen=True)
class MeetingScript:
    name: str
    language: str
    title: str
    turns: tuple[tuple[str, str], ...]  # (person id, what they say)
    context: str | None = None  # agenda / attendee list given with the recording

    @property
    def people(self) -> list[str]:
        seen: list[str] = []
        for person_id, _ in self.turns:
            if person_id not in seen:
                seen.append(person_id)
        return seen


PERSONS: dict[str, Person] = {
    p.id: p
    for p in (
        # French
        Person("marie_dupont", "Marie Dupont", "fr", "fr+steph", 65, 155),
        Person("luc_bernard", "Luc Bernard", "fr", "fr+m1", 5, 135),
        Person("hugo_moreau", "Hugo Moreau", "fr", "fr+m7", 65, 140),
        Person("antoine_lefevre", "Antoine Lefèvre", "fr", "fr+edward", 35, 145),
        Person("sophie_martin", "Sophie Martin", "fr", "fr+f5", 85, 150),
        Person("julien_petit", "Julien Petit", "fr", "fr+iven3", 40, 140),
        Person("camille_roux", "Camille Roux", "fr", "fr+m2", 80, 150),
        # English
        Person("peter_walsh", "Peter Walsh", "en", "en-us", 50, 160),
        Person("sarah_collins", "Sarah Collins", "en", "en+belinda", 65, 145),
        Person("david_chen", "David Chen", "en", "en+m8", 45, 145),
        Person("emma_roberts", "Emma Roberts", "en", "en+Alicia", 70, 150),
        Person("james_porter", "James Porter", "en", "en+Storm", 40, 150),
        Person("oliver_grant", "Oliver Grant", "en", "en+Jacky", 50, 160),
        Person("ryan_mitchell", "Ryan Mitchell", "en", "en-029+klatt", 50, 150),
    )
}

# Short acknowledgements laid over the end of someone else's turn (the overlaps).
BACKCHANNELS: dict[str, tuple[str, ...]] = {
    "fr": ("oui", "d'accord", "exactement", "tout à fait", "oui bien sûr"),
    "en": ("yes", "right", "okay", "sure", "exactly"),
}

MEETINGS: tuple[MeetingScript, ...] = (
    MeetingScript(
        "fr01_budget",
        "fr",
        "Revue du budget du troisième trimestre",
        (
            (
                "marie_dupont",
                "Bonjour à tous. Je suis Marie Dupont, je dirige les opérations "
                "et j'anime la réunion de ce matin.",
            ),
            ("luc_bernard", "Bonjour, je suis Luc Bernard, je m'occupe des finances."),
            ("hugo_moreau", "Et moi je suis Hugo Moreau, responsable de l'équipe technique."),
            (
                "marie_dupont",
                "Merci. Nous avons trois points à l'ordre du jour : les dépenses du "
                "trimestre, le contrat d'hébergement et le recrutement. Luc, tu peux commencer ?",
            ),
            (
                "luc_bernard",
                "Oui. Nous avons dépensé 420 000 euros ce trimestre, soit 8 % de "
                "plus que prévu. L'essentiel vient des serveurs et des licences.",
            ),
            (
                "marie_dupont",
                "Huit pour cent, c'est beaucoup. Hugo, est-ce que les serveurs "
                "supplémentaires étaient vraiment nécessaires ?",
            ),
            (
                "hugo_moreau",
                "Oui, nous avons eu deux fois plus de clients en septembre. Mais "
                "nous pouvons réduire la facture dès le mois prochain.",
            ),
            (
                "luc_bernard",
                "Si nous rendons les machines inutilisées, nous économisons environ "
                "30 000 euros par mois.",
            ),
            (
                "marie_dupont",
                "Très bien. Passons au contrat d'hébergement. Il arrive à échéance le 15 décembre.",
            ),
            (
                "hugo_moreau",
                "J'ai reçu deux offres. La première est moins chère, la seconde "
                "propose un meilleur support le week-end.",
            ),
            (
                "luc_bernard",
                "Je préfère la première offre. Le support du week-end nous sert rarement.",
            ),
            ("marie_dupont", "Hugo, tu peux préparer une comparaison écrite pour vendredi ?"),
            ("hugo_moreau", "Bien sûr, je l'envoie vendredi matin."),
            (
                "marie_dupont",
                "Dernier point, le recrutement. Nous avions prévu trois postes "
                "d'ingénieur pour l'année prochaine.",
            ),
            ("luc_bernard", "Le budget permet deux postes en janvier et le troisième en avril."),
            (
                "hugo_moreau",
                "Ça me convient, à condition que le premier arrive avant la fin janvier.",
            ),
            (
                "marie_dupont",
                "Alors c'est décidé : deux postes en janvier, un en avril. Luc, tu "
                "mets à jour le budget ?",
            ),
            ("luc_bernard", "D'accord, je le mets à jour cette semaine."),
            ("marie_dupont", "Merci à tous. On se retrouve le 12 décembre pour le point suivant."),
        ),
    ),
    MeetingScript(
        "fr02_suivi_budget",
        "fr",
        "Suivi du budget et du contrat d'hébergement",
        (
            (
                "marie_dupont",
                "Bonjour. On reprend là où on s'était arrêtés la dernière fois. "
                "Luc, où en est le budget ?",
            ),
            (
                "luc_bernard",
                "Il est à jour. Avec deux postes en janvier et un en avril, nous "
                "restons sous le plafond de 1 200 000 euros.",
            ),
            ("marie_dupont", "Parfait. Et les machines inutilisées ?"),
            (
                "hugo_moreau",
                "Nous en avons rendu douze. La facture de novembre baisse déjà de 25 000 euros.",
            ),
            ("luc_bernard", "C'est un peu moins que prévu, mais c'est un bon début."),
            (
                "marie_dupont",
                "Hugo, tu avais préparé la comparaison des deux offres d'hébergement ?",
            ),
            (
                "hugo_moreau",
                "Oui. La première offre coûte 18 000 euros par mois, la seconde "
                "22 000. La différence vient surtout du support.",
            ),
            ("luc_bernard", "Sur trois ans, cela fait presque 150 000 euros d'écart."),
            (
                "marie_dupont",
                "Est-ce que la première offre garantit une disponibilité suffisante ?",
            ),
            ("hugo_moreau", "Elle garantit 99,9 % de disponibilité, comme la seconde."),
            (
                "marie_dupont",
                "Alors nous retenons la première offre. Qui s'occupe de la signature ?",
            ),
            ("luc_bernard", "Je peux la faire signer avant le 10 décembre."),
            ("hugo_moreau", "Je prépare la migration pour la première semaine de janvier."),
            (
                "marie_dupont",
                "Très bien. Il nous reste une question : faut-il prévenir les "
                "clients de la migration ?",
            ),
            (
                "hugo_moreau",
                "Oui, je propose un message une semaine avant, avec la date et la "
                "durée de l'interruption.",
            ),
            ("marie_dupont", "D'accord. Merci à vous deux, bonne fin de journée."),
        ),
    ),
    MeetingScript(
        "fr03_lancement",
        "fr",
        "Lancement de l'application mobile",
        (
            (
                "sophie_martin",
                "Bonjour Antoine. Je suis Sophie Martin, je remplace Paul sur le "
                "projet mobile à partir d'aujourd'hui.",
            ),
            (
                "antoine_lefevre",
                "Bonjour Sophie, bienvenue dans l'équipe. On fait le point sur le lancement ?",
            ),
            (
                "sophie_martin",
                "Oui. La version 2 de l'application doit sortir le 3 mars. Où en sont les tests ?",
            ),
            (
                "antoine_lefevre",
                "Nous avons corrigé 45 anomalies sur 52. Il en reste sept, dont deux bloquantes.",
            ),
            ("sophie_martin", "Les deux bloquantes seront corrigées quand ?"),
            (
                "antoine_lefevre",
                "D'ici la fin de la semaine prochaine, si personne ne tombe malade.",
            ),
            ("sophie_martin", "Et la traduction en allemand, elle est prête ?"),
            (
                "antoine_lefevre",
                "Pas encore. Le traducteur nous a promis les textes pour le 14 février.",
            ),
            (
                "sophie_martin",
                "Ça laisse peu de temps pour vérifier. Je propose de lancer d'abord "
                "en français et en anglais.",
            ),
            ("antoine_lefevre", "Bonne idée, l'allemand suivra deux semaines plus tard."),
            ("sophie_martin", "Alors c'est noté. Je préviens le service marketing cet après-midi."),
            (
                "antoine_lefevre",
                "Autre chose : il faut soumettre l'application aux magasins "
                "au moins dix jours avant la sortie.",
            ),
            ("sophie_martin", "Donc au plus tard le 20 février. Qui s'en occupe ?"),
            ("antoine_lefevre", "Je peux le faire, j'ai déjà les comptes développeur."),
            ("sophie_martin", "Parfait. Et les testeurs de la version bêta, ils sont combien ?"),
            ("antoine_lefevre", "Nous avons 150 testeurs. La note moyenne est de 4,2 sur 5."),
            ("sophie_martin", "C'est encourageant. Quelles sont leurs principales remarques ?"),
            (
                "antoine_lefevre",
                "Surtout la lenteur au démarrage. Nous travaillons dessus, "
                "le gain devrait être de deux secondes.",
            ),
            ("sophie_martin", "Très bien. On refait un point mardi prochain à 10 heures ?"),
            ("antoine_lefevre", "D'accord, mardi à 10 heures. Bonne journée Sophie."),
        ),
    ),
    MeetingScript(
        "fr04_recrutement",
        "fr",
        "Comité de recrutement : postes d'ingénieur",
        (
            (
                "marie_dupont",
                "Bonjour à tous. Nous sommes réunis pour choisir les candidats aux "
                "deux postes d'ingénieur de janvier.",
            ),
            (
                "julien_petit",
                "Bonjour, je suis Julien Petit, je viens des ressources humaines. "
                "J'ai reçu 64 candidatures.",
            ),
            ("marie_dupont", "Merci Julien. Combien ont passé le premier entretien ?"),
            (
                "julien_petit",
                "Douze personnes ont passé le premier entretien, et cinq ont réussi "
                "l'exercice technique.",
            ),
            (
                "antoine_lefevre",
                "J'ai fait passer trois de ces exercices. Deux candidats sortent "
                "clairement du lot.",
            ),
            (
                "camille_roux",
                "Je confirme pour l'un des deux. Son code était propre et bien testé.",
            ),
            ("marie_dupont", "Camille, et pour le second candidat, tu as un avis ?"),
            (
                "camille_roux",
                "Il est très bon en base de données, un peu moins en interface. "
                "Mais il apprend vite.",
            ),
            (
                "antoine_lefevre",
                "Nous avons surtout besoin de quelqu'un pour les bases de données cette année.",
            ),
            (
                "julien_petit",
                "Côté salaire, ils demandent tous les deux autour de 55 000 euros par an.",
            ),
            (
                "marie_dupont",
                "C'est dans notre budget. Est-ce que quelqu'un s'oppose à ces deux choix ?",
            ),
            ("antoine_lefevre", "Non, pas d'objection."),
            ("camille_roux", "Pas d'objection non plus."),
            (
                "marie_dupont",
                "Alors c'est décidé. Julien, tu peux envoyer les deux propositions cette semaine ?",
            ),
            ("julien_petit", "Oui, je les envoie jeudi, avec une réponse attendue sous dix jours."),
            ("marie_dupont", "Antoine, qui s'occupera de leur accueil le premier jour ?"),
            (
                "antoine_lefevre",
                "Camille et moi. Nous préparons les postes de travail et les accès "
                "avant le 6 janvier.",
            ),
            ("camille_roux", "Je prépare aussi un petit guide pour leur première semaine."),
            ("marie_dupont", "Parfait. Merci à tous, la séance est levée."),
        ),
        context=(
            "Comité de recrutement — ordre du jour\n"
            "Participants : Marie Dupont (opérations, présidente de séance), Antoine Lefèvre "
            "(équipe mobile), Camille Roux (équipe données), Julien Petit (ressources "
            "humaines).\n"
            "1. Bilan des candidatures aux deux postes d'ingénieur\n"
            "2. Choix des candidats et salaires\n"
            "3. Accueil des nouveaux arrivants en janvier\n"
        ),
    ),
    MeetingScript(
        "fr05_point_hebdo",
        "fr",
        "Point hebdomadaire données et finances",
        (
            (
                "luc_bernard",
                "Bonjour Camille. J'ai besoin des chiffres d'utilisation pour le "
                "rapport financier de fin d'année.",
            ),
            (
                "camille_roux",
                "Bonjour Luc. Je peux te les donner aujourd'hui. Tu veux quelle période ?",
            ),
            ("luc_bernard", "De janvier à novembre, mois par mois si possible."),
            (
                "camille_roux",
                "D'accord. Nous avons en moyenne 3 400 utilisateurs actifs par jour, "
                "avec un pic en septembre.",
            ),
            ("luc_bernard", "Et le coût par utilisateur, tu peux le calculer ?"),
            ("camille_roux", "Oui, environ 2 euros par utilisateur et par mois, serveurs compris."),
            ("luc_bernard", "C'est moins que l'an dernier. Tu sais pourquoi ?"),
            (
                "camille_roux",
                "Nous avons regroupé les bases de données en mai. Cela a réduit la "
                "facture d'un quart.",
            ),
            (
                "luc_bernard",
                "Très bien, je le mentionnerai dans le rapport. Et pour l'an "
                "prochain, tu prévois combien d'utilisateurs ?",
            ),
            (
                "camille_roux",
                "Si la croissance continue, environ 5 000 utilisateurs par jour "
                "à la fin de l'année.",
            ),
            ("luc_bernard", "Est-ce que les serveurs actuels suffiront ?"),
            (
                "camille_roux",
                "Jusqu'à 4 000 oui. Au-delà, il faudra une deuxième base de données, "
                "vers le mois de septembre.",
            ),
            ("luc_bernard", "Combien coûterait cette deuxième base ?"),
            (
                "camille_roux",
                "Je dirais 3 000 euros par mois. Je t'envoie une estimation écrite avant mercredi.",
            ),
            (
                "luc_bernard",
                "Merci, je l'ajouterai au budget. On pourrait aussi négocier une "
                "remise avec le fournisseur.",
            ),
            ("camille_roux", "Bonne idée, je regarde les conditions du contrat."),
            ("luc_bernard", "Parfait. Merci Camille, à lundi."),
            ("camille_roux", "Avec plaisir, à lundi."),
        ),
    ),
    MeetingScript(
        "en01_budget_review",
        "en",
        "Third quarter budget review",
        (
            (
                "peter_walsh",
                "Good morning everyone, thanks for joining. Hi, I'm Peter Walsh, I "
                "run operations and I'll chair today's budget review.",
            ),
            (
                "sarah_collins",
                "Hi, I'm Sarah Collins from finance. I have the third quarter numbers ready.",
            ),
            ("david_chen", "And I'm David Chen, I lead the engineering team."),
            (
                "peter_walsh",
                "Great. We have three points on the agenda: the quarterly spend, the "
                "cloud contract, and the hiring plan. Sarah, can you start with the spend?",
            ),
            (
                "sarah_collins",
                "Sure. We spent $420,000 in the third quarter, which is 8% over "
                "the plan. Most of it went to servers and software licenses.",
            ),
            ("peter_walsh", "Eight percent is a lot. David, did we really need the extra servers?"),
            (
                "david_chen",
                "We did. Our customer base doubled in September. But we can cut the "
                "bill starting next month.",
            ),
            ("sarah_collins", "If we release the idle machines, we save about $30,000 a month."),
            ("peter_walsh", "Good. Next, the cloud contract. It expires on December 15."),
            (
                "david_chen",
                "I have two offers. The first one is cheaper, the second one has "
                "better weekend support.",
            ),
            (
                "sarah_collins",
                "I would go with the first one. We almost never use weekend support.",
            ),
            ("peter_walsh", "David, could you write up a comparison by Friday?"),
            ("david_chen", "Of course, I'll send it Friday morning."),
            (
                "peter_walsh",
                "Last point, hiring. We planned three engineering positions for next year.",
            ),
            (
                "sarah_collins",
                "The budget allows two positions in January and the third one in April.",
            ),
            (
                "david_chen",
                "That works for me, as long as the first person starts before the end of January.",
            ),
            (
                "peter_walsh",
                "Then it's decided: two in January, one in April. Sarah, will you "
                "update the budget?",
            ),
            ("sarah_collins", "Yes, I'll update it this week."),
            ("peter_walsh", "Thank you all. We meet again on December 12 for the follow-up."),
        ),
    ),
    MeetingScript(
        "en02_budget_followup",
        "en",
        "Budget and cloud contract follow-up",
        (
            (
                "peter_walsh",
                "Morning both. Let's pick up where we left off last time. Sarah, "
                "where are we with the budget?",
            ),
            (
                "sarah_collins",
                "It's up to date. With two hires in January and one in April, we "
                "stay under the ceiling of $1.2 million.",
            ),
            ("peter_walsh", "Perfect. And the idle machines?"),
            (
                "david_chen",
                "We released twelve of them. The November bill is already $25,000 lower.",
            ),
            ("sarah_collins", "That's a bit less than we hoped, but it's a good start."),
            ("peter_walsh", "David, did you prepare the comparison of the two cloud offers?"),
            (
                "david_chen",
                "Yes. The first offer costs $18,000 a month, the second one $22,000. "
                "The difference is mostly support.",
            ),
            ("sarah_collins", "Over three years that's almost $150,000."),
            ("peter_walsh", "Does the first offer guarantee enough uptime?"),
            ("david_chen", "It guarantees 99.9% uptime, the same as the second one."),
            ("peter_walsh", "Then we take the first offer. Who handles the signature?"),
            ("sarah_collins", "I can get it signed before December 10."),
            ("david_chen", "And I'll plan the migration for the first week of January."),
            ("peter_walsh", "One more question: should we warn our customers about the migration?"),
            (
                "david_chen",
                "Yes, I suggest an email one week before, with the date and the expected downtime.",
            ),
            ("peter_walsh", "Agreed. Thank you both, have a good afternoon."),
        ),
    ),
    MeetingScript(
        "en03_product_launch",
        "en",
        "Mobile app launch check-in",
        (
            (
                "emma_roberts",
                "Hello James. I'm Emma Roberts, I'm taking over the mobile project "
                "from Paul starting today.",
            ),
            ("james_porter", "Hi Emma, welcome to the team. Shall we go through the launch?"),
            (
                "emma_roberts",
                "Yes please. Version 2 of the app ships on March 3. Where are we with testing?",
            ),
            (
                "james_porter",
                "We fixed 45 of the 52 bugs. Seven are left, and two of them are blockers.",
            ),
            ("emma_roberts", "When will the two blockers be fixed?"),
            ("james_porter", "By the end of next week, if nobody gets sick."),
            ("emma_roberts", "And the German translation, is it ready?"),
            ("james_porter", "Not yet. The translator promised the texts for February 14."),
            (
                "emma_roberts",
                "That leaves very little time to check them. I suggest we launch in "
                "English and French first.",
            ),
            ("james_porter", "Good idea, German can follow two weeks later."),
            ("emma_roberts", "Then that's settled. I'll let marketing know this afternoon."),
            (
                "james_porter",
                "One more thing: we have to submit the app to the stores at least "
                "ten days before the release.",
            ),
            ("emma_roberts", "So by February 20 at the latest. Who takes care of it?"),
            ("james_porter", "I can do it, I already have the developer accounts."),
            ("emma_roberts", "Perfect. And how many beta testers do we have?"),
            ("james_porter", "We have 150 testers. The average rating is 4.2 out of 5."),
            ("emma_roberts", "That's encouraging. What are their main complaints?"),
            (
                "james_porter",
                "Mostly the slow start-up. We're working on it, it should be two seconds faster.",
            ),
            ("emma_roberts", "Great. Shall we meet again next Tuesday at 10?"),
            ("james_porter", "Sure, Tuesday at 10. Have a good day Emma."),
        ),
    ),
    MeetingScript(
        "en04_hiring_panel",
        "en",
        "Hiring panel: engineering positions",
        (
            (
                "sarah_collins",
                "Hello everyone. We're here to choose the candidates for the two "
                "engineering positions in January.",
            ),
            (
                "oliver_grant",
                "Hi, I'm Oliver Grant from human resources. We received 64 applications.",
            ),
            ("sarah_collins", "Thanks Oliver. How many passed the first interview?"),
            (
                "oliver_grant",
                "Twelve people had a first interview, and five passed the technical exercise.",
            ),
            ("james_porter", "I ran three of those exercises. Two candidates clearly stand out."),
            ("ryan_mitchell", "I agree about one of them. Her code was clean and well tested."),
            ("sarah_collins", "Ryan, what about the second candidate?"),
            (
                "ryan_mitchell",
                "He's very strong on databases, a bit weaker on user interfaces. "
                "But he learns fast.",
            ),
            ("james_porter", "This year we mostly need someone for the databases anyway."),
            ("oliver_grant", "On salary, they both ask for around $85,000 a year."),
            ("sarah_collins", "That fits the budget. Does anyone object to these two choices?"),
            ("james_porter", "No objection from me."),
            ("ryan_mitchell", "No objection either."),
            ("sarah_collins", "Then it's decided. Oliver, can you send both offers this week?"),
            (
                "oliver_grant",
                "Yes, I'll send them on Thursday, and ask for an answer within ten days.",
            ),
            ("sarah_collins", "James, who will welcome them on their first day?"),
            (
                "james_porter",
                "Ryan and I will. We'll set up their laptops and accounts before January 6.",
            ),
            ("ryan_mitchell", "I'll also write a short guide for their first week."),
            ("sarah_collins", "Perfect. Thank you all, the meeting is closed."),
        ),
        context=(
            "Hiring panel — agenda\n"
            "Attendees: Sarah Collins (finance, chair), James Porter (mobile team), Ryan "
            "Mitchell (data team), Oliver Grant (human resources).\n"
            "1. Applications for the two engineering positions\n"
            "2. Choice of candidates and salaries\n"
            "3. Onboarding in January\n"
        ),
    ),
    MeetingScript(
        "en05_weekly_sync",
        "en",
        "Weekly sync: headcount figures for the annual report",
        (
            (
                "david_chen",
                "Hi Oliver. I need the headcount figures for the engineering section "
                "of the annual report.",
            ),
            ("oliver_grant", "Hi David. I can send them today. Which period do you need?"),
            ("david_chen", "January to November, month by month if possible."),
            ("oliver_grant", "Fine. We had 48 engineers in January and 57 at the end of November."),
            ("david_chen", "And how many people left during the year?"),
            ("oliver_grant", "Four people left, which is lower than last year."),
            ("david_chen", "Do you know why it went down?"),
            (
                "oliver_grant",
                "We started the mentoring program in May. New hires stay longer "
                "when they have a mentor.",
            ),
            (
                "david_chen",
                "Great, I'll mention that in the report. And for next year, how "
                "many engineers do you expect?",
            ),
            ("oliver_grant", "If the plan holds, about 65 engineers by the end of next year."),
            ("david_chen", "Will our office in Leeds have enough desks for that?"),
            (
                "oliver_grant",
                "Up to 60, yes. Beyond that we need the second floor, probably from September.",
            ),
            ("david_chen", "How much would the second floor cost?"),
            (
                "oliver_grant",
                "I would say $4,000 a month. I'll send you a written estimate before Wednesday.",
            ),
            (
                "david_chen",
                "Thanks, I'll add it to the budget. We could also ask the landlord for a discount.",
            ),
            ("oliver_grant", "Good idea, I'll check the terms of the lease."),
            ("david_chen", "Perfect. Thanks Oliver, see you on Monday."),
            ("oliver_grant", "You're welcome, see you Monday."),
        ),
    ),
)

MEETINGS_BY_NAME: dict[str, MeetingScript] = {m.name: m for m in MEETINGS}
