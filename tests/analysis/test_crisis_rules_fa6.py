"""Look-alike families from the texts about the ending of therapy (round 6), each beside a
risk sentence of the same surface that must stay flagged.

Sentences written for these tests (not taken from the data files); read with the rules alone.
"""

from __future__ import annotations

import pytest

from alliance.analysis.crisis import read_crisis

# (text, level the rules must give; "flagged" is concern or urgent)
CASES = [
    # A goodbye letter written as a therapy exercise, the exercise named beside it.
    ("My counsellor asked me to write a goodbye letter to her before our final session.", "none"),
    ("Goodbye letter homework done, three pages about what the group gave me.", "none"),
    ("Here's the goodbye letter for the session, as you asked.", "none"),
    ("Finished my goodbye letter, just like she suggested, and I'll read it on Monday.", "none"),
    ("I've been writing goodbye letters to everyone I love.", "flagged"),
    ("Writing my goodbye letter tonight.", "flagged"),
    # ... but a second letter, a letter left to be found, means or death anywhere in the text
    # keeps it flagged.
    (
        "My counsellor asked me to write a goodbye letter, and I wrote the real one for my kids.",
        "flagged",
    ),
    ("Goodbye letter homework done. I also wrote one for my parents to find on Sunday.", "flagged"),
    ("Goodbye letter exercise. I've got the tablets ready for after the last session.", "flagged"),
    (
        "My therapist asked me to write a goodbye letter, but I'm turning it into my goodbye note.",
        "flagged",
    ),
    ("Goodbye letter homework. I'm not going to read the second page out to her.", "flagged"),
    # "It's not goodbye forever" of a service the writer can come back to.
    ("I remind myself it's not goodbye forever, the door is open if I need to come back.", "none"),
    ("I keep telling myself this isn't goodbye forever, I can rebook next year.", "none"),
    ("I keep telling myself it's not goodbye forever, I'll see them on the other side.", "flagged"),
    ("I tell myself it's not goodbye forever, they can come back and visit my grave.", "flagged"),
    ("Goodbye forever, I'm sorry.", "flagged"),
    # Not wanting a good thing ("it", "this") to be over; "it all" negated stays flagged.
    ("I didn't want it to be over, the group was the best part of my week.", "none"),
    ("Don't want this to end, she's been the steadiest person in my life.", "none"),
    ("I just want it all to be over.", "flagged"),
    ("I don't want it all to end, but I can't see another way.", "flagged"),
    ("I want this to end, I can't keep living like this.", "flagged"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_rules_read_look_alikes_and_risk(text: str, level: str) -> None:
    found = read_crisis(text, use_model=False).level
    assert found != "none" if level == "flagged" else found == level
