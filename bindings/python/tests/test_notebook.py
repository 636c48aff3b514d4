"""Runs docs/notebooks/analyst_walkthrough.ipynb top to bottom in a Jupyter kernel and checks
its key outputs against the same computations done here.

The kernel is the "python3" kernelspec (Debian's ipykernel on /usr/bin/python3), a subprocess:
it finds the package through PYTHONPATH (the directory holding this process's linkscope) and
the sample through LINKSCOPE_SAMPLE. Skipped only when nbclient is not installed; a kernel that
cannot start is a failure.
"""

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

nbclient = pytest.importorskip("nbclient")

import nbformat  # noqa: E402  (nbclient depends on it)
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel  # noqa: E402

import linkscope  # noqa: E402

REPO = Path(__file__).resolve().parents[3]
NOTEBOOK = REPO / "docs" / "notebooks" / "analyst_walkthrough.ipynb"
SAMPLE = REPO / "datasets" / "sample" / "case.jsonl"
PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(linkscope.__file__)))
KERNEL = "python3"
SYSTEM_PYTHON = "/usr/bin/python3"


def _kernel_python(argv0: str) -> str:
    found = argv0 if os.path.isabs(argv0) else shutil.which(argv0)
    return os.path.realpath(found) if found else argv0


@pytest.fixture(scope="module")
def run():
    """Executes the notebook once; the outcome (notebook or error message) is shared."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    env = {"PYTHONPATH": os.pathsep.join(
               [PACKAGE_DIR] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]),
           "LINKSCOPE_SAMPLE": str(SAMPLE)}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)  # the kernel subprocess inherits this environment
    start = time.monotonic()
    outcome = {"nb": None, "error": None}
    try:
        client = nbclient.NotebookClient(nb, kernel_name=KERNEL, timeout=300,
                                         resources={"metadata": {"path": str(NOTEBOOK.parent)}})
        client.execute()
        outcome["nb"] = nb
    except nbclient.exceptions.CellExecutionError as e:
        outcome["error"] = f"a notebook cell raised:\n{e}"
    except NoSuchKernel as e:
        outcome["error"] = f'no Jupyter kernel "{KERNEL}" (install the Debian ipykernel): {e}'
    except Exception as e:  # kernel start-up failures: RuntimeError, TimeoutError, dead kernel
        outcome["error"] = (f'running the notebook with kernel "{KERNEL}" failed: '
                            f"{type(e).__name__}: {e}")
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    outcome["seconds"] = time.monotonic() - start
    return outcome


def _executed(run):
    if run["error"]:
        pytest.fail(run["error"], pytrace=False)
    return run["nb"]


def _code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def _cell_ending_with(nb, last_line: str):
    for c in _code_cells(nb):
        if c.source.strip().splitlines()[-1].strip() == last_line:
            return c
    pytest.fail(f"no code cell ends with {last_line!r}")


def _html(cell) -> str:
    return "".join(o["data"]["text/html"] for o in cell.outputs
                   if o.output_type in ("execute_result", "display_data") and "text/html" in o["data"])


def _stdout(cell) -> str:
    return "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")


def _summary(run) -> dict:
    """The JSON line the last cell prints."""
    nb = _executed(run)
    lines = _stdout(_code_cells(nb)[-1]).strip().splitlines()
    assert lines, "the last cell printed nothing"
    try:
        return json.loads(lines[-1])
    except json.JSONDecodeError as e:
        pytest.fail(f"the last line of the last cell is not JSON ({e}): {lines[-1]!r}")


@pytest.fixture(scope="module")
def g():
    return linkscope.load(SAMPLE)


def test_kernelspec_runs_system_python():
    try:
        spec = KernelSpecManager().get_kernel_spec(KERNEL)
    except NoSuchKernel as e:
        pytest.fail(f'no Jupyter kernel "{KERNEL}" (install the Debian ipykernel): {e}', pytrace=False)
    assert _kernel_python(spec.argv[0]) == os.path.realpath(SYSTEM_PYTHON), (
        f'kernel "{KERNEL}" runs {spec.argv[0]} ({spec.resource_dir}), not {SYSTEM_PYTHON}')
    assert spec.argv[1:3] == ["-m", "ipykernel_launcher"], spec.argv
    where = subprocess.run([SYSTEM_PYTHON, "-c", "import ipykernel; print(ipykernel.__file__)"],
                           capture_output=True, text=True, env={"PATH": os.environ.get("PATH", "")})
    assert where.returncode == 0, f"{SYSTEM_PYTHON} cannot import ipykernel: {where.stderr}"
    assert where.stdout.startswith("/usr/lib/python3/"), (
        f"{SYSTEM_PYTHON}'s ipykernel is not Debian's: {where.stdout.strip()}")


def test_notebook_is_stored_clean():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert nb.nbformat == 4
    assert nb.metadata["kernelspec"]["name"] == KERNEL
    for c in _code_cells(nb):
        assert c.outputs == [] and c.execution_count is None, f"cell {c.get('id')} has outputs"


def test_every_cell_ran_without_error(run):
    nb = _executed(run)
    for c in _code_cells(nb):
        assert c.execution_count is not None, f"cell {c.get('id')} did not run"
        errors = [o for o in c.outputs if o.output_type == "error"]
        assert not errors, f"cell {c.get('id')} raised {errors[0]['ename']}: {errors[0]['evalue']}"
        stderr = [o.text for o in c.outputs if o.output_type == "stream" and o.name == "stderr"]
        assert not any("Traceback" in t for t in stderr), f"cell {c.get('id')}: {stderr}"
    assert run["seconds"] < 120, f"the notebook took {run['seconds']:.1f} s (keep it under 60 s)"


def test_summary_counts_match(run, g):
    summary = _summary(run)
    assert summary["entities"] == g.vertex_count
    nets = g.communities(seed=1)
    assert summary["communities"] == nets.count
    convergent = int((nets.to_pandas()["categories"] >= 2).sum())
    assert summary["convergent"] == convergent
    assert 2 <= convergent <= nets.count
    assert nets[summary["top_community"]].categories == nets.to_pandas()["categories"].max()


def test_summary_path_matches(run, g):
    summary = _summary(run)
    a, b = summary["path"]
    assert g.entity(a)["kind"] == "person" and g.entity(b)["kind"] == "person"
    assert a != b
    path = g.shortest_path(a, b, weight="reliability")
    assert path is not None
    assert summary["path_hops"] == path.hops
    assert path.entities[0] == a and path.entities[-1] == b


def test_summary_keyplayers_match(run, g):
    summary = _summary(run)
    key_players = g.view(kinds="person").keyplayers(k=5)
    assert summary["keyplayers"] == key_players.set
    assert len(summary["keyplayers"]) == 5
    assert summary["cut_flows"] == len(g.remove(key_players.set).cut)
    key_players_all = g.keyplayers(k=5)
    assert summary["keyplayers_all"] == key_players_all.set
    assert summary["cut_flows_all"] == len(g.remove(key_players_all.set).cut)


def test_displays(run):
    nb = _executed(run)
    graph = _html(_cell_ending_with(nb, "g"))
    assert "linkscope.Graph" in graph
    community = _html(_cell_ending_with(nb, "top_community"))
    assert "<svg" in community and "Community" in community
    row = _html(_cell_ending_with(nb, "table.loc[[top_community.id]]"))
    assert "<table" in row and "categories" in row
    evidence = _html(_cell_ending_with(nb, "path.to_pandas()"))
    for column in ("from", "to", "type", "date", "source", "grade", "confidence"):
        assert f"<th>{column}</th>" in evidence, column
    assert "<svg" in _html(_cell_ending_with(nb, "curve"))
