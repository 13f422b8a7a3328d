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
import org.junit.jupiter.api.io.TempDir;

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

    /** A copy of a real library with one header byte changed, as a library built for another machine or word size looks. */
    static Path patchedCopy(Path library, Path directory, int offset, byte value) throws IOException {
        byte[] bytes = Files.readAllBytes(library);
        bytes[offset] = value;
        Files.createDirectories(directory);
        return Files.write(directory.resolve(library.getFileName()), bytes);
    }

    @Test
    void ldLibraryPathSkipsLibrariesOfAnotherClassOrMachine(@TempDir Path tmp) throws IOException {
        Path libz = Path.of("/lib/x86_64-linux-gnu/libz.so.1");
        Path wrongClass = patchedCopy(libz, tmp.resolve("elf32"), 4, (byte) 1);       // EI_CLASS: 32-bit
        Path wrongMachine = patchedCopy(libz, tmp.resolve("aarch64"), 18, (byte) 183); // e_machine: AArch64
        Path good = patchedCopy(libz, tmp.resolve("good"), 0, (byte) 0x7f);           // an unchanged copy
        assertThat(ElfFile.identify(wrongClass).orElseThrow().bits()).isEqualTo(32);
        assertThat(ElfFile.identify(wrongMachine).orElseThrow().machine()).isEqualTo(ElfIdentity.EM_AARCH64);
        Map<String, String> environment = Map.of("LD_LIBRARY_PATH",
                wrongClass.getParent() + ":" + wrongMachine.getParent() + ":" + good.getParent());

        LinkedProcess process = HostLoader.start(DEBIAN_PYTHON, environment, new ElfFiles()).orElseThrow();
        Path aptPkg = debianExtensions().stream()
                .filter(p -> p.getFileName().toString().startsWith("apt_pkg.")).findFirst().orElseThrow();
        Linking linking = process.load(ElfFile.read(aptPkg).orElseThrow());

        assertThat(linking.all()).containsEntry("libz.so.1", good);
        assertThat(normalised(linking.all())).containsExactlyInAnyOrderEntriesOf(TestingLdd.resolve(aptPkg, environment));
    }

    @Test
    void loaderCacheHasTheNewFormatAndAnswersByName() throws IOException {
        byte[] head = Files.readAllBytes(HostLoader.CACHE);
        assertThat(new String(head, 0, LoaderCache.NEW_MAGIC.length(), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo(LoaderCache.NEW_MAGIC);
        LoaderCache cache = LoaderCache.read(HostLoader.CACHE);
        assertThat(cache.lookup("libc.so.6")).contains("/lib/x86_64-linux-gnu/libc.so.6");
        assertThat(cache.lookup("libz.so.1")).contains("/lib/x86_64-linux-gnu/libz.so.1");
        assertThat(cache.lookup("no-such-library.so.9")).isEmpty();
        assertThat(cache.size()).isGreaterThan(100);
    }
}
