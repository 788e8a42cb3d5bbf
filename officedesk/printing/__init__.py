"""Registers and forms to paper and PDF through Qt's print support."""
