"""Rasa input channels with the guarantees our users need: a reply to every message,
clear 4xx answers to malformed requests, and message limits."""

from bot import speedups

# Rasa imports this package when it loads credentials.yml, before it serves anything.
speedups.apply()
