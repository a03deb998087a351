"""speech/lexicon."""
