"""A message bridge: lets the network iframe tell Streamlit which actor the user picked.

The graph runs in a sandboxed `st.iframe` that cannot navigate or call Streamlit. It posts
`{type: "dossier:pick-actor", name}` to the parent window; this JS-only component (our own code,
no corpus text in it) listens on the app page and turns the message into a trigger value. The
name is untrusted: the page maps it to a known actor and ignores anything else.
"""
from __future__ import annotations

import streamlit as st

MESSAGE_TYPE = "dossier:pick-actor"
EDGE_MESSAGE = "dossier:pick-edge"
MAX_NAME = 200

_JS = """
export default function (component) {
  const { setTriggerValue } = component;
  const frames = () => Array.from(document.querySelectorAll("iframe")).map((f) => f.contentWindow);
  function onMessage(event) {
    const d = event.data;
    if (!d || (d.type !== "%s" && d.type !== "%s") || typeof d.name !== "string") return;
    if (!frames().includes(event.source)) return;      // only our own embedded graph
    setTriggerValue(d.type === "%s" ? "picked" : "edge", d.name.slice(0, %d));
  }
  window.addEventListener("message", onMessage);
  return () => window.removeEventListener("message", onMessage);
}
""" % (MESSAGE_TYPE, EDGE_MESSAGE, MESSAGE_TYPE, MAX_NAME)

_bridge = st.components.v2.component("dossier_pick_bridge", js=_JS)


def actor_pick_bridge(key: str, on_pick, on_edge=None) -> None:
    """Mount the listener; `on_pick(name)` runs (as a callback) when the graph reports a picked
    actor, `on_edge("source\ttarget\tkind")` when it reports a clicked link. Both values are
    untrusted: the callbacks check them against what the page drew."""
    def value_of(field: str) -> str | None:
        value = st.session_state.get(key)
        got = getattr(value, field, None) if value is not None else None
        return got[:MAX_NAME] if isinstance(got, str) and got else None

    def changed() -> None:
        if name := value_of("picked"):
            on_pick(name)

    def edge_changed() -> None:
        if on_edge and (edge := value_of("edge")):
            on_edge(edge)
    _bridge(key=key, on_picked_change=changed, on_edge_change=edge_changed)
