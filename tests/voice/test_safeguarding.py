import pytest

from careboard.voice.safeguarding import normalise, signals_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My carer hits me when I'm late", ["harm"]),
        ("I don't feel safe at home", ["not safe"]),
        ("im sooo SCARED of him", ["not safe"]),
        ("sometimes I want to kill myself", ["self-harm"]),
        ("I'm thinking about running away", ["running away"]),
        ("someone touched me and said don’t tell", ["abuse"]),
        ("Je suis pas safe – not safe here", ["not safe"]),
    ],
)
def test_signals_are_found_whatever_the_case_spelling_or_punctuation(text, expected):
    assert signals_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "My social worker is great and listens to me",
        "Our school trip to the Safari park was fun",  # "safe" inside a word is not "safe"
        "I'd like more football and a gym pass",
        "",
    ],
)
def test_ordinary_feedback_raises_no_signal(text):
    assert signals_in(text) == []


def test_signals_are_found_in_any_of_the_answers():
    assert signals_in("school is good", "", "I am not safe at night") == ["not safe"]


def test_normalise_squeezes_repeated_letters_and_drops_apostrophes():
    assert normalise("Don't   sooooo") == " dont so "
