"""Unique Pupil Numbers with a correct check letter (903-schema 3.3).

A UPN is a check letter followed by 12 characters: the 3-digit LA number, a 4-digit school
number, 2 digits for the year and a 3-digit serial. The check letter is the sum of position x
value over positions 2-13, modulo 23, mapped onto the alphabet without I, O and S.
"""

from __future__ import annotations

CHECK_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"
WIRRAL_LA_NUMBER = "344"


def check_letter(body: str) -> str:
    """The check letter for the 12 characters after it (digits, or a final letter)."""
    if len(body) != 12:
        raise ValueError("a UPN body has 12 characters")
    total = 0
    for position, char in enumerate(body, start=2):
        value = int(char) if char.isdigit() else CHECK_ALPHABET.index(char)
        total += position * value
    return CHECK_ALPHABET[total % 23]


def permanent_upn(serial: int, year_of_entry: int) -> str:
    """A permanent UPN for the serial-th synthetic pupil; unique for serials below 8 million."""
    school = 2000 + (serial // 1000) % 8000
    body = f"{WIRRAL_LA_NUMBER}{school:04d}{year_of_entry % 100:02d}{serial % 1000:03d}"
    return check_letter(body) + body
