"""Cleaning: boilerplate, captions, glued articles, headers and datelines, on tiny real-looking texts."""
from datetime import date

import pytest

from pipeline.inputs.article import RawArticle
from pipeline.inputs.clean import clean, date_line, is_title_like, normalise, unwrap


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


WRAPPED = ["FARO, Portugal, Jan 9 (Lusa) - The regional airport was closed on",
           "Tuesday after a storm brought down power lines across the Algarve,",
           "the airport operator said in a statement. Flights were diverted to",
           "Lisbon and Seville.",
           "Officials said the runway would reopen on Wednesday morning if",
           "the winds eased."]


@pytest.mark.parametrize("lines, expected", [
    (WRAPPED, [" ".join(WRAPPED[:4]), " ".join(WRAPPED[4:])]),
    # one long line broken mid-sentence (no wrap width): joined when the next line goes on in lower case
    (["Portugal's foreign minister, Helena Quarteira, said on Monday that talks", "with Spain would resume."],
     ["Portugal's foreign minister, Helena Quarteira, said on Monday that talks with Spain would resume."]),
    (["A hyphen-", "ated word at a wrap, in a very long line that carries on and on and on"] * 1,
     ["A hyphen-", "ated word at a wrap, in a very long line that carries on and on and on"]),
    # negatives: a headline above the body, list items, paragraphs ending in full stops, blank lines
    (["Storm closes airport in Faro", "the airport operator said."], ["Storm closes airport in Faro",
                                                                      "the airport operator said."]),
    (["The operator listed what was closed, and what would open next week:", "- the runway", "- the terminal"],
     ["The operator listed what was closed, and what would open next week:", "- the runway", "- the terminal"]),
    (["Khamenei has issued an order to this effect, reported the New York Times on Wednesday.",
      "The report did not specify the timing or scope of the attack on Israel."],
     ["Khamenei has issued an order to this effect, reported the New York Times on Wednesday.",
      "The report did not specify the timing or scope of the attack on Israel."]),
    (["first paragraph that is long enough to count as a full line of text", "", "second paragraph"],
     ["first paragraph that is long enough to count as a full line of text", "", "second paragraph"]),
])
def test_unwrap(lines, expected):
    assert unwrap(lines) == expected


@pytest.mark.parametrize("line, expected", [
    ("March 4, 2024", (date(2024, 3, 4), False)),
    ("Published: 4 March 2024, 10:32 GMT", (date(2024, 3, 4), False)),
    ("Updated Monday, March 4, 2024 at 9:15 a.m. ET", (date(2024, 3, 4), True)),
    ("Last modified on Mon 4 Mar 2024 18.00 GMT", (date(2024, 3, 4), True)),
    ("2024-03-04", (date(2024, 3, 4), False)),
    ("Posted on 25/03/2024", (date(2024, 3, 25), False)),
    ("Posted on 04/03/2024", None),                      # day and month ambiguous: not guessed
    ("Storm hits 2024 Olympics", None),
    ("March 2024", None),
    ("Iran 2024 elections: what to know", None),
    ("By Jane Doe", None),
])
def test_date_line(line, expected):
    assert date_line(line) == expected


def test_date_lines_above_the_body_date_the_article_and_are_not_body():
    text = ("Storm closes airport in Faro\nUpdated: March 5, 2024\nPublished March 4, 2024\n\n"
            "The airport was closed on Tuesday after a storm, officials said.\n")
    a = clean(RawArticle(path="x.txt", text=text))[0]
    assert (a.published, a.date_source) == (date(2024, 3, 4), "header")
    assert [b.role for b in a.blocks] == ["headline", "dateline", "dateline", "body"]


def test_a_hard_wrapped_dateline_still_dates_the_article():
    text = ("Portugal and Spain to resume river talks\n\nLISBON, March 4, 2024 (Lusa) - Portugal's foreign "
            "minister said on Monday that talks\nwith Spain would resume on March 12.\n")
    a = clean(RawArticle(path="x.txt", text=text))[0]
    assert (a.published, a.date_source) == (date(2024, 3, 4), "dateline")
    assert "talks with Spain" in a.text


def test_a_list_of_headlines_is_not_unwrapped():
    lines = ["Historic Climate Change Agreement Adopted In Paris",
             "The Paris Climate Agreement Is One Huge Step For Mankind",
             "Speaking with One Voice to Solve the Climate Crisis", "Leaders Meet Again Next Year In Bonn"]
    assert unwrap(lines) == lines


def test_indented_lines_start_paragraphs_in_wrapped_text():
    text = ("Argentina may set farm price rules\n\nBUENOS AIRES, Feb 26 - Argentine grain board figures show\n"
            "crop registrations of grains, oilseeds and their products to\n"
            "February 11, in thousands of tonnes, showing those for future\n"
            "shipments month, 1986/87 total and 1985/86 total to February 12.\n"
            "    The board said registrations were higher than a year ago, and\n"
            "that prices would be set by the board itself in March.\n")
    a = clean(RawArticle(path="x.txt", text=text))[0]
    assert a.text.split("\n")[2:] == [
        "BUENOS AIRES, Feb 26 - Argentine grain board figures show crop registrations of grains, oilseeds and "
        "their products to February 11, in thousands of tonnes, showing those for future shipments month, "
        "1986/87 total and 1985/86 total to February 12.",
        "The board said registrations were higher than a year ago, and that prices would be set by the board "
        "itself in March."]
