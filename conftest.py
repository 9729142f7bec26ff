"""pytest collects doctests from restore/; the datatrove step needs its optional extra."""

import importlib.util

collect_ignore = []
if importlib.util.find_spec("datatrove") is None:
    collect_ignore.append("restore/integrations/datatrove.py")
