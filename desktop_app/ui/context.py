"""What every screen gets: the open ledger and a Qt signal for its changes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop_app.store.events import Topic
from desktop_app.store.ledger import Ledger


class _Watcher(QObject):
    """Passes a change on to one screen when it touched a topic the screen shows.

    A child of the screen, so Qt drops the connection when the screen goes.
    """

    def __init__(self, topics: frozenset[Topic], slot: Callable[[frozenset[Topic]], None], owner: QObject):
        super().__init__(owner)
        self._topics = topics
        self._slot = slot

    def deliver(self, changed: frozenset[Topic]) -> None:
        touched = self._topics & changed
        if touched:
            self._slot(frozenset(touched))


class AppContext(QObject):
    """`changed(frozenset[Topic])` fires after any committed change; `reloaded` after a restore.

    Screens do not listen to `changed` directly: `watch(topics, slot)` takes `Topic` members only
    and calls the slot with the ones that changed.
    """

    changed = Signal(object)
    reloaded = Signal()

    def __init__(self, ledger: Ledger, parent: QObject | None = None, folder: Path | None = None):
        super().__init__(parent)
        self._unsubscribe = None
        self._ledger = ledger
        # This computer's data folder (window layout, logs, the server setting), also when the
        # ledger itself is on a server
        self.folder = Path(folder) if folder is not None else ledger.data_dir
        self._watched: dict[Topic, list[str]] = {topic: [] for topic in Topic}
        self._attach()

    @property
    def ledger(self) -> Ledger:
        return self._ledger

    def watch(self, topics: Iterable[Topic], slot: Callable[[frozenset[Topic]], None]) -> None:
        """Call `slot` (a screen's bound method) with the watched topics a commit touched."""
        wanted = frozenset(topics)
        strays = [t for t in wanted if not isinstance(t, Topic)]
        if strays or not wanted:
            raise TypeError(f"watch() takes Topic members, not {strays or 'nothing'}")
        owner = getattr(slot, "__self__", None)
        if not isinstance(owner, QObject):
            raise TypeError("watch() needs a bound method of a widget, so the watch ends with it")
        self.changed.connect(_Watcher(wanted, slot, owner).deliver)
        for topic in wanted:
            self._watched[topic].append(type(owner).__name__)

    def watchers(self, topic: Topic) -> list[str]:
        """The classes of the screens that reload on `topic`."""
        return list(self._watched[topic])

    def _attach(self) -> None:
        self._unsubscribe = self._ledger.bus.subscribe(self.changed.emit)

    def replace_ledger(self, ledger: Ledger) -> None:
        """After a restore, or a switch between the server and the local ledger: every screen reloads."""
        if self._unsubscribe:
            self._unsubscribe()
        self._ledger = ledger
        self._attach()
        self.reloaded.emit()
