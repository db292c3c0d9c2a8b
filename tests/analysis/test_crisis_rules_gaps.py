"""Three known gaps of the rules, each closed as a narrow family beside its look-alikes:
a note left for someone close to find, someone else's goodbye posted as final or followed by
their vanishing, and a goodbye with an afterlife.

Sentences written for these tests (not taken from the data files); read with the rules alone.
"""

from __future__ import annotations

import pytest

from alliance.analysis.crisis import read_crisis

# (text, level the rules must give)
CASES = [
    # A note left for someone close to find, as a farewell (urgent).
    ("I've written a note for my parents to find.", "urgent"),
    ("Left a letter on the kitchen table for Mum to find in the morning.", "urgent"),
    ("I've hidden letters in my drawer for my sisters to find afterwards.", "urgent"),
    ("Wrote notes for Jo and Dad to find, and put them under my pillow.", "urgent"),
    # ... not a note that helps find a thing, gives its ordinary message, or is a game or love.
    ("I left a note for the cleaner to find the keys.", "none"),
    ("I hid notes around the house for my son to find on his birthday treasure hunt.", "none"),
    ("I wrote a note for my parents to find when they get home saying I'm at Sam's.", "none"),
    ("I left a love note for my wife to find in her lunchbox.", "none"),
    ("Left a note for Tom to find, telling him the dinner's in the oven.", "none"),
    ("The spare key is under the mat with a note for Priya to find.", "none"),
    ("My sister wrote a note for Mum to find.", "none"),
    # ... told without "I wrote": where the letter lies, "there's" (urgent).
    ("There's a letter in my desk for my sister to find.", "urgent"),
    ("The envelope on the hall table is for Mum to find.", "urgent"),
    ("left a letter under my pillow for them to find", "urgent"),
    ("There are letters in my drawer for my mates to find.", "urgent"),
    # ... and its look-alikes: a thing to find, an ordinary message, a game, a birthday.
    ("There's a note in the fridge for my sister to find the cake", "none"),
    (
        "There's a letter in my desk for my sister to find when she house-sits, "
        "with the wifi code.",
        "none",
    ),
    (
        "There's a note under the mat for my son to find, the first clue of his scavenger hunt.",
        "none",
    ),
    ("There's a letter in my desk for my sister to find on her birthday.", "none"),
    # Someone else's goodbye, posted as final or followed by their vanishing (concern).
    ("My friend posted 'this is goodbye' and deleted her accounts.", "concern"),
    ("My cousin texted 'goodbye forever' and then switched off her phone.", "concern"),
    ("A girl from my class posted a goodbye video and deleted all her socials.", "concern"),
    ("My flatmate left a note saying goodbye and isn't answering her phone.", "concern"),
    # ... not a goodbye with a return, another platform, a business closing, or the writer's.
    ("My friend posted 'this is goodbye, see you all after exams'.", "none"),
    ("My friend posted 'goodbye Twitter, I'm on Bluesky now'.", "none"),
    ("My friend posted 'goodbye Twitter, I'm on Bluesky now' and deleted her account.", "none"),
    ("Our local cafe posted 'this is goodbye' after ten years in business.", "none"),
    ("She sent a goodbye email to the team and went offline for her maternity leave.", "none"),
    ("My ex said goodbye and hasn't answered since.", "none"),
    ("We posted 'this is goodbye' on the band's page.", "none"),
    # A goodbye with an afterlife, the writer's own (urgent).
    ("It's not goodbye forever, I'll see you on the other side.", "urgent"),
    ("Goodbye everyone, I'll see you all in the next life.", "urgent"),
    ("See you on the other side, I love you, goodbye.", "urgent"),
    (
        "Since Dad died nothing matters. Goodbye Mum, see you on the other side.",
        "urgent",
    ),
    # ... not the other side of a thing, a cheerful goodbye, an operation or trip, or the dead.
    ("See you on the other side of the holidays!", "none"),
    ("see you on the other side of this deadline", "none"),
    ("See you on the other side, Gran.", "none"),
    ("Stood at Gran's grave and said goodbye, see you on the other side, Gran.", "none"),
    ("Said goodbye to Grandad at the funeral, see you on the other side old man.", "none"),
    ("We buried Gran today. Bye Gran, see you on the other side.", "none"),
    ("Surgery at 8 tomorrow. Bye all, see you on the other side.", "none"),
    ("Off to a festival, no signal for five days. Bye, see you on the other side.", "none"),
    ("Goodbye, see you on the other side!", "none"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_rules_read_the_gaps_and_their_look_alikes(text: str, level: str) -> None:
    assert read_crisis(text, use_model=False).level == level


@pytest.mark.parametrize(
    "text",
    [
        "I left a note for the cleaner to find the keys.",
        "My friend posted 'goodbye Twitter, I'm on Bluesky now'.",
        "See you on the other side of the holidays!",
        "We buried Gran today. Bye Gran, see you on the other side.",
    ],
)
def test_the_classifier_raises_no_look_alike(text: str) -> None:
    assert read_crisis(text).level == "none"
