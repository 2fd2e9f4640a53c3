"""Custom Rasa NLU components."""
