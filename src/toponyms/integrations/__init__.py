"""Adapters for distributed engines (Dask, Spark). Each imports its engine only when used."""
