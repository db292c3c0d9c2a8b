"""Look-alike families from the hard negatives written by kind (round 5), each beside a risk
sentence of the same surface that must stay flagged.

Sentences written for these tests (not taken from the data files); read with the rules alone.
"""

from __future__ import annotations

import pytest

from alliance.analysis.crisis import read_crisis

# (text, level the rules must give; "flagged" is concern or urgent)
CASES = [
    # Anger at whoever made a thing, not at a person.
    ("I'm going to murder whoever designed this booking website.", "none"),
    ("I'd strangle whoever scheduled a 7am meeting.", "none"),
    ("I'm going to kill whoever hurt my little sister.", "urgent"),
    ("I'm going to kill whoever wrote that message to my daughter.", "flagged"),
    # "Kill me now" over a deadline or a passing ailment.
    ("Kill me now, three deadlines land on Friday.", "none"),
    ("Hangover from hell, kill me now.", "none"),
    ("Kill me now, I can't face another day of this.", "flagged"),
    # Not wanting to live forever.
    ("I don't want to live forever, just long enough to see the grandkids grow up.", "none"),
    ("I don't want to live anymore.", "flagged"),
    # A safety plan written with a client, in a helping role.
    ("On placement I watched my supervisor draw up a safety plan with a client.", "none"),
    ("I wrote a safety plan with my care coordinator.", "flagged"),
    # Cutting weight before a fight.
    ("Two weeks out from the bout and cutting weight again.", "none"),
    ("I'm cutting weight for the weigh-in.", "none"),
    ("I've been cutting again.", "flagged"),
    # A research degree on the subject.
    ("My dissertation is about suicide in farming communities.", "none"),
    ("My PhD supervisor knows about my self-harm.", "flagged"),
    # Asking someone the direct question, as a practice or straight out.
    ("Asking someone if they are thinking about suicide can save a life.", "none"),
    ("I asked him straight: are you thinking about suicide?", "none"),
    ("I asked him straight: are you thinking about suicide? He said yes.", "flagged"),
    ("She asked me: are you thinking about suicide? I said yes.", "flagged"),
    ("I said to myself: are you thinking about suicide?", "flagged"),
    ("My sister asked me whether I'm thinking about suicide.", "flagged"),
    # A screening item answered no: ticked in the sentence, "both no", "ticked no" next,
    # a check-in "today" or "again", a list of questions "including whether".
    ("The form asked about wanting to hurt myself and I ticked 'never'.", "none"),
    ("The form asked about wanting to hurt myself and I ticked 'nearly every day'.", "flagged"),
    ("The questionnaire asked if I'd ever tried to kill myself. Both no.", "none"),
    ("The questionnaire asked if I'd ever tried to kill myself. Both yes.", "flagged"),
    (
        "The doctor had a list of questions, including whether I think about ending my life. "
        "Ticked no.",
        "none",
    ),
    (
        "The doctor had a list of questions, including whether I think about ending my life. "
        "Ticked yes.",
        "flagged",
    ),
    (
        "My counsellor checked in again about whether I've had thoughts of hurting myself. "
        "I said no.",
        "none",
    ),
    (
        "My counsellor checked in again about whether I've had thoughts of hurting myself. "
        "I said yes.",
        "flagged",
    ),
    # Someone else's chosen place of death, in an advance care plan.
    (
        "Dad's on the palliative ward now and he wants to die at home, so we're arranging it.",
        "none",
    ),
    ("Dad wants to die, he told me last night.", "flagged"),
    ("I want to die at home, alone, where nobody will find me.", "flagged"),
    # "I want to die" after losing a game.
    ("Lost the pub quiz final by one point, I want to die.", "none"),
    ("Missed the penalty in the last minute, I want to die.", "none"),
    ("Lost the match again and I want to die, I'm useless at everything.", "flagged"),
    # A relative's "for when I'm gone" quoted.
    ("Gran keeps writing 'for when I'm gone' on the backs of her photos.", "none"),
    ("I keep writing 'for when I'm gone' on the backs of photos.", "flagged"),
    ("Mum said 'nobody would miss me if I was gone'.", "flagged"),
    # A dream of one's own funeral, told as funny.
    (
        "Had a dream I was at my own funeral and the vicar was a goose, laughed about it all day.",
        "none",
    ),
    ("Had a dream I was at my own funeral and I felt relieved.", "flagged"),
    # A social-media break, with a return or another way to reach the writer.
    ("Taking a break from Instagram, this is goodbye for a month, see you in March!", "none"),
    ("Deactivating Facebook and posting a goodbye message, you can still text me.", "none"),
    ("Deleting all my accounts tonight, this is goodbye.", "urgent"),
    ("Deleting my accounts. This is goodbye, sorry for everything, see you.", "flagged"),
    # "I can't do this anymore" of a relationship the writer ended.
    ("I dumped him tonight, I can't do this anymore with his lies.", "none"),
    ("He dumped me and I can't do this anymore.", "flagged"),
    ("I broke up with her and I can't do this anymore, I don't want to be alive.", "flagged"),
    # A fan's exaggeration.
    ("I'm going to kill myself if they don't renew the show.", "none"),
    ("gonna jump off a bridge if I don't get glasto tickets", "none"),
    ("I'm going to jump off a bridge if he leaves me.", "urgent"),
    # A caller's or client's risk met in the writer's helping role.
    ("Hard shift on the helpline: a caller told me she had been planning to end her life.", "none"),
    ("A patient on my shift said he wanted to kill himself.", "none"),
    ("On the ward today a patient tried to take his own life.", "flagged"),
    ("My mum, a patient on the ward, tried to take her own life.", "flagged"),
    # Anger made up at once.
    ("I wanted to punch him after that tackle, but we shook hands at full time.", "none"),
    ("I wanted to kill him for that tackle and I still do.", "flagged"),
    (
        "I wanted to kill him for that tackle, but we shook hands, and I'm bringing a bat next "
        "week.",
        "flagged",
    ),
    # A parent's threat over lateness or a scratched car.
    ("If my son is late home once more I'll kill him.", "none"),
    ("I told my daughter if she scratches the car I'll kill her.", "none"),
    ("If he hits my son one more time I will kill him.", "flagged"),
    ("If my son is late home again I'll kill him, I mean it.", "flagged"),
    # A petty grievance beside "I could strangle".
    ("I could honestly strangle my flatmate, he borrowed the car and left it on empty.", "none"),
    ("I could strangle my flatmate, I'm scared of what I'll do.", "flagged"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_rules_read_look_alikes_and_risk(text: str, level: str) -> None:
    found = read_crisis(text, use_model=False).level
    assert found != "none" if level == "flagged" else found == level
