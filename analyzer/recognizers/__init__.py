"""Recognizers find mentions (legal-act citations) in text, with spans; dates are read by analyzer.dates."""
