"""Markdown escaping of corpus text."""
import pytest

from dossier_app.text import md


@pytest.mark.parametrize("raw, escaped", [
    ("Iran said no", "Iran said no"),
    ("![x](http://evil/x.png)", r"\!\[x\]\(http\://evil/x\.png\)"),
    ("<img src=x onerror=alert(1)>", r"\<img src\=x onerror\=alert\(1\)\>"),
    (":red[alarm] **bold** _it_", r"\:red\[alarm\] \*\*bold\*\* \_it\_"),
    ("line one\nline two", "line one line two"),
    (None, ""),
])
def test_md(raw, escaped):
    assert md(raw) == escaped
