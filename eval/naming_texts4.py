"""Speaker-naming evaluation set 4: meeting transcripts with expected speaker names.

Written blind, without knowledge of the product's naming rules or of earlier sets.
34 cases (17 French, 17 English), 2 to 5 speakers each, 113 speakers in all:
75 expected to be named, 38 expected None; 7 cases come with context documents.
"""

from eval.naming_texts import NamingCase

CASES: tuple[NamingCase, ...] = (
    # ------------------------------------------------------------------ English
    NamingCase(
        name="en_weekly_status_software",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, I think that's everyone who's coming. Tom's off today, so I'll "
                    "cover his items at the end."
                ),
            ),
            ("SPEAKER_00", "Um, Dave, do you want to kick off with the invoicing stuff?"),
            (
                "SPEAKER_01",
                (
                    "Sure. So the invoicing module is basically done, we've got 3 bugs left, "
                    "two are cosmetic."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "The third one is the rounding issue with VAT, which, you know, I want "
                    "to fix before we ship."
                ),
            ),
            ("SPEAKER_00", "Okay. When do you think that lands?"),
            ("SPEAKER_01", "Thursday, realistically. Friday if the test data is a mess again."),
            ("SPEAKER_00", "Fine. Thanks, Dave. Priya, how's the onboarding flow?"),
            (
                "SPEAKER_02",
                (
                    "Yeah, so I've finished the designs and I've started on the email "
                    "templates, but I'm blocked on copy from marketing."
                ),
            ),
            ("SPEAKER_02", "I pinged Laura twice last week, no answer yet."),
            ("SPEAKER_00", "I'll chase Laura after this. Anything else?"),
            ("SPEAKER_02", "No, that's it from me."),
            (
                "SPEAKER_03",
                (
                    "Sorry, can I jump in? The staging server ran out of disk again last "
                    "night, I cleared the logs but we need a proper fix."
                ),
            ),
            ("SPEAKER_00", "Yeah. Can you write a ticket for that and put it in the sprint?"),
            ("SPEAKER_03", "Will do. I'll put Tom on as reviewer, since it's his script."),
            (
                "SPEAKER_00",
                (
                    "Good. Okay, Tom's items. The backup migration is on hold until he's "
                    "back on Monday."
                ),
            ),
            ("SPEAKER_00", "That's it, thanks everyone."),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Dave",
            "SPEAKER_02": "Priya",
            "SPEAKER_03": None,
        },
        note=(
            "Chair hands turns by first name; absent Tom and talked-about Laura; "
            "chair and one dev stay unnamed."
        ),
    ),
    NamingCase(
        name="en_ward_handover",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                "Morning. It's Jenny, I'm on with the day team today. Shall we do bay one?",
            ),
            (
                "SPEAKER_01",
                (
                    "Yeah, morning. So bed 1, Mr. Hargreaves, 78, came in with a chest "
                    "infection, he's on IV antibiotics, next dose due at 10."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "He was a bit confused overnight, pulled his cannula out about 3 "
                    "o'clock, we re-sited it."
                ),
            ),
            ("SPEAKER_00", "Okay. Is Dr. Okafor reviewing him this morning?"),
            ("SPEAKER_01", "Yes, Dr. Okafor said she'd come by after the ward round."),
            ("SPEAKER_00", "Great. Bed 2?"),
            (
                "SPEAKER_01",
                "Bed 2 is Mrs. Lewis, she's for discharge today, waiting on pharmacy for her TTOs.",
            ),
            ("SPEAKER_02", "Sorry, should I do the obs for bay one first or bay two?"),
            ("SPEAKER_00", "Do bay one first, and then grab me before you start bay two."),
            ("SPEAKER_02", "Okay, no problem."),
            (
                "SPEAKER_01",
                (
                    "Um, bed 3 is empty, bed 4 is Mr. Singh, he's nil by mouth from midnight "
                    "for theatre."
                ),
            ),
            ("SPEAKER_00", "Right, that's bay one. Thanks, Marcus, go home and get some sleep."),
            ("SPEAKER_01", "Cheers, Jenny. See you tonight."),
        ),
        expected={"SPEAKER_00": "Jenny", "SPEAKER_01": "Marcus", "SPEAKER_02": None},
        note=(
            "Nursing handover: self-introduction and thanks by name; patients and "
            "absent doctor must not be used."
        ),
    ),
    NamingCase(
        name="en_parent_teacher",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Thanks for coming in, Mrs. Patel. I'm Mr. Lawson, I teach Arjun maths "
                    "and I'm also his form tutor."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Thank you for seeing me. I wanted to talk about his homework, he's been "
                    "really stressed."
                ),
            ),
            (
                "SPEAKER_00",
                "Of course. So, academically, he's doing well, he got 72 percent on the last test.",
            ),
            ("SPEAKER_00", "But he's missed about 4 homework deadlines this half term."),
            (
                "SPEAKER_01",
                (
                    "He says he doesn't understand the online platform. And his older "
                    "sister, Meera, she normally helps him, but she's away at uni now."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "That makes sense. We can get him a login session with Mrs. Cole in the "
                    "library, she runs those on Wednesdays."
                ),
            ),
            ("SPEAKER_01", "That would be good. Is it after school?"),
            ("SPEAKER_00", "Lunchtime, 12:30. I'll email you the details."),
            (
                "SPEAKER_01",
                (
                    "Okay. And, um, the other thing is the maths set, he's worried he'll be "
                    "moved down."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "No, no, there's no plan to move him. If anything, you know, he could go "
                    "up next year if the homework improves."
                ),
            ),
            ("SPEAKER_01", "Right. I'll tell him that, he'll be relieved."),
            ("SPEAKER_00", "Thank you, Mrs. Patel. Let's check in again after Easter."),
        ),
        expected={"SPEAKER_00": "Lawson", "SPEAKER_01": "Patel"},
        note=(
            "Title + surname only for both speakers; the pupil, his sister and the "
            "librarian are only talked about."
        ),
    ),
    NamingCase(
        name="en_law_client_call_invite",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Hi Graham, it's Rachel. I've got Owen on the line too, he's been doing "
                    "most of the work on the correspondence."
                ),
            ),
            ("SPEAKER_01", "Morning, Rachel. Thanks for setting this up so quickly."),
            (
                "SPEAKER_02",
                "Morning, Graham. Owen here. So, I've been through the landlord's latest letter.",
            ),
            (
                "SPEAKER_02",
                (
                    "In short, Dunmore Properties are saying the break clause wasn't validly "
                    "exercised because the notice went to the wrong address."
                ),
            ),
            (
                "SPEAKER_01",
                "But that's the address they gave us. It's on every invoice they've sent.",
            ),
            (
                "SPEAKER_02",
                (
                    "Right, and that helps us. The lease says notices go to the registered "
                    "office, um, but if they've been using the other address for, you know, "
                    "years, there's an argument."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "There is. I don't want to overstate it though. Graham, did anyone from "
                    "Dunmore ever tell you in writing to use the Mill Lane address?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "I think so. Their property manager, Mr. Sykes, emailed about it in "
                    "2019, I'd have to dig it out."
                ),
            ),
            (
                "SPEAKER_00",
                "That email could be really important. Could you send it to Owen today?",
            ),
            ("SPEAKER_01", "Yes, I'll look this afternoon."),
            (
                "SPEAKER_02",
                "And any invoices from them addressed from Mill Lane, the more the better.",
            ),
            (
                "SPEAKER_00",
                (
                    "Then I think our next step is a response letter, and Owen will draft it "
                    "by Friday."
                ),
            ),
            ("SPEAKER_01", "Okay. And the rent for April, do I pay it or not?"),
            (
                "SPEAKER_00",
                "Pay it, but under protest, we'll put that in writing. Don't stop paying.",
            ),
            ("SPEAKER_01", "Understood. Thanks both."),
        ),
        documents=(
            "Meeting invitation\n"
            "Subject: Call - Henley / Dunmore Properties lease dispute\n"
            "When: Tuesday 11 March, 09:30-10:00\n"
            "Organizer: Rachel Stein <r.stein@steinwebb.co.uk>\n"
            "Required: Graham Henley; Owen Price <o.price@steinwebb.co.uk>\n"
            "Dial-in details below.",
        ),
        expected={
            "SPEAKER_00": "Rachel Stein",
            "SPEAKER_01": "Graham Henley",
            "SPEAKER_02": "Owen Price",
        },
        note=(
            "Client call: first names in the text, full names from the invitation; "
            "landlord's manager is a trap."
        ),
    ),
    NamingCase(
        name="en_ngo_grant_planning",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, let's get going, we've got the foundation deadline on the 28th so "
                    "this is mostly about the budget."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Can I say something first? I think we're overpromising on the number of "
                    "schools. 40 schools in year one is not realistic with two field "
                    "officers."
                ),
            ),
            ("SPEAKER_00", "That's a fair point, Ruth. What would you put instead?"),
            ("SPEAKER_01", "25, maybe 30 if we get the second vehicle."),
            (
                "SPEAKER_02",
                (
                    "Hi, sorry, Femi here, I was stuck in the other meeting. Are we on the "
                    "school numbers?"
                ),
            ),
            ("SPEAKER_00", "We are. Ruth's suggesting 25 to 30."),
            (
                "SPEAKER_02",
                (
                    "I'd agree with that. Mr. Halvorsen from the foundation told me, um, "
                    "they prefer smaller and credible over big and vague."
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "If we drop to 30, the cost per school goes up, though, because the "
                    "training costs are fixed."
                ),
            ),
            ("SPEAKER_00", "How much by?"),
            (
                "SPEAKER_03",
                "Roughly from 1,200 to 1,600 dollars per school. I can redo the sheet tonight.",
            ),
            ("SPEAKER_01", "That's fine, we can justify it in the narrative."),
            ("SPEAKER_02", "And I'll call Halvorsen next week to test the idea before we submit."),
            (
                "SPEAKER_00",
                "Good. So 30 schools, revised budget tomorrow, and Femi talks to the foundation.",
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Ruth",
            "SPEAKER_02": "Femi",
            "SPEAKER_03": None,
        },
        note=(
            "Name given in a reply after the speaker's point, a late joiner names "
            "himself; funder is only talked about."
        ),
    ),
    NamingCase(
        name="en_newsroom_conference",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                "Right, morning all, let's do the budget for tomorrow. Kev, what's on the council?",
            ),
            (
                "SPEAKER_01",
                (
                    "So the big one is the car park vote. Councillor Sheila Marsh has "
                    "basically said she'll vote against her own group."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "She told me, quote, I'm not going to be the one who closes the town "
                    "centre, unquote. So that's a front page, I think."
                ),
            ),
            ("SPEAKER_00", "Could be. Have we got the council's response?"),
            ("SPEAKER_01", "Press office said they'll come back by 3."),
            (
                "SPEAKER_00",
                "Okay. Sport, Hannah's on leave so Luis, you're doing the Saturday preview?",
            ),
            (
                "SPEAKER_02",
                (
                    "Yeah, that's me. Um, I've got the manager at 2, and I'll do the, the "
                    "injury list and a table."
                ),
            ),
            ("SPEAKER_00", "Pictures for that?"),
            (
                "SPEAKER_03",
                (
                    "I can go down to the training ground at 11, but I need to be back for "
                    "the school awards at 1."
                ),
            ),
            ("SPEAKER_00", "Fine, do both. Who's on the line from court?"),
            (
                "SPEAKER_04",
                (
                    "Hi, it's Bea, can you hear me? The Hollins sentencing's been put back "
                    "to tomorrow, so nothing today."
                ),
            ),
            ("SPEAKER_00", "Okay, thanks Bea. So that frees up page 5."),
            ("SPEAKER_01", "I could do a longer piece on the car park, with the traders."),
            ("SPEAKER_00", "Do it, 600 words. Right, that's the list, back here at 4."),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Kev",
            "SPEAKER_02": "Luis",
            "SPEAKER_03": None,
            "SPEAKER_04": "Bea",
        },
        note=(
            "News meeting: a quoted councillor, a colleague on leave, a nickname, a "
            "reporter phoning in."
        ),
    ),
    NamingCase(
        name="en_one_to_one_probation",
        language="en",
        lines=(
            ("SPEAKER_00", "So, Chloe, you're just past three months now. How have you found it?"),
            (
                "SPEAKER_01",
                (
                    "Honestly, Martin, better than I expected. The first few weeks were a "
                    "lot, but the team's been really welcoming."
                ),
            ),
            ("SPEAKER_00", "Good. Anything that's been harder than it should be?"),
            (
                "SPEAKER_01",
                (
                    "Um, the CRM, mostly. Nobody really showed me how the pipeline stages "
                    "work, I sort of picked it up from Steve."
                ),
            ),
            ("SPEAKER_00", "Steve in sales?"),
            ("SPEAKER_01", "Yeah. He's been great, but he's not always around."),
            (
                "SPEAKER_00",
                "Okay, I'll book you a proper session with the vendor. What about workload?",
            ),
            (
                "SPEAKER_01",
                "It's fine. Maybe a bit heavy on Fridays because of the weekly reports.",
            ),
            (
                "SPEAKER_00",
                (
                    "We could move the reports to Thursday. I'll check with Angela, she's "
                    "the one who reads them."
                ),
            ),
            ("SPEAKER_01", "That would help, yeah."),
            (
                "SPEAKER_00",
                (
                    "And the probation review, I'm going to recommend we confirm you, so "
                    "that's good news."
                ),
            ),
            ("SPEAKER_01", "Oh, great. Thank you."),
            ("SPEAKER_00", "No, it's deserved. Let's do another one of these in a month."),
        ),
        expected={"SPEAKER_00": "Martin", "SPEAKER_01": "Chloe"},
        note="One-to-one where each speaker names the other; two colleagues are only talked about.",
    ),
    NamingCase(
        name="en_interview_panel_schedule",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Hi Samuel, thanks for coming in. I'm Laura, I manage the engineering "
                    "team, and this is Ben, who's one of the senior developers."
                ),
            ),
            ("SPEAKER_01", "Hi Samuel, nice to meet you."),
            ("SPEAKER_02", "Nice to meet you both. Thanks for having me."),
            (
                "SPEAKER_00",
                (
                    "So we'll do about half an hour of questions and then leave time for "
                    "yours. Could you start by telling us a bit about yourself?"
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Sure. So I finished my degree last summer, computer science, and since "
                    "then I've been doing a contract at a small agency, Brightwave, mostly "
                    "front end."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "My lead there, Nadia, um, got me into testing, so I did a lot of the "
                    "test setup for their main client."
                ),
            ),
            ("SPEAKER_01", "What did you use for testing?"),
            ("SPEAKER_02", "Jest for unit tests and Playwright for the end to end stuff."),
            (
                "SPEAKER_01",
                (
                    "Okay, and if a test is flaky, like passes sometimes and fails "
                    "sometimes, what do you do?"
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "First I'd try to reproduce it locally with the same seed, and then look "
                    "for timing issues, you know, things waiting on the network."
                ),
            ),
            ("SPEAKER_00", "Good. Last question from me, why this role?"),
            (
                "SPEAKER_02",
                (
                    "I want to work on a product rather than client projects, and I liked "
                    "what Ben wrote on your engineering blog about the migration."
                ),
            ),
            ("SPEAKER_01", "Ha, someone reads it. Thanks."),
            ("SPEAKER_00", "Okay, over to you, Samuel, any questions for us?"),
            ("SPEAKER_02", "Yes, what does the first month look like?"),
        ),
        documents=(
            "Interview schedule - Junior Developer (ref. JD-07)\n"
            "Date: Wednesday 19 March\n"
            "Room: Meeting room 2\n"
            "\n"
            "10:00-10:45  Samuel Adeyemi\n"
            "11:00-11:45  Rebecca Holt\n"
            "\n"
            "Panel: Laura Finch (Engineering Manager), Ben Cho (Senior Developer)\n"
            "Please send feedback to HR by end of day.",
        ),
        expected={
            "SPEAKER_00": "Laura Finch",
            "SPEAKER_01": "Ben Cho",
            "SPEAKER_02": "Samuel Adeyemi",
        },
        note=(
            "Panel interview: introductions by first name, surnames from the "
            "schedule; a later candidate is a trap."
        ),
    ),
    NamingCase(
        name="en_forwarded_email_read_out",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, next thing. We had an email from the council about the community "
                    "grant. Carl, can you read it out? I haven't got it in front of me."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Yeah, one sec. Right, so it's from Jessica Morton, the grants officer. "
                    "She says, Hi all, this is Jessica from the community fund team."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Following our call, I'm afraid the panel has asked for two more quotes "
                    "for the minibus before they can release the second payment. Best, "
                    "Jessica."
                ),
            ),
            ("SPEAKER_02", "Two more quotes? We sent three in January."),
            ("SPEAKER_01", "I know. I think they lost one of them, to be honest."),
            ("SPEAKER_00", "Can we just resend all three?"),
            (
                "SPEAKER_02",
                (
                    "We can, but one garage has closed since then, so that quote's, you "
                    "know, not valid anymore."
                ),
            ),
            (
                "SPEAKER_01",
                "I'll ring Jessica tomorrow and ask if two current ones plus the old one is okay.",
            ),
            ("SPEAKER_00", "Good. And copy in Mr. Ahmed from the trustees, he'll want to know."),
            ("SPEAKER_02", "I can get a new quote from the Ford dealer this week."),
            ("SPEAKER_00", "Great. Thanks, both."),
        ),
        expected={"SPEAKER_00": None, "SPEAKER_01": "Carl", "SPEAKER_02": None},
        note=(
            "A self-introduction inside an email read aloud belongs to the sender, not the reader."
        ),
    ),
    NamingCase(
        name="en_two_alexes_planning",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, welcome to the Q2 planning. We've got two Alexes in the room "
                    "today, so I'm going to use surnames to keep it simple."
                ),
            ),
            ("SPEAKER_00", "Brennan, do you want to start with the warehouse?"),
            (
                "SPEAKER_01",
                (
                    "Sure. So, uh, the warehouse move is on track for June, we've signed "
                    "with the removal firm and IT are doing the network the week before."
                ),
            ),
            ("SPEAKER_00", "Any risks?"),
            ("SPEAKER_01", "The forklift lease. It ends in May and the new one isn't signed yet."),
            ("SPEAKER_00", "Okay. Kim, the website relaunch?"),
            (
                "SPEAKER_02",
                (
                    "Yep. So design is signed off, the agency is building, and we should be "
                    "in testing by mid May."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "The big dependency is the product photos, which we need from the "
                    "warehouse, so that kind of links to Brennan's move."
                ),
            ),
            (
                "SPEAKER_01",
                "We can do the photos before we pack, if you give me a list by end of April.",
            ),
            ("SPEAKER_02", "Deal. I'll send it Friday."),
            (
                "SPEAKER_03",
                (
                    "Can I just add, finance needs both budgets by the 15th, otherwise they "
                    "don't make the board pack."
                ),
            ),
            ("SPEAKER_00", "Noted. Both Alexes, budgets to finance by the 15th."),
            ("SPEAKER_01", "Fine."),
            ("SPEAKER_02", "Yep."),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Alex Brennan",
            "SPEAKER_02": "Alex Kim",
            "SPEAKER_03": None,
        },
        note=(
            "Two speakers share a first name and are addressed by surname; each must "
            "get a distinct name."
        ),
    ),
    NamingCase(
        name="en_school_staff_meeting",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Okay, let's start, it's ten past. Three things today, the Year 9 trip, "
                    "the exam timetable and a safeguarding update."
                ),
            ),
            ("SPEAKER_00", "David, the trip?"),
            (
                "SPEAKER_01",
                (
                    "Yes, so we've got 54 students signed up for the Cardiff trip, consent "
                    "forms are back for all but 6."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "We still need one more member of staff, because with 54 we need five "
                    "adults, and at the moment it's me, Sarah, and two TAs."
                ),
            ),
            ("SPEAKER_00", "I can ask around. Exam timetable, Kemi?"),
            (
                "SPEAKER_02",
                (
                    "So the mocks timetable is out on Monday. The big change is science is "
                    "moving to the sports hall because the hall's booked for the, um, the "
                    "production."
                ),
            ),
            ("SPEAKER_03", "Does that mean PE lessons are cancelled that week?"),
            ("SPEAKER_02", "Only for Year 11, the others can use the field if it's dry."),
            ("SPEAKER_03", "Okay, I'll tell the department."),
            (
                "SPEAKER_00",
                (
                    "Thanks. Safeguarding. Lorraine's sent her apologies, she's at a "
                    "training day, so I'll read her update."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "She says, please remember all concerns go on the system the same day, "
                    "not on paper, and the new deputy DSL is Mr. Hughes from September."
                ),
            ),
            ("SPEAKER_03", "Is Mr. Hughes the one from the science department?"),
            ("SPEAKER_00", "That's right. Okay, any other business?"),
            (
                "SPEAKER_01",
                "Just, if anyone wants to come to Cardiff, see me, it's a good day out, honestly.",
            ),
            ("SPEAKER_00", "Thanks David. Right, that's it."),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "David",
            "SPEAKER_02": "Kemi",
            "SPEAKER_03": None,
        },
        note=(
            "Staff meeting: agenda items handed by first name; the chair reads an "
            "absent colleague's update."
        ),
    ),
    NamingCase(
        name="en_mdt_attendance_sheet",
        language="en",
        lines=(
            ("SPEAKER_00", "Okay, shall we start with bed 12. Yusuf, you saw her yesterday?"),
            (
                "SPEAKER_01",
                (
                    "Yes, so this is Mrs. Allen, 87, admitted after a fall at home, no "
                    "fracture, but she's quite deconditioned."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Bloods are better, the infection's settled, so medically I think she's "
                    "nearly fit for discharge."
                ),
            ),
            ("SPEAKER_00", "Okay. How is she on her feet?"),
            (
                "SPEAKER_02",
                (
                    "From a physio point of view, she's walking with a frame, about 10 "
                    "metres, but she needs someone with her on the stairs."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "She's got 14 stairs at home and the bathroom's upstairs, so I'm not "
                    "happy for her to go home yet."
                ),
            ),
            ("SPEAKER_00", "Fair. And what's the home situation?"),
            (
                "SPEAKER_03",
                (
                    "I spoke to her daughter yesterday, she lives in Leeds, so she can't be "
                    "there every day. From the social work side I'd be looking at a package "
                    "of care, maybe four calls a day."
                ),
            ),
            ("SPEAKER_00", "Can that be in place by next week? We really need the bed."),
            ("SPEAKER_03", "Realistically 10 days, the agencies are stretched."),
            (
                "SPEAKER_02",
                (
                    "Fiona, I know you want the bed, but I'd want another week of therapy "
                    "anyway, so the timing works."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Ha, I always want the bed. Okay, good. Peter's sent apologies but asked "
                    "us to flag that she'll need a commode and a perching stool, so can "
                    "someone refer to OT?"
                ),
            ),
            ("SPEAKER_01", "I'll do the referral this afternoon."),
            ("SPEAKER_00", "Thanks. Next one, bed 14."),
        ),
        documents=(
            "Ward 7 Multidisciplinary Team Meeting\n"
            "Date: 14/03\n"
            "Attendance:\n"
            "- Dr Fiona Rankin, Consultant Geriatrician (chair)\n"
            "- Dr Yusuf Malik, Specialty Registrar\n"
            "- Claire Dobson, Physiotherapist\n"
            "- Ellen Shaw, Social Worker\n"
            "Apologies: Peter Quinn (Occupational Therapy)",
        ),
        expected={
            "SPEAKER_00": "Fiona Rankin",
            "SPEAKER_01": "Yusuf Malik",
            "SPEAKER_02": "Claire Dobson",
            "SPEAKER_03": "Ellen Shaw",
        },
        note=(
            "Two speakers are nameable only by their stated role matched to the "
            "attendance sheet; apologies are a trap."
        ),
    ),
    NamingCase(
        name="en_ngo_board_prep_silent",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                "Hi everyone, can you all hear me? Is Grace on the call? Grace, are you there?",
            ),
            (
                "SPEAKER_00",
                "Okay, looks like she's dropped off. We'll carry on and I'll fill her in.",
            ),
            (
                "SPEAKER_01",
                "Sorry, it's Moses, I'm on my mobile, I'm in the car, so I'll stay on mute mostly.",
            ),
            (
                "SPEAKER_00",
                (
                    "No problem, Moses. So, the board meeting is on the 20th and we need the "
                    "annual report draft and the risk register."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "The annual report is about 80 percent there. I'm waiting on the case "
                    "studies from the Kisumu office."
                ),
            ),
            ("SPEAKER_00", "Who's doing those?"),
            ("SPEAKER_02", "Esther is collecting them, she said by Wednesday."),
            (
                "SPEAKER_01",
                (
                    "On the risk register, the currency risk has gone up, the shilling "
                    "dropped again this month, so I'd move it to high."
                ),
            ),
            ("SPEAKER_00", "Agreed. Can you update it?"),
            ("SPEAKER_01", "Yes, when I'm back at my desk, tonight probably."),
            ("SPEAKER_02", "And should we mention the audit finding? The board will ask."),
            (
                "SPEAKER_00",
                (
                    "Yes, be upfront about it. Grace wrote a response to the auditors, I'll "
                    "forward that."
                ),
            ),
            ("SPEAKER_02", "Okay, I'll put a short paragraph in."),
            ("SPEAKER_00", "Great, that's all. Thanks, both."),
        ),
        expected={"SPEAKER_00": None, "SPEAKER_01": "Moses", "SPEAKER_02": None},
        note="A name called out to someone who never answers must not go to the next speaker.",
    ),
    NamingCase(
        name="en_print_client_call",
        language="en",
        lines=(
            ("SPEAKER_00", "Hi, is that Dana? It's Phil from Kestrel Print."),
            ("SPEAKER_01", "Yes, speaking. Hi Phil, thanks for calling back."),
            (
                "SPEAKER_00",
                (
                    "No worries. So I've got your spec for the brochures here. 2,000 copies, "
                    "A5, 24 pages."
                ),
            ),
            (
                "SPEAKER_01",
                "That's right. I've also got my colleague on the line, she handles procurement.",
            ),
            ("SPEAKER_02", "Hi, yes, I'm on. I mainly wanted to ask about payment terms."),
            ("SPEAKER_00", "Sure, we normally do 30 days for new customers."),
            (
                "SPEAKER_02",
                (
                    "Okay, we'd need 45, that's our policy, otherwise it has to go to Mr. "
                    "Whitfield, our MD, for sign off."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "I think we can do 45 on this order. I'll check with my manager, Gail, "
                    "but it shouldn't be a problem."
                ),
            ),
            ("SPEAKER_01", "Great. And the timing, we need them by the 3rd for the trade show."),
            ("SPEAKER_00", "If you sign off the proofs by Monday, we can deliver on the 1st."),
            ("SPEAKER_01", "Perfect. I'll get the final files over today."),
            (
                "SPEAKER_02",
                "And please send the quote to the procurement inbox, not to me personally.",
            ),
            ("SPEAKER_00", "Will do. Thanks Dana, speak soon."),
        ),
        expected={"SPEAKER_00": "Phil", "SPEAKER_01": "Dana", "SPEAKER_02": None},
        note=(
            "Supplier call: caller and client named, the client's unnamed colleague "
            "stays None; managers talked about."
        ),
    ),
    NamingCase(
        name="en_reporter_bakery_interview",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Hi, thanks for making time. I'm Nina Kowalski from the Valley Echo, we "
                    "spoke on the phone."
                ),
            ),
            ("SPEAKER_01", "Yes, hello, come in, come in. Mind the flour."),
            (
                "SPEAKER_00",
                "Ha. So just for the record, could you give me your name and how you spell it?",
            ),
            (
                "SPEAKER_01",
                "Gareth, G-A-R-E-T-H, Lloyd, two Ls. And the bakery is Lloyd and Daughter.",
            ),
            ("SPEAKER_00", "And the daughter is?"),
            (
                "SPEAKER_01",
                (
                    "Cerys. She's doing the early shift, so she's asleep now, she'd kill me "
                    "if I woke her."
                ),
            ),
            ("SPEAKER_00", "Ha, fair enough. So, um, how long has the bakery been here?"),
            ("SPEAKER_01", "My grandfather opened it in 1962, so, you know, over 60 years now."),
            (
                "SPEAKER_00",
                (
                    "And you're closing the shop in the high street but keeping the bakery, "
                    "is that right?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "That's right. The rent went up by 40 percent, and we just, we couldn't "
                    "make it work, so we'll do wholesale and a market stall on Saturdays."
                ),
            ),
            ("SPEAKER_00", "How do your regulars feel about it?"),
            (
                "SPEAKER_01",
                (
                    "Some of them are upset. Mrs. Pritchard came in yesterday and cried, "
                    "honestly. She's been buying her bread here for 30 years."
                ),
            ),
            ("SPEAKER_00", "Would she talk to me, do you think?"),
            ("SPEAKER_01", "Oh, she'd love to. I'll give you her number."),
        ),
        expected={"SPEAKER_00": "Nina Kowalski", "SPEAKER_01": "Gareth Lloyd"},
        note=(
            "Newspaper interview: full self-introduction and a spelled-out name "
            "split by commas; family and customer talked about."
        ),
    ),
    NamingCase(
        name="en_law_org_chart",
        language="en",
        lines=(
            ("SPEAKER_00", "Okay, the Marston case. Tobias, where are we on disclosure?"),
            (
                "SPEAKER_01",
                (
                    "We've had about 3,000 documents from the other side, mostly emails. "
                    "We've done a first pass on about half."
                ),
            ),
            ("SPEAKER_00", "That's slower than I'd like. Trial's in September."),
            ("SPEAKER_01", "I know. Daniel's on leave until the 24th, which doesn't help."),
            (
                "SPEAKER_02",
                (
                    "If it helps, I can take over the indexing. As the only paralegal on the "
                    "team, the bundles are going to be on me anyway, so I'd rather start now."
                ),
            ),
            (
                "SPEAKER_00",
                "Yes, please do. Tobias, can you give her access to the review platform today?",
            ),
            ("SPEAKER_01", "Sure, I'll set that up after this."),
            ("SPEAKER_00", "And the witness statements. Has anyone spoken to Mr. Osei?"),
            (
                "SPEAKER_01",
                "Not yet, he's travelling, back on Monday. I've got a call in with his assistant.",
            ),
            (
                "SPEAKER_00",
                (
                    "Let's prioritise him, he's the key witness. I'll sign off the draft "
                    "myself, as the partner on the file, before it goes to the client."
                ),
            ),
            ("SPEAKER_02", "Shall I book a room for the proofing session?"),
            ("SPEAKER_00", "Yes, the big one on the 4th floor, if it's free."),
            ("SPEAKER_01", "I'll send round a timetable tonight."),
        ),
        documents=(
            "Litigation & Disputes group - team structure (extract)\n"
            "Partner: Helen Carraway\n"
            "Senior Associate: Tobias Reed\n"
            "Associates: Meera Joshi, Daniel Fox\n"
            "Trainee: Kieran Walsh\n"
            "Paralegal: Sophie Lam\n"
            "Team secretary: Joan Bell",
        ),
        expected={
            "SPEAKER_00": "Helen Carraway",
            "SPEAKER_01": "Tobias Reed",
            "SPEAKER_02": "Sophie Lam",
        },
        note=(
            "Org chart extract: one speaker addressed by first name, two identified "
            "only by the unique role they state."
        ),
    ),
    NamingCase(
        name="en_campaign_planning_no_names",
        language="en",
        lines=(
            (
                "SPEAKER_00",
                "Okay, so the summer campaign. Did anyone hear back from Kate about the budget?",
            ),
            ("SPEAKER_01", "I spoke to Kate yesterday. She said she can give us 10k, not 15."),
            ("SPEAKER_02", "That's going to hurt the video side. Rob's deck assumed 15."),
            ("SPEAKER_00", "Can we cut the second shoot?"),
            (
                "SPEAKER_02",
                (
                    "We could, but then we've only got the one location, and, you know, the "
                    "whole idea was the contrast between the two."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "What if we ask Rob to reuse footage from last year's shoot? Some of "
                    "it's never been used."
                ),
            ),
            ("SPEAKER_00", "I like that. I'll message Rob after this."),
            ("SPEAKER_02", "And the influencer thing, is that still on?"),
            (
                "SPEAKER_01",
                (
                    "Mel said her agent wants a contract by the end of the month, so we need "
                    "legal to look at it."
                ),
            ),
            ("SPEAKER_00", "Okay, I'll ask Jordan in legal, he did the last one."),
            ("SPEAKER_02", "Just make sure he knows it's urgent, last time it took three weeks."),
            (
                "SPEAKER_00",
                "Noted. So, 10k budget, one shoot plus archive, contract to Jordan. Anything else?",
            ),
            ("SPEAKER_01", "No, I think that's it."),
        ),
        expected={"SPEAKER_00": None, "SPEAKER_01": None, "SPEAKER_02": None},
        note="Many names, all of absent people; nobody present is named.",
    ),
    # ------------------------------------------------------------------- French
    NamingCase(
        name="fr_point_hebdo_commandes",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bon, on commence, il est 9 heures. Karim est en congé cette semaine, "
                    "donc on fera sans lui."
                ),
            ),
            ("SPEAKER_00", "Julien, tu veux faire le point sur les commandes ?"),
            (
                "SPEAKER_01",
                (
                    "Oui. Alors, euh, on a eu 142 commandes la semaine dernière, c'est un "
                    "peu en dessous du mois dernier."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Et on a deux retours sur la gamme inox, des problèmes de soudure, j'ai "
                    "remonté au fournisseur."
                ),
            ),
            ("SPEAKER_00", "D'accord. Le fournisseur a répondu ?"),
            ("SPEAKER_01", "Pas encore, j'ai relancé hier."),
            ("SPEAKER_00", "Ok. Merci Julien. Sandrine, côté compta ?"),
            (
                "SPEAKER_02",
                (
                    "Alors côté compta, on a trois factures impayées de plus de 60 jours, "
                    "dont une de chez Batimat pour 4 800 euros."
                ),
            ),
            (
                "SPEAKER_02",
                "J'ai envoyé une relance, si rien d'ici vendredi je passe par le recouvrement.",
            ),
            (
                "SPEAKER_03",
                (
                    "Pour Batimat, je connais bien leur acheteur, je peux l'appeler si tu "
                    "veux, ça ira peut-être plus vite."
                ),
            ),
            ("SPEAKER_02", "Oui, volontiers, ça m'arrange."),
            (
                "SPEAKER_00",
                (
                    "Très bien. Autre chose ? Non ? Bon, on se revoit mardi prochain, et je "
                    "ferai un mail à Karim pour le résumé."
                ),
            ),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Julien",
            "SPEAKER_02": "Sandrine",
            "SPEAKER_03": None,
        },
        note=(
            "Point hebdo : tours de parole par prénom, un absent en congé, un "
            "intervenant jamais nommé."
        ),
    ),
    NamingCase(
        name="fr_transmissions_soins",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour à tous, c'est Élodie, je prends le poste de jour. Vas-y "
                    "Fabrice, je t'écoute."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Salut. Alors chambre 12, Mme Rousseau, 82 ans, elle a bien dormi, pas "
                    "de douleur, la tension est bonne."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Elle sort normalement demain si le docteur Benali est d'accord, il "
                    "passe vers 11 heures."
                ),
            ),
            ("SPEAKER_00", "D'accord. Et la 14 ?"),
            (
                "SPEAKER_01",
                (
                    "La 14, M. Lefèvre, il a été agité vers 2 heures, il a arraché sa perf, "
                    "on l'a reposée."
                ),
            ),
            (
                "SPEAKER_01",
                "Euh, la famille a appelé ce matin, sa fille veut être rappelée par le médecin.",
            ),
            (
                "SPEAKER_02",
                "Je fais les toilettes de quel côté en premier, le côté pair ou impair ?",
            ),
            (
                "SPEAKER_00",
                "Commence par les impairs, et tu m'appelles pour M. Lefèvre, on le lèvera à deux.",
            ),
            ("SPEAKER_02", "D'accord, pas de souci."),
            (
                "SPEAKER_01",
                (
                    "Et la 16, c'est une entrée de cette nuit, Mme Da Silva, chute à "
                    "domicile, bilan en cours, elle est à jeun pour le scanner."
                ),
            ),
            ("SPEAKER_00", "Ok, c'est noté. Merci Fabrice, file te reposer."),
            ("SPEAKER_01", "Merci, bonne journée Élodie."),
        ),
        expected={"SPEAKER_00": "Élodie", "SPEAKER_01": "Fabrice", "SPEAKER_02": None},
        note=(
            "Transmissions infirmières : patients et médecin cités à ne pas "
            "attribuer, aide-soignante anonyme."
        ),
    ),
    NamingCase(
        name="fr_conseil_de_classe",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonsoir à tous, on commence le conseil de classe de la 4e B. Madame "
                    "Girard, vous êtes professeure principale, je vous laisse la parole."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Merci. Alors c'est une classe agréable, mais assez bavarde, avec une "
                    "moyenne générale de 12,4."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Quelques élèves en difficulté, notamment Lucas Martin, qui a beaucoup "
                    "d'absences ce trimestre."
                ),
            ),
            ("SPEAKER_00", "Monsieur Haddad, en mathématiques, le même constat ?"),
            (
                "SPEAKER_02",
                (
                    "Oui, globalement. Le niveau est correct, mais le travail à la maison "
                    "n'est pas fait, euh, par un tiers de la classe à peu près."
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "Moi c'est Théo, je suis délégué. Les élèves trouvent que les devoirs en "
                    "maths tombent souvent le même jour que ceux de français."
                ),
            ),
            ("SPEAKER_02", "C'est possible, je peux regarder avec ma collègue de français."),
            (
                "SPEAKER_04",
                (
                    "Bonsoir, je suis déléguée des parents, je suis la maman de Chloé. Les "
                    "parents m'ont posé la question du voyage en Espagne, est-ce qu'il est "
                    "maintenu ?"
                ),
            ),
            (
                "SPEAKER_00",
                "Oui, il est maintenu, les informations partiront la semaine prochaine.",
            ),
            (
                "SPEAKER_01",
                "Pour Lucas, je propose qu'on le convoque avec ses parents, avant les vacances.",
            ),
            ("SPEAKER_00", "D'accord. Et pour Inès, les félicitations ?"),
            ("SPEAKER_01", "Oui, félicitations pour Inès, elle a 17 de moyenne."),
            (
                "SPEAKER_03",
                (
                    "Et est-ce qu'on peut avoir les encouragements pour Yanis, il a beaucoup "
                    "progressé ?"
                ),
            ),
            ("SPEAKER_00", "On va le proposer. Bien, on passe aux cas individuels."),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Girard",
            "SPEAKER_02": "Haddad",
            "SPEAKER_03": "Théo",
            "SPEAKER_04": None,
        },
        note=(
            "Conseil de classe : civilité + nom seulement, élèves cités, mère "
            "déléguée identifiée par son enfant seulement."
        ),
    ),
    NamingCase(
        name="fr_succession_invitation",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour Monsieur, bonjour Madame, installez-vous. Je suis maître "
                    "Lebrun, et voici mon collaborateur, Hugo Marchand, qui suivra aussi le "
                    "dossier."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Bonjour maître. C'est moi qui vous ai appelée la semaine dernière, "
                    "Patrick Mercier. Ma sœur a pu venir aussi."
                ),
            ),
            (
                "SPEAKER_02",
                "Bonjour. Oui, Sylvie, je suis la sœur de Patrick. Enfin, vous l'aviez compris.",
            ),
            (
                "SPEAKER_00",
                (
                    "Très bien. Alors, je rappelle le contexte : votre père, Jean Mercier, "
                    "est décédé en décembre, et il avait rédigé un testament en 2015."
                ),
            ),
            ("SPEAKER_01", "Oui, c'est ça, chez son notaire, maître Aubry."),
            ("SPEAKER_00", "Le problème, si j'ai bien compris, c'est la maison de Saint-Malo."),
            (
                "SPEAKER_02",
                (
                    "Voilà. Le testament la laisse à Patrick, mais moi j'ai payé une partie "
                    "des travaux de la toiture, presque 20 000 euros, et je pense que ça "
                    "doit être pris en compte."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Je ne dis pas le contraire, hein, mais papa a toujours dit que la "
                    "maison c'était pour moi."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Il faut distinguer deux choses. D'un côté la validité du testament, et "
                    "de l'autre les sommes que vous avez avancées, madame, qui peuvent être "
                    "une créance sur la succession."
                ),
            ),
            ("SPEAKER_02", "Ça veut dire que je peux récupérer l'argent ?"),
            (
                "SPEAKER_00",
                "Potentiellement, oui, si vous avez des justificatifs, factures, virements.",
            ),
            ("SPEAKER_02", "J'ai tout gardé."),
            (
                "SPEAKER_00",
                (
                    "Parfait. Alors on va demander le dossier à maître Aubry et on se revoit "
                    "dans trois semaines."
                ),
            ),
        ),
        documents=(
            "Invitation : Rendez-vous succession MERCIER\n"
            "Date : jeudi 6 mars, 14h30\n"
            "Lieu : Cabinet Lebrun & Associés, salle 2\n"
            "Organisateur : Anne-Sophie Lebrun\n"
            "Participants : Patrick Mercier ; Sylvie Mercier-Duval ; Hugo Marchand",
        ),
        expected={
            "SPEAKER_00": "Anne-Sophie Lebrun",
            "SPEAKER_01": "Patrick Mercier",
            "SPEAKER_02": "Sylvie Mercier-Duval",
        },
        note=(
            "RDV client avocat : noms complets via l'invitation ; le collaborateur "
            "présenté reste muet, le défunt et le notaire sont cités."
        ),
    ),
    NamingCase(
        name="fr_ong_ordre_du_jour",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour à tous, on a pas mal de choses, donc je propose qu'on attaque. "
                    "Premier point, le bilan de la mission. Aminata, c'est à toi."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Merci. Alors, euh, la mission s'est bien passée dans l'ensemble, on a "
                    "pu visiter 11 villages sur les 14 prévus."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Les trois autres, c'était impossible à cause de la route, avec les "
                    "pluies, donc on les reporte à octobre."
                ),
            ),
            ("SPEAKER_02", "Et les forages, ils sont tous opérationnels ?"),
            (
                "SPEAKER_01",
                "Sept sur neuf. Les deux autres attendent une pièce qui arrive de Dakar.",
            ),
            (
                "SPEAKER_00",
                (
                    "D'accord, merci Aminata. Deuxième point, le budget. Laurent n'a pas pu "
                    "se connecter, il m'a envoyé ses chiffres, je vous les lis."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Il dit : on est à 68 pour cent de consommation à fin mai, donc dans les "
                    "clous, mais attention au poste transport qui dépasse de 12 pour cent."
                ),
            ),
            ("SPEAKER_02", "Ça c'est à cause du carburant, ça a encore augmenté."),
            ("SPEAKER_00", "Oui. Point trois, le recrutement."),
            (
                "SPEAKER_03",
                (
                    "Oui alors, pour le recrutement des volontaires, c'est moi qui porte ce "
                    "point. On a reçu 46 candidatures, j'en ai retenu 12 pour les entretiens."
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "Les entretiens auront lieu la semaine du 16, j'aurais besoin de "
                    "quelqu'un avec moi pour les faire."
                ),
            ),
            ("SPEAKER_02", "Je peux me libérer le mardi et le mercredi."),
            ("SPEAKER_03", "Parfait, merci."),
            (
                "SPEAKER_00",
                "Très bien. Questions diverses ? Non ? Alors on s'arrête là, merci à tous.",
            ),
        ),
        documents=(
            "Réunion programmes – mardi 3 juin – 10h (visio)\n"
            "Ordre du jour :\n"
            "1. Bilan de la mission Sahel – Aminata Diallo\n"
            "2. Budget T3 – Laurent Petit\n"
            "3. Recrutement des volontaires – Claire Vasseur\n"
            "4. Questions diverses",
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Aminata Diallo",
            "SPEAKER_02": None,
            "SPEAKER_03": "Claire Vasseur",
        },
        note=(
            "Ordre du jour avec porteurs : une intervenante identifiée par le point "
            "qu'elle porte ; le porteur absent est lu par l'animateur."
        ),
    ),
    NamingCase(
        name="fr_conference_de_redaction",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                "Bon, on fait le tour pour l'édition de demain. Nathalie, ta page locale ?",
            ),
            (
                "SPEAKER_01",
                (
                    "Alors j'ai le conseil municipal d'hier soir. Le maire, Gérard Lemoine, "
                    "a été très attaqué sur le budget de la piscine."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "À la fin il a dit, je cite : « Je suis Gérard Lemoine, je suis maire de "
                    "cette ville et je ne démissionnerai pas. » Ça peut faire un titre."
                ),
            ),
            ("SPEAKER_00", "Ça fait un bon titre, oui. Tu as la réaction de l'opposition ?"),
            ("SPEAKER_01", "Oui, j'ai eu Mme Perret au téléphone ce matin."),
            (
                "SPEAKER_02",
                (
                    "Pour ceux qui ne me connaissent pas encore, je m'appelle Yanis, je suis "
                    "le nouveau stagiaire. J'ai fait le papier sur la fête de l'école, il "
                    "fait 2 000 signes."
                ),
            ),
            ("SPEAKER_00", "Bienvenue Yanis. Il faudra le couper à 1 500, la page est serrée."),
            ("SPEAKER_02", "D'accord, pas de problème."),
            (
                "SPEAKER_03",
                (
                    "Pour les photos, j'ai celles du conseil, et je vais au marché de Noël "
                    "cet après-midi."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Parfait. Et les sports, François est malade, donc on reprend les "
                    "résultats de l'agence."
                ),
            ),
            ("SPEAKER_03", "Je peux passer au match de hand samedi si vous voulez des photos."),
            ("SPEAKER_00", "Oui, fais ça. Bon, bouclage à 18 heures, comme d'habitude."),
        ),
        expected={
            "SPEAKER_00": None,
            "SPEAKER_01": "Nathalie",
            "SPEAKER_02": "Yanis",
            "SPEAKER_03": None,
        },
        note=(
            "Conférence de rédaction : autoprésentation citée d'un maire (piège), "
            "stagiaire qui se présente, collègue malade."
        ),
    ),
    NamingCase(
        name="fr_entretien_annuel",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bon, Marion, on fait ton entretien annuel. Tu as eu le temps de remplir "
                    "la grille ?"
                ),
            ),
            ("SPEAKER_01", "Oui, je te l'ai renvoyée hier soir, Stéphane. Tu l'as reçue ?"),
            ("SPEAKER_00", "Oui, merci. Alors, pour commencer, comment tu vois ton année ?"),
            (
                "SPEAKER_01",
                (
                    "Plutôt positive. Le projet de migration était lourd, mais on l'a livré "
                    "dans les temps, euh, à deux semaines près."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Par contre, j'ai trouvé difficile la période où Bertrand est parti, "
                    "parce que j'ai récupéré tous ses clients sans vraiment de passation."
                ),
            ),
            ("SPEAKER_00", "Oui, je sais, ça a été mal géré, et c'est en partie de ma faute."),
            ("SPEAKER_00", "Pour l'année prochaine, qu'est-ce que tu aimerais ?"),
            (
                "SPEAKER_01",
                (
                    "J'aimerais passer cheffe de projet. Et suivre une formation en gestion, "
                    "si c'est possible."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "La formation, c'est faisable, on a du budget. Pour le poste, il faut "
                    "que j'en parle avec Mme Roussel, à la direction."
                ),
            ),
            ("SPEAKER_01", "D'accord. Et au niveau de la rémunération ?"),
            (
                "SPEAKER_00",
                (
                    "Je vais proposer une augmentation, mais je ne peux rien te promettre "
                    "avant la commission de mars."
                ),
            ),
            ("SPEAKER_01", "Je comprends. Merci en tout cas."),
            ("SPEAKER_00", "Merci à toi Marion, vraiment, tu as fait du bon boulot cette année."),
        ),
        expected={"SPEAKER_00": "Stéphane", "SPEAKER_01": "Marion"},
        note=(
            "Entretien individuel : chacun nomme l'autre ; ancien collègue et "
            "directrice seulement cités."
        ),
    ),
    NamingCase(
        name="fr_entretien_embauche",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour madame Fontaine, asseyez-vous, je vous en prie. Je suis "
                    "Véronique Blanc, je suis la DRH, et voici Monsieur Roche, responsable "
                    "des services généraux."
                ),
            ),
            ("SPEAKER_01", "Bonjour, merci de me recevoir."),
            (
                "SPEAKER_00",
                (
                    "Monsieur Roche va d'abord vous présenter le poste, et ensuite on "
                    "parlera de votre parcours."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Oui, bonjour. Alors le poste, c'est un poste d'assistante "
                    "administrative dans mon équipe, on est cinq, on gère les bâtiments, les "
                    "contrats de maintenance, les achats de fournitures."
                ),
            ),
            ("SPEAKER_02", "C'est un CDI, 35 heures, avec un peu de flexibilité le vendredi."),
            ("SPEAKER_01", "D'accord. Et il y a du travail sur des logiciels en particulier ?"),
            (
                "SPEAKER_02",
                "Surtout Excel et notre logiciel de gestion des achats, mais on forme en interne.",
            ),
            ("SPEAKER_00", "Parlez-nous de votre parcours, madame Fontaine."),
            (
                "SPEAKER_01",
                (
                    "Alors, j'ai fait un BTS assistant de gestion, et ensuite j'ai travaillé "
                    "quatre ans dans une agence immobilière, à Nantes."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Là-bas je gérais les dossiers des locataires, les états des lieux, et, "
                    "euh, les relations avec les syndics."
                ),
            ),
            ("SPEAKER_00", "Pourquoi vouloir quitter cette agence ?"),
            (
                "SPEAKER_01",
                (
                    "L'agence a été rachetée, et mon responsable, M. Garnier, est parti, "
                    "donc l'ambiance a beaucoup changé."
                ),
            ),
            ("SPEAKER_02", "Vous seriez disponible quand ?"),
            ("SPEAKER_01", "Avec le préavis, début mai."),
            ("SPEAKER_00", "Très bien, on vous recontacte d'ici la fin de la semaine."),
        ),
        expected={"SPEAKER_00": "Véronique Blanc", "SPEAKER_01": "Fontaine", "SPEAKER_02": "Roche"},
        note=(
            "Entretien d'embauche : nom complet pour la DRH, civilité + nom pour la "
            "candidate et le responsable ; ancien chef cité."
        ),
    ),
    NamingCase(
        name="fr_mail_mairie_lu",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Point suivant, on a reçu un mail de la mairie pour la salle des fêtes. "
                    "Je vous le lis."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Alors : « Bonjour, c'est Isabelle Caron, du service des associations. "
                    "Suite à notre échange, je vous confirme que la salle ne sera pas "
                    "disponible le 14 juin. »"
                ),
            ),
            (
                "SPEAKER_00",
                "« Je peux vous proposer le 21 ou le 28. Bien cordialement, Isabelle Caron. »",
            ),
            (
                "SPEAKER_01",
                "Le 21 c'est la fête de la musique, ça va être compliqué avec le bruit.",
            ),
            ("SPEAKER_02", "Le 28, beaucoup de familles seront déjà parties en vacances, non ?"),
            ("SPEAKER_01", "Pas tant que ça, les écoles finissent le 4 juillet cette année."),
            ("SPEAKER_00", "Bon, on penche pour le 28 alors. Qui répond à Mme Caron ?"),
            (
                "SPEAKER_02",
                "Je peux le faire, je la connais un peu, on était ensemble au conseil d'école.",
            ),
            ("SPEAKER_00", "Parfait. Et tu mets Gilles en copie, c'est lui qui gère la buvette."),
            ("SPEAKER_02", "Ça marche."),
            ("SPEAKER_01", "Et il faudra prévenir le traiteur, il avait bloqué le 14."),
            ("SPEAKER_00", "Oui, je m'en occupe. Bon, on passe aux adhésions."),
        ),
        expected={"SPEAKER_00": None, "SPEAKER_01": None, "SPEAKER_02": None},
        note=(
            "Mail lu à voix haute contenant « c'est Isabelle Caron » : le lecteur "
            "n'est pas l'expéditrice ; personne n'est nommé."
        ),
    ),
    NamingCase(
        name="fr_deux_nicolas_salon",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bon, on fait le point sur la commande du salon. Nicolas, tu as vu le "
                    "fournisseur de stands ?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Oui, je l'ai vu jeudi. Ils peuvent nous faire le stand de 18 mètres "
                    "carrés, livraison le 2, montage le 3."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Parfait. Et côté logistique, Nicolas Berger a dit quoi pour le "
                    "transport des machines ?"
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Nicolas Berger, je ne l'ai pas eu, il était en déplacement. Je lui ai "
                    "laissé un message."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Bonjour, pardon pour le retard. Moi c'est Agnès, je remplace Paul "
                    "aujourd'hui, il est en rendez-vous client."
                ),
            ),
            ("SPEAKER_00", "Bienvenue Agnès. On parlait du transport des machines pour le salon."),
            (
                "SPEAKER_02",
                (
                    "Paul m'a dit que le devis du transporteur était arrivé, 2 300 euros "
                    "hors taxes, aller-retour."
                ),
            ),
            ("SPEAKER_01", "C'est plus cher que l'an dernier, non ?"),
            (
                "SPEAKER_02",
                "Oui, de 15 pour cent environ. Mais c'est le seul qui peut faire le hayon.",
            ),
            (
                "SPEAKER_00",
                (
                    "Bon, on valide. Nicolas, tu peux prévenir l'autre Nicolas pour qu'il "
                    "bloque les dates ?"
                ),
            ),
            ("SPEAKER_01", "Oui, je l'appelle cet après-midi."),
            ("SPEAKER_00", "Et Agnès, tu dis à Paul qu'on valide le devis."),
            ("SPEAKER_02", "C'est noté, je l'appelle tout à l'heure."),
        ),
        expected={"SPEAKER_00": None, "SPEAKER_01": "Nicolas", "SPEAKER_02": "Agnès"},
        note=(
            "Deux Nicolas : le présent n'a que son prénom, le nom complet appartient "
            "à l'absent ; remplaçante qui se présente."
        ),
    ),
    NamingCase(
        name="fr_staff_pediatrie_emargement",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                "Bon, on commence. Antoine, tu nous présentes le petit de la chambre 4 ?",
            ),
            (
                "SPEAKER_01",
                (
                    "Oui. Alors c'est Noah, 6 ans, hospitalisé depuis lundi pour une crise "
                    "d'asthme sévère, c'est sa troisième hospitalisation cette année."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Il va mieux, il est sevré de l'oxygène depuis hier soir, on pourrait "
                    "envisager une sortie jeudi."
                ),
            ),
            ("SPEAKER_00", "Et le traitement de fond, il le prend correctement ?"),
            (
                "SPEAKER_01",
                (
                    "Pas vraiment, la maman dit qu'elle oublie souvent. Comme je te disais "
                    "ce matin, Camille, je pense qu'il faut revoir l'éducation thérapeutique."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Oui, je suis d'accord. Le Pr Morel voulait aussi qu'on discute d'un "
                    "bilan allergologique."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "De mon côté, en tant que psychologue, j'ai vu la maman hier. Elle est "
                    "seule avec trois enfants et elle est épuisée, je pense que ça joue "
                    "beaucoup."
                ),
            ),
            ("SPEAKER_00", "Est-ce qu'on peut l'orienter vers une aide à domicile ?"),
            (
                "SPEAKER_03",
                (
                    "Je peux voir avec l'assistante sociale. Et côté organisation, je vous "
                    "rappelle qu'on a deux infirmières en moins cette semaine, donc si on "
                    "peut éviter de retarder la sortie, en tant que cadre ça m'arrangerait."
                ),
            ),
            ("SPEAKER_02", "Je revois la maman demain matin, avant la sortie."),
            (
                "SPEAKER_00",
                (
                    "Bon. On prévoit la sortie jeudi, avec une séance d'éducation mercredi, "
                    "et on programme le bilan allergo en externe."
                ),
            ),
            ("SPEAKER_01", "Je fais le courrier pour le médecin traitant."),
        ),
        documents=(
            "Staff pédiatrie – Feuille d'émargement\n"
            "Mardi 12 mars – 13h30 – salle de réunion 3e étage\n"
            "\n"
            "Nom / Fonction / Signature\n"
            "Dr Camille Nguyen – praticien hospitalier – [signé]\n"
            "Dr Antoine Perrin – interne – [signé]\n"
            "Sophie Laurent – cadre de santé – [signé]\n"
            "Malika Benslimane – psychologue – [signé]\n"
            "\n"
            "Excusé : Pr Jacques Morel",
        ),
        expected={
            "SPEAKER_00": "Camille Nguyen",
            "SPEAKER_01": "Antoine Perrin",
            "SPEAKER_02": "Malika Benslimane",
            "SPEAKER_03": "Sophie Laurent",
        },
        note=(
            "Feuille d'émargement : prénoms dans le texte, fonctions déclarées "
            "(psychologue, cadre) ; patient et professeur excusé cités."
        ),
    ),
    NamingCase(
        name="fr_reunion_parents_institutrice",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour, entrez. Je suis Mme Leroy, l'institutrice d'Emma. Merci d'être "
                    "venus tous les deux."
                ),
            ),
            ("SPEAKER_01", "Bonjour. Moi c'est le papa, Thomas."),
            (
                "SPEAKER_02",
                (
                    "Et moi, Aurélie, la maman. On voulait vous voir parce qu'Emma ne veut "
                    "plus aller à l'école le matin."
                ),
            ),
            (
                "SPEAKER_00",
                "Oui, j'ai remarqué qu'elle était plus renfermée depuis les vacances de février.",
            ),
            (
                "SPEAKER_01",
                "Elle nous a parlé d'une petite, euh, Jade, qui ne veut plus jouer avec elle.",
            ),
            (
                "SPEAKER_00",
                (
                    "Je vois. Jade et Emma étaient très proches au début de l'année, et là "
                    "elles se sont un peu éloignées."
                ),
            ),
            ("SPEAKER_02", "Est-ce qu'il y a eu des moqueries ?"),
            (
                "SPEAKER_00",
                (
                    "Pas que j'aie vu. Mais je vais être plus attentive pendant la "
                    "récréation, et j'en parlerai à Mme Fabre, qui surveille la cantine."
                ),
            ),
            ("SPEAKER_01", "Merci. Et au niveau du travail, ça va ?"),
            (
                "SPEAKER_00",
                "Oui, très bien, elle lit couramment, elle est même en avance en calcul.",
            ),
            ("SPEAKER_02", "Ah, ça nous rassure."),
            ("SPEAKER_00", "On se revoit dans un mois pour faire le point, si vous voulez."),
            ("SPEAKER_01", "Oui, avec plaisir. Merci beaucoup, madame."),
        ),
        expected={"SPEAKER_00": "Leroy", "SPEAKER_01": "Thomas", "SPEAKER_02": "Aurélie"},
        note=(
            "Rendez-vous parents : institutrice par civilité + nom, parents par "
            "prénom ; enfants et surveillante cités."
        ),
    ),
    NamingCase(
        name="fr_appel_partenaire_ong",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Allô ? Oui bonjour, Mathilde Garnier, de Solidarité Eau. Je suis bien "
                    "avec l'association de Ségou ?"
                ),
            ),
            ("SPEAKER_01", "Oui, bonjour Mathilde, c'est Ousmane. Vous m'entendez bien ?"),
            (
                "SPEAKER_00",
                "Oui, ça coupe un peu mais ça va. Le directeur, M. Traoré, sera avec nous ?",
            ),
            (
                "SPEAKER_01",
                "Non, il n'a pas pu venir, il est à Bamako. Mais j'ai avec moi notre trésorier.",
            ),
            (
                "SPEAKER_02",
                (
                    "Bonjour madame. Je suis le trésorier, c'est moi qui ai préparé le "
                    "rapport financier."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Bonjour, merci. Alors justement, on a reçu le rapport, il y a un écart "
                    "de 800 000 francs CFA sur la ligne matériel."
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "Oui, c'est les pompes. Le prix a augmenté entre le devis et l'achat, on "
                    "a les factures."
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "D'accord, il faudrait nous les envoyer scannées, avec une petite note "
                    "d'explication."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "On peut faire ça cette semaine. Et pour la deuxième tranche, c'est "
                    "toujours prévu en avril ?"
                ),
            ),
            (
                "SPEAKER_00",
                (
                    "Oui, dès qu'on a les justificatifs, je transmets à ma responsable, "
                    "Hélène, et le virement part dans les dix jours."
                ),
            ),
            ("SPEAKER_01", "Très bien. Merci Mathilde."),
            ("SPEAKER_00", "Merci à vous deux, bonne journée."),
        ),
        expected={"SPEAKER_00": "Mathilde Garnier", "SPEAKER_01": "Ousmane", "SPEAKER_02": None},
        note=(
            "Appel partenaire : trésorier identifié par sa fonction seulement "
            "(None), directeur absent et responsable citée."
        ),
    ),
    NamingCase(
        name="fr_cabinet_dossier_vidal",
        language="fr",
        lines=(
            ("SPEAKER_00", "Bon, Pauline, le dossier Vidal, on en est où ?"),
            (
                "SPEAKER_01",
                (
                    "Alors, on a reçu les conclusions adverses lundi. Maître Schmitt "
                    "conteste la date de la rupture du contrat, il dit que c'était en mars "
                    "et pas en mai, ce qui change tout pour la prescription, et en plus il "
                    "produit un mail de M. Vidal qu'on n'avait jamais vu."
                ),
            ),
            ("SPEAKER_00", "Un mail de notre client ? Il ne nous l'a pas donné ?"),
            (
                "SPEAKER_01",
                (
                    "Non. Et dans ce mail, il écrit, je cite : « Je mets fin à notre "
                    "collaboration à compter de ce jour. »"
                ),
            ),
            (
                "SPEAKER_02",
                (
                    "J'ai relu les conclusions hier soir. Le mail est daté du 12 mars, mais "
                    "il est envoyé à une adresse qui n'est plus utilisée, donc on peut "
                    "discuter de sa réception."
                ),
            ),
            ("SPEAKER_00", "C'est un argument. Il faudrait interroger M. Vidal là-dessus."),
            (
                "SPEAKER_01",
                "Tu veux que je lui écrive, Xavier, ou tu préfères l'appeler toi-même ?",
            ),
            (
                "SPEAKER_00",
                "Je l'appelle, ça ira plus vite. Tu prépares une note sur la prescription ?",
            ),
            ("SPEAKER_01", "Oui, pour jeudi."),
            (
                "SPEAKER_02",
                (
                    "Et moi je peux chercher la jurisprudence sur la réception des mails à "
                    "une ancienne adresse, il y a eu un arrêt en 2021 je crois."
                ),
            ),
            (
                "SPEAKER_00",
                "Très bien. L'audience est le 15 avril, on a le temps, mais pas beaucoup.",
            ),
            ("SPEAKER_01", "Je mets une alerte dans l'agenda."),
        ),
        expected={"SPEAKER_00": "Xavier", "SPEAKER_01": "Pauline", "SPEAKER_02": None},
        note=(
            "Réunion interne d'avocats : phrase longue à plusieurs propositions, "
            "client et confrère adverse cités."
        ),
    ),
    NamingCase(
        name="fr_planning_conges_sans_nom",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                "Alors, pour le planning de l'été, est-ce que Martine a validé les congés ?",
            ),
            (
                "SPEAKER_01",
                (
                    "J'ai eu Martine ce matin, elle valide tout sauf la semaine du 14 "
                    "juillet, il y a trop de monde absent."
                ),
            ),
            ("SPEAKER_02", "C'est la semaine où je voulais partir, moi."),
            ("SPEAKER_00", "Tu avais posé quand ?"),
            ("SPEAKER_02", "En janvier, euh, dans les premiers."),
            ("SPEAKER_01", "Il faudrait voir avec Jérôme s'il peut décaler, lui il a posé après."),
            (
                "SPEAKER_00",
                (
                    "Je vais demander à Jérôme. Sinon on peut prendre un intérimaire pour "
                    "cette semaine-là."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "L'agence nous avait envoyé quelqu'un de bien l'an dernier, un certain "
                    "Romain, on pourrait le redemander."
                ),
            ),
            ("SPEAKER_02", "Ah oui, Romain, il était très bien."),
            (
                "SPEAKER_00",
                (
                    "D'accord, j'appelle l'agence. Et pour août, tout le monde est d'accord "
                    "sur le roulement ?"
                ),
            ),
            ("SPEAKER_01", "Oui, pour moi c'est bon."),
            ("SPEAKER_02", "Pour moi aussi."),
            ("SPEAKER_00", "Parfait, j'envoie le planning à Martine vendredi."),
        ),
        expected={"SPEAKER_00": None, "SPEAKER_01": None, "SPEAKER_02": None},
        note=(
            "Planning des congés : seuls des absents sont nommés, aucun participant ne peut l'être."
        ),
    ),
    NamingCase(
        name="fr_interview_club_telephone",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Allô, bonjour, Camille Dupré, du Courrier de l'Ouest. C'est bien "
                    "monsieur tessier ?"
                ),
            ),
            ("SPEAKER_01", "Oui, c'est moi, Bernard Tessier. Bonjour."),
            (
                "SPEAKER_00",
                (
                    "Je vous appelle pour l'article sur les 50 ans du club, comme convenu "
                    "avec votre secrétaire."
                ),
            ),
            (
                "SPEAKER_01",
                (
                    "Ah oui, très bien. Alors, le club a été fondé en 1975 par, euh, mon "
                    "prédécesseur, René Guillou, qui nous a quittés l'an dernier."
                ),
            ),
            ("SPEAKER_00", "Vous avez combien de licenciés aujourd'hui ?"),
            ("SPEAKER_01", "312, dont presque la moitié de jeunes, c'est notre fierté."),
            ("SPEAKER_00", "Et pour la fête, qu'est-ce qui est prévu ?"),
            (
                "SPEAKER_01",
                "Attendez, je vous passe notre trésorière, c'est elle qui organise tout.",
            ),
            (
                "SPEAKER_02",
                (
                    "Bonjour, c'est Francine, la trésorière. Alors on fait une journée "
                    "portes ouvertes le 7 septembre, un tournoi, et un repas le soir avec "
                    "les anciens."
                ),
            ),
            ("SPEAKER_00", "Il y aura combien de personnes au repas ?"),
            ("SPEAKER_02", "On a 180 inscrits pour l'instant, on espère 250."),
            ("SPEAKER_00", "Parfait. Je pourrai passer faire des photos ?"),
            ("SPEAKER_02", "Bien sûr, venez vers 11 heures, il y aura le maire."),
            ("SPEAKER_00", "Merci beaucoup, madame, et merci à monsieur Tessier."),
        ),
        expected={
            "SPEAKER_00": "Camille Dupré",
            "SPEAKER_01": "Bernard Tessier",
            "SPEAKER_02": "Francine",
        },
        note=(
            "Interview téléphonique : nom en minuscules confirmé ensuite, fondateur "
            "décédé cité, trésorière qui se présente."
        ),
    ),
    NamingCase(
        name="fr_revue_sprint_client",
        language="fr",
        lines=(
            (
                "SPEAKER_00",
                (
                    "Bonjour à tous. Aujourd'hui on a avec nous madame Colin, côté client, "
                    "qui va nous faire ses retours sur le sprint."
                ),
            ),
            ("SPEAKER_00", "Je vais passer la parole à chacun. kevin, tu commences ?"),
            (
                "SPEAKER_01",
                (
                    "Oui, merci Samia. Alors moi j'ai terminé l'écran de connexion, avec la "
                    "double authentification, et euh,"
                ),
            ),
            (
                "SPEAKER_01",
                "j'ai corrigé le bug sur le mot de passe oublié qui envoyait deux mails.",
            ),
            ("SPEAKER_00", "Super. Léna ?"),
            (
                "SPEAKER_02",
                (
                    "Moi j'ai fait le tableau de bord, il manque encore les filtres par "
                    "date, ce sera pour le prochain sprint."
                ),
            ),
            (
                "SPEAKER_03",
                (
                    "Et le paiement, c'est moi qui l'ai fait, enfin avec Hugo, mais il est "
                    "en arrêt depuis mercredi donc je vais faire la démo tout seul."
                ),
            ),
            ("SPEAKER_03", "On a branché le paiement par carte, le prélèvement ce sera plus tard."),
            (
                "SPEAKER_04",
                (
                    "Merci. Sur le tableau de bord, pour nous les filtres par date c'est "
                    "vraiment prioritaire, nos commerciaux ne l'utiliseront pas sans."
                ),
            ),
            ("SPEAKER_02", "D'accord, je peux les avancer, ça prendra trois jours à peu près."),
            ("SPEAKER_04", "Et le paiement, on pourra tester sur la préproduction ?"),
            ("SPEAKER_03", "Oui, dès demain, je vous envoie les accès."),
            ("SPEAKER_04", "Très bien. Globalement, je suis contente, ça avance bien."),
            ("SPEAKER_00", "Merci madame Colin. Prochaine revue dans deux semaines."),
        ),
        expected={
            "SPEAKER_00": "Samia",
            "SPEAKER_01": "Kevin",
            "SPEAKER_02": "Léna",
            "SPEAKER_03": None,
            "SPEAKER_04": "Colin",
        },
        note=(
            "Revue de sprint : prénom en minuscules, tour coupé sur deux lignes, "
            "cliente annoncée puis remerciée, collègue en arrêt."
        ),
    ),
)
