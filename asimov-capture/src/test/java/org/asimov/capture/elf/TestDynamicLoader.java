package org.asimov.capture.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Our loader against the real one (ldd) on Debian's python3 and its compiled modules. */
class TestDynamicLoader {
    static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");

    static List<Path> debianExtensions() throws IOException {
        try (Stream<Path> files = Stream.concat(
                Files.walk(Path.of("/usr/lib/python3/dist-packages")),
                Files.walk(Path.of("/usr/lib/python3.11/lib-dynload")))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".so")).sorted().toList();
        }
    }

    static Map<String, Path> normalised(Map<String, Path> libraries) {
        Map<String, Path> result = new LinkedHashMap<>();
        libraries.forEach((name, path) -> result.put(name, path == null ? null : path.normalize()));
        return result;
    }

    @Test
    void everyDebianExtensionResolvesAsLddResolvesIt() throws IOException {
        LinkedProcess process = HostLoader.start(DEBIAN_PYTHON, Map.of(), new ElfFiles()).orElseThrow();
        List<Path> extensions = debianExtensions();
        assertThat(extensions).hasSizeGreaterThan(40)
                .anyMatch(p -> p.getFileName().toString().startsWith("apt_pkg."))
                .anyMatch(p -> p.getFileName().toString().startsWith("_cffi_backend."));
        for (Path extension : extensions) {
            Linking linking = process.load(ElfFile.read(extension).orElseThrow());
            assertThat(normalised(linking.all()))
                    .as("libraries of %s", extension)
                    .containsExactlyInAnyOrderEntriesOf(TestingLdd.resolve(extension, Map.of()));
        }
    }

    @Test
    void theInterpreterItselfResolvesAsLddResolvesIt() {
        LinkedProcess process = HostLoader.start(DEBIAN_PYTHON, Map.of(), new ElfFiles()).orElseThrow();
        assertThat(normalised(process.executableLinking().all()))
                .containsExactlyInAnyOrderEntriesOf(TestingLdd.resolve(DEBIAN_PYTHON, Map.of()));
    }
}
