"""Recognizers find mentions (dates, legal-act citations) in text, with spans."""
