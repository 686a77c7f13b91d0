"""Meeting minutes (কার্যবিবরণী) → structured decisions, implementers and deadlines.

Plain Python, no Django. Public API:

* `parse_text(text, source="", *, details=False) -> dict` and
  `parse_file(path, *, details=False) -> dict` (minutes-json.md; `details` adds `opening`,
  per item `discussion`, `closing`, `distribution` and `attendees`)
* `parse_deadline(phrase_or_sentence) -> dict | None`
* `score(expected, actual) -> (right, checked)` in `tadarki.minutes.accuracy`
"""

from tadarki.minutes.deadlines import parse_deadline
from tadarki.minutes.parser import MinutesError, parse_file, parse_text

__all__ = ["MinutesError", "parse_deadline", "parse_file", "parse_text"]
