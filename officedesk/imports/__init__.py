"""Reading old registers (xlsx/xls/csv): mapping and validation. No Qt. (Import comes in a later issue.)"""
