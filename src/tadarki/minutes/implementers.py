"""Who must carry out a decision: split an implementer cell, or read it off the decision text.

Implementers are kept as printed. A cell is split only where it lists separate bodies
("কারা অধিদপ্তর ও মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর"), never inside one name ("বহিরাগমন ও পাসপোর্ট
অধিদপ্তর") or a group ("সুরক্ষা সেবা বিভাগ ও আওতাধীন অধিদপ্তরসমূহ").

When a decision names no implementer, the body that acts in its sentence is taken: the
subject ("… অধিদপ্তরসমূহ স্ব স্ব লক্ষ্যমাত্রা … গ্রহণ করবে"), the agent of "কর্তৃক" unless
it is the agent of a past participle ("মন্ত্রিপরিষদ বিভাগ কর্তৃক প্রদত্ত নির্দেশিকা"), or an
officer asked to act ("যুগ্মসচিব (প্রশাসন ও অর্থ) মহোদয়কে … অনুরোধ করা হয়"). Failing those, a
division's group of departments in the genitive ("… বিভাগের আওতাধীন অধিদপ্তরসমূহের সেবা প্রদান
প্রতিশ্রুতি … সম্পন্ন করতে হবে") is the implementer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BN = "\u0980-\u09ff"

# Names of bodies the minutes name, longest first when matched (aliases are kept as printed).
KNOWN_BODIES: tuple[str, ...] = (
    "সুরক্ষা সেবা বিভাগ",
    "জননিরাপত্তা বিভাগ",
    "মন্ত্রিপরিষদ বিভাগ",
    "অর্থ বিভাগ",
    "তথ্য ও যোগাযোগ প্রযুক্তি বিভাগ",
    "স্বরাষ্ট্র মন্ত্রণালয়",
    "জনপ্রশাসন মন্ত্রণালয়",
    "বহিরাগমন ও পাসপোর্ট অধিদপ্তর",
    "ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর",
    "কারা অধিদপ্তর",
    "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর",
    "ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর",
    "বাংলাদেশ পুলিশ",
    "পুলিশ হেডকোয়ার্টার্স",
    "বর্ডার গার্ড বাংলাদেশ",
    "বাংলাদেশ কোস্ট গার্ড",
    "আনসার ও গ্রাম প্রতিরক্ষা বাহিনী",
    "র‍্যাপিড অ্যাকশন ব্যাটালিয়ন",
    "বাংলাদেশ কম্পিউটার কাউন্সিল",
    "আইসিটি সেল",
)

# Last words of a body's name (stems, before a case ending).
BODY_HEADS = frozenset(
    "অধিদপ্তর অধিদপ্তরসমূহ বিভাগ বিভাগসমূহ মন্ত্রণালয় মন্ত্রণালয়সমূহ শাখা অধিশাখা অনুবিভাগ "
    "সেল দপ্তর দপ্তরসমূহ সংস্থা সংস্থাসমূহ বাহিনী পুলিশ উইং ব্যুরো কর্তৃপক্ষ কমিশন টিম "
    "দপ্তর/সংস্থা দপ্তর/সংস্থাসমূহ অধিদপ্তর/সংস্থা অধিদপ্তর/সংস্থাসমূহ".split()
)
# Last words of known names that are heads only inside that name ("বাংলাদেশ কোস্ট গার্ড").
_NAME_ONLY_HEADS = frozenset(n.split()[-1] for n in KNOWN_BODIES) - BODY_HEADS
# Heads that take one name word before them: "প্রশাসন-১ শাখা", "আইসিটি সেল".
_NAMED_HEADS = frozenset("শাখা অধিশাখা অনুবিভাগ সেল উইং টিম".split())
_DETERMINERS = frozenset("এ এই উক্ত সংশ্লিষ্ট সকল প্রতিটি".split())
_QUALIFIERS = frozenset("আওতাধীন অধীন অধীনস্থ আওতাভুক্ত".split())
_CONJUNCTIONS = frozenset(("এবং", "ও"))
_NOT_ACTOR_AFTER = frozenset("হতে থেকে সাথে সঙ্গে নিকট মাধ্যমে বরাবর পর্যন্ত জন্য".split())
_PARTICIPLES = frozenset(
    "প্রদত্ত গৃহীত আয়োজিত প্রণীত প্রেরিত অনুমোদিত নির্ধারিত প্রকাশিত বাস্তবায়িত সম্পাদিত পরিচালিত গঠিত জারি".split()
)
POSTS = (
    "সিনিয়র সচিব",
    "অতিরিক্ত সচিব",
    "যুগ্মসচিব",
    "যুগ্ম সচিব",
    "উপসচিব",
    "উপ সচিব",
    "সিনিয়র সহকারী সচিব",
    "সহকারী সচিব",
    "সচিব",
    "অতিরিক্ত মহাপরিচালক",
    "মহাপরিচালক",
    "উপপরিচালক",
    "উপ-পরিচালক",
    "সহকারী পরিচালক",
    "পরিচালক",
    "সিস্টেম এনালিস্ট",
    "সিনিয়র সিস্টেম এনালিস্ট",
    "সহকারী প্রোগ্রামার",
    "প্রোগ্রামার",
    "সহঃ প্রোগ্রামার",
    "মহাপুলিশ পরিদর্শক",
    "অতিরিক্ত মহাপুলিশ পরিদর্শক",
    "চেয়ারম্যান",
    "উপদেষ্টা",
    "প্রতিমন্ত্রী",
    "মন্ত্রী",
    "ফোকাল পয়েন্ট কর্মকর্তা",
    "কর্মকর্তা",
)
_POST_ALT = "|".join(re.escape(p) for p in sorted(POSTS, key=len, reverse=True))
_ASKED_POST = re.compile(
    rf"(?<![{BN}])((?:{_POST_ALT})(?:\s*\([^)]*\))?)\s*(?:মহোদয়কে|মহোদয়গণকে|কে)(?![{BN}])"
)
_ASKING = re.compile("অনুরোধ|নির্দেশ|দায়িত্ব|আহ্বান")
_PUNCT = ",;:।ঃ!?\"'“”‘’"
_VOWEL_SIGNS = "ািীুূৃেৈোৌ"


def _case(token: str) -> tuple[str, str] | None:
    """(stem, case) when the token is a body head: nom, gen (…ের/…র), acc (…কে), loc (…ে/…য়)."""
    word = token.strip(_PUNCT)
    last = word.rsplit("/", 1)[-1]
    prefix = word[: len(word) - len(last)]
    for suffix, case in (("ের", "gen"), ("কে", "acc"), ("র", "gen"), ("য়", "loc"), ("ে", "loc")):
        if last.endswith(suffix) and last[: -len(suffix)] in BODY_HEADS | _NAME_ONLY_HEADS:
            return prefix + last[: -len(suffix)], case
    if last in BODY_HEADS | _NAME_ONLY_HEADS or word in BODY_HEADS:
        return word, "nom"
    return None


@dataclass
class _Phrase:
    start: int
    end: int  # index of the head token
    case: str
    compound: bool
    words: list[str]


def _known_start(tokens: list[str], end: int, stem: str) -> int | None:
    for name in sorted(KNOWN_BODIES, key=len, reverse=True):
        parts = name.split()
        if parts[-1] != stem.rsplit("/", 1)[-1]:
            continue
        start = end - len(parts) + 1
        if start >= 0 and [t.strip(_PUNCT) for t in tokens[start:end]] == parts[:-1]:
            return start
    return None


def _simple_start(tokens: list[str], end: int, stem: str) -> int:
    known = _known_start(tokens, end, stem)
    if known is not None:
        return known
    if end > 0:
        before = tokens[end - 1]
        clean = before.strip(_PUNCT)
        if before == clean and clean in _DETERMINERS | _QUALIFIERS:
            return end - 1
        if stem in _NAMED_HEADS and before == clean and clean and not _case(clean):
            if not clean.endswith(("ের", "র")) or re.search(r"[0-9০-৯]", clean):
                return end - 1
    return end


def _phrase_at(tokens: list[str], end: int) -> _Phrase | None:
    head = _case(tokens[end])
    if not head:
        return None
    stem, case = head
    if stem not in BODY_HEADS and _known_start(tokens, end, stem) is None:
        return None  # "বাংলাদেশ" alone is not a body
    start = _simple_start(tokens, end, stem)
    words = [t.strip(_PUNCT) for t in tokens[start:end]] + [stem]
    compound = False
    if tokens[start].strip(_PUNCT) in _QUALIFIERS and start > 0:
        link = tokens[start - 1]
        if link in _CONJUNCTIONS and start > 1 and _case(tokens[start - 2]):
            inner_stem, inner_case = _case(tokens[start - 2])
            if inner_case == "nom":
                inner = _simple_start(tokens, start - 2, inner_stem)
                inner_words = [t.strip(_PUNCT) for t in tokens[inner : start - 2]]
                if tokens[start] == "অধীন":
                    # "X বিভাগ এবং অধীন অধিদপ্তরসমূহ": bare অধীন needs a genitive, so the
                    # minutes mean "X বিভাগের অধীন অধিদপ্তরসমূহ".
                    words = [*inner_words, _genitive(inner_stem), *words]
                else:
                    words = [*inner_words, inner_stem, link, *words]
                start, compound = inner, True
        elif _case(link) and _case(link)[1] == "gen" and link == link.strip(_PUNCT):
            inner_stem, _ = _case(link)
            inner = _simple_start(tokens, start - 1, inner_stem)
            words = [t.strip(_PUNCT) for t in tokens[inner : start - 1]] + [link, *words]
            start, compound = inner, True
    return _Phrase(start, end, case, compound, words)


def _genitive(stem: str) -> str:
    return stem + ("র" if stem[-1] in _VOWEL_SIGNS else "ের")


def _is_participle(word: str) -> bool:
    word = word.strip(_PUNCT)
    return word in _PARTICIPLES or word.endswith(("কৃত", "িত", "ীত"))


def _role(tokens: list[str], phrase: _Phrase) -> str:
    """strong (the actor), weak (a group in the genitive) or none."""
    following = [t.strip(_PUNCT) for t in tokens[phrase.end + 1 : phrase.end + 4]]
    ends_clause = tokens[phrase.end] != tokens[phrase.end].rstrip(_PUNCT)
    if phrase.case == "nom":
        if not following or ends_clause:
            return "strong"
        if following[0] == "কর্তৃক":
            return "none" if any(_is_participle(w) for w in following[1:3]) else "strong"
        if following[0] == "এর":
            return "weak" if phrase.compound else "none"
        if following[0] in _NOT_ACTOR_AFTER:
            return "none"
        return "strong"
    if phrase.case == "gen" and phrase.compound:
        return "weak"
    if phrase.case == "acc" and _ASKING.search(" ".join(tokens[phrase.end + 1 :])):
        return "strong"  # "অধিদপ্তরসমূহকে … অনুরোধ করা হলো"
    return "none"


def infer_implementers(text: str) -> list[str]:
    """The implementers a decision's sentence names, or [] when it names none."""
    tokens = text.split()
    phrases = [p for i in range(len(tokens)) if (p := _phrase_at(tokens, i))]
    # A name inside a bigger one ("এ বিভাগ" in "এ বিভাগ এবং আওতাধীন অধিদপ্তরসমূহের") is not separate.
    phrases = [
        p
        for p in phrases
        if not any(q is not p and q.start <= p.start and p.end <= q.end for q in phrases)
    ]
    strong: list[tuple[int, str]] = []
    weak: list[tuple[int, str]] = []
    for phrase in phrases:
        role = _role(tokens, phrase)
        words = [w for w in phrase.words if w]
        if words and words[0] in _DETERMINERS - {"এ", "এই"} and len(words) > 1:
            words = words[1:] if words[0] in ("উক্ত", "সংশ্লিষ্ট") else words
        name = " ".join(words)
        position = len(" ".join(tokens[: phrase.start]))
        if role == "strong" and name not in _DETERMINERS:
            strong.append((position, name))
        elif role == "weak":
            weak.append((position, name))
    if _ASKING.search(text):
        strong += [(m.start(), m[1]) for m in _ASKED_POST.finditer(text)]
    chosen = sorted(strong) or weak
    names: list[str] = []
    for _, name in chosen:
        if name not in names and not (len(name.split()) == 1 and name in ("বিভাগ", "শাখা")):
            names.append(name)
    return names


