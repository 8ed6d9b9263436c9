"""Actor curation: alias rules from user actions, and the Actors page flow (AppTest)."""
import shutil

import pandas as pd
import pytest

from dossier_app import curation
from helpers import ROOT
from pipeline import store

BASE = pd.DataFrame([{"alias": "Hanieh", "canonical": "Ismail Haniyeh", "type": "", "hidden": ""}])


def rows(df):
    return [tuple(r) for r in df[curation.COLUMNS].itertuples(index=False)]


@pytest.mark.parametrize("action, expected", [
    (lambda a: curation.merge(a, ["Hamas Politburo", "Hamas"], "Hamas"),
     [("Hanieh", "Ismail Haniyeh", "", ""), ("Hamas Politburo", "Hamas", "", "")]),
    (lambda a: curation.rename(a, "United States", "USA (government)"),
     [("Hanieh", "Ismail Haniyeh", "", ""), ("United States", "USA (government)", "", "")]),
    (lambda a: curation.hide(a, ["Twitter", "Zionist"]),
     [("Hanieh", "Ismail Haniyeh", "", ""), ("Twitter", "Twitter", "", "true"), ("Zionist", "Zionist", "", "true")]),
    (lambda a: curation.retype(a, "Tasnim", "org"),
     [("Hanieh", "Ismail Haniyeh", "", ""), ("Tasnim", "Tasnim", "ORG", "")]),
    (lambda a: curation.merge(a, ["hanieh"], "Hamas"),                 # a new rule replaces the old one
     [("hanieh", "Hamas", "", "")]),
    (lambda a: curation.rename(a, "Ismail Haniyeh", "Ismail Haniya"),  # older rules follow the rename
     [("Hanieh", "Ismail Haniya", "", ""), ("Ismail Haniyeh", "Ismail Haniya", "", "")]),
    (lambda a: curation.normalise(pd.concat([a, a, pd.DataFrame([{"alias": " ", "canonical": ""}])])),
     [("Hanieh", "Ismail Haniyeh", "", "")]),
])
def test_actions(action, expected):
    assert rows(action(BASE)) == expected


@pytest.mark.parametrize("action, message", [
    (lambda: curation.merge(BASE, ["Hamas"], "Hamas"), "pick at least one other actor"),
    (lambda: curation.merge(BASE, ["Hamas"], ""), "merge needs a target"),
    (lambda: curation.rename(BASE, "Hamas", "  "), "type a new, different name"),
    (lambda: curation.hide(BASE, []), "pick actors to hide"),
    (lambda: curation.retype(BASE, "Hamas", ""), "pick a type"),
])
def test_bad_actions(action, message):
    with pytest.raises(ValueError, match=message):
        action()


def click(at, label):
    next(b for b in at.button if b.label == label).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def names(at):
    return list(at.dataframe[0].value["name"])


def test_merge_hide_rename_flow(curated_app):
    at, cache, aliases = curated_app
    before = names(at)
    assert "Hamas" in before and "Iran" in before
    other = "Hamas Politburo" if "Hamas Politburo" in before else next(n for n in before if n not in ("Hamas", "Iran"))
    at.multiselect(key="merge_names").set_value(["Hamas", other])
    at.selectbox(key="merge_into").set_value("Hamas")
    click(at, "Merge")
    assert other not in names(at) and "Hamas" in names(at)
    assert at.success[0].value == r"Merged 2 actors into Hamas\."
    assert f"{other},Hamas" in aliases.read_text()
    assert other not in set(store.read_table(cache, "actors").name)

    at.multiselect(key="hide_names").set_value(["Iran"])
    click(at, "Hide")
    assert "Iran" not in names(at)
    assert "Iran" not in set(store.read_table(cache, "actors").name)

    at.selectbox(key="rename_who").set_value("Hamas")
    at.text_input(key="rename_new").set_value("Hamas movement")
    click(at, "Rename")
    assert "Hamas movement" in names(at) and "Hamas" not in names(at)
    man = store.read_manifest(cache)
    assert man["relinked"] and man["counts"]["actors"] == len(store.read_table(cache, "actors"))


def test_bad_action_shows_an_error_and_changes_nothing(curated_app):
    at, cache, aliases = curated_app
    before = aliases.read_text()
    at.multiselect(key="merge_names").set_value(["Hamas"])
    at.selectbox(key="merge_into").set_value("Hamas")
    click(at, "Merge")
    assert [e.value for e in at.error] == ["pick at least one other actor to merge"]
    assert aliases.read_text() == before


def test_relink_command(sample_cache, tmp_path):
    """`python -m pipeline relink` applies an edited alias file to a built cache without re-parsing."""
    import subprocess
    import sys
    cache = tmp_path / "cache"
    shutil.copytree(sample_cache, cache)
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical,type,hidden\nHamas Politburo,Hamas,,\nZionist,Zionist,,true\n")
    proc = subprocess.run([sys.executable, "-m", "pipeline", "relink", "--out", str(cache), "--aliases", str(aliases)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    names = set(store.read_table(cache, "actors").name)
    assert "Hamas" in names and "Hamas Politburo" not in names and "Zionist" not in names
    assert store.read_manifest(cache)["aliases"]["path"] == str(aliases)


def test_the_actor_filter_follows_merged_and_renamed_actors(curated_app):
    at, cache, aliases = curated_app
    ids = dict(zip(store.read_table(cache, "actors").name, store.read_table(cache, "actors").actor_id))
    at.multiselect(key="f_actors").set_value([ids["Hamas Politburo"]])
    at.run()
    at.multiselect(key="merge_names").set_value(["Hamas", "Hamas Politburo"])
    at.selectbox(key="merge_into").set_value("Hamas")
    click(at, "Merge")
    after = dict(zip(store.read_table(cache, "actors").actor_id, store.read_table(cache, "actors").name))
    assert [after[a] for a in at.multiselect(key="f_actors").value] == ["Hamas"]

    at.selectbox(key="rename_who").set_value("Hamas")
    at.text_input(key="rename_new").set_value("Hamas movement")
    click(at, "Rename")
    after = dict(zip(store.read_table(cache, "actors").actor_id, store.read_table(cache, "actors").name))
    assert [after[a] for a in at.multiselect(key="f_actors").value] == ["Hamas movement"]
