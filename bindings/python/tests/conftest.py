"""Shared fixtures: the embedded sample case, the command-line program, a generated case."""

import os
import pathlib

import pytest

import linkscope

ROOT = pathlib.Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "datasets" / "sample" / "case.jsonl"
SAMPLE_TRUTH = ROOT / "datasets" / "sample" / "case.truth.csv"


def cli_path() -> pathlib.Path:
    """The linkscope program of the same build as the package (<build>/bin/linkscope)."""
    if os.environ.get("LINKSCOPE_CLI"):
        return pathlib.Path(os.environ["LINKSCOPE_CLI"])
    return pathlib.Path(linkscope.__file__).resolve().parents[2] / "bin" / "linkscope"


@pytest.fixture(scope="session")
def sample() -> linkscope.Graph:
    return linkscope.load(SAMPLE)


@pytest.fixture(scope="session")
def cli() -> pathlib.Path:
    path = cli_path()
    assert path.exists(), f"the linkscope program is not at {path} (set LINKSCOPE_CLI)"
    return path


@pytest.fixture(scope="session")
def big(tmp_path_factory) -> linkscope.Graph:
    """A generated case large enough that exact betweenness takes many seconds."""
    path = tmp_path_factory.mktemp("big") / "case.jsonl"
    return linkscope.generate(entities=40000, seed=3, path=str(path))
