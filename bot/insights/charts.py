"""Charts as inline SVG, drawn by matplotlib (imported here only, on first use: never in a
conversation's path).

The SVG is made fit for a strict Content-Security-Policy and for screen readers: matplotlib's
`style="..."` attributes become presentation attributes (CSP blocks inline styles, not those), its
<style> and metadata go, ids get a per-chart prefix (several charts share one page), and the
<svg> gets role="img" with a <title> and <desc>. Every chart has a table with its numbers next to it.
"""

from __future__ import annotations

import functools
import html
import io
import re
import threading
import warnings
from collections import OrderedDict
from typing import Any, Callable, List, Optional, Sequence, Tuple

BLUE, ORANGE, GREY = "#0b5394", "#a34700", "#595959"  # each >= 4.5:1 on white
CACHED = 64  # charts remembered: the same numbers give the same SVG, and drawing one takes ~0.2 s
_STYLE = re.compile(r'style="([^"]*)"')
_ID = re.compile(r'id="([^"]+)"')


def _remembered(draw: Callable[..., str]) -> Callable[..., str]:
    """Draws a chart once per set of numbers (matplotlib is most of a page's time); a changed number
    draws it again. One chart is drawn at a time (the page's worker), but a lock keeps it safe."""
    cache: "OrderedDict[str, str]" = OrderedDict()
    lock = threading.Lock()

    @functools.wraps(draw)
    def wrapper(*args: Any) -> str:
        key = repr(args)
        with lock:
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
        svg = draw(*args)
        with lock:
            cache[key] = svg
            while len(cache) > CACHED:
                cache.popitem(last=False)
        return svg

    return wrapper


def _figure(width: float, height: float):
    with warnings.catch_warnings():  # matplotlib 3.5 warns about newer pyparsing names: noise
        warnings.simplefilter("ignore")
        from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=72)
    return fig, fig.add_subplot(1, 1, 1)


def _style(ax, ylabel: str = "") -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(colors="#222222", labelsize=10)
    if ylabel:
        ax.set_ylabel(ylabel, color="#222222")


@_remembered
def periods_chart(
    key: str, title: str, labels: Sequence[str], series: Sequence[Tuple[str, List[Optional[int]]]], desc: str
) -> str:
    """Grouped bars per day or week; a hidden figure ("fewer than 5") is not drawn."""
    fig, ax = _figure(9, 3.2)
    width = 0.8 / max(len(series), 1)
    for i, (name, values) in enumerate(series):
        xs = [n + (i - (len(series) - 1) / 2) * width for n in range(len(labels))]
        ax.bar(
            xs,
            [v or 0 for v in values],
            width,
            label=name,
            color=(BLUE, ORANGE)[i % 2],
            hatch=("", "//")[i % 2],
            edgecolor="white",
        )
    _x_labels(ax, labels)
    ax.legend(frameon=False, fontsize=10)
    _style(ax, "count")
    return _svg(fig, key, title, desc)


@_remembered
def share_chart(key: str, title: str, labels: Sequence[str], shares: List[Optional[float]], desc: str) -> str:
    """Percent answered per period, as a line; gaps where the share is not shown."""
    fig, ax = _figure(9, 3)
    ax.plot(
        range(len(labels)),
        [float("nan") if s is None else s for s in shares],
        color=BLUE,
        marker="o",
        markersize=4,
        linewidth=2,
    )
    ax.set_ylim(0, 100)
    _x_labels(ax, labels)
    _style(ax, "% answered")
    return _svg(fig, key, title, desc)


@_remembered
def ranking_chart(key: str, title: str, labels: Sequence[str], values: Sequence[int], desc: str) -> str:
    """Horizontal bars, largest at the top."""
    fig, ax = _figure(6.5, 0.45 * max(len(labels), 1) + 0.9)
    ys = list(range(len(labels)))[::-1]
    ax.barh(ys, values, color=BLUE, height=0.6)
    ax.set_yticks(ys)
    ax.set_yticklabels(labels)
    _style(ax)
    ax.set_xlabel("messages", color="#222222")
    return _svg(fig, key, title, desc)


def _x_labels(ax, labels: Sequence[str]) -> None:
    step = max(1, len(labels) // 12)  # at most ~12 readable labels
    ax.set_xticks(range(0, len(labels), step))
    ax.set_xticklabels(
        [labels[i][-5:] if len(labels[i]) == 10 else labels[i][-10:] for i in range(0, len(labels), step)], rotation=0
    )


def _svg(fig, key: str, title: str, desc: str) -> str:
    import matplotlib

    fig.tight_layout()
    out = io.StringIO()
    # Text stays text (not glyph outlines): a third less drawing time, a page a third the size, and
    # screen readers and copy-paste get the labels.
    with matplotlib.rc_context({"svg.hashsalt": key, "svg.fonttype": "none"}):
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    return accessible(out.getvalue(), key, title, desc)


def accessible(svg: str, key: str, title: str, desc: str) -> str:
    """matplotlib's SVG, made CSP-safe and labelled (see the module's docstring)."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r"<style[^>]*>.*?</style>", "", svg, flags=re.S)
    svg = _STYLE.sub(lambda m: _attributes(m.group(1)), svg)
    for old in set(_ID.findall(svg)):
        new = f"{key}-{old}"
        svg = svg.replace(f'id="{old}"', f'id="{new}"').replace(f'#{old}"', f'#{new}"').replace(f"#{old})", f"#{new})")
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', r"<svg \1", svg, count=1)
    head = f'<svg role="img" aria-labelledby="{key}-title {key}-desc" class="chart-svg" '
    svg = svg.replace("<svg ", head, 1)
    close = svg.index(">") + 1
    return (
        svg[:close] + f'<title id="{key}-title">{html.escape(title)}</title>'
        f'<desc id="{key}-desc">{html.escape(desc)}</desc>' + svg[close:]
    )


def _attributes(style: str) -> str:
    pairs = [(k.strip(), v.strip()) for k, v in (p.split(":", 1) for p in style.split(";") if ":" in p)]
    out = []
    for k, v in pairs:
        if k == "font":  # "10px 'sans-serif'": SVG has no `font` attribute, only its parts
            size, _, family = v.partition(" ")
            out += [("font-size", size), ("font-family", family.strip("'\""))]
        else:
            out.append((k, v))
    return " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in out)
