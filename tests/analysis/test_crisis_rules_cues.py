"""Cue families for the standard warning signs, each beside look-alikes that must stay clear.

Sentences written for these tests (not taken from the data files); read with the rules alone.
"""

from __future__ import annotations

import pytest

from alliance.analysis.crisis import read_crisis

# (text, level the rules must give)
CASES = [
    # Farewell acts: belongings, pets and letters "for when I'm gone", a note left behind.
    ("I've handed my records over to my cousin for when I'm gone.", "urgent"),
    ("Told my neighbour the cat is hers after I'm gone.", "urgent"),
    ("I finished writing my note this afternoon.", "urgent"),
    ("I've written a letter to each of my children and hidden them in the shed.", "urgent"),
    ("Rang everyone I love tonight, just to hear them one last time.", "urgent"),
    ("I've left the spare key out for whoever finds me.", "urgent"),
    ("Finally wrote the note to the school about the bus timetable.", "none"),
    ("Wrote my note for the milkman and went to bed.", "none"),
    ("I've written a thank-you letter to each of my children's teachers.", "none"),
    ("Hugged everyone one last time before the flight to Toronto.", "none"),
    # An ordinary will: at most the concern "when I'm gone" always carried, never urgent.
    (
        "Made a will with the solicitor so the kids are looked after when I'm gone one day.",
        "concern",
    ),
    # Preparations: affairs in order, pills kept back, everything ready.
    ("I've got my affairs in order now, all of it.", "urgent"),
    ("I've stopped my tablets and I'm hiding them in a sock drawer.", "urgent"),
    ("Everything is ready.", "urgent"),
    ("My grandad has his affairs in order since the diagnosis.", "none"),
    ("I keep my inhaler tablets in my bag, saving them for bad days.", "none"),
    ("Everything is ready for the christening on Sunday.", "none"),
    # Method research.
    ("I searched which of my tablets would be fatal.", "urgent"),
    ("Googled how long it would take to bleed out.", "urgent"),
    ("I checked how high the bridge is.", "urgent"),
    ("Googled how long roast potatoes take.", "none"),
    (
        "I looked up how much paracetamol is safe with my cold remedy, the dentist said fine.",
        "none",
    ),
    ("Looked up whether the cat will die if it eats a lily. Vet says maybe.", "none"),
    # A chosen time or place.
    ("I've decided Saturday is the night.", "urgent"),
    ("I've picked the spot I'm going to jump.", "urgent"),
    ("The house is empty on Sunday and that's when I'll do it.", "urgent"),
    ("I've decided Saturday is the night we finally paint the hall.", "none"),
    ("We've picked the spot for the barbecue.", "none"),
    # Urges now.
    ("I'm going to cut again tonight.", "urgent"),
    ("The craving to cut won't leave me alone.", "urgent"),
    ("I don't think I'll make it through the night.", "urgent"),
    ("I'm going to cut the hedge tonight.", "none"),
    ("I don't think I'll make it through the night shift without more coffee.", "none"),
    ("The craving for chocolate is ridiculous today.", "none"),
    # Harm to others with a plan or the means.
    ("I've got the hammer in my car for when I see him.", "urgent"),
    ("I know where he drinks and I'm going to make him pay.", "urgent"),
    ("I'm going to track him down and hurt him.", "urgent"),
    ("I've got the book in my bag for when I see her.", "none"),
    ("I know where he parks, so I'll leave his parcel by the car.", "none"),
    # The context checks still apply to the new cues.
    ("Years ago I wrote my note and then called a helpline instead.", "concern"),
    ("My brother says he's going to track him down and hurt him.", "concern"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_warning_sign_cues(text: str, level: str) -> None:
    assert read_crisis(text, use_model=False).level == level