def names_a_body(part: str, *, min_words: int = 1) -> bool:
    """Whether the text ends like the name of a body ("… অধিদপ্তর", "বাংলাদেশ কোস্ট গার্ড")."""
    words = part.split()
    if len(words) < min_words:
        return False
    bare = re.sub(r"\s*\([^)]*\)$", "", part).split()  # "অধিদপ্তর প্রধান (সকল)"
    last = bare[-1] if bare else ""
    known = any(part.endswith(name) for name in KNOWN_BODIES)
    return known or last in BODY_HEADS


_LIST_MARK = re.compile(r"(?:^|\s)\(?[0-9০-৯]{1,2}\s*[)।.]\s+")


def split_implementers(cell: str) -> list[str]:
    """`কারা অধিদপ্তর/মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর` → two names; a group stays whole."""
    cell = re.sub(r"\s+", " ", cell).strip().strip("।;.:").strip()
    if not cell:
        return []
    if _LIST_MARK.match(cell):
        items = [p.strip(" ,;।") for p in _LIST_MARK.split(cell)]
        return [p for p in items if p]
    for sep in ("/", ",", ";"):
        parts = [p.strip() for p in cell.split(sep)]
        if len(parts) > 1 and all(names_a_body(p, min_words=2) for p in parts):
            if sep == ",":
                parts = _attach_units(parts)
            return [name for p in parts for name in _split_conjunction(p)]
    return _split_conjunction(cell)


