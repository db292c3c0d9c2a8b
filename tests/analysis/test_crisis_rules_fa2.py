"""Look-alike families from the care, everyday and other-people negatives, each beside a risk
sentence that must stay flagged.

Sentences written for these tests (not taken from the data files); read with the rules alone.
"""

from __future__ import annotations

import pytest

from alliance.analysis.crisis import read_crisis

# (text, level the rules must give; "flagged" is concern or urgent)
CASES = [
    # A screening question or form item, answered no.
    ("Pre-op assessment: any self-harm, thoughts of suicide? No, none at all.", "none"),
    ("Pre-op assessment: any self-harm, thoughts of suicide? Yes, lately.", "urgent"),
    ("Filled in the GP questionnaire: ever self-harmed, no; drink, sometimes.", "none"),
    ("The nurse asked if I'd thought about hurting myself: no.", "none"),
    ("The nurse asked if I'd thought about hurting myself: every night.", "flagged"),
    ("The wellbeing app asks every morning about thoughts of being better off dead. Zero.", "none"),
    ("The wellbeing app asks every morning about thoughts of being better off dead.", "concern"),
    ("The survey has a question about being better off dead. I ticked never.", "none"),
    ("The survey has a question about being better off dead. I ticked most days.", "concern"),
    ("The counsellor asked my daughter if she'd thought of hurting herself. She said no.", "none"),
    ("She asked where I was, and whether I'd had suicidal thoughts; the answer is no.", "none"),
    ("She asked how I was, and whether I'd had thoughts of suicide. I said yes.", "flagged"),
    ("My GP asked if I wanted a safety plan and I said I didn't need one.", "none"),
    ("My GP went through my safety plan with me again.", "concern"),
    # Teaching and professional talk about risk.
    ("Booked onto a suicide first aid course for work.", "none"),
    ("As a nurse I ask the suicide question on every shift.", "none"),
    ("Our team had a workshop on writing a safety plan with a young person.", "none"),
    ("The medication leaflet mentions suicidal thoughts as a side effect.", "none"),
    ("The medication leaflet mentions suicidal thoughts and I've been having them.", "urgent"),
    # A goodbye letter to a body or a decade.
    ("Wrote a goodbye letter to my thirties on my birthday.", "none"),
    ("Wrote a goodbye letter to my family and hid it in the drawer.", "urgent"),
    # Anger idioms over small things, and a threat over a spoiler.
    ("I could throttle whoever invented self-service tills.", "none"),
    ("I could throttle him.", "concern"),
    ("If my flatmate borrows my charger one more time I swear I will murder him.", "none"),
    ("My sister said she'd kill me if I spoiled the finale.", "none"),
    ("My ex said he'd kill me if I left, and he has a knife.", "concern"),
    ("Kill me now, this conference call is on its third hour.", "none"),
    ("Kill me now, I can't face another day.", "concern"),
    # Exhaustion and a ghost at one's own funeral.
    ("I want to disappear under the covers for a weekend with a book.", "none"),
    ("I want to disappear under the covers, for good this time.", "concern"),
    ("I can't do this anymore, this commute is eating my life.", "none"),
    ("I can't do this anymore.", "concern"),
    ("If they play that hymn at my funeral I'll haunt the lot of them.", "none"),
    ("I keep thinking about my funeral and who would come.", "concern"),
    ("I wouldn't mind not waking up tomorrow.", "concern"),
    # Someone else's self-harm or suicidal thoughts, told as over.
    ("My brother has been free of self-harm for three years now.", "none"),
    ("My brother has started self-harming again.", "concern"),
    ("My aunt used to think about suicide a lot when she was young.", "none"),
    ("My best friend tried to take his own life when we were at school.", "none"),
    ("My best friend tried to take his own life last week and I'm scared.", "concern"),
    ("I've been free of self-harm for two years.", "concern"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_rules_read_look_alikes_and_risk(text: str, level: str) -> None:
    found = read_crisis(text, use_model=False).level
    assert found != "none" if level == "flagged" else found == level
