"""Meetings and conferences of a committee (BCH, BTV, Thường trực) and the tasks they set."""
