"""Quality and speed measurements of cleanarticle (run `python -m benchmarks`)."""
