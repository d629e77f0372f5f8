"""The thin HTTP layer (BFF): routes call st_resources; no SQL or storage calls inline."""
