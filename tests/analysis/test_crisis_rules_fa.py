"""False alarms of the crisis rules on look-alikes, each family beside risk that must stay flagged.

Sentences written for these tests (not taken from the data files); read with the rules alone.
"""

from __future__ import annotations

import pytest

from alliance.analysis.crisis import read_crisis

# (text, level the rules must give)
CASES = [
    # A screening question reported and denied, in the sentence or the next one.
    ("The GP asked whether I'd had thoughts of hurting myself and I said none.", "none"),
    ("My counsellor asked if I'd thought about killing myself. I said no, never.", "none"),
    (
        "He asked all the standard questions, including whether I'd ever had thoughts of "
        "ending my life, and I said no.",
        "none",
    ),
    (
        "The crisis team asks the safety questions each visit: no thoughts of hurting myself, "
        "no plans.",
        "none",
    ),
    ("I told the psychiatrist I've never self-harmed and that's true.", "none"),
    # A reported question without a believed "no" stays flagged (concern: it is reported).
    ("My counsellor asked if I'd thought about killing myself. I said yes.", "concern"),
    ("My counsellor asked if I'd thought about killing myself. I said no, but I lied.", "concern"),
    (
        "The GP asked whether I'd had thoughts of hurting myself and I said I have, most nights.",
        "concern",
    ),
    (
        "He asked the usual questions and I admitted I've been thinking about killing myself.",
        "urgent",
    ),
    ("The nurse asked if I'd had thoughts of ending my life.", "concern"),
    (
        "My therapist asked if I was safe. I said no, I've been thinking about killing myself.",
        "urgent",
    ),
    # Anger idioms over a petty grievance, and joke markers on joke idioms.
    ("I'm going to murder my flatmate, she finished my yoghurt again.", "none"),
    ("If Tom spoils the finale for me I'm going to kill him.", "none"),
    ("honestly this essay deadline, kms lol", "none"),
    ("my sister sent the baby photos to the group chat, i wanna die 😂", "none"),
    ("That was so mortifying I wanted to die.", "none"),
    ("It was so embarrassing I wanna die.", "none"),
    ("I'm going to kill him, he hit me again and took my keys.", "urgent"),
    ("I'm going to kill my brother, he ate my leftovers, and I've got a knife.", "urgent"),
    ("I'm going to kill my husband when he gets home.", "urgent"),
    ("kms, not even joking lol", "urgent"),
    ("i wanna die, i'm not kidding lol", "concern"),
    ("i want to die tonight", "urgent"),
    # Teaching and training about risk.
    ("In the course we practised asking, 'have you had thoughts of suicide?'", "none"),
    ("The trainer walked us through suicide risk and who to call.", "none"),
    ("I've practised tying the noose twice this week.", "urgent"),
    # Absence and goodbyes with an ordinary destination or event.
    ("I won't be around tomorrow, we're off to Norfolk.", "none"),
    ("I'll be gone before you wake up, off to my brother's in Leeds.", "none"),
    ("This is goodbye for now, see you at Christmas!", "none"),
    ("Nobody would notice if I slipped out of the meeting early.", "none"),
    ("They'd be fine without me at the quiz night.", "none"),
    ("I won't be around tomorrow.", "urgent"),
    ("I'll be gone before you wake up.", "urgent"),
    ("This is goodbye.", "urgent"),
    ("Nobody would notice if I wasn't here any more.", "concern"),
    ("They'd be fine without me.", "concern"),
    # Accidents and ordinary uses of means or words.
    ("Cut my hands on the brambles weeding the allotment.", "none"),
    ("Basically overdosed on caffeine before the interview.", "none"),
    ("Tied a rope to the tree for a hammock.", "none"),
    ("Counted my tablets for the week into the organiser.", "none"),
    ("We'll take them all to the cinema on Saturday.", "none"),
    ("I cut my arms again last night.", "urgent"),
    ("I overdosed on my tablets last night.", "urgent"),
    ("I bought a rope today.", "urgent"),
    ("I'm going to take them all tonight.", "urgent"),
    # A therapy exercise and a quoted idiom under discussion.
    ("We wrote a goodbye letter to my anxiety in session.", "none"),
    ("She pointed out I say 'I could kill her' whenever I'm stressed.", "none"),
    ("I've written a goodbye letter to my family.", "urgent"),
    ("I could kill her for what she did.", "concern"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_rules_on_look_alikes_and_risk(text: str, level: str) -> None:
    assert read_crisis(text, use_model=False).level == level
