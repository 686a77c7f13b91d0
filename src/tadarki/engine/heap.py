"""How the audit's process uses glibc's heap (a process-wide setting, so set once here).

- Each page's parse tree is allocated at the top of the heap and freed soon after; with
  glibc's default (dynamic, ~128 kB) trim threshold the heap was shrunk and grown again
  several times a page: a tenth of the audit's CPU went to brk() and page faults. Memory
  freed at the top is kept up to `KEPT_AT_TOP` instead.
- What a finished portal freed is given back to the system at once (`give_back`, ~1.5 ms a
  portal): otherwise a long audit's workers kept the free space of every portal they had in
  flight at once, 8 MB more each at 50k pages than at 5k.

On another C library both are no-ops: it has its own allocator.
"""

from __future__ import annotations

import ctypes

KEPT_AT_TOP = 32 << 20
_M_TRIM_THRESHOLD = -1

try:
    _libc = ctypes.CDLL(None)
    _mallopt = _libc.mallopt
    _malloc_trim = _libc.malloc_trim
except (OSError, AttributeError):  # not glibc
    _mallopt = _malloc_trim = None

_tuned = False


def keep_top() -> None:
    """Once per process, for every audit in it."""
    global _tuned
    if _tuned or _mallopt is None:
        return
    _tuned = True
    _mallopt(_M_TRIM_THRESHOLD, KEPT_AT_TOP)


def give_back() -> None:
    """Return the heap's free pages (top and middle) to the system."""
    if _malloc_trim is not None:
        _malloc_trim(0)
