"""The article reader escapes every character of article text and nests its own tags."""
import pandas as pd
import pytest

from dossier_app.reader import article_html


def body(html: str) -> str:
    return html.split('<div class="dossier-reader">', 1)[1].rsplit("</div>", 1)[0]


M = pd.DataFrame({"start": [0], "end": [4], "actor_id": ["a1"]})


@pytest.mark.parametrize("text, highlight, mentions, expected", [
    ("Iran said no.", None, None, "Iran said no."),
    ("Iran said no.", (5, 9), None, "Iran <mark>said</mark> no."),
    ("Iran said no.", (5, 9), M, '<u title="Iran &lt;x&gt;">Iran</u> <mark>said</mark> no.'),
    ("Iran said no.", (0, 9), M, '<mark><u title="Iran &lt;x&gt;">Iran</u> said</mark> no.'),
    ("Iran said no.", (2, 9), M, "Ir<mark>an said</mark> no."),            # crossing underline dropped
    ("<img src=x onerror=alert(1)> & co", (0, 4), None,
     "<mark>&lt;img</mark> src=x onerror=alert(1)&gt; &amp; co"),
    ("a\n\nb", (0, 4), None, "<mark>a\n\nb</mark>"),
])
def test_article_html(text, highlight, mentions, expected):
    assert body(article_html(text, highlight, mentions, {"a1": "Iran <x>"})) == expected


def test_article_text_is_read_from_the_cache_only_when_opened(sample_cache):
    from dossier_app import corpus, query
    from pipeline import store
    c = corpus.load(store.resolve(sample_cache))
    assert "text" not in c.documents.columns                  # texts stay out of the loaded corpus
    docs = store.read_table(store.resolve(sample_cache), "documents", ["doc_id", "text"])
    doc_id, text = docs.doc_id.iloc[2], docs.text.iloc[2]
    got = query.article(c, doc_id)
    assert got["text"] == text and list(got["mentions"].columns) == ["start", "end", "actor_id"]
    assert query.article(c, "no-such-doc") is None
