"""linkscope report from the command line: files, exit codes, progress, well-formed HTML that
headless Chromium opens and renders (a screenshot that is not blank)."""

import os
import pathlib
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "datasets" / "sample" / "case.jsonl"
CONFIG = ROOT / "tests" / "report" / "sample_config.json"
CLI = pathlib.Path(os.environ.get("LINKSCOPE_CLI", ROOT / "build" / "release" / "bin" / "linkscope"))


def report(out, *extra):
    return subprocess.run([str(CLI), "report", str(SAMPLE), "-o", str(out), "--config", str(CONFIG),
                           *map(str, extra)], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    run = report(out)
    assert run.returncode == 0, run.stderr
    return out, run


def test_writes_html_json_and_csv(made):
    out, run = made
    assert f"report: {out}/report.html" in run.stdout
    names = {p.name for p in out.iterdir()}
    assert {"report.html", "report.json", "networks.csv", "evidence.csv", "timeline.csv"} <= names
    # Not a terminal: plain progress lines on stderr, one per step.
    lines = [l for l in run.stderr.splitlines() if l.startswith("linkscope report: [")]
    assert len(lines) == 12 and lines[-1] == "linkscope report: [11/11] done"
    assert [int(l.split("[")[1].split("/")[0]) for l in lines] == list(range(12))


def test_html_is_well_formed_and_self_contained(made):
    out, _ = made
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    root = ET.fromstring(html.split("\n", 1)[1] if html.startswith("<!DOCTYPE") else html)
    assert root.tag == "html"
    tags = {el.tag.split("}")[-1] for el in root.iter()}
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert "svg" in tags and "table" in tags
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html
    for section in ("overview", "networks", "convergence", "key-players", "firearms",
                    "watch-list", "timeline", "evidence", "reproducibility"):
        assert f'id="{section}"' in html, section


def test_reruns_are_byte_identical(made, tmp_path):
    out, _ = made
    again = tmp_path / "again"
    run = report(again, "--quiet", "--threads", "1")
    assert run.returncode == 0 and run.stderr == ""
    for p in out.iterdir():
        assert (again / p.name).read_bytes() == p.read_bytes(), p.name


def test_bad_usage_and_bad_input(tmp_path):
    run = report(tmp_path / "x", "--max-handling-code", "9")
    assert run.returncode == 2
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "networks": 3,\n  "colour": "red"\n}\n')
    run = subprocess.run([str(CLI), "report", str(SAMPLE), "-o", str(tmp_path / "y"),
                          "--config", str(bad)], capture_output=True, text=True)
    assert run.returncode == 1
    assert f"{bad}:3:" in run.stderr and "colour" in run.stderr
    assert not (tmp_path / "y").exists()


def test_headless_chromium_renders_it(made, tmp_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "chromium is not installed (scripts/setup.sh installs it)"
    from PIL import Image

    out, _ = made
    shot = tmp_path / "report.png"
    run = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                          "--hide-scrollbars", "--window-size=1280,2400",
                          f"--screenshot={shot}", (out / "report.html").as_uri()],
                         capture_output=True, text=True, timeout=120,
                         env={**os.environ, "HOME": str(tmp_path)})
    assert shot.exists(), f"no screenshot: {run.stderr[-2000:]}"
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 2400)
    small = image.resize((320, 600))
    colours = small.getcolors(maxcolors=1 << 16) or []
    assert len(colours) > 50, "the page rendered with almost no colours: blank?"
    white = sum(n for n, c in colours if min(c) > 245)
    assert white < 0.97 * 320 * 600, "the page is (almost) all white"
