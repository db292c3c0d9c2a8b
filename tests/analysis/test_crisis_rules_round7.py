"""Cue and context families named by an adjudicator (round 7), each beside a look-alike of the
same surface that must be read at its own (lower or higher) level.

Sentences written for these tests (not taken from the data files); read with the rules alone.
"""

from __future__ import annotations

import pytest

from alliance.analysis.crisis import read_crisis

# (text, level the rules must give; "flagged" is concern or urgent)
CASES = [
    # 1. Passive ideation about waking and living, with no risk word: concern.
    ("I was disappointed to wake up this morning.", "concern"),
    ("Woke up again and felt sorry that I did.", "concern"),
    ("Another morning, annoyed I woke up at all.", "concern"),
    ("I feel relieved at the thought of not waking up.", "concern"),
    ("If I didn't wake up tomorrow, honestly that would be fine.", "concern"),
    ("Why am I still alive?", "concern"),
    ("I keep asking myself why I'm still living.", "concern"),
    ("The dog is the only reason I'm still here.", "concern"),
    ("What is the point of me?", "concern"),
    ("Sometimes I wonder what the point of me even is.", "concern"),
    ("I was disappointed to wake up to rain this morning.", "none"),
    ("Sorry to wake you up so early!", "none"),
    ("It was so nice not waking up to an alarm on holiday.", "none"),
    ("Relieved the baby didn't wake up in the night.", "none"),
    ("Relieved at the thought of not waking up at 5am tomorrow for the shift.", "none"),
    ("Why am I still here at the office at 9pm?", "none"),
    ("Why am I still living with my parents at 30?", "none"),
    ("What is the point of me going if she's not coming?", "none"),
    # 2. Indirect goodbyes: urgent when the writer's own end is implied.
    ("I'm rehoming my cat because I won't be able to look after her soon.", "urgent"),
    ("Found a new home for Bella, I won't be around to look after her.", "urgent"),
    ("I cancelled all my subscriptions, I won't need them.", "urgent"),
    ("Cancelled my dentist appointment and the gym, won't need them now.", "urgent"),
    ("I won't be needing my guitar where I'm going.", "urgent"),
    ("Just Friday left.", "urgent"),
    ("Counting down to Sunday, because that's when I've decided to go.", "urgent"),
    ("Wrote notes for Mum and my sister and put them in the drawer.", "urgent"),
    ("I've written a note for each of them.", "urgent"),
    ("We're rehoming the dog because we're moving to a flat that doesn't allow pets.", "none"),
    ("Rehoming my cat because my new landlord won't let me keep her.", "none"),
    ("I cancelled Netflix, I won't need it while I'm travelling.", "none"),
    ("Sold my car, I'm moving to Berlin and won't need it.", "none"),
    ("Just Friday left until the holidays!", "none"),
    ("Only four sessions left and I'm strangely calm about it.", "none"),
    ("Wrote notes for the lecture and put them in the drawer.", "none"),
    ("Wrote thank-you notes for Mum and Dad after the wedding.", "none"),
    # 3. A method, means or plan without the word suicide: urgent.
    ("The rope is hidden under my bed.", "urgent"),
    ("I've been researching overdose online.", "urgent"),
    ("This time I'll get the dosage right.", "urgent"),
    ("I'm going to make sure I don't wake up tomorrow.", "urgent"),
    ("I bought the blades to cut with.", "urgent"),
    ("I bought a rope for the climbing wall.", "none"),
    ("The rope is ready for the tug of war at the school fete.", "none"),
    ("The doctor said we need to get the dosage right this time.", "none"),
    ("I'm researching overdose prevention for my nursing course.", "none"),
    ("A patient on my ward tried to overdose last night.", "none"),
    ("I'm not going to wake up early tomorrow, it's my day off.", "none"),
    # 4. Past self-harm or an attempt mentioned in passing: concern.
    ("I still have old scars on my arms.", "concern"),
    ("The cuts on my thighs from years ago have faded.", "concern"),
    ("The overdose back in 1998 still haunts me.", "concern"),
    ("Told my partner about my overdose in 2005.", "concern"),
    ("I was in hospital after an attempt back in 2012.", "concern"),
    ("She mentioned the time I was on the ward after the pills.", "concern"),
    ("I have an old scar from my appendix operation.", "none"),
    ("The scars from the car accident have faded.", "none"),
    ("My cousin died of an overdose two years ago.", "none"),
    ("I lost my best friend to an overdose last summer.", "none"),
    ("I passed my driving test after two attempts.", "none"),
    ("Tia has been free of self-harm for years and wants a tattoo over the old scars.", "none"),
    # 5. Risk long past: concern, not urgent; present risk beside it stays urgent.
    ("I tried to end my life at sixteen.", "concern"),
    ("I attempted suicide once, at twenty-two, after my first baby.", "concern"),
    ("It's been five years since I last cut.", "concern"),
    ("Two years back I tried to end it during my exams.", "concern"),
    ("The week after I'd tried to hang myself, I met my therapist.", "concern"),
    ("I tried to end my life at sixteen and I'm going to do it again tonight.", "urgent"),
    ("I tried to end my life at sixteen and I still want to.", "urgent"),
    ("I'm in college and I want to kill myself.", "urgent"),
    ("I'm going to kill myself at 11 tonight.", "urgent"),
    # 6. Anger vented and disowned: none; not with a weapon or a condition.
    ("I could strangle him, not that I ever would.", "none"),
    ("I want to punch him in the face, not that I would.", "none"),
    ("I'm going to kill my boss. Not really, he's just unbearable.", "none"),
    ("I wanted to punch him and scream at him. I did neither.", "none"),
    ("I could strangle him, not that I ever would, unless he comes near my kids again.", "flagged"),
    ("I want to hurt him, not that I would, but I've got the knife in my bag.", "urgent"),
    ("I want to kill him, not that anyone would blame me.", "urgent"),
    # 7. A screening answered no in new wordings: none; a yes or a "but" keeps it.
    ("The nurse asked about harming myself; nope.", "none"),
    ("The GP asked whether I'd had thoughts of suicide - nah.", "none"),
    ("The nurse asked about harming myself. Not once.", "none"),
    ("Did the PHQ-9 again, 0 on question 9 about thoughts of being better off dead.", "none"),
    ("The nurse asked about harming myself; yes.", "flagged"),
    ("The GP asked whether I'd had thoughts of suicide - nah, but honestly I have.", "flagged"),
    (
        "Scored 0 on question 9 last time but this time I scored 2, thoughts that I'd be "
        "better off dead.",
        "flagged",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_rules_read_round7_families_and_look_alikes(text: str, level: str) -> None:
    found = read_crisis(text, use_model=False).level
    assert found != "none" if level == "flagged" else found == level
