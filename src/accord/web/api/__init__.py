"""The JSON routes of the REST API."""
