package org.asimov.cli;

import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/**
 * bin/asimov runs {@code env capture} from {@code asimov-capture.jar}, which leaves out the
 * store's libraries (Hibernate, the JDBC drivers, Flyway): a smaller jar and class-data archive
 * start faster. The launcher tells asimov where the full jar is through
 * {@value #FULL_JAR_PROPERTY}.
 *
 * <p>The launcher judges by the first two command words; {@link CommandTree} also builds every
 * command that any other argument spells ({@code env capture --output store} builds the store
 * commands too, whose constructors need the store's classes). Such a run moves to the full jar,
 * in a class loader of its own, before it has built anything: slower, since the class-data
 * archive does not serve that loader, but the same run. (The capture started early in the
 * capture jar's loader is then left unused: it only reads the environment.)
 */
final class CaptureJar {
    /** The full jar's path, set by bin/asimov when it runs the capture jar. */
    static final String FULL_JAR_PROPERTY = "asimov.fullJar";

    private CaptureJar() {
    }

    /** Whether this is the capture jar and the commands of {@code tree} need what only the full jar has. */
    static boolean lacksWhatTreeNeeds(CommandTree tree) {
        return System.getProperty(FULL_JAR_PROPERTY) != null && tree.features().contains(Feature.STORE);
    }

    /**
     * Runs {@code args} from the full jar in this JVM: its {@code Main} ends the process.
     *
     * @throws AsimovException when the full jar is missing or cannot run
     */
    static void runFromFullJar(String[] args) {
        Path fullJar = Path.of(System.getProperty(FULL_JAR_PROPERTY));
        if (!Files.isRegularFile(fullJar)) {
            throw new AsimovException(ErrorKind.NOT_FOUND, "these arguments need the store's libraries, in "
                    + fullJar + ", which is missing; rebuild asimov (mvn -B package -DskipTests) and run again");
        }
        // the full jar's Main must not move again
        System.clearProperty(FULL_JAR_PROPERTY);
        ClassLoader loader = new URLClassLoader("asimov-full", new URL[] {url(fullJar)}, ClassLoader.getPlatformClassLoader());
        // Hibernate, Flyway and the JDBC drivers find their parts through the context class loader
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class.forName(Main.class.getName(), true, loader).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException failed) {
            throw new AsimovException(ErrorKind.INTERNAL, "running from " + fullJar + " failed: " + failed.getCause(),
                    failed.getCause());
        } catch (ReflectiveOperationException unusable) {
            throw new AsimovException(ErrorKind.INTERNAL, fullJar + " has no usable asimov main class ("
                    + unusable + "); rebuild asimov (mvn -B package -DskipTests)", unusable);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException impossible) {
            throw new AssertionError("a path's file URI is a URL", impossible);
        }
    }
}
