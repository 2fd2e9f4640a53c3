"""Answer logic, one module per subject. Each function takes a Turn and returns an Answer."""
