"""One module per CLI command; each imports core (and heavy libraries) inside its function."""
