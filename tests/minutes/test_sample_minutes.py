"""The three real minutes in ../shared/samples/minutes parse exactly to their .json twins."""

import pytest
from tests.minutes.minutes_files import json_twin

from tadarki.minutes import parse_file

SAMPLES = ["citizen-charter-q3-2024", "innovation-team-4th-2019", "website-monitoring-17th-2025"]


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_parses_to_its_json_twin(shared_dir, name):
    folder = shared_dir / "samples" / "minutes"
    expected = json_twin(folder / f"{name}.txt")
    assert parse_file(folder / f"{name}.txt") == expected
