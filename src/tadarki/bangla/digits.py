"""Bengali digits (০–৯) to and from ASCII."""

BENGALI_DIGITS = "০১২৩৪৫৬৭৮৯"
_TO_BN = str.maketrans("0123456789", BENGALI_DIGITS)
_TO_ASCII = str.maketrans(BENGALI_DIGITS, "0123456789")


def to_bengali(value: object) -> str:
    """`2025` → `২০২৫`; other characters are kept."""
    return str(value).translate(_TO_BN)


def to_ascii(text: str) -> str:
    """`০১.০৩.২০২০` → `01.03.2020`; other characters are kept."""
    return text.translate(_TO_ASCII)


def parse_int(text: str) -> int:
    """An integer written in Bengali or ASCII digits."""
    return int(to_ascii(text.strip()))
