"""All benchmarks of onrecord, in one package (the layer above storage, batch and API).

* :mod:`.analysis` — ``onrecord bench``: words/s and peak memory of ``onrecord analyze`` next
  to a spaCy + textacy peer;
* :mod:`.store` — ``onrecord bench-store``: the knowledge base at scale;
* :mod:`.api` — ``onrecord bench-api``: the HTTP API under load;
* :mod:`.batch` — ``onrecord bench-batch``: the batch runner's scaling.

Importing this package loads nothing heavy; each module imports what it measures. Keeping the
benchmarks here keeps the storage, batch and API layers free of the language pipelines.
"""
