package org.asimov.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.asimov.core.error.AsimovException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A separate asimov process for the multi-process tests: opens the store, says so by creating
 * a ready file, optionally waits for a go file (so that several workers start putting at the
 * same moment), then does the puts listed in a plan file, one per line:
 * {@code event<TAB>analysis<TAB>name<TAB>source}. With {@code --fetch-to DIR} it then fetches
 * each one back into {@code DIR/event/analysis/name}. The exit status is 0 when all succeeded,
 * otherwise the first error's exit code.
 *
 * <pre>StoreWorker ROOT READY_FILE GO_FILE|- PLAN_FILE [--fetch-to DIR]</pre>
 *
 * With {@code -Dasimov.test.jdbc=URL -Dasimov.test.user=U -Dasimov.test.password=P} the manifest
 * lives in that database instead of the store's H2 file.
 */
public final class StoreWorker {
    private static final Logger log = LoggerFactory.getLogger(StoreWorker.class);

    private StoreWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path ready = Path.of(args[1]);
        Path go = "-".equals(args[2]) ? null : Path.of(args[2]);
        List<String> plan = Files.readAllLines(Path.of(args[3]));
        Path fetchTo = args.length > 5 && "--fetch-to".equals(args[4]) ? Path.of(args[5]) : null;
        int status = 0;
        long started = System.nanoTime();
        // -Dasimov.test.jdbc=URL (with .user and .password) puts the manifest in PostgreSQL
        String jdbc = System.getProperty("asimov.test.jdbc");
        StoreSettings settings = new StoreSettings(root, jdbc, System.getProperty("asimov.test.user"),
                System.getProperty("asimov.test.password"), null);
        try (Store store = Store.open(settings)) {
            log.info("worker {} opened the store in {} ms", ProcessHandle.current().pid(), (System.nanoTime() - started) / 1_000_000);
            Files.createFile(ready);
            while (go != null && !Files.exists(go)) {
                Thread.sleep(5);
            }
            for (String line : plan) {
                String[] f = line.split("\t");
                try {
                    store.put(f[0], f[1], f[2], Path.of(f[3]));
                    if (fetchTo != null) {
                        store.fetch(f[0], f[1], f[2], fetchTo.resolve(f[0]).resolve(f[1]).resolve(f[2]));
                    }
                } catch (AsimovException e) {
                    log.error("worker {} failed on {}: {} ({})", ProcessHandle.current().pid(), line, e.getMessage(), e.kind(), e);
                    if (status == 0) {
                        status = e.kind().exitCode();
                    }
                }
            }
        } catch (RuntimeException e) {
            log.error("worker {} failed", ProcessHandle.current().pid(), e);
            status = 99;
        }
        System.exit(status);
    }
}
