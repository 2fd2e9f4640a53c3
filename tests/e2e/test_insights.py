"""The counselor insights page on a real Rasa (its own, on a generated store with tokens set):
sign-in and 401s, a school sees only itself, the page in Chromium (charts, keyboard, axe), and
the report files match the page."""

from __future__ import annotations

import html
import re
import shutil

import pytest
import requests
import sqlalchemy as sa
import yaml
from axe_playwright_python.sync_playwright import Axe

from bot import ROOT
from bot.insights import auth
from bot.tools import insights as tool
from bot.tools.servers import start_rasa, wait_ready
from harness import insights_sample as sample
from tests.e2e.conftest import ACTIONS_PORT, RASA_PORT, port_free

PORT = RASA_PORT + 37
ADMIN = "district-admin-token-for-the-e2e-tests"
SCHOOL_TOKEN = auth.new_token()
SCREENSHOT = ROOT / "reports" / "insights.png"


@pytest.fixture(scope="module")
def site(tmp_path_factory, bot):  # `bot`: its action server answers our Rasa's actions
    assert port_free(PORT), f"port {PORT} is in use"
    tmp = tmp_path_factory.mktemp("insights")
    registry = yaml.safe_load((ROOT / "data" / "schools.yml").read_text())
    for s in registry["schools"]:
        if s["id"] == "demo":
            s["insights_token_sha256"] = auth.token_hash(SCHOOL_TOKEN)
    registry["schools"].append({"id": "lincoln-high", "name": "Lincoln High School"})
    (tmp / "schools.yml").write_text(yaml.safe_dump(registry))
    db = tmp / "conversations.db"
    engine = sa.create_engine(f"sqlite:///{db}")
    sample.fill(engine, 100_000, days=60)
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{ACTIONS_PORT}/webhook"\n'
        f'tracker_store:\n  type: bot.stores.RedactingSQLTrackerStore\n  dialect: "sqlite"\n'
        f'  db: "{db}"\n'
    )
    rasa = start_rasa(
        PORT,
        endpoints,
        log=tmp / "rasa.log",
        env={"INSIGHTS_ADMIN_TOKEN": ADMIN, "SCHOOLS_FILE": str(tmp / "schools.yml")},
    )
    try:
        wait_ready(rasa)
        yield f"http://127.0.0.1:{PORT}", engine, tmp
    finally:
        rasa.stop()


def get(base, token=None, **params):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.get(f"{base}/insights/", params=params, headers=headers, timeout=30)


def cells(page_html):
    """Every table row of a page as a list of its cell texts."""
    rows = re.findall(r"<tr>(.*?)</tr>", page_html, flags=re.S)
    return [[html.unescape(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r)] for r in rows]


def test_without_a_valid_token_only_401_and_the_sign_in_form(site):
    base, _, _ = site
    for resp in (
        get(base),
        get(base, "wrong-token"),
        get(base, auth.token_hash(SCHOOL_TOKEN)),
        requests.post(f"{base}/insights/login", data={"token": "nope"}, timeout=10),
    ):
        assert resp.status_code == 401
        assert "<table" not in resp.text and "<svg" not in resp.text and "conversations" not in resp.text.lower()
        assert "script-src" not in resp.headers["Content-Security-Policy"]  # default-src 'none': no script at all


def test_school_token_sees_its_school_only_and_admin_sees_all(site):
    base, _, _ = site
    school = get(base, SCHOOL_TOKEN, school="lincoln-high")
    assert school.status_code == 200 and "Counselor insights: Demo High School" in school.text
    assert 'id="school"' not in school.text  # no school picker
    district = get(base, ADMIN)
    assert "Counselor insights: the whole district" in district.text and 'id="school"' in district.text
    lincoln = get(base, ADMIN, school="lincoln-high")
    assert "Lincoln High School" in lincoln.text
    total = {r[0]: r[1] for r in cells(district.text)}["Student conversations"]
    demo = {r[0]: r[1] for r in cells(school.text)}["Student conversations"]
    assert int(demo.replace(",", "")) < int(total.replace(",", ""))


def test_a_real_turn_is_counted(site, bot):
    base, engine, _ = site
    resp = requests.post(
        f"{base}/webhooks/rest/webhook",
        timeout=30,
        json={"sender": "insights-e2e", "message": "how much do welders make?", "metadata": {"school": "lincoln-high"}},
    )
    assert resp.status_code == 200 and resp.json()
    with engine.connect() as connection:
        row = connection.execute(
            sa.text(
                "SELECT school, channel, kind, role, answered, text FROM insights WHERE conversation = 'insights-e2e'"
            )
        ).one()
    assert tuple(row) == ("lincoln-high", "rest", "pay", "welder", 1, None)


def test_report_files_match_the_page(site):
    base, engine, tmp = site
    page_rows = cells(get(base, ADMIN, school="demo").text)
    written = tool.write(engine, tmp / "reports", "demo", None, None)
    import csv

    for path in written[1:]:
        with path.open(encoding="utf-8") as f:
            for row in list(csv.reader(f))[1:]:
                assert row in page_rows, (path.name, row)
    assert cells(written[0].read_text(encoding="utf-8")) == [r for r in page_rows]


def test_in_chromium_keyboard_sign_in_charts_and_axe(site, browser):
    base, _, _ = site
    context = browser.new_context(viewport={"width": 1100, "height": 1400})
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{base}/insights/")
    page.keyboard.press("Tab")  # the token field is the first stop
    page.keyboard.type(ADMIN)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Counselor insights: the whole district").wait_for()
    assert page.locator("svg[role=img]").count() >= 5
    assert page.locator("svg[role=img] title").first.text_content()
    cookie = next(c for c in context.cookies() if c["name"] == "mfg_insights")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/insights"
    assert ADMIN not in page.url
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"]) for v in serious]
    page.select_option("#school", "demo")
    page.get_by_role("button", name="Update").click()
    page.get_by_role("heading", name="Counselor insights: Demo High School").wait_for()
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=False)
    assert not [e for e in errors if "Content Security Policy" in e], errors
    page.get_by_role("button", name="Sign out").click()
    page.get_by_label("Insights token").wait_for()
    context.close()


def test_docs_screenshot_exists():
    if SCREENSHOT.exists() and not (ROOT / "docs" / "img" / "insights.png").exists():
        shutil.copy(SCREENSHOT, ROOT / "docs" / "img" / "insights.png")
    assert (ROOT / "docs" / "img" / "insights.png").exists()
