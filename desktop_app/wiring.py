"""Naming code by "package.module:attribute" for the parts imported on first use.

Tabs, menu actions, workbook sheets and import kinds are listed by target so start-up does not
import them all. A target either resolves or raises: there is no fallback that would turn a
typo into a greyed-out action or a missing sheet.
"""

from __future__ import annotations

import importlib
import importlib.util


def resolve(target: str):
    """The object a "module:attribute" target names (the module itself without ":attribute")."""
    module_name, _, attr = target.partition(":")
    module = importlib.import_module(module_name)
    if not attr:
        return module
    try:
        return getattr(module, attr)
    except AttributeError:
        raise AttributeError(f"target {target!r}: module {module_name} has no {attr!r}") from None


def checked(target: str) -> str:
    """`target` unchanged once its module is known to exist (found, not imported): a cheap early check."""
    module_name = target.partition(":")[0]
    if importlib.util.find_spec(module_name) is None:
        raise ModuleNotFoundError(f"target {target!r}: no module {module_name}", name=module_name)
    return target
