"""Rasa input channels with the guarantees our users need: a reply to every message,
clear 4xx answers to malformed requests, and message limits.

Every channel is a `bot.channels.base.Channel` (one way to be a channel: limits, reply guarantee,
speed-ups). Importing this package changes nothing. Each channel, when Rasa builds it (the base's
`blueprint()`), calls `bot.speedups.ensure_applied()`: a no-op when Rasa was started by
`python -m bot.tools.rasa_cli` (which applies the patches and log redaction first), and otherwise
the way a plain `rasa run --credentials credentials.yml` still gets the correctness fixes (action
timeout, fail-safe store), the log redaction and the speed-ups, before Rasa loads the model.
"""
