"""Look-alike families found raising false alarms on unseen texts (petty threats, things
rather than people, a relative's idiom, exaggerations taken back, story plots, leisure,
planning around death, therapy letters, "passed"), each beside a risk sentence that must
stay flagged.

Sentences written for these tests (not taken from the data files); read with the rules alone.
"""

from __future__ import annotations

import pytest

from alliance.analysis.crisis import read_crisis
from alliance.analysis.crisis_patterns_context import OTHER_DEATH

# (text, level the rules must give; "flagged" is concern or urgent)
CASES = [
    # A threat over something trivial, with "going to", "gonna", "I will"; a joke after it.
    ("I'm going to murder my housemate if she leaves the frying pan in the sink again.", "none"),
    ("Gonna kill my brother, he took the last biscuit.", "none"),
    ("I'm gonna strangle my sister, she finished the hot water again.", "none"),
    ("I will kill my flatmate if he eats my yoghurt one more time.", "none"),
    ("I'm going to kill my husband, he forgot to record the match.", "none"),
    ("I'm going to kill my husband, he hit me again and I have a knife.", "urgent"),
    ("I'm going to kill my brother.", "urgent"),
    ("I'll kill him. Haha, not really, he's my best mate.", "none"),
    ("I'll kill him. I mean it, I know where he lives.", "urgent"),
    # Dark humour about a thing, not a person.
    ("This printer is going to die by my hand.", "none"),
    ("I'm going to drown my laptop in the bath if it freezes once more.", "none"),
    ("I'm going to drown myself in the bath.", "urgent"),
    # A relative's idiom about the writer, over something trivial.
    ("Mum said she'd kill me if I was late again.", "none"),
    ("Dad says he'll kill me if I scratch the car.", "none"),
    ("Dad said he'd kill me if I told anyone.", "concern"),
    ("My boyfriend said he would kill me if I came home late again.", "concern"),
    # An exaggeration about the writer taken back at once.
    ("I want to die of embarrassment. Not literally, obviously.", "none"),
    ("I wanted to die when I tripped on stage. Not literally, obviously.", "none"),
    ("I wanted to die, not literally, when my boss read my message aloud.", "none"),
    ("I want to kill myself. Not literally, it was just so awkward.", "none"),
    ("I want to die. Not literally, but some days I do wonder.", "concern"),
    ("I want to die, not actually joking.", "concern"),
    ("I want to die. I mean it literally.", "concern"),
    ("I want to kill myself.", "urgent"),
    # A story's plot.
    ("In the book the main character plans to end his life.", "none"),
    ("In the series the detective decides to kill himself after the trial.", "none"),
    ("In the novel the heroine wants to die after her lover leaves.", "none"),
    ("The show ends with the hero jumping off a bridge.", "none"),
    ("Like the character in the book, I plan to end my life.", "urgent"),
    ("The film made me want to die.", "concern"),
    # Leisure with risk words.
    ("Went bungee jumping off a bridge for my birthday.", "none"),
    ("We went cliff diving off the rocks in Cornwall.", "none"),
    ("Booked a skydive: I'm going to jump out of a plane next month.", "none"),
    ("Took my dad to the shooting range for his birthday.", "none"),
    ("Tried a knife-throwing class with friends.", "none"),
    ("I'm going to jump off the bridge tonight.", "urgent"),
    # Ordinary planning around death.
    ("Sorted out a pre-paid funeral plan so the kids won't have to.", "none"),
    ("Finally wrote my will with the solicitor.", "none"),
    ("Took out life insurance now the baby is here.", "none"),
    ("Signed up as an organ donor and carry the card in my wallet.", "none"),
    ("Went with my brother to choose a burial plot for Mum.", "none"),
    ("Wrote my will and sorted everything so nobody has to deal with it when I'm gone.", "urgent"),
    ("I've written my will and I've got the pills ready.", "urgent"),
    # A goodbye letter as a therapy exercise.
    ("My therapist asked me to write a goodbye letter to my younger self.", "none"),
    ("My therapist suggested I write a goodbye letter to my anger.", "none"),
    ("Wrote a goodbye letter to the old house as homework from therapy.", "none"),
    ("I wrote a goodbye letter to my kids.", "urgent"),
    ("Wrote a goodbye letter to my life.", "urgent"),
    # "passed" that is not a death keeps the risk.
    ("The urge to cut passed an hour ago.", "urgent"),
    ("Told everyone I love them one last time, after the panic passed.", "urgent"),
    ("Since Dad passed I've been thinking about killing myself.", "urgent"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_rules_read_look_alikes_and_risk(text: str, level: str) -> None:
    found = read_crisis(text, use_model=False).level
    assert found != "none" if level == "flagged" else found == level


@pytest.mark.parametrize(
    ("text", "death"),
    [
        ("Since Dad passed I can't sleep.", True),
        ("My aunt passed away in the spring.", True),
        ("My sister passed her driving test today.", False),
        ("He said the urge passed by the morning.", False),
        ("She told me the thoughts passed after an hour.", False),
    ],
)
def test_passed_is_a_death_only_in_its_death_sense(text: str, death: bool) -> None:
    assert (OTHER_DEATH.search(text) is not None) is death
