"""Old name of `framing.sentiment.tokens` (texts split once into arrays of tokens for the array
scorers), kept so that code importing `framing.sentiment_arrays` still runs."""
from .sentiment.tokens import (Split, Tokens, char_counts, drop_separators, in_text_sum, join_texts, python_round,
                               retokenise, split_texts, text_lengths, texts_holding, tokens_subset)

__all__ = ["Split", "Tokens", "char_counts", "drop_separators", "in_text_sum", "join_texts", "python_round",
           "retokenise", "split_texts", "text_lengths", "texts_holding", "tokens_subset"]
