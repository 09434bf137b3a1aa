"""The wheel and the sdist build from a clean copy of the sources, and the wheel runs on its own in a new venv.

The new venv borrows the test venv's dependencies (PySide6 and the rest) through a .pth line, so no download
is needed, while wellbeing_app itself comes only from the wheel: a file missing from the wheel (migrations,
crisis lines, the stylesheet) fails here.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _sources(target: Path) -> Path:
    listed = (
        subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True)
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            destination = target / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
    return target


def test_the_wheel_installs_and_runs_in_a_fresh_venv(tmp_path: Path) -> None:
    sources = _sources(tmp_path / "src")
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(sources)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = dist.glob("*.whl")
    assert len(list(dist.glob("*.tar.gz"))) == 1
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "wellbeing_app/storage/migrations/env.py",
        "resources/data/crisis_lines.json",
        "resources/styles/app.qss",
        "resources/icons/app.svg",
    ):
        assert needed in names, f"{needed} is missing from the wheel"
    assert not any(name.startswith("tests/") for name in names)

    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=False)
    bin_dir = fresh / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    fresh_site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (fresh_site / "borrowed-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run(  # pip of this venv, working on the new one (--python): scripts and metadata as usual
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "WELLBEING_DATA_DIR")}
    env |= {"WELLBEING_PASSPHRASE": "a passphrase for the wheel test", "QT_QPA_PLATFORM": "offscreen"}
    data_dir = tmp_path / "vault"
    where = tmp_path  # not the repository: only the wheel's copy of the package can be imported

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(bin_dir / "wellbeing-app"), *argv],
            cwd=where,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("wellbeing-app "), version.stderr
    assert run("--data-dir", str(data_dir), "init").returncode == 0
    verified = run("--data-dir", str(data_dir), "verify")
    assert verified.returncode == 0 and "Vault OK" in verified.stdout, verified.stdout + verified.stderr
    origin = subprocess.run(
        [str(python), "-c", "import wellbeing_app, ui; print(wellbeing_app.__file__); print(ui.__file__)"],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(path.startswith(str(fresh_site)) for path in origin), origin
