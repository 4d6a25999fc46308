"""cleanarticle on the engines that clean web-scale corpora, as optional extras.

- `cleanarticle.integrations.datatrove` (`pip install "cleanarticle[datatrove]"`):
  `CleanArticleExtractor` and `CleanArticleTextExtractor`, datatrove pipeline steps.
- `cleanarticle.integrations.dask` (`pip install "cleanarticle[dask]"`): `clean_bag` and
  `clean_dataframe`.

Nothing here is imported by `cleanarticle` itself, and this package imports no engine:
each engine is imported by its own module, which names the extra to install when the
engine is missing. All of them write the same prefixed fields (`documents.METADATA_KEYS`).
"""
