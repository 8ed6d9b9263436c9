"""Cleaning: boilerplate, captions, glued articles, headers and datelines, on tiny real-looking texts."""
from datetime import date

import pytest

from pipeline.article import RawArticle
from pipeline.clean import clean, is_title_like, normalise


def one(text: str, **meta):
    arts = clean(RawArticle(path="x.txt", text=text, **meta))
    assert len(arts) == 1, [a.text for a in arts]
    return arts[0]


def roles(article):
    return [(b.role, article.text[b.start:b.end]) for b in article.blocks]


@pytest.mark.parametrize("raw, expected", [
    ("a\r\nb\rc", "a\nb\nc"),
    ("Iran\u00a0said\u200b it", "Iran said it"),
    ("  padded line  \n\tTabbed", "padded line\nTabbed"),
    ("bell\x07 and nul\x00", "bell and nul"),
])
def test_normalise(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize("line, expected", [
    ("Haniyeh Briefs Khamenei on Gaza Developments", True),
    ("Hamas blames US for Haniyeh’s killing", True),
    ("Khamenei went on to say that the whole country was mourning.", False),
    ("“The invading repression attempts to depict itself as a victim,” Khamenei warned.", False),
    ("lower case start of a line", False),
    ("One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen", False),
])
def test_is_title_like(line, expected):
    assert is_title_like(line) is expected


@pytest.mark.parametrize("text, kept_text, dropped", [
    ("Headline Here\n\nPosted by\n\nSpread the love\n\nThe body says something.",
     "Headline Here\n\nThe body says something.", ["Posted by", "Spread the love"]),
    (", ,\n\nTitle Words\n\nBody text here.\nTranslate >>\nVerified by MonsterInsights",
     "Title Words\n\nBody text here.", ["Translate >>"]),
    ("Body one.\n\nClick here to display content from Twitter.\nLearn more in Twitter’s privacy policy.\n\nBody two.",
     "Body one.\n\nBody two.", ["Click here"]),
    ("Body one.\n\nAlso Read: Iran and India’s foreign ministers communicated via phone\n\nBody two.",
     "Body one.\n\nBody two.", ["Also Read"]),
    ("Body paragraph repeated.\n\nBody paragraph repeated.\n\nAnother one.",
     "Body paragraph repeated.\n\nAnother one.", []),
])
def test_boilerplate_and_duplicates(text, kept_text, dropped):
    a = one(text)
    assert a.text == kept_text
    for d in dropped:
        assert d not in a.text


def test_repeated_captions_kept_once_and_marked():
    text = ("Haniyeh Briefs Khamenei on Gaza Developments\n\n"
            "Haniyeh meets Khamenei on June 21. (File photo/Office of the Iranian Leader)\n"
            "Haniyeh meets Khamenei on June 21. (File photo/Office of the Iranian Leader)\nTT\n\n"
            "Haniyeh Briefs Khamenei on Gaza Developments\n\n"
            "Hamas leader Ismail Haniyeh has briefed Iran's supreme leader.")
    a = one(text)
    assert roles(a) == [
        ("headline", "Haniyeh Briefs Khamenei on Gaza Developments"),
        ("caption", "Haniyeh meets Khamenei on June 21. (File photo/Office of the Iranian Leader)"),
        ("body", "Hamas leader Ismail Haniyeh has briefed Iran's supreme leader."),
    ]
    assert a.title == "Haniyeh Briefs Khamenei on Gaza Developments"


def test_glued_articles_are_split():
    text = ("First Story Headline\n\nCaption one here. (File photo/Reuters)\nFirst Story Headline\n\n"
            "The first story has a body sentence.\n\nAnd a second paragraph.\n\n\n\n"
            "Second Story Headline\n\nCaption two. (Iraqi government)\nTT\n\nSecond Story Headline\n\n"
            "The second story starts here.")
    arts = clean(RawArticle(path="glued.txt", text=text))
    assert [a.path for a in arts] == ["glued.txt#1", "glued.txt#2"]
    assert [a.title for a in arts] == ["First Story Headline", "Second Story Headline"]
    assert arts[0].text.endswith("And a second paragraph.")
    assert "second story starts" in arts[1].text and "first story" not in arts[1].text


def test_subheading_does_not_split_an_article():
    a = one("Main Headline Here\n\nBody sentence one.\n\nA Subheading In The Middle\n\nBody sentence two.")
    assert [r for r, _ in roles(a)] == ["headline", "body", "headline", "body"]


@pytest.mark.parametrize("first_line, published, outlet, title", [
    (" date 2024-07-31 NYT: Khamenei Ordered Strike on Israel", date(2024, 7, 31), "NYT",
     "Khamenei Ordered Strike on Israel"),
    ("date 2023-01-02 Al Monitor: Some Title", date(2023, 1, 2), "Al Monitor", "Some Title"),
])
def test_header(first_line, published, outlet, title):
    a = one(first_line + "\n\nThe body of the article goes here.")
    assert (a.published, a.date_source, a.outlet, a.title) == (published, "header", outlet, title)
    assert a.text.startswith(title)          # the header prefix is gone from the parsed text
    assert "date 20" not in a.text


@pytest.mark.parametrize("body, published, prefix", [
    ("Tehran, 5 November 2023 (WAI): Iranian supreme leader met Haniyeh.", date(2023, 11, 5),
     "Tehran, 5 November 2023 (WAI): "),
    ("WASHINGTON, Nov. 3, 2016 (Reuters) - The senator said no.", date(2016, 11, 3),
     "WASHINGTON, Nov. 3, 2016 (Reuters) - "),
    ("Tehran: During a recent meeting, Khamenei declined.", None, "Tehran: "),
    ("WASHINGTON, March 2 - The Treasury said it would sell bills.", None, "WASHINGTON, March 2 - "),
    ("ANCHORAGE, Alaska, Feb 26 - Alaska's oil output fell.", None, "ANCHORAGE, Alaska, Feb 26 - "),
    ("NEW YORK, Oct 19 (Reuters) - Stocks fell.", None, "NEW YORK, Oct 19 (Reuters) - "),
    ("The Palestinian movement said: it was treacherous.", None, None),
])
def test_dateline(body, published, prefix):
    a = one(body)
    assert a.published == published
    assert a.date_source == ("dateline" if published else "none")
    datelines = [t for r, t in roles(a) if r == "dateline"]
    assert datelines == ([prefix] if prefix else [])


def test_metadata_date_wins_over_header_and_dateline():
    a = one("date 2024-07-31 NYT: Title Words\n\nTehran, 5 November 2023 (WAI): Body text.",
            published=date(2020, 1, 1), outlet="Meta Outlet", title="Meta Title")
    assert (a.published, a.date_source, a.outlet, a.title) == (date(2020, 1, 1), "metadata", "Meta Outlet", "Meta Title")


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Posted by\n\nSpread the love", "Just A Headline"])
def test_nothing_left(text):
    assert clean(RawArticle(path="x.txt", text=text)) == []


def test_blocks_cover_the_text_exactly():
    a = one("Headline Words\n\nFirst para.\nSecond line.\n\nThird para.")
    for b in a.blocks:
        assert a.text[b.start:b.end].strip() == a.text[b.start:b.end]
    assert a.doc_id == one("Headline Words\n\nFirst para.\nSecond line.\n\nThird para.").doc_id
