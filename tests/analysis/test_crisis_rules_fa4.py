"""Look-alike families from the disclosure and harm look-alike sets, each beside a risk
sentence that must stay flagged.

Sentences written for these tests (not taken from the data files); read with the rules alone.
"""

from __future__ import annotations

import pytest

from alliance.analysis.crisis import read_crisis

# (text, level the rules must give; "flagged" is concern or urgent)
CASES = [
    # A screening question, answered at the start of one of the next two sentences.
    ("My GP ran through the risk questions again. No thoughts of harming myself.", "none"),
    (
        "My GP ran through the risk questions again. No thoughts of harming myself, but I lied.",
        "flagged",
    ),
    (
        "The nurse went through the screening checklist. No, I'm not planning to hurt myself.",
        "none",
    ),
    (
        "The nurse went through the screening checklist. No, I'm not safe, I want to hurt myself.",
        "flagged",
    ),
    ("The nurse asked if I was safe. Yes. No thoughts of hurting myself though.", "flagged"),
    ("Had a rough week. No thoughts of hurting myself.", "concern"),
    ("No, I'm not thinking about hurting myself, I'm just worn out.", "concern"),
    # A question asked straight out, answered no.
    (
        "The psychiatrist asked me point-blank if I'd thought about ending my life. I said no.",
        "none",
    ),
    (
        "The psychiatrist asked me point-blank if I'd thought about ending my life. I said yes.",
        "flagged",
    ),
    # The item named, answered no.
    ("I ticked never for the self-harm question this time.", "none"),
    ("I said no to the self-harm question, but I lied.", "flagged"),
    ("I said yes to the self-harm question.", "concern"),
    # A denial to a clinician, told honestly.
    ("I told my new therapist truthfully that I've never had urges of hurting myself.", "none"),
    ("I told the nurse I've never had thoughts of hurting myself and she believed me.", "flagged"),
    # Scratching an insect bite till it bled.
    ("Scratched at a midge bite till it bled on the walk.", "none"),
    ("Scratched at a midge bite till it bled, I deserve it.", "flagged"),
    ("I scratched my arm till it bled.", "flagged"),
    # Getting even without violence.
    ("I'm going to hurt her by being happy and never answering her texts.", "none"),
    ("I'm going to hurt her by being there when she gets home with a knife.", "urgent"),
    ("I want to hit him where it hurts: cancelling the joint Spotify.", "none"),
    ("I want to hit him where it hurts.", "urgent"),
    # Past anger at nobody in particular, let go.
    ("I was ready to punch someone in that queue, but I just rolled my eyes.", "none"),
    (
        "I was ready to punch someone in that queue, but I just went for a walk with my bat.",
        "flagged",
    ),
    ("I was ready to punch my husband, but I just went for a walk.", "flagged"),
    ("I'm ready to punch someone.", "urgent"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_rules_read_look_alikes_and_risk(text: str, level: str) -> None:
    found = read_crisis(text, use_model=False).level
    assert found != "none" if level == "flagged" else found == level
