"""Report writers: JSON (the contract), text, and the formats built on them."""
