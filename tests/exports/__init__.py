"""Tests of officedesk.exports."""
