package org.asimov.core.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {
    @Test
    void theWorkRunsOnADaemonThreadOfItsName() {
        BackgroundTask<String> task = BackgroundTask.start("worker", "naming the thread",
                () -> Thread.currentThread().getName() + " " + Thread.currentThread().isDaemon());
        assertThat(task.join()).isEqualTo("worker true");
    }

    /** An AsimovException must reach the command as it was thrown, so that its kind picks the exit code. */
    @Test
    void anUncheckedFailureIsThrownUnchanged() {
        AsimovException failure = new AsimovException(ErrorKind.CAPTURE_FAILED, "no interpreter");
        BackgroundTask<String> task = BackgroundTask.start("worker", "capturing", () -> {
            throw failure;
        });
        assertThatThrownBy(task::join).isSameAs(failure);
        StackOverflowError error = new StackOverflowError();
        assertThatThrownBy(BackgroundTask.start("worker", "recursing", () -> {
            throw error;
        })::join).isSameAs(error);
    }

    @Test
    void aCheckedFailureComesWrappedWithWhatWasBeingDone() {
        IOException failure = new IOException("disk gone");
        BackgroundTask<String> task = BackgroundTask.start("worker", "reading the system", () -> {
            throw failure;
        });
        assertThatThrownBy(task::join).isInstanceOf(IllegalStateException.class)
                .hasMessage("reading the system failed: java.io.IOException: disk gone").hasCause(failure);
    }
}
