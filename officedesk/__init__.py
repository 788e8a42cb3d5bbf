"""officedesk (办公桌): a desktop office assistant for the 办公室 of a Chinese unit."""

__version__ = "0.1.0"