_UNIT_HEADS = frozenset("শাখা অধিশাখা অনুবিভাগ সেল উইং ডেস্ক".split())
_PARENT_HEADS = frozenset("বিভাগ মন্ত্রণালয় অধিদপ্তর".split())


def _attach_units(parts: list[str]) -> list[str]:
    """`আইসিটি সেল, সুরক্ষা সেবা বিভাগ` is one body: a section named with its division."""
    merged: list[str] = []
    for part in parts:
        head = part.split()[-1]
        if merged and head in _PARENT_HEADS and merged[-1].split()[-1] in _UNIT_HEADS:
            merged[-1] = f"{merged[-1]}, {part}"
        else:
            merged.append(part)
    return merged


def _split_conjunction(text: str) -> list[str]:
    """Split on ও/এবং where both sides are whole bodies and the right is not "আওতাধীন …"."""
    words = text.split()
    names: list[str] = []
    current: list[str] = []
    for i, word in enumerate(words):
        if word in _CONJUNCTIONS and current:
            left, right = " ".join(current), " ".join(words[i + 1 :])
            if (
                right
                and names_a_body(left)
                and names_a_body(right)
                and words[i + 1] not in _QUALIFIERS
            ):
                names.append(left)
                current = []
                continue
        current.append(word)
    if current:
        names.append(" ".join(current))
    return names
