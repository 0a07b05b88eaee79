from __future__ import annotations

import pytest

from assistant.retrieval.fusion import reciprocal_rank_fusion


def test_rrf_scores_follow_the_formula() -> None:
    fused = dict(reciprocal_rank_fusion([["a", "b"], ["b", "c"]], k=60))
    # a: 1/(60+1); b: 1/(60+2) + 1/(60+1); c: 1/(60+2)
    assert fused["a"] == pytest.approx(1 / 61)
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["c"] == pytest.approx(1 / 62)


def test_rrf_orders_consensus_first_and_is_deterministic_on_ties() -> None:
    order = [i for i, _ in reciprocal_rank_fusion([["a", "b", "c"], ["b", "a", "d"]])]
    # a and b tie exactly; the first list's order breaks the tie.
    assert order == ["a", "b", "c", "d"]


def test_rrf_weights_shift_the_balance() -> None:
    lexical, dense = ["x", "y"], ["y", "x"]
    assert reciprocal_rank_fusion([lexical, dense], weights=[2.0, 1.0])[0][0] == "x"
    assert reciprocal_rank_fusion([lexical, dense], weights=[1.0, 2.0])[0][0] == "y"


def test_rrf_rejects_mismatched_weights() -> None:
    with pytest.raises(ValueError, match="one weight per ranking"):
        reciprocal_rank_fusion([["a"]], weights=[1.0, 2.0])
