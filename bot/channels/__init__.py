"""Rasa input channels with the guarantees our users need: a reply to every message,
clear 4xx answers to malformed requests, and message limits."""

from bot import privacy, speedups

# Rasa imports this package when it loads credentials.yml, before it serves anything.
speedups.apply()
privacy.install_log_redaction()  # no email or phone number in any log line of the Rasa process
