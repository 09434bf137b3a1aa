"""The single-item burnout measure (Physician Worklife Study item, as in Mini-Z 1.0), word for word.

The direction is the 1.0 one: 1 = no burnout … 5 = completely burned out. Mini Z 2.0 reverses the scale;
the two must never be mixed, so the statements and their numbers are fixed here.
"""

from __future__ import annotations

from typing import Final

from wellbeing_app.errors import InvalidInput

STEM: Final = "Overall, based on your definition of burnout, how would you rate your level of burnout?"
# (value, statement), 1..5.
OPTIONS: Final[tuple[tuple[int, str], ...]] = (
    (1, "I enjoy my work. I have no symptoms of burnout."),
    (
        2,
        "Occasionally I am under stress, and I don't always have as much energy as I once did, "
        "but I don't feel burned out.",
    ),
    (
        3,
        "I am definitely burning out and have one or more symptoms of burnout, "
        "such as physical and emotional exhaustion.",
    ),
    (
        4,
        "The symptoms of burnout that I'm experiencing won't go away. "
        "I think about frustration at work a lot.",
    ),
    (
        5,
        "I feel completely burned out and often wonder if I can go on. I am at the point where I may need "
        "some changes or may need to seek some sort of help.",
    ),
)
ATTRIBUTION: Final = (
    "Single-item burnout measure from the Physician Worklife Study (Schmoldt et al., 1994), validated by "
    "Rohland et al. (2004) and Dolan et al. (2015); non-proprietary."
)

MIN_ANSWER: Final = 1
MAX_ANSWER: Final = 5
_RANGE_TEXT: Final = (
    f"The burnout answer is one whole number from {MIN_ANSWER} to {MAX_ANSWER} "
    "(1 = I enjoy my work, 5 = completely burned out)."
)


def statement(answer: int) -> str:
    """The statement the user chose, for quoting it back to them."""
    return OPTIONS[validate_burnout_answer(answer) - 1][1]


def validate_burnout_answer(answer: object) -> int:
    """Return the answer, or say the allowed range."""
    if not isinstance(answer, int) or isinstance(answer, bool) or not MIN_ANSWER <= answer <= MAX_ANSWER:
        raise InvalidInput(f"{_RANGE_TEXT} Got {answer!r}.", field="answer")
    return answer


def parse_burnout_answer(text: str) -> int:
    """Parse the command line's "--answer N"."""
    cleaned = text.strip()
    if not cleaned.isascii() or not cleaned.isdigit():
        raise InvalidInput(f"{_RANGE_TEXT} Got {text!r}.", field="answer")
    return validate_burnout_answer(int(cleaned))
