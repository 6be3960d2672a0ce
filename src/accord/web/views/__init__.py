"""The dashboard's HTML pages."""
