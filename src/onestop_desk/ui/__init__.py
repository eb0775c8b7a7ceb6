"""The PySide6 user interface. Importing it applies the binding work-arounds first."""

from onestop_desk.ui.shell.qtcompat import guard_emit_refcount

guard_emit_refcount()
