"""The blind batches `make test` scores: the newest of each kind in full, the others sampled by whole plays."""

from pathlib import Path

from tests.e2e.blind_sampling import Floor, every_for, newest, sample

PATHS = [
    Path(f"tests/blind/{name}.yml")
    for name in (
        "understanding_batch9",
        "understanding_batch12",
        "conversations_batch10",
        "conversations_batch2",
        "spanish_batch1",
    )
]


def test_the_newest_batch_of_each_kind_is_the_highest_number():
    assert newest(PATHS) == {"understanding_batch12", "conversations_batch10", "spanish_batch1"}


def test_older_batches_are_sampled_and_named_ones_are_not(monkeypatch):
    monkeypatch.setenv("BLIND_SAMPLE", "4")
    monkeypatch.delenv("BLIND_BATCHES", raising=False)
    assert [every_for(p, PATHS) for p in PATHS] == [4, 1, 1, 4, 1]
    monkeypatch.setenv("BLIND_BATCHES", "understanding_batch9")
    assert every_for(PATHS[0], PATHS) == 1
    monkeypatch.delenv("BLIND_SAMPLE")
    assert every_for(PATHS[3], PATHS) == 1


def test_a_sample_keeps_whole_conversations():
    rows = [{"q": f"{c}.{t}", "conversation": c} for c in range(9) for t in range(3)]
    kept = sample(rows, 4)
    assert {r["conversation"] for r in kept} == {0, 4, 8} and len(kept) == 9
    assert [r["q"] for r in sample([{"q": str(n)} for n in range(10)], 4)] == ["0", "4", "8"]


def test_a_sampled_floor_applies_only_to_a_sample():
    assert Floor(0.8).of(4) == 0.8 and Floor(0.8, sampled=0.75).of(4) == 0.75 and Floor(0.8, 0.75).of(1) == 0.8
