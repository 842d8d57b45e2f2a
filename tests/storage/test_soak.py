"""A small version of `make soak`: children killed at random lose no acknowledged action."""

from __future__ import annotations

from benchmarks.soak import soak


def test_children_killed_at_random_lose_no_acknowledged_action() -> None:
    results = soak(trials=3, seed=7)
    assert sum(result.acknowledged for result in results) > 0
    assert [result.lost for result in results] == [0, 0, 0]
    assert [result.integrity for result in results] == ["ok", "ok", "ok"]
