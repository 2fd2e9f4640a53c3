"""One way to be a channel (bot/channels/base.py): a channel without the base, or one that builds
its own blueprint, is refused; a public channel cannot pass a message that skipped the rate limits;
every channel of credentials.yml is one; the base adds the request limits and the speed-ups."""

from __future__ import annotations

import asyncio
from typing import Any, List

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint

from bot import ROOT
from bot.channels import base
from bot.channels.base import Admitted, Audience, Channel, ChannelError, Inbox, NotAdmitted, check_channels
from bot.channels.limits import limit_requests
from bot.tools.rasa_cli import check_credentials


class PlainChannel(InputChannel):
    """A channel written against Rasa alone: no limits, no reply guarantee."""

    @classmethod
    def name(cls) -> str:
        return "plain"


class Echo(Channel):
    audience = Audience.PUBLIC

    def routes(self, inbox: Inbox) -> Blueprint:
        self.inbox = inbox
        return Blueprint("echo_unit", __name__)


def test_a_channel_class_lacking_the_base_is_refused(tmp_path):
    with pytest.raises(ChannelError, match="PlainChannel"):
        check_channels([f"{__name__}.PlainChannel"])
    with pytest.raises(ChannelError, match="rest"):
        check_channels(["rest", "rasa.core.channels.socketio.SocketIOInput"])  # Rasa's own
    credentials = tmp_path / "credentials.yml"
    credentials.write_text(f"bot.channels.rest.SafeRestInput: {{}}\n{__name__}.PlainChannel: {{}}\n")
    with pytest.raises(SystemExit, match="PlainChannel"):
        check_credentials(str(credentials))  # what bot.tools.rasa_cli does before `rasa run`


def test_every_channel_in_credentials_yml_has_the_base():
    check_credentials(str(ROOT / "credentials.yml"))
    check_channels([f"{__name__}.Echo"])


def test_a_channel_cannot_build_its_own_blueprint_or_skip_its_audience():
    with pytest.raises(TypeError, match="blueprint"):

        class Own(Channel):
            audience = Audience.PUBLIC

            def blueprint(self, on_new_message):
                return Blueprint("own", __name__)

    with pytest.raises(TypeError, match="audience"):

        class Silent(Channel):
            pass


def test_a_public_channel_passes_only_admitted_messages():
    handled: List[str] = []

    async def on_new_message(message):
        handled.append(message.text)
        await message.output_channel.send_text_message(message.sender_id, "ok")

    inbox = Inbox(on_new_message, Audience.PUBLIC)

    def message(text: str, sender: str = "c1") -> UserMessage:
        return UserMessage(text, CollectingOutputChannel(), sender)

    with pytest.raises(NotAdmitted):
        asyncio.run(inbox(message("unchecked")))
    with pytest.raises(NotAdmitted):
        asyncio.run(inbox(message("checked for another conversation"), Admitted("c2")))
    asyncio.run(inbox(message("checked"), Admitted("c1")))
    asyncio.run(Inbox(on_new_message, Audience.SIGNED)(message("signed by Slack")))
    assert handled == ["checked", "signed by Slack"]


def test_admit_applies_the_rate_limits(monkeypatch):
    from bot.channels.rate_limits import ConnectionCounter, Limits, Rate, RateLimiter

    limits = Limits(RateLimiter(Rate(60, 2)), RateLimiter(Rate(600, 100)), ConnectionCounter(2))
    monkeypatch.setattr(base, "LIMITS", limits)
    verdicts: List[Any] = [base.admit("203.0.113.7", "c1") for _ in range(3)]
    assert verdicts[:2] == [Admitted("c1"), Admitted("c1")] and verdicts[2] > 0


def test_the_base_adds_the_request_limits_and_the_speedups(monkeypatch):
    asked: List[str] = []

    def ensure_applied(origin: str) -> dict:
        asked.append(origin)
        return {}

    monkeypatch.setattr(base.speedups, "ensure_applied", ensure_applied)

    async def on_new_message(message):
        return None

    bp = Echo().blueprint(on_new_message)
    listeners = {(listener.event, listener.listener) for listener in bp._future_listeners}
    assert ("before_server_start", limit_requests) in listeners
    assert ("after_server_start", base._freeze_once) in listeners
    assert asked == [f"channel {Echo.name()}"]
