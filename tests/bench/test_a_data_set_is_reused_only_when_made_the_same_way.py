"""The national data set is kept between runs of ``make bench`` and made again whenever the
generator, its seed or scale, or the migrations differ from those it was made with."""

from __future__ import annotations

import json
from pathlib import Path

from bench import dataset


def test_the_schema_fingerprint_is_stable_and_short() -> None:
    assert dataset.schema_fingerprint() == dataset.schema_fingerprint()
    assert len(dataset.schema_fingerprint()) == 16


def test_a_manifest_made_the_same_way_is_fresh(tmp_path: Path) -> None:
    wanted = {"generator_version": 1, "seed": 2014, "scale": 1.0, "schema": "abc"}
    manifest = tmp_path / "m.json"
    manifest.write_text(json.dumps({"made_with": wanted, "counts": {}}))

    assert dataset._fresh(manifest, wanted)


def test_any_difference_in_how_it_was_made_means_making_it_again(tmp_path: Path) -> None:
    wanted = {"generator_version": 1, "seed": 2014, "scale": 1.0, "schema": "abc"}
    manifest = tmp_path / "m.json"
    for changed in ({"seed": 7}, {"scale": 0.5}, {"schema": "def"}, {"generator_version": 2}):
        manifest.write_text(json.dumps({"made_with": {**wanted, **changed}}))
        assert not dataset._fresh(manifest, wanted), changed


def test_a_missing_or_broken_manifest_means_making_it_again(tmp_path: Path) -> None:
    wanted = {"generator_version": 1}
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")

    assert not dataset._fresh(tmp_path / "missing.json", wanted)
    assert not dataset._fresh(broken, wanted)


def test_a_data_set_made_the_same_way_over_older_migrations_is_migrated_forward(
    tmp_path: Path,
) -> None:
    wanted = {"generator_version": 3, "seed": 2014, "scale": 1.0, "schema": "new"}
    manifest = tmp_path / "m.json"
    manifest.write_text(json.dumps({"made_with": {**wanted, "schema": "old"}}))

    assert not dataset._fresh(manifest, wanted)
    assert dataset._only_the_schema_differs(manifest, wanted)
    for changed in ({"seed": 7}, {"scale": 0.5}, {"generator_version": 2}):
        manifest.write_text(json.dumps({"made_with": {**wanted, **changed, "schema": "old"}}))
        assert not dataset._only_the_schema_differs(manifest, wanted), changed
