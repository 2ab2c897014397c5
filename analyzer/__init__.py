"""reglint: audits regulations on the use of the Sferum platform."""

__version__ = "0.1.0"
