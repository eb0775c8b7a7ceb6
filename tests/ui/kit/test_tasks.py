import threading
import time

from PySide6.QtWidgets import QProgressDialog, QWidget

from onestop_desk.ui.kit.tasks import TaskRunner


def test_result_arrives_on_the_ui_thread(qtbot):
    runner = TaskRunner()
    seen = {}

    def job():
        seen["worker"] = threading.current_thread()
        return 42

    def done(value):
        seen["value"] = value
        seen["ui"] = threading.current_thread()

    runner.run(job, done)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["ui"] is threading.main_thread()
    assert seen["worker"] is not threading.main_thread()
    runner.wait()


def test_jobs_run_one_at_a_time_in_order(qtbot):
    runner = TaskRunner()
    order, running, overlap = [], [0], []

    def job(n):
        def run():
            running[0] += 1
            overlap.append(running[0])
            time.sleep(0.01)
            running[0] -= 1
            return n

        return run

    for n in range(5):
        runner.run(job(n), order.append)
    qtbot.waitUntil(lambda: len(order) == 5)
    assert order == [0, 1, 2, 3, 4]
    assert max(overlap) == 1
    runner.wait()


def test_failure_goes_to_the_handler_or_the_failed_signal(qtbot):
    runner = TaskRunner()
    caught = []

    def boom():
        raise ValueError("nope")

    runner.run(boom, on_failure=caught.append)
    qtbot.waitUntil(lambda: bool(caught))
    assert isinstance(caught[0], ValueError)
    with qtbot.waitSignal(runner.failed) as blocker:
        runner.run(boom)
    assert isinstance(blocker.args[0], ValueError)
    runner.wait()


def test_progress_dialog_only_for_slow_jobs(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(progress_parent=parent)
    done = []
    runner.run(lambda: 1, done.append)
    qtbot.waitUntil(lambda: bool(done))
    qtbot.wait(600)
    assert parent.findChild(QProgressDialog) is None

    runner.run(lambda: time.sleep(0.9), done.append)
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is not None, timeout=2000)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=3000)
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is None)
    runner.wait()
