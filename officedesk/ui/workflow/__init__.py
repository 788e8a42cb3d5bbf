"""The 收文 workflow on screen: one small dialog per step, the history view, the 收文 tab."""
