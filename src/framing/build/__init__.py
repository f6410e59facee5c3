"""Build a corpus: raw files → `articles`, `sentences` and `removed` tables.

The flow is ingest (read, decode, manifest) → clean (label every raw line) → segment (blocks →
sentences). Each article is processed on its own, so the same function serves one file, a whole
folder, or many workers. The modules, in the order a build uses them:

- `corpus`: `build_tables` (in memory) and `build_corpus` (streamed to disk chunk by chunk),
  `BUILD_VERSION` and the build key of an article, `build_info` (what `build.json` records),
  `explain_inputs` (what `framing explain` shows);
- `article`: one article's rows (`process_article`: lines labelled, blocks, sentences, the article
  row and its warnings), and the lines each site repeats on every page (`site_repeats`);
- `workers`: where the articles are processed (this process, a pool of processes, Dask);
- `copies`: the same article in two files or rows (two formats of it), found on the cleaned bodies
  once every article is cleaned (`SameArticles`);
- `schema`: the tables' columns and types, and the `Build` that holds them;
- `reuse`: what a build takes from the last one (unchanged articles, the texts seen);
- `summary`: what a build says of itself (the lines `framing build` and `report` print).

`framing.build` names what callers use; patch a name in the module that looks it up
(`framing.build.corpus.build_chunk`), not here.
"""
from ..ingest import Problem
from .article import label_article, process_article, site_repeats
from .corpus import (BUILD_VERSION, build_chunk, build_corpus, build_info, build_key, build_tables, explain_inputs,
                     save_build, version_key)
from .schema import Build
from .summary import changes_line, copies_in_last_build, counts_line, grouped_problems, last_build_info, reuse_note

__all__ = ["BUILD_VERSION", "Build", "Problem", "build_chunk", "build_corpus", "build_info", "build_key", "build_tables",
           "changes_line", "copies_in_last_build", "counts_line", "explain_inputs", "grouped_problems", "label_article", "last_build_info", "process_article",
           "reuse_note", "save_build", "site_repeats", "version_key"]
