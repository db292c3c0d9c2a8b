"""What Nora wrote in her journal over the eight months: original texts, in many voices.

Each reflection is placed relative to a week's session day (`day` 0 is the Tuesday of the
session, -1 the evening before). `linked` ties it to that week's session. `meant` says what the
story means the text to carry; the analyser reads the texts on its own (the tests compare).
One reflection, four days after the rupture (week 13), holds the one passage of passive
ideation (wishing she could "not exist for a while"; no plan, no intent), written with the steps
Nora takes, so that the crisis resources can be seen. Nothing reaches the urgent level.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reflection:
    week: int
    day: int
    clock: str
    kind: str  # reflection, note, before-session, after-session
    mood: int | None
    text: str
    starred: bool = False
    tags: tuple[str, ...] = ()
    linked: bool = False
    meant: str = ""


R = Reflection

REFLECTIONS: tuple[Reflection, ...] = (
    # --- beginning: anxiety, and building trust
    R(0, -3, "22:40", "note", 2,
      "Booked it. First appointment next Tuesday at 17:30 with someone called Elias Brandt. "
      "@sam says it's brave. It doesn't feel brave, it feels like admitting I've lost the plot. "
      "#sleep hasn't been more than four hours a night for weeks."),
    R(0, 0, "16:50", "before-session", 2,
      "Things I want to say so I don't freeze:\n"
      "- the panic at 3am, heart going like I've run up four flights of stairs\n"
      "- that I've stopped answering Ines's calls\n"
      "- mum since the stroke, and that I'm the one who organises everything\n"
      "- work. the mistakes. #work\n\n"
      "Things I don't want to say: that I cry in the car park most days.", linked=True),
    R(0, 0, "20:15", "after-session", 3,
      "# First session\n\n"
      "He asked a lot of questions and wrote very little down, which I liked for some reason. "
      "I kept apologising for rambling and he said there is no right way to do this. Not sure "
      "what I expected. I talked for most of the hour and at the end I felt emptied out, but "
      "in a quiet way rather than a bad one.", linked=True, meant="bond"),
    R(0, 3, "07:10", "note", 2,
      "woke at 3.40 again. did the breathing thing from the leaflet. didnt work. #sleep"),
    R(1, 0, "16:40", "before-session", 2,
      "Nearly talked myself out of going. What if I'm wasting a slot that someone who is "
      "actually ill needs.", linked=True),
    R(1, 0, "21:30", "after-session", 3,
      "Told Elias I felt like a fraud for being there. He didn't rush to reassure me, he just "
      "asked what a 'real' reason would look like. I couldn't answer. Driving home I realised "
      "I've been waiting for someone to give me permission to be struggling. He listens to "
      "the small stuff too, and he takes it seriously.", linked=True, meant="heard"),
    R(1, 4, "13:05", "reflection", 3,
      "Lunch at my desk again. Petra asked me to cover Oskar's rota 'just this once', which "
      "is the fourth just-this-once this month. I said yes before she'd finished the "
      "sentence. #work @petra"),
    R(2, 0, "19:55", "after-session", 3,
      "Session 3. We talked about mum. I gave him the practical version: the stroke, the "
      "rehab, the rota Ines and I share, the forms. He asked how I was in the middle of all "
      "that and I didn't know what to say. It's strange, being asked about myself by someone "
      "who actually waits for the answer. I think I trust him a bit more than last week. I "
      "notice I watch his face a lot.", linked=True, meant="bond"),
    R(2, 5, "23:10", "note", 2,
      "cant sleep. @sam asleep next to me and I'm making lists in my head. groceries, mums "
      "physio, the audit at work. list list list #sleep"),
    R(3, 0, "20:30", "after-session", 3,
      "He said I talk about myself like a project manager writing a report on a colleague she "
      "doesn't much like. It made me laugh because it's true. Then he asked what I'd write "
      "about a colleague I did like, and I went blank.", linked=True),
    R(3, 2, "18:00", "reflection", 4,
      "Went for a run for the first time since the winter. 2.5 km, very slow. Didn't think "
      "about anything except breathing for twenty minutes. Want to remember this. #running"),
    # --- opening up for the first time
    R(4, -1, "21:45", "before-session", 2,
      "Tomorrow I think I want to tell him about that night last winter. I've never said it "
      "out loud to anyone, not even @sam. Writing it here so I can't pretend I didn't decide "
      "to."),
    R(4, 0, "20:40", "after-session", 3,
      "# I told him\n\n"
      "About finding mum on the kitchen floor last winter, and that the very first thing I "
      "felt wasn't fear but anger, this hot mean thought: of course it's me, of course I'm "
      "the one who has to deal with this. I've carried that around for months like something "
      "rotten at the bottom of my bag.\n\n"
      "I cried properly, the ugly kind, in front of a man I've known for a month. For the "
      "first time I said the thing I'd never told anyone. He let it be quiet for a while. "
      "Then he said that anger and love often turn up together when someone has been holding "
      "too much for too long, and that it didn't make me a bad daughter. I don't know if I "
      "believe that yet. But I said it and the room didn't fall in.\n\n"
      "Wrung out, lighter, very exposed. Slept nine hours.",
      starred=True, linked=True, meant="opening_up", tags=("#mum",)),
    R(4, 1, "08:15", "note", 3,
      "Embarrassed today about how much I cried. Also a bit proud? Both."),
    R(5, 0, "16:55", "before-session", 3,
      "Worried he thinks less of me after last week. Rationally I know that's the opposite of "
      "what he said.", linked=True),
    R(5, 3, "19:20", "reflection", 3,
      "Called @ines back. Finally. We talked for an hour and she said she'd been scared I was "
      "angry with her. Nearly told her about the kitchen floor. Not yet. #mum"),
    R(6, 0, "20:05", "after-session", 3,
      "We made a map of my 'shoulds'. It filled the whole whiteboard. I should visit mum "
      "every day, I should answer work emails at night, I should be over this by now, I "
      "should be grateful. Elias asked whose voice each one was in. Most of them sound like "
      "mine, which is the problem.", linked=True),
    R(6, 4, "22:00", "note", 2,
      "bad night. heart racing at 2, convinced I'd forgotten to send the delivery schedule. I "
      "hadn't. checked my email three times anyway #sleep #work"),
    # --- first changes
    R(7, -1, "18:30", "note", 2,
      "Fever. Had to cancel tomorrow. Ridiculous how disappointed I am, it's one session."),
    R(7, 3, "14:00", "reflection", 3,
      "Day 4 of flu. Work managed without me. Petra's email said 'get well, we've got it "
      "covered' and my first reaction was almost offended. Interesting. Putting that on the "
      "list for @elias."),
    R(8, 0, "20:20", "after-session", 3,
      "Back after a week off. Talked about the email thing, the panic of not being needed. He "
      "wondered if being useful is how I make sure nobody leaves. That one is going to "
      "rattle around for a while. #work", linked=True),
    R(8, 5, "11:30", "reflection", 4,
      "Parkrun with @lea. 31 minutes. Lea talked the whole way round and I didn't mind. "
      "#running"),
    R(9, 0, "19:10", "after-session", 4,
      "Good session. I felt understood today, not in a dramatic way, just that he got what I "
      "meant the first time and I didn't have to explain it three different ways.",
      linked=True, meant="heard"),
    R(9, 2, "21:15", "reflection", 4,
      "Said no to Petra today. An actual no. 'I can't take Oskar's rota this week, I'm at "
      "capacity.' My voice shook. She said 'ok, fair enough' and that was it. THAT WAS IT. "
      "Eight years of saying yes and it turns out the world doesn't end. I'm getting better "
      "at this. #work", starred=True, meant="progress"),
    R(10, 0, "20:00", "after-session", 4,
      "We talked about the no. Elias asked what I'd noticed in my body just before saying "
      "it. Tight throat, hot face. He said those might be useful signals rather than proof "
      "that I'm doing something wrong. I'm starting to see a pattern: the panic turns up "
      "right before I put myself first.", linked=True, meant="progress"),
    R(10, 4, "09:40", "note", 4,
      "@sam made pancakes and asked how therapy's going. Said 'good' and meant it."),
    R(11, 2, "17:00", "reflection", 4,
      "Lake weekend with Sam. No laptop. I checked my work phone twice on Saturday and then "
      "put it in the glovebox. Small victories."),
    R(12, 0, "20:35", "after-session", 4,
      "A session about mum, the rehab unit, the guilt when I leave early. I could talk about "
      "it without crying this time. He noticed, and I felt oddly proud, like a kid showing "
      "a drawing.", linked=True),
    R(12, 3, "22:50", "reflection", 3,
      "Mum called me by Ines's name today. The nurse says it happens. I was fine in the room "
      "and then sat in the car for twenty minutes. Not panic, just sad. I think sad is "
      "allowed. #mum"),
    # --- the rupture
    R(13, 0, "16:45", "before-session", 3,
      "I want to talk about skipping Sunday's visit. Say it without dressing it up.",
      linked=True),
    R(13, 0, "21:50", "after-session", 1,
      "I don't really know how to write this. I told him I skipped visiting mum on Sunday "
      "and went to the lake instead, and he said 'it sounds like part of you was relieved'. "
      "Maybe. But the way he said it, I felt judged, like he'd finally seen the selfish "
      "person I've been warning him about. Then I started to cry and he looked at the clock "
      "and said we'd have to stop there and pick it up next week. I felt brushed off. I went "
      "down the stairs feeling like I'd been dropped. He didn't get it at all. Maybe he's "
      "tired of me.", linked=True, meant="rupture"),
    R(13, 2, "23:30", "note", 1,
      "keep replaying it. 'part of you was relieved'. I should never have told him about "
      "sunday. so angry with him and with myself for caring"),
    R(13, 4, "12:10", "reflection", 1,
      "Not a good week. I don't want to die, I want to be clear about that. But I keep "
      "wishing I could just not exist for a while. Switch off for a few weeks, not be anyone's "
      "daughter or anyone's coordinator, and come back when it's all sorted. Sam noticed I've "
      "gone quiet. I told him some of it. He wants me to tell Elias, and to call the GP if "
      "it gets heavier. I said I would. Writing it down so I keep to that.",
      meant="concern"),
    R(13, 6, "21:00", "note", 2,
      "Drafted a text to cancel Tuesday. 'Sorry, something's come up at work.' Didn't send "
      "it. Didn't delete it either."),
    # --- repair
    R(14, 0, "16:30", "before-session", 2,
      "Going. Going to tell him. If it goes badly I can stop coming. If I don't go I'll "
      "never know.", linked=True),
    R(14, 0, "20:45", "after-session", 4,
      "# We talked it through\n\n"
      "I started with 'I nearly didn't come today' and then it all came out: that I felt "
      "judged about Sunday, and brushed off when he ended the session while I was crying. "
      "He didn't get defensive. He thanked me for telling him, said that stopping on the "
      "clock at that moment must have felt like being dropped, and that he was sorry, he "
      "could have left more room. Then he asked whether it was a familiar feeling, being "
      "too much for someone right when I need them. It is. It very much is.\n\n"
      "We talked it through properly, and by the end I felt closer to him than before, which "
      "I did not expect. Sam was right. I also told him about the disappearing thoughts. He "
      "took it seriously and calmly, we went through what I'd do if they got stronger, and "
      "the crisis numbers are saved in my phone now.",
      starred=True, linked=True, meant="repair"),
    R(14, 2, "19:00", "reflection", 4,
      "Two days on and I still feel it. Nobody has ever apologised to me like that, plainly, "
      "without a 'but'. I thought a disagreement meant something was over. Turns out it can "
      "be where things get real.", meant="repair"),
    R(15, 0, "20:15", "after-session", 4,
      "Today he said he'd been thinking about what I'd said last week, between sessions. I "
      "didn't know therapists did that. So I matter to him as a person, not just as a "
      "Tuesday slot. Silly how much that meant.", linked=True, meant="valued"),
    R(15, 3, "08:30", "note", 3,
      "slept 6 hrs. woke once, went back to sleep. progress is boring and I love it #sleep"),
    R(16, -1, "22:10", "reflection", 3,
      "Told @ines about the kitchen floor, about the anger. She went quiet and then said 'me "
      "too, with dad'. We both cried on the phone. Why did we never say any of this. #mum"),
    R(16, 0, "20:30", "after-session", 4,
      "Talked about Ines and the phone call. Elias asked what made it possible to say it to "
      "her now. I said: I practised here. He smiled at that.", linked=True),
    R(17, 0, "20:10", "after-session", 4,
      "We talked about his holiday, two weeks off after next session. I said that's fine, "
      "obviously, people go on holiday. He asked how it actually felt. Like a step missing on "
      "the stairs, I said. We agreed I'd write here while he's away and bring it back.",
      linked=True),
    R(17, 5, "15:00", "note", 4, "10k with @lea. slow and happy. #running"),
    # --- self-disclosure
    R(18, 0, "20:50", "after-session", 4,
      "Something unusual today. When I was talking about the guilt of leaving the care home "
      "early, Elias told me that he looked after his own father for a few years, and that "
      "the guilt goes both ways, leaving and staying. Just a sentence or two, and then back "
      "to me. I was surprised how much it moved me. He's a person, with a dad, who sat in "
      "some corridor somewhere feeling like this. It made me feel less like a case and more "
      "like two people in a room.", starred=True, linked=True, meant="disclosure"),
    R(18, 1, "12:45", "note", 4,
      "still thinking about what Elias shared about his father. oddly comforting"),
    # --- the holiday: leaning on him between sessions
    R(19, 0, "17:30", "note", 3, "Tuesday 17.30 and nowhere to be. Wierd."),
    R(19, 3, "23:05", "reflection", 2,
      "Caught myself drafting an email to Elias about the audit at work. Not sending it, he's "
      "on holiday and it's not an emergency. But I wanted him to know, to tell me I'd handled "
      "it right. How did I become someone who needs her therapist's approval to believe she "
      "did ok? I can't seem to cope a week without him. Or I can, I just don't believe it.",
      meant="dependence"),
    R(20, 1, "20:40", "reflection", 3,
      "Audit done. I did it without him. Wrote the checklist, asked Oskar for help with the "
      "stock counts (asked! for help!), went home at six. Counting the days till next "
      "Tuesday anyway. #work", meant="dependence"),
    R(20, 5, "10:15", "note", 3,
      "Things to bring back:\n"
      "1. the unsent email\n"
      "2. asking Oskar\n"
      "3. mum's move to the care home is confirmed\n"
      "4. that I missed the sessions more than I want to admit"),
    R(21, 0, "20:25", "after-session", 3,
      "Back. Told him I'd counted the days and felt embarrassed about it. He said missing "
      "someone you work closely with isn't a symptom, and that the more interesting part was "
      "that I'd handled the audit alone. Hm.", linked=True),
    # --- a stuck patch
    R(22, 0, "19:40", "note", 2,
      "Missed the session. The stock delivery went wrong at four, I stayed to sort it and "
      "only looked at the time at 17:45. Didn't even call. Felt sick about it, then numb."),
    R(22, 3, "22:30", "reflection", 2,
      "I don't know if therapy is doing anything anymore. We keep going round the same "
      "things, mum, work, guilt, saying no, and I can describe it all beautifully now and "
      "still feel the same knot every Sunday. Maybe this is as good as it gets.",
      meant="stuck"),
    R(23, 0, "16:40", "before-session", 2,
      "Going to tell him I feel stuck. Probably. Ugh.", linked=True),
    R(23, 0, "20:05", "after-session", 3,
      "Told him. He didn't take it personally, or if he did he didn't show it. We looked at "
      "what has actually changed (sleep, the no's, Ines) and what hasn't (Sundays). He "
      "suggested we stop talking about Sundays and I try doing one differently. Felt a bit "
      "flat, but not hopeless.", linked=True),
    R(24, 0, "20:15", "after-session", 3,
      "Same ground again today. honestly felt like we were going in circles for the first "
      "half. The second half was better, we planned what a different Sunday could look like: "
      "visit in the morning, leave at twelve, no apologising.", linked=True, meant="stuck"),
    R(24, 5, "18:20", "reflection", 4,
      "Did the Sunday. Left mum's at twelve. She said 'see you next week, love' and didn't "
      "seem upset at all. The whole drama was in my head. Went home and slept on the sofa "
      "for an hour. First Sunday in a year I didn't feel like a failure. #mum",
      starred=True, meant="progress"),
    # --- consolidating
    R(25, 0, "20:00", "after-session", 4,
      "Reported back about Sunday. He asked what I'd say to a friend who had done the same. "
      "'Well done', obviously. So: well done, me. Writing it down because it feels stupid and "
      "I want to remember it anyway.", linked=True),
    R(26, 2, "21:10", "reflection", 4,
      "Petra asked if I want to lead the new ordering system rollout. Old me would have said "
      "yes and then not slept for three months. New me asked for a week to think, and "
      "whether Oskar could co-lead. She said yes to both. #work", meant="progress"),
    R(26, 4, "07:50", "note", 4, "slept through. again. 4th night this week #sleep"),
    # --- the ending raised: fear, then readiness
    R(27, 0, "21:00", "after-session", 2,
      "Elias asked today how I'd feel about starting to think about ending. Not now, he "
      "said, sometime in the next few months. I said 'sure, makes sense' in my most "
      "reasonable voice and then drove home with my chest tight. I know therapy is supposed "
      "to end. I just didn't think it would be so soon. The thought of Tuesdays without this "
      "scares me. Who will I tell things to first?", linked=True, meant="ending_fear"),
    R(27, 2, "23:40", "note", 2,
      "im scared of ending therapy. there, i said it. scared it all unravels the moment we "
      "stop. i definately wasn't ready for him to bring it up"),
    R(28, 0, "16:35", "before-session", 3,
      "Want to say today that the ending talk scared me. And that I know it's probably "
      "right. Both things.", linked=True),
    R(28, 0, "20:40", "after-session", 4,
      "Said both things. He said both can be true, and that we'd decide the ending together, "
      "it isn't something that happens to me. At a pace I can manage, maybe fewer sessions "
      "first. That helped more than I can explain. It isn't a door shutting, it's us "
      "planning something.", linked=True, meant="ending_ready"),
    R(29, 3, "20:00", "reflection", 4,
      "Grateful list, because I'm in the mood:\n"
      "- sleeping most nights\n"
      "- Ines and I actually talk\n"
      "- Sundays are just Sundays\n"
      "- I said no to three things at work this month and nobody died\n"
      "- Elias, for the patience, and for saying sorry that time\n\n"
      "I'm so grateful I went back the week after. Thank you to whoever made me keep that "
      "appointment (me, I think).", starred=True, meant="gratitude"),
    R(30, 0, "20:30", "after-session", 4,
      "We planned it properly today. Fortnightly from now, then monthly, and a last session "
      "in about three months. He asked what I'd want the last session to feel like. I said "
      "like a graduation, not a funeral. I feel ready, mostly. Ready-ish. More ready than "
      "scared, which is new.", linked=True, meant="ending_ready"),
    R(30, 4, "12:30", "note", 4,
      "co-leading the rollout with Oskar. first meeting went fine. left at 17:30. #work"),
    R(31, 0, "17:35", "note", 3,
      "First Tuesday without a session that isn't a holiday. Went for a run at the time "
      "instead. A bit lost for ten minutes, then fine. #running"),
    R(32, 0, "20:20", "after-session", 4,
      "Two weeks' worth to bring, and it turned out I'd handled most of it already. Elias "
      "pointed that out. We started a list of early warning signs: waking at 3, checking "
      "email at night, saying yes before the question is finished, going quiet with Sam.",
      linked=True, meant="progress"),
    R(32, 5, "19:30", "reflection", 4,
      "Told @sam about the warning-signs list and asked him to tell me if he sees them. He "
      "said he'd been seeing them for years and never knew how to say it. We laughed about "
      "it, which is something."),
    R(33, 2, "22:15", "reflection", 3,
      "A wobbly day. Mum had a fall, not serious. The old 3am feeling came back for one "
      "night. I recognised it and did what's on the list: told Sam, went to bed, didn't "
      "check email. It passed. Noticing that it passed. #mum #sleep"),
    R(34, 0, "16:50", "before-session", 4,
      "Fortnight two. To say: the fall, that the list worked, that I'm a little sad about "
      "how few sessions are left.", linked=True),
    R(34, 0, "20:35", "after-session", 4,
      "We talked about how the ending feels, honestly. Sad, and also ready. He said he'd miss "
      "our work too, which I didn't expect him to say and which I'll keep. We wrote down what "
      "I do when things start slipping and how I'd come back if I needed to. Monthly from "
      "here. I think I'm ready to finish therapy when we get there, and the thought doesn't "
      "make my chest tight anymore.", starred=True, linked=True, meant="ending_ready"),
    R(34, 3, "21:00", "reflection", 4,
      "Read back through this journal from the start. The first entries are so small and "
      "frightened. 'Not sure what I expected.' I want to tell that version of me: keep "
      "going, it gets lighter, and the man who hardly writes anything down turns out to be "
      "kind."),
)  # fmt: skip
