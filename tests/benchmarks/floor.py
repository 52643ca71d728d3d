"""The floor Qt sets: start PySide6, paint an empty QMainWindow once, quit.

Measured exactly like the app's ``--quit-after-paint``, so the two can be compared.
"""

import time

START = time.perf_counter()

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print(f"first-paint {time.perf_counter() - START:.4f} at {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
