"""Blind evaluation set for speaker naming on meeting transcripts (Whisper-style text).

Written blind to the product's naming rules: expected names are what a careful human
reader would give from each case's lines and documents alone (None when undeterminable).
41 cases (20 fr, 21 en, 8 with context documents); 134 speakers in total,
104 expected named and 30 expected None.
"""

from dataclasses import dataclass, field

S0, S1, S2, S3, S4 = (f"SPEAKER_{i:02d}" for i in range(5))


@dataclass(frozen=True)
class NamingCase:
    """One transcript and who its speakers are; the shape of every naming_texts* set."""

    name: str  # short id
    language: str  # "en" or "fr"
    lines: tuple[tuple[str, str], ...]  # (speaker label, text) in spoken order
    documents: tuple[str, ...] = ()  # plain text of context documents, if any
    # every speaker label -> full name a careful human reader would give, or None
    expected: dict[str, str | None] = field(default_factory=dict)
    note: str = ""  # one line: what the case tests


CASES: tuple[NamingCase, ...] = (
    # ------------------------------------------------------------------ English
    NamingCase(
        name="en_intro_round",
        language="en",
        lines=(
            (
                S0,
                "Good morning everyone. Let's do a quick round of introductions since we have "
                "some new faces. I'm Rachel Green and I'll be chairing today.",
            ),
            (S1, "Hi, my name is Tomasz Kowalski. I look after procurement for the Warsaw office."),
            (S2, "This is Adaeze Okafor speaking, I'm on the data team."),
            (S3, "Um, and Daniel Reyes here, regional sales."),
            (
                S0,
                "Great, thanks all. So the main topic is the supplier review. Tomasz, do you "
                "want to start?",
            ),
            (
                S1,
                "Sure. We have 14 active suppliers and 3 of them are under review because of "
                "late deliveries.",
            ),
            (S2, "I can add that late deliveries went up by 8% since January."),
            (S3, "On the sales side we lost 2 orders because of that so it's not a small thing."),
            (S0, "Okay. Can we get a shortlist of alternatives by the end of the month?"),
            (S1, "Yes, I'll have it by the 28th."),
            (S0, "Perfect. Let's move on."),
        ),
        expected={
            S0: "Rachel Green",
            S1: "Tomasz Kowalski",
            S2: "Adaeze Okafor",
            S3: "Daniel Reyes",
        },
        note="formal self-introductions in four different wordings, full names",
    ),
    NamingCase(
        name="en_addressed_answers",
        language="en",
        lines=(
            (S0, "Okay, I think everyone's here. Paul, can you give us the numbers for Q3?"),
            (S1, "Sure. We're at 12% growth year on year, slightly above the forecast."),
            (S0, "Nice. And what about churn?"),
            (S1, "Churn is stable at 3.1%, so no surprises there."),
            (S0, "Good. Lina, how is hiring going?"),
            (S2, "We closed 3 positions last week and we have 2 more in final interviews."),
            (S0, "Any risk on the backend role?"),
            (S2, "A bit, the candidate has a competing offer. I'll know by Thursday."),
            (S1, "Maya, do you want me to send you the deck after the call?"),
            (S0, "Yes please, send it to me and I'll forward it to the board."),
            (S2, "Can you copy me as well?"),
            (S1, "Sure, will do."),
        ),
        expected={S0: "Maya", S1: "Paul", S2: "Lina"},
        note="first names only, each speaker addressed by name then answering",
    ),
    NamingCase(
        name="en_absent_mentions",
        language="en",
        lines=(
            (
                S0,
                "Hi all, it's Priya from marketing. Marc is on leave this week so I'm covering "
                "the launch update.",
            ),
            (S1, "Thanks. Where are we with the landing page?"),
            (
                S0,
                "It's almost done. As Sophie said in her email, legal still needs to approve "
                "the pricing section.",
            ),
            (S1, "Do we know when?"),
            (
                S2,
                "Kevin here, sorry, I was on mute. I talked to legal this morning, they said "
                "Wednesday.",
            ),
            (S0, "Okay that works. Kevin, can you also check the tracking links?"),
            (S2, "Yeah, I'll do that today."),
            (S1, "And who's doing the translations now that Marc is away?"),
            (S0, "Sophie's team will handle it, she confirmed yesterday."),
            (S1, "Fine. Let's regroup on Thursday then."),
        ),
        expected={S0: "Priya", S1: None, S2: "Kevin"},
        note="absent colleagues (on leave, quoted email) must not be given to the unnamed speaker",
    ),
    NamingCase(
        name="en_greeting_trap",
        language="en",
        lines=(
            (S0, "Hello Tom! Good to have you back. How was the trip?"),
            (S1, "Thanks, it was long but good. We signed the two distributors in Lagos."),
            (S0, "Excellent. Let's wait a minute for the others."),
            (S2, "Hi, sorry I'm late. Can you hear me?"),
            (S0, "Yes, we can hear you. Tom was just telling us about Lagos."),
            (S2, "Oh great, congratulations."),
            (S1, "Thanks. So the contracts start on the 1st of March with a 6 month trial period."),
            (S2, "What volumes are we talking about?"),
            (S1, "Around 4,000 units in the first quarter."),
            (S0, "That's more than we planned. We'll need to talk to the warehouse."),
            (S2, "I'll set up a call with them."),
        ),
        expected={S0: None, S1: "Tom", S2: None},
        note="the greeter says Tom's name first; Tom is the one who answers",
    ),
    NamingCase(
        name="en_client_third_person",
        language="en",
        lines=(
            (S0, "Jake, did Henderson from Acme call back?"),
            (S1, "Yes, he called this morning. He wants the delivery moved to June."),
            (S0, "June is tight. What did you tell him?"),
            (S1, "I told him we'd confirm by Friday. Nadia, you're handling the contract, right?"),
            (S0, "Right, I'll check the penalty clause tonight."),
            (S2, "Just so you know, Laura Chen hasn't signed off on the new pricing yet."),
            (S0, "Is she back from Singapore?"),
            (S2, "Not until Monday. She said Mr. Henderson can wait a few days."),
            (S1, "I'm not sure he can, he sounded pretty stressed."),
            (S2, "Then we escalate to Laura on Monday first thing."),
            (S0, "Okay, let's do that."),
        ),
        expected={S0: "Nadia", S1: "Jake", S2: None},
        note="client and manager discussed in third person; third speaker never named",
    ),
    NamingCase(
        name="en_same_first_name",
        language="en",
        lines=(
            (
                S0,
                "Welcome everyone. We have two Alexes on the call today, so I'll use surnames. "
                "Alex Morgan, do you want to go first?",
            ),
            (S1, "Thanks. The mobile release is on track, we fixed 21 of the 25 open bugs."),
            (S0, "What about the remaining 4?"),
            (S1, "They're minor, we'll ship a patch in two weeks."),
            (S0, "Okay. Alex Petrov, your update please."),
            (
                S2,
                "Sure. On the infrastructure side we migrated the database last weekend, um, "
                "no downtime.",
            ),
            (S1, "Nice work."),
            (S2, "Thanks. One thing, we need budget for the monitoring tool. Back to you, Hannah."),
            (S0, "Thanks. Send me the quote and I'll take it to finance."),
            (S2, "Will do."),
        ),
        expected={S0: "Hannah", S1: "Alex Morgan", S2: "Alex Petrov"},
        note="two speakers share a first name and are told apart by surname",
    ),
    NamingCase(
        name="en_unanswered_question",
        language="en",
        lines=(
            (S0, "Is Olivia on the call? Olivia, are you there?"),
            (S1, "I don't think she has joined yet."),
            (S0, "Okay. She was supposed to present the survey results."),
            (
                S1,
                "I have the slides, I can go through them if you want. I'm Ravi, by the way, "
                "I work with Olivia on the survey.",
            ),
            (S0, "That would be great, thanks Ravi."),
            (S1, "So we had 340 responses, which is about 40% of staff."),
            (S2, "Is that enough to break it down by department?"),
            (S1, "For the big departments yes, for the small ones no."),
            (S0, "Olivia, if you're listening, please ping me after the call."),
            (S2, "She might be in the other meeting with the auditors."),
            (S0, "Probably. Let's continue."),
        ),
        expected={S0: None, S1: "Ravi", S2: None},
        note="a name called out to someone who never answers; the next speaker is someone else",
    ),
    NamingCase(
        name="en_no_names",
        language="en",
        lines=(
            (S0, "Okay, quick standup. Who wants to start?"),
            (S1, "I can. Yesterday I finished the export feature, today I'm writing the tests."),
            (S0, "Any blockers?"),
            (S1, "No, not really."),
            (S2, "For me, I'm still stuck on the login bug. It only happens on Safari."),
            (S0, "Do you need help with that?"),
            (S2, "Maybe, if someone has a Mac I could borrow for an hour."),
            (S1, "I have one, you can take it after lunch."),
            (S2, "Perfect, thanks."),
            (S0, "Okay, that's it for today. Same time tomorrow."),
        ),
        expected={S0: None, S1: None, S2: None},
        note="no name is ever said",
    ),
    NamingCase(
        name="en_handover_chain",
        language="en",
        lines=(
            (
                S0,
                "Welcome to the weekly operations review. I'm Jonathan Blake, for those who "
                "joined recently. We have three updates today. Over to you, Sarah.",
            ),
            (
                S1,
                "Thanks, Jonathan. Customer support closed 1,240 tickets last week, which is "
                "a record.",
            ),
            (S0, "Impressive. Any backlog?"),
            (
                S1,
                "About 90 tickets, mostly billing questions. Okay, I'll hand over to Kwame for "
                "logistics.",
            ),
            (S2, "Thank you, Sarah. The new warehouse in Leeds is now at 70% capacity."),
            (S2, "We expect to be fully operational by the end of April."),
            (S0, "What's the main risk?"),
            (
                S2,
                "Staffing. We still need 12 people. And now Mei-Ling will take us through the "
                "forecast.",
            ),
            (
                S3,
                "Thanks, Kwame. So the forecast for next quarter is 4.2 million in revenue, "
                "um, slightly below target.",
            ),
            (S0, "Why below?"),
            (S3, "Mainly because of the delay in Leeds."),
            (S0, "Alright, thank you all."),
        ),
        expected={S0: "Jonathan Blake", S1: "Sarah", S2: "Kwame", S3: "Mei-Ling"},
        note="chain of hand-overs, each new speaker thanks the previous one",
    ),
    NamingCase(
        name="en_introduced_by_other",
        language="en",
        lines=(
            (
                S0,
                "Before we start, let me introduce Anna Lindqvist, our new product designer. "
                "She joined us on Monday from Stockholm.",
            ),
            (S1, "Hi everyone, thanks. Happy to be here."),
            (S2, "Welcome Anna!"),
            (
                S1,
                "Thank you. And thanks, George, for organising the onboarding, it's been "
                "really smooth.",
            ),
            (S0, "My pleasure. Anna will be working mostly on the checkout redesign."),
            (
                S3,
                "Great, we really need help there. Anna, do you have experience with payment "
                "flows?",
            ),
            (S1, "Yes, I worked on a payment app for 3 years before this."),
            (S3, "Perfect. Let's set up a session this week."),
            (S2, "Can I join that? I have some data on where users drop off."),
            (S1, "Sure, the more the better."),
            (S0, "Okay, let's get into the agenda then."),
        ),
        expected={S0: "George", S1: "Anna Lindqvist", S2: None, S3: None},
        note="newcomer introduced by someone else then speaks; introducer named by her thanks",
    ),
    NamingCase(
        name="en_rollcall",
        language="en",
        lines=(
            (
                S0,
                "Good evening. This meeting of the residents' association is now open. I'm "
                "Margaret Olsen and I'll chair tonight. Let's start with a roll call. "
                "Brian Foster?",
            ),
            (S1, "Here."),
            (S0, "Nkechi Eze?"),
            (S2, "Present."),
            (S0, "Luis García?"),
            (S3, "Yes, here."),
            (S0, "Derek Wu? Derek sent his apologies, he's travelling. Fiona MacLeod?"),
            (S4, "Present, sorry, I'm on the phone today."),
            (S0, "Thank you. We have quorum. First item, the parking fees."),
            (S1, "I've looked at the numbers. The fees would go up from 40 to 55 pounds a month."),
            (S3, "That's a 37% increase, people will not accept that."),
            (S2, "Can we phase it over two years?"),
            (S4, "I'd support that."),
            (S0, "Let's put it to a vote at the next meeting."),
        ),
        expected={
            S0: "Margaret Olsen",
            S1: "Brian Foster",
            S2: "Nkechi Eze",
            S3: "Luis García",
            S4: "Fiona MacLeod",
        },
        note="chair's roll call with full names; one member called is absent",
    ),
    NamingCase(
        name="en_attendee_list",
        language="en",
        lines=(
            (S0, "Okay let's get started. Martin, where are we on the API?"),
            (S1, "We're about 80% done. Authentication is finished, we're now on rate limiting."),
            (S0, "And the deadline is still the 15th?"),
            (S1, "Yes, if nothing breaks."),
            (S0, "Shivon, any news on the data processing agreement?"),
            (
                S2,
                "Yes, I sent the final version to the vendor yesterday. They should sign this "
                "week.",
            ),
            (S1, "Do you need anything from engineering for that?"),
            (S2, "Just the list of subprocessors. Can you send it to me?"),
            (S1, "Sure."),
            (
                S3,
                "Sorry to jump in, I'm sitting in for Ian, he's at the finance offsite. Grace, "
                "can I ask about the launch date?",
            ),
            (S0, "Go ahead."),
            (S3, "Marketing wants to announce on the 20th. Is that realistic?"),
            (S0, "If legal and engineering are both done by the 15th, yes."),
            (S2, "From my side it should be fine."),
            (S0, "Okay, thanks everyone."),
        ),
        documents=(
            "Project Falcon - weekly sync\n"
            "Attendees:\n"
            "- Grace Oyelaran (Product)\n"
            "- Martin Svoboda (Engineering)\n"
            "- Siobhan Kelly (Legal)\n"
            "- Ian McPherson (Finance)\n",
        ),
        expected={S0: "Grace Oyelaran", S1: "Martin Svoboda", S2: "Siobhan Kelly", S3: None},
        note="first names completed from attendee list; Shivon/Siobhan spelling; listed Ian "
        "absent, his stand-in unnamed",
    ),
    NamingCase(
        name="en_agenda_presenters",
        language="en",
        lines=(
            (
                S0,
                "Good morning and welcome to the quarterly review. The objective today is to "
                "agree on the budget for the second half. Let's start right away with the "
                "budget review.",
            ),
            (S1, "Thank you. So, we spent 2.3 million in the first half, that's 4% under budget."),
            (S1, "The biggest saving was on travel, which dropped by almost 30%."),
            (S0, "Do you expect that to continue?"),
            (S1, "Partly. Some trips were only postponed, not cancelled."),
            (S0, "Okay. Thank you, Samuel. Next item is the hiring plan."),
            (S2, "Yes. So we're planning 18 hires in the second half, 10 of them in engineering."),
            (S0, "Is that covered by the budget we just saw?"),
            (S2, "It is, Samuel and I checked it together last week."),
            (S1, "Yes, we included it, with a small buffer."),
            (S0, "Good. Any other business? No? Then thank you all."),
        ),
        documents=(
            "Quarterly Business Review - 12 March\n"
            "Agenda\n"
            "10:00 Welcome and objectives - Claire Donovan\n"
            "10:05 Budget review - Samuel Adeyemi\n"
            "10:25 Hiring plan - Yuki Tanaka\n"
            "10:45 Any other business\n",
        ),
        expected={S0: "Claire Donovan", S1: "Samuel Adeyemi", S2: "Yuki Tanaka"},
        note="agenda lists presenters per item; chair hands over by topic only",
    ),
    NamingCase(
        name="en_roles_cfo",
        language="en",
        lines=(
            (
                S0,
                "Let's get going, we only have 30 minutes. The question today is whether we "
                "approve the new office in Lisbon.",
            ),
            (
                S1,
                "As CFO, I can't approve it in its current form. The lease alone is 1.8 million "
                "over 5 years.",
            ),
            (S0, "What would make it acceptable for you?"),
            (S1, "A shorter lease, 3 years, with an option to extend."),
            (
                S2,
                "Speaking as head of HR, we need that office to hire. We can't find engineers "
                "in London at these salaries.",
            ),
            (S0, "How many people would we hire there?"),
            (S2, "About 40 in the first 2 years."),
            (S1, "Then I'd want to see the hiring plan and the budget side by side."),
            (
                S0,
                "Wearing my CTO hat, I'm fine with Lisbon, my teams already work with "
                "Portugal. Emily will need to review the lease anyway.",
            ),
            (S2, "Can we ask her to do it this week?"),
            (S0, "I'll ask her today."),
        ),
        documents=(
            "Steering committee - attendees\n"
            "Nathaniel Brooks - CFO\n"
            "Priyanka Shah - Head of HR\n"
            "Oliver Grant - CTO\n"
            "Emily Carter - General Counsel\n",
        ),
        expected={S0: "Oliver Grant", S1: "Nathaniel Brooks", S2: "Priyanka Shah"},
        note="speakers identified only by stating their role from the attendee list",
    ),
    NamingCase(
        name="en_misspelled_katrin",
        language="en",
        lines=(
            (S0, "Okay, Piotr here, I'm on site so the connection might be bad. Can you hear me?"),
            (S1, "Yes, it's fine. Shall we go through the audit findings?"),
            (S0, "Please. Katrin, you have the report in front of you?"),
            (S1, "I do. There were 7 findings, 2 of them are critical."),
            (S0, "Which ones?"),
            (
                S1,
                "The fire exit in hall B was blocked and two forklift drivers had expired "
                "certificates.",
            ),
            (S2, "The certificates are already renewed, I did that on Tuesday."),
            (S1, "Thanks, Femi. Can you send me the copies?"),
            (S2, "Sure. And the fire exit is cleared now, I checked it myself this morning."),
            (S0, "Good. Let's do a walk-through together next week."),
            (S1, "Fine by me."),
        ),
        documents=(
            "Invitation: Warehouse safety audit follow-up\n"
            "Participants: Catherine Walsh (Safety Officer), Piotr Nowak (Site Manager), "
            "Femi Adebayo (Operations)\n",
        ),
        expected={S0: "Piotr Nowak", S1: "Catherine Walsh", S2: "Femi Adebayo"},
        note="transcript says Katrin, invitation says Catherine Walsh; surnames from invitation",
    ),
    NamingCase(
        name="en_phone_this_is",
        language="en",
        lines=(
            (S0, "Good afternoon, you're through to the IT service desk, Fiona speaking."),
            (
                S1,
                "Hi Fiona, this is Gabriel Ortiz from accounts payable. My laptop won't "
                "connect to the VPN since this morning.",
            ),
            (S0, "Okay, Gabriel. Can you tell me which error message you see?"),
            (S1, "It says error 809, something about the connection being blocked."),
            (S0, "Right. I'm going to add a colleague from the network team to the call."),
            (S2, "Hello, it's Hamid from networks. Gabriel, are you working from home today?"),
            (S1, "Yes, I am."),
            (
                S2,
                "Then it's probably your router blocking the port. Can you try from your phone "
                "hotspot?",
            ),
            (S1, "Okay, give me a second. Yes, it works now."),
            (S2, "Great, so it's the router. I'll send you instructions by email."),
            (S0, "I'll close the ticket once you confirm. Anything else?"),
            (S1, "No, that's all, thank you both."),
        ),
        expected={S0: "Fiona", S1: "Gabriel Ortiz", S2: "Hamid"},
        note="phone support call: 'X speaking', 'this is X', 'it's X from'; greetings "
        "name the other party",
    ),
    NamingCase(
        name="en_informal_sales",
        language="en",
        lines=(
            (S0, "Hey all, it's Jess from sales. Pete's gonna join later, he's stuck in traffic."),
            (S1, "Dev here. Hi Jess."),
            (S0, "Hey Dev. So the demo for the hospital group is on Thursday. Is the build ready?"),
            (
                S1,
                "Almost. We need to fix the reporting screen, it crashes with more than 500 rows.",
            ),
            (S2, "I can take that, I wrote that part anyway."),
            (S1, "Perfect, thanks."),
            (S0, "Can we do a dry run on Wednesday afternoon?"),
            (S2, "Wednesday works for me, after 2."),
            (S1, "Same."),
            (S0, "Great, I'll send an invite. Pete will want to be there too."),
        ),
        expected={S0: "Jess", S1: "Dev", S2: None},
        note="informal short intros; absent Pete must not go to the unnamed third speaker",
    ),
    NamingCase(
        name="en_quoted_absent",
        language="en",
        lines=(
            (
                S0,
                "So, retention policy. As John from legal said last week, we can't keep "
                "recordings longer than 90 days.",
            ),
            (S1, "Did Amara confirm that in writing?"),
            (S0, "She did, I'll forward you her email."),
            (S2, "What about recordings from before the policy?"),
            (S0, "Those need to be deleted by the end of June."),
            (S1, "That's about 12,000 files. Um, we need a script for that."),
            (S2, "I can write it. For the minutes, this is Viktor, I'll own that action."),
            (
                S1,
                "Thanks Viktor. Let's also tell the client teams, Mr. Okonkwo's group uses "
                "recordings a lot.",
            ),
            (S0, "I'll ask his assistant to let them know."),
            (S2, "I'll have the script ready by next Friday."),
        ),
        expected={S0: None, S1: None, S2: "Viktor"},
        note="people quoted or referred to (legal, email, client) are not speakers",
    ),
    NamingCase(
        name="en_answered_by_other",
        language="en",
        lines=(
            (
                S0,
                "Morning everyone. I'm Ben Carter, I'm running the retro today. Nora, do you "
                "want to start with what went well?",
            ),
            (S1, "Sure. The release went out on time and we had no incidents over the weekend."),
            (S0, "Great. What didn't go so well?"),
            (S1, "The testing phase was too short, we found 3 bugs in production."),
            (S2, "Agreed, and the handover between QA and dev was messy."),
            (S0, "Felipe, can you share the bug list on screen?"),
            (S3, "He dropped off a minute ago, his connection is bad. I can share it."),
            (S0, "Thanks."),
            (S3, "Here it is. Two of the three bugs were in the payment module."),
            (S2, "That's the module we changed last. We should have tested it more."),
            (S0, "Okay, action: extend the QA phase by 2 days next sprint."),
            (S1, "Makes sense."),
        ),
        expected={S0: "Ben Carter", S1: "Nora", S2: None, S3: None},
        note="person addressed has left; someone else answers in their place",
    ),
    NamingCase(
        name="en_manager_assistant",
        language="en",
        lines=(
            (
                S0,
                "Hi, I'm Deborah Klein. I'm standing in for my manager, Robert Hale, who's "
                "travelling this week.",
            ),
            (S1, "Thanks for joining, Deborah. Robert told me you'd have the final figures."),
            (S0, "Yes, I have them. Total spend was 640,000, so we're within budget."),
            (S1, "Good. And the vendor contract?"),
            (S0, "Robert wants to renegotiate it before signing."),
            (
                S2,
                "Hi, sorry, this is Robert's assistant, Chloe. He asked me to join for the "
                "contract part.",
            ),
            (S1, "Welcome, Chloe. Did he send any comments?"),
            (S2, "Yes, he wants a 10% discount or a longer payment term."),
            (S0, "We discussed that, the vendor might accept 60 days."),
            (
                S1,
                "Okay. Thanks, both of you. Deborah, can you send the figures to me and to Sunil?",
            ),
            (S0, "Sure, I'll do it this afternoon."),
        ),
        expected={S0: "Deborah Klein", S1: None, S2: "Chloe"},
        note="absent manager named in self-introductions of his deputy and his assistant",
    ),
    NamingCase(
        name="en_surname_spelled",
        language="en",
        lines=(
            (S0, "Hi, thanks for taking the time. Just to confirm, am I speaking with Ngozi?"),
            (S1, "Yes, that's me."),
            (
                S0,
                "Great. I'm Mark from the recruitment agency. For the record, can you spell "
                "your surname?",
            ),
            (S1, "Sure, it's Okoro, O-K-O-R-O."),
            (S0, "Thank you, Ngozi. So you applied for the analyst role in Manchester."),
            (S1, "That's right. I'm currently working as a junior analyst in a bank."),
            (S0, "How long have you been there?"),
            (S1, "2 and a half years."),
            (S0, "And what's your notice period?"),
            (S1, "1 month."),
            (S0, "Perfect. I'll pass your details to the hiring manager, Mrs. Patel."),
            (S1, "Thank you, Mark."),
        ),
        expected={S0: "Mark", S1: "Ngozi Okoro"},
        note="two-person call; surname given separately from first name; hiring manager absent",
    ),
    # ------------------------------------------------------------------- French
    NamingCase(
        name="fr_tour_de_table",
        language="fr",
        lines=(
            (
                S0,
                "Bonjour à tous, merci d'être là. On va commencer par un petit tour de table. "
                "Je m'appelle Marie Dupont, je suis à la direction financière.",
            ),
            (S1, "Bonjour, moi c'est Karim Benali, je travaille sur la partie logistique."),
            (S2, "Euh, Jean-Luc Moreau, responsable des achats."),
            (S3, "Et je suis Sophie Marchand, du service juridique."),
            (
                S0,
                "Merci. Alors l'objet de la réunion c'est le renouvellement du contrat de "
                "transport.",
            ),
            (S1, "Le contrat actuel se termine le 30 juin, on a reçu 3 offres."),
            (
                S2,
                "La moins chère est à 215 000 euros par an mais le délai de livraison est plus "
                "long.",
            ),
            (
                S3,
                "Attention, il y a une clause de résiliation assez contraignante dans cette offre.",
            ),
            (S0, "Vous pouvez nous faire une note là-dessus ?"),
            (S3, "Oui, je vous l'envoie d'ici vendredi."),
            (S0, "Parfait, merci."),
        ),
        expected={
            S0: "Marie Dupont",
            S1: "Karim Benali",
            S2: "Jean-Luc Moreau",
            S3: "Sophie Marchand",
        },
        note="tour de table: je m'appelle / moi c'est / nom + fonction / je suis",
    ),
    NamingCase(
        name="fr_interpellation",
        language="fr",
        lines=(
            (
                S0,
                "Bon, on est au complet je crois. Luc, tu peux nous donner les chiffres du mois ?",
            ),
            (S1, "Oui. On est à 12 % de croissance sur le mois, c'est un peu mieux que prévu."),
            (S0, "Super. Et côté marge ?"),
            (S1, "La marge baisse un peu, 31 % contre 33 % le mois dernier."),
            (S0, "D'accord. Émilie, tu en es où sur le recrutement ?"),
            (S2, "On a signé 2 CDI la semaine dernière et il reste un poste de commercial ouvert."),
            (S0, "Tu as des candidats ?"),
            (S2, "Deux, je les vois jeudi."),
            (S1, "Isabelle, je t'envoie le tableau complet après la réunion ?"),
            (S0, "Oui, merci Luc."),
            (S1, "De rien."),
        ),
        expected={S0: "Isabelle", S1: "Luc", S2: "Émilie"},
        note="prénoms seuls, chaque personne interpellée puis qui répond",
    ),
    NamingCase(
        name="fr_absents",
        language="fr",
        lines=(
            (
                S0,
                "Bon, c'est Nathalie. Marc est en congé cette semaine donc je le remplace pour "
                "le point projet.",
            ),
            (S1, "D'accord. On en est où sur la migration ?"),
            (
                S0,
                "Comme Sophie l'a dit dans son mail, les tests de charge sont terminés. On a "
                "un souci sur les temps de réponse.",
            ),
            (S1, "C'est grave ?"),
            (S0, "Pas vraiment. Thomas, tu as regardé les logs ?"),
            (
                S2,
                "Oui, j'ai regardé hier soir. C'est une requête mal indexée, euh, je la "
                "corrige aujourd'hui.",
            ),
            (S1, "Et la date de bascule, elle tient toujours ?"),
            (S2, "Le 14 octobre, oui, si Sophie valide le plan de retour arrière."),
            (S0, "Je lui en parle cet après-midi."),
            (S1, "Très bien. On fait le point jeudi."),
        ),
        expected={S0: "Nathalie", S1: None, S2: "Thomas"},
        note="collègues absents (congé, mail) cités; un locuteur jamais nommé",
    ),
    NamingCase(
        name="fr_salut_piege",
        language="fr",
        lines=(
            (S0, "Bonjour Antoine, tu m'entends ?"),
            (S1, "Oui, très bien. Bonjour."),
            (S0, "Super. On attend encore une personne et on commence."),
            (S2, "Désolée pour le retard, c'est Fatou. Le train avait 20 minutes de retard."),
            (S0, "Pas de souci. Antoine, tu voulais nous parler du salon de Lyon ?"),
            (
                S1,
                "Oui. Alors on a eu 250 visiteurs sur le stand et une trentaine de contacts "
                "sérieux.",
            ),
            (S2, "C'est mieux que l'année dernière, non ?"),
            (S1, "Oui, on était à 180 l'an dernier."),
            (S0, "Et les devis ?"),
            (S1, "On en a déjà envoyé 6. Fatou, tu peux relancer ceux de la région Rhône-Alpes ?"),
            (S2, "Oui, je m'en occupe demain."),
        ),
        expected={S0: None, S1: "Antoine", S2: "Fatou"},
        note="celui qui salue Antoine n'est pas Antoine; l'animateur n'est jamais nommé",
    ),
    NamingCase(
        name="fr_client_tiers",
        language="fr",
        lines=(
            (S0, "Julie, tu as eu des nouvelles de M. Lambert ?"),
            (S1, "Oui, il m'a appelée ce matin. Le client veut avancer la livraison au 15 mai."),
            (S0, "Le 15 mai, c'est très juste."),
            (
                S1,
                "Je sais. Je lui ai dit qu'on confirmerait lundi. Yannick, c'est toi qui gères "
                "le planning de production, non ?",
            ),
            (
                S2,
                "Oui. Honnêtement, le 15 mai c'est possible seulement si on rajoute une équipe "
                "le samedi.",
            ),
            (S0, "Il faudra l'accord de notre directrice, Mme Perrin."),
            (S2, "Elle est en déplacement jusqu'à mercredi."),
            (S1, "Je peux lui écrire ce soir."),
            (S0, "Oui, fais ça. Et précise que M. Lambert est prêt à payer un supplément."),
            (S1, "D'accord."),
        ),
        expected={S0: None, S1: "Julie", S2: "Yannick"},
        note="client et directrice évoqués à la troisième personne",
    ),
    NamingCase(
        name="fr_homonymes",
        language="fr",
        lines=(
            (
                S0,
                "Bonjour à tous. Je suis Véronique Lacroix, j'anime la réunion aujourd'hui. "
                "On a deux Nicolas dans l'équipe, donc je vais utiliser les noms de famille. "
                "Nicolas Girard, tu commences ?",
            ),
            (S1, "Oui. Sur le chantier de Nantes on a 2 semaines de retard à cause de la météo."),
            (S0, "Est-ce que c'est rattrapable ?"),
            (S1, "Si on travaille le samedi pendant un mois, oui."),
            (S0, "D'accord. Nicolas Fontaine, côté bureau d'études ?"),
            (S2, "Les plans du bâtiment C sont validés. On attend juste le permis modificatif."),
            (S1, "Tu as une date pour le permis ?"),
            (S2, "Pas encore, la mairie nous a dit fin du mois."),
            (S0, "Très bien. On se revoit dans 15 jours."),
        ),
        expected={S0: "Véronique Lacroix", S1: "Nicolas Girard", S2: "Nicolas Fontaine"},
        note="deux Nicolas distingués par le nom de famille",
    ),
    NamingCase(
        name="fr_question_sans_reponse",
        language="fr",
        lines=(
            (S0, "Pierre, tu es là ? Pierre ?"),
            (S1, "Je crois qu'il a un problème de connexion, il m'a envoyé un message."),
            (S0, "Bon. On commence sans lui. Qui a préparé le compte rendu de la dernière fois ?"),
            (S2, "C'est moi. Je l'ai envoyé lundi, il y avait 4 actions."),
            (S0, "Merci Aurélie. Elles sont faites, ces actions ?"),
            (
                S2,
                "Trois sur quatre. La dernière c'était Pierre, justement, pour le devis du "
                "prestataire.",
            ),
            (S1, "Il m'a dit qu'il l'aurait demain."),
            (S0, "Pierre, si tu nous entends, envoie-moi le devis dès que tu l'as."),
            (S1, "Je lui transmets."),
            (S0, "Merci. Point suivant, le séminaire de septembre."),
            (S2, "On a une option sur un hôtel à Annecy pour 45 personnes."),
        ),
        expected={S0: None, S1: None, S2: "Aurélie"},
        note="Pierre appelé mais ne répond pas; c'est un autre qui parle ensuite",
    ),
    NamingCase(
        name="fr_sans_noms",
        language="fr",
        lines=(
            (S0, "Allô, oui bonjour, je vous appelle pour la réservation de la salle."),
            (S1, "Bonjour. Oui, c'est pour quelle date ?"),
            (S0, "Le 12 avril, pour une trentaine de personnes."),
            (
                S1,
                "D'accord, je regarde. Le 12 avril on a la grande salle de disponible, elle "
                "fait 40 places.",
            ),
            (S0, "Parfait. Est-ce qu'il y a un vidéoprojecteur ?"),
            (S1, "Oui, et un micro sans fil aussi."),
            (S0, "Et pour le déjeuner ?"),
            (S1, "On peut proposer un buffet à 28 euros par personne."),
            (S0, "Très bien, je vais en parler à ma responsable et je vous rappelle."),
            (S1, "Pas de problème, je vous mets une option jusqu'à vendredi."),
            (S0, "Merci beaucoup, bonne journée."),
        ),
        expected={S0: None, S1: None},
        note="appel téléphonique sans aucun nom",
    ),
    NamingCase(
        name="fr_passation",
        language="fr",
        lines=(
            (
                S0,
                "Bonjour à toutes et à tous. Je suis Bertrand Leclerc, je préside la séance. "
                "Premier point, le bilan RH. Je passe la parole à Sarah.",
            ),
            (S1, "Merci Bertrand. Alors cette année on a eu 14 départs et 22 arrivées."),
            (S1, "Le taux d'absentéisme est en baisse, on est à 4,2 %."),
            (S0, "Merci. Des questions ? Non ? Mehdi, à toi pour le budget informatique."),
            (
                S2,
                "Merci. Donc le budget informatique est de 380 000 euros, euh, dont la moitié "
                "pour le renouvellement des postes.",
            ),
            (S1, "Les nouveaux arrivants auront des portables neufs ?"),
            (
                S2,
                "Oui, c'est prévu. Je laisse la main à Marie-Claire pour la communication interne.",
            ),
            (S3, "Merci Mehdi. On lance la nouvelle lettre d'information le mois prochain."),
            (S3, "Elle sera envoyée tous les 15 jours."),
            (S0, "Très bien. Merci à tous, on s'arrête là."),
        ),
        expected={S0: "Bertrand Leclerc", S1: "Sarah", S2: "Mehdi", S3: "Marie-Claire"},
        note="passations de parole successives, prénoms composés",
    ),
    NamingCase(
        name="fr_presentation_par_tiers",
        language="fr",
        lines=(
            (
                S0,
                "Avant de commencer, je vous présente Inès Haddad, qui rejoint l'équipe design "
                "à partir d'aujourd'hui.",
            ),
            (S1, "Merci, bonjour à tous. Je suis ravie d'être là."),
            (
                S0,
                "Inès vient d'une agence à Bordeaux où elle a travaillé 5 ans sur des "
                "applications mobiles.",
            ),
            (S2, "Bienvenue ! Tu vas travailler sur quel projet en premier ?"),
            (S1, "Sur la refonte de l'espace client, si j'ai bien compris."),
            (
                S0,
                "Oui, c'est ça. Damien, tu peux lui faire une présentation du projet cette "
                "semaine ?",
            ),
            (S2, "Oui, sans problème. Mercredi matin, ça te va, Inès ?"),
            (S1, "Parfait, mercredi matin."),
            (S0, "Super. Bon, on passe à l'ordre du jour."),
        ),
        expected={S0: None, S1: "Inès Haddad", S2: "Damien"},
        note="nouvelle arrivée présentée par quelqu'un d'autre, puis prend la parole",
    ),
    NamingCase(
        name="fr_appel",
        language="fr",
        lines=(
            (
                S0,
                "Mesdames et messieurs, la séance du conseil d'administration est ouverte. Je "
                "vais procéder à l'appel. Jean-Pierre Dubois ?",
            ),
            (S1, "Présent."),
            (S0, "Thi Hoa Nguyen ?"),
            (S2, "Présente."),
            (
                S0,
                "Hervé Lefort ? Monsieur Lefort est excusé, il a donné pouvoir à Madame "
                "Nguyen. François-Xavier Delmas ?",
            ),
            (S3, "Présent."),
            (S0, "Anne-Sophie Bertrand ?"),
            (S4, "Présente."),
            (
                S0,
                "Le quorum est atteint. Je rappelle que je suis Colette Vasseur, présidente du "
                "conseil. Premier point, l'approbation des comptes.",
            ),
            (S1, "Les comptes ont été certifiés sans réserve par le commissaire aux comptes."),
            (S3, "Le résultat net est de 1,2 million d'euros, en hausse de 8 %."),
            (S2, "Je propose qu'on passe au vote."),
            (S0, "Qui est pour ? Adopté à l'unanimité."),
            (
                S4,
                "Je demande que la question des rémunérations soit ajoutée à la prochaine séance.",
            ),
            (S0, "C'est noté."),
        ),
        expected={
            S0: "Colette Vasseur",
            S1: "Jean-Pierre Dubois",
            S2: "Thi Hoa Nguyen",
            S3: "François-Xavier Delmas",
            S4: "Anne-Sophie Bertrand",
        },
        note="appel nominal en conseil d'administration, un administrateur excusé",
    ),
    NamingCase(
        name="fr_liste_participants",
        language="fr",
        lines=(
            (
                S0,
                "Bonjour à tous. Yann nous rejoindra peut-être en fin de réunion, il est "
                "retenu en comité de direction. Olivier, tu peux faire le point sur le "
                "déploiement ?",
            ),
            (
                S1,
                "Oui. Le nouvel outil est déployé sur 3 sites sur 5. Les deux derniers sont "
                "prévus en novembre.",
            ),
            (S0, "Il y a eu des incidents ?"),
            (S1, "Un seul, une coupure de 2 heures à Rennes. C'est réglé."),
            (
                S2,
                "De notre côté on a préparé les supports de communication pour le lancement. "
                "Hélène, tu veux qu'on les valide ensemble ?",
            ),
            (S0, "Oui, volontiers. On peut faire ça jeudi ?"),
            (S2, "Jeudi 14 h, ça me va."),
            (
                S1,
                "Chloé, tu pourras m'envoyer les supports ? Je voudrais vérifier les captures "
                "d'écran.",
            ),
            (S2, "Bien sûr."),
            (S0, "Très bien. Merci à tous."),
        ),
        documents=(
            "Comité de pilotage - projet SIRH\n"
            "Participants :\n"
            "Hélène Garnier (RH)\n"
            "Olivier Mercier (DSI)\n"
            "Chloé Besson (Communication)\n"
            "Yann Le Goff (Direction générale)\n",
        ),
        expected={S0: "Hélène Garnier", S1: "Olivier Mercier", S2: "Chloé Besson"},
        note="prénoms complétés par la liste des participants; Yann Le Goff listé mais absent",
    ),
    NamingCase(
        name="fr_ordre_du_jour",
        language="fr",
        lines=(
            (
                S0,
                "Bonjour à tous, on va commencer. Petit changement : Aïcha est malade "
                "aujourd'hui, c'est Romain qui présentera le plan de formation à sa place. "
                "On passe tout de suite à la revue budgétaire.",
            ),
            (S1, "Merci. Alors, au 31 mai, on a consommé 46 % du budget annuel."),
            (
                S1,
                "Les dépenses de déplacement sont en hausse, euh, surtout à cause du salon de "
                "Milan.",
            ),
            (S0, "C'est un problème pour la suite ?"),
            (S1, "Non, on a de la marge sur le poste formation."),
            (S0, "Merci Mathieu. On passe au plan de formation."),
            (
                S2,
                "Oui, bonjour. Donc, comme Aïcha l'a préparé, on prévoit 12 sessions d'ici la "
                "fin de l'année.",
            ),
            (
                S2,
                "La priorité c'est la cybersécurité, avec une session obligatoire pour tout le "
                "monde.",
            ),
            (S1, "Ça rentre dans le budget dont je viens de parler ?"),
            (S2, "Oui, c'est déjà compté."),
            (S0, "Parfait. Des questions diverses ? Non ? Alors merci à tous."),
        ),
        documents=(
            "Réunion de service - mardi 3 juin\n"
            "Ordre du jour\n"
            "14:00 Ouverture - Sylvie Rambert\n"
            "14:10 Revue budgétaire - Matthieu Roussel\n"
            "14:30 Plan de formation - Aïcha Diallo\n"
            "14:50 Questions diverses\n",
        ),
        expected={S0: "Sylvie Rambert", S1: "Matthieu Roussel", S2: "Romain"},
        note="ordre du jour avec intervenants; Mathieu/Matthieu; Aïcha remplacée par Romain",
    ),
    NamingCase(
        name="fr_roles_mixte",
        language="fr",
        lines=(
            (
                S0,
                "Bonjour à tous. En tant que directrice financière, je préside ce comité en "
                "l'absence du directeur général. Premier point, le projet d'entrepôt "
                "automatisé.",
            ),
            (
                S1,
                "Merci Camille. Le projet représente un investissement de 4,5 millions "
                "d'euros sur 3 ans.",
            ),
            (S1, "Le retour sur investissement est estimé à 5 ans."),
            (
                S2,
                "Si je peux compléter, au cabinet nous avons accompagné 2 projets similaires, "
                "euh, et les gains de productivité étaient de l'ordre de 25 %.",
            ),
            (S0, "Merci. Deuxième point, l'impact sur les effectifs."),
            (
                S3,
                "En tant que DRH, je dois vous alerter : une quarantaine de postes de "
                "préparateurs seraient concernés.",
            ),
            (S1, "Mais on parle de reconversion, pas de licenciements."),
            (S3, "Oui, à condition de prévoir un vrai plan de formation, au moins 300 000 euros."),
            (S0, "Je peux l'intégrer dans l'enveloppe. Alors, on passe à la décision."),
            (S2, "Pour notre part, on recommande de lancer une phase pilote sur un seul site."),
            (S0, "D'accord. On valide la phase pilote et on en reparle en décembre."),
        ),
        documents=(
            "Comité d'investissement - 18 septembre\n"
            "Ordre du jour :\n"
            "1. Projet d'entrepôt automatisé (présenté par Bastien Faure)\n"
            "2. Impact sur les effectifs\n"
            "3. Décision\n",
            "Participants :\n"
            "Camille Roux - Directrice financière (CFO)\n"
            "Bastien Faure - Responsable des achats\n"
            "Léa Moreau-Vidal - DRH\n"
            "Guillaume Petitjean - Directeur général (excusé)\n",
        ),
        expected={S0: "Camille Roux", S1: "Bastien Faure", S2: None, S3: "Léa Moreau-Vidal"},
        note="ordre du jour + liste avec fonctions; consultant externe non listé; DG excusé",
    ),
    NamingCase(
        name="fr_orthographe_lefebvre",
        language="fr",
        lines=(
            (
                S0,
                "Bonjour, Arnaud Lefebvre, contrôle de gestion. Je vous propose de commencer "
                "par la clôture de septembre.",
            ),
            (
                S1,
                "Bonjour Arnaud. Côté fournisseurs, on a encore 37 factures en attente de "
                "validation.",
            ),
            (S0, "C'est beaucoup. Pourquoi ce retard ?"),
            (
                S1,
                "Les bons de commande ne sont pas rapprochés, il manque les réceptions dans le "
                "système.",
            ),
            (S2, "Et ça bloque aussi les paiements, j'ai 3 fournisseurs qui nous relancent."),
            (S0, "Lesquels ?"),
            (S2, "Surtout le transporteur, on lui doit 48 000 euros."),
            (S0, "Maëlle, tu peux prioriser ces factures-là ?"),
            (S1, "Oui, je les traite demain matin."),
            (S0, "Merci. Patrice, tu me confirmes quand le virement est parti ?"),
            (S2, "Oui, je t'envoie un mail."),
        ),
        documents=(
            "Réunion mensuelle contrôle de gestion\n"
            "Invités : Arnaud Lefèvre (contrôleur de gestion), Maëlle Kerjean (comptabilité "
            "fournisseurs), Patrice Ngoma (trésorerie)\n",
        ),
        expected={S0: "Arnaud Lefèvre", S1: "Maëlle Kerjean", S2: "Patrice Ngoma"},
        note="Lefebvre dans la transcription, Lefèvre dans l'invitation",
    ),
    NamingCase(
        name="fr_pour_ceux",
        language="fr",
        lines=(
            (
                S0,
                "Bon, pour ceux qui ne me connaissent pas, je suis Grégoire Tessier, je gère "
                "le support niveau 2 depuis janvier.",
            ),
            (S1, "Et moi je suis Anh Tran, je m'occupe de la qualité. Enchantée."),
            (
                S0,
                "Enchanté. Alors on a un problème de délais de résolution sur les tickets "
                "prioritaires.",
            ),
            (S1, "On est à combien en moyenne ?"),
            (S0, "9 heures, alors que l'engagement contractuel c'est 4 heures."),
            (S2, "Une partie du problème vient du niveau 1, les tickets arrivent mal qualifiés."),
            (S0, "Tu peux nous donner des exemples ?"),
            (
                S2,
                "Oui, la semaine dernière on a eu 15 tickets classés en priorité basse alors "
                "que c'était des pannes bloquantes.",
            ),
            (S1, "Il faudrait revoir la grille de qualification."),
            (S0, "D'accord, on fait un atelier là-dessus la semaine prochaine."),
        ),
        expected={S0: "Grégoire Tessier", S1: "Anh Tran", S2: None},
        note="'pour ceux qui ne me connaissent pas'; troisième locuteur jamais nommé",
    ),
    NamingCase(
        name="fr_ici_telephone",
        language="fr",
        lines=(
            (
                S0,
                "Allô, ici Bernard Colin, du cabinet d'architectes. Je voudrais parler à "
                "Mme Rousseau, s'il vous plaît.",
            ),
            (
                S1,
                "Bonjour monsieur Colin, c'est Laetitia à l'accueil. Mme Rousseau est en "
                "rendez-vous, je peux prendre un message ?",
            ),
            (
                S0,
                "Oui, c'est au sujet des plans de l'extension, il y a une modification sur la "
                "façade.",
            ),
            (S1, "D'accord. Attendez, son adjoint vient d'arriver, je vous le passe."),
            (
                S2,
                "Bonjour, Kevin Da Silva, je travaille avec Mme Rousseau sur le dossier. Je "
                "vous écoute.",
            ),
            (S0, "Bonjour. On doit décaler la façade de 60 centimètres à cause du réseau d'eau."),
            (S2, "Ça change la surface du permis ?"),
            (S0, "Très peu, moins de 2 mètres carrés."),
            (
                S2,
                "Alors ça devrait passer. Envoyez-nous les plans modifiés et je les montre à "
                "Mme Rousseau demain.",
            ),
            (S0, "Je vous les envoie cet après-midi. Merci."),
        ),
        expected={S0: "Bernard Colin", S1: "Laetitia", S2: "Kevin Da Silva"},
        note="appel: 'ici X', 'c'est X', nom de famille composé; Mme Rousseau absente",
    ),
    NamingCase(
        name="fr_reponse_par_autre",
        language="fr",
        lines=(
            (S0, "Bonjour à tous. Sébastien, tu peux partager ton écran avec la maquette ?"),
            (
                S1,
                "Il est parti en urgence, il avait un rendez-vous médical. Je peux le faire, "
                "j'ai le fichier.",
            ),
            (S0, "Ah d'accord, merci Clémence."),
            (S1, "Voilà, vous voyez l'écran ?"),
            (S2, "Oui, c'est bon."),
            (S1, "Donc c'est la nouvelle page d'accueil. On a réduit le nombre de blocs de 8 à 5."),
            (
                S3,
                "C'est beaucoup plus lisible. Par contre le bouton de contact est trop petit "
                "sur mobile.",
            ),
            (S1, "Bien vu, je le note pour Sébastien."),
            (S3, "Juste une question, Pascale, la mise en ligne c'est toujours le 1er ?"),
            (S0, "Oui, toujours le 1er."),
            (S2, "Il faudrait aussi vérifier le contraste des couleurs pour l'accessibilité."),
            (S1, "Oui, c'est une bonne remarque."),
            (S0, "Parfait. On se revoit vendredi avec la version corrigée."),
        ),
        expected={S0: "Pascale", S1: "Clémence", S2: None, S3: None},
        note="Sébastien interpellé mais absent, une autre personne répond à sa place",
    ),
    NamingCase(
        name="fr_reunion_client",
        language="fr",
        lines=(
            (
                S0,
                "Bonjour madame, merci de nous recevoir. Je suis Stéphane Morel, directeur "
                "commercial chez Datalys, et voici ma collègue Zoé Martin-Lemaire, cheffe de "
                "projet.",
            ),
            (S1, "Bonjour, enchantée."),
            (
                S2,
                "Bonjour. Agnieszka Kowalczyk, directrice des opérations. Mon collègue "
                "M. Renaud devait être là mais il a eu un empêchement.",
            ),
            (
                S0,
                "Pas de souci. Alors on vous a préparé une proposition pour la migration de "
                "vos données.",
            ),
            (S1, "Oui, on propose de procéder en 3 phases, sur 6 mois au total."),
            (S2, "Six mois c'est long. M. Renaud souhaitait que ce soit fini avant l'été."),
            (S1, "On peut raccourcir la deuxième phase si vos équipes sont disponibles en mars."),
            (S2, "Il faudra que je vérifie avec lui."),
            (S0, "Bien sûr. On vous envoie la proposition détaillée d'ici vendredi."),
            (S2, "Parfait, merci."),
        ),
        expected={S0: "Stéphane Morel", S1: "Zoé Martin-Lemaire", S2: "Agnieszka Kowalczyk"},
        note="rendez-vous client: présentation de soi et d'une collègue; collègue absent cité",
    ),
    NamingCase(
        name="fr_nouveau_stagiaire",
        language="fr",
        lines=(
            (S0, "Salut tout le monde ! Moi c'est Jérémy, je suis le nouveau stagiaire en compta."),
            (S1, "Salut Jérémy, bienvenue ! Tu commences quand ?"),
            (S0, "Aujourd'hui, enfin ce matin."),
            (S2, "Bienvenue. Tu es avec qui ?"),
            (S0, "Avec Mme Chevalier, elle est en réunion là."),
            (
                S1,
                "Ah elle est super, tu verras. Moi je suis Ousmane, je suis au contrôle de "
                "gestion, juste à côté.",
            ),
            (S2, "Et moi Lucie, à la paie. Si tu as besoin de quoi que ce soit, n'hésite pas."),
            (S0, "Merci, c'est gentil."),
            (S1, "Tu veux venir déjeuner avec nous à midi ?"),
            (S0, "Avec plaisir."),
        ),
        expected={S0: "Jérémy", S1: "Ousmane", S2: "Lucie"},
        note="présentations informelles tardives; tutrice absente citée",
    ),
)
