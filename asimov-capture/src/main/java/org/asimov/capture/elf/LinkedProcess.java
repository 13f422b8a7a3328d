package org.asimov.capture.elf;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An interpreter process as the loader builds it: the executable, its {@code PT_INTERP} loader
 * and its libraries are in place before any extension module is imported. Each extension is then
 * loaded into a copy of that state, the way {@code dlopen} in a fresh interpreter would: names
 * already loaded (by {@code DT_SONAME} or by the name that loaded them) are reused, not searched
 * again, and dependencies are loaded breadth first in {@code DT_NEEDED} order.
 *
 * <p>The extension's loader chain ends at the executable: CPython calls {@code dlopen} from its
 * import machinery, which lives in the executable for the statically linked interpreters of
 * Debian, pyenv and conda. (With a shared {@code libpython} the caller would be that library;
 * its RPATH, if any, is not searched here.)
 */
public final class LinkedProcess {
    private final DynamicLoader loader;
    private final ElfFile executable;
    private final Map<String, Path> preloaded;

    private LinkedProcess(DynamicLoader loader, ElfFile executable, Map<String, Path> preloaded) {
        this.loader = loader;
        this.executable = executable;
        this.preloaded = preloaded;
    }

    /** Starts the process: the loader named by {@code PT_INTERP}, then the executable's libraries. */
    public static LinkedProcess start(DynamicLoader loader, ElfFile executable) {
        requireNonNull(loader, "loader is null");
        requireNonNull(executable, "executable is null");
        Map<String, Path> loaded = new LinkedHashMap<>();
        if (executable.interpreter() != null) {
            Path interpreter = Path.of(executable.interpreter());
            loaded.put(interpreter.getFileName().toString(), interpreter);
            loader.files().read(interpreter).map(ElfFile::soname).ifPresent(soname -> loaded.putIfAbsent(soname, interpreter));
        }
        LinkedProcess empty = new LinkedProcess(loader, executable, Map.of());
        Linking self = empty.link(executable, loaded, List.of());
        loaded.putAll(self.all());
        return new LinkedProcess(loader, executable, Map.copyOf(withoutMissing(loaded)));
    }

    public ElfFile executable() {
        return executable;
    }

    /** The executable's own linking: what the interpreter loads before running any Python. */
    public Linking executableLinking() {
        return link(executable, new LinkedHashMap<>(preloaded), List.of());
    }

    /** What importing {@code extension} into this process loads. */
    public Linking load(ElfFile extension) {
        return link(extension, new LinkedHashMap<>(preloaded), List.of(executable));
    }

    private Linking link(ElfFile root, Map<String, Path> loaded, List<ElfFile> callers) {
        Map<String, Path> all = new LinkedHashMap<>();
        Map<String, Path> direct = new LinkedHashMap<>();
        Deque<List<ElfFile>> queue = new ArrayDeque<>();
        List<ElfFile> rootChain = new ArrayList<>();
        rootChain.add(root);
        rootChain.addAll(callers);
        queue.add(rootChain);
        Set<Path> walked = new HashSet<>();
        while (!queue.isEmpty()) {
            List<ElfFile> chain = queue.poll();
            ElfFile object = chain.get(0);
            for (String name : object.needed()) {
                Path path;
                Optional<ElfFile> library;
                if (loaded.containsKey(name)) {
                    // already in the process: reused, but still walked once so that this
                    // object's account lists everything it depends on
                    path = loaded.get(name);
                    library = path == null ? Optional.empty() : loader.files().read(path);
                } else {
                    library = loader.find(name, chain, executable);
                    path = library.map(ElfFile::path).orElse(null);
                    loaded.put(name, path);
                    library.map(ElfFile::soname).ifPresent(soname -> loaded.putIfAbsent(soname, library.get().path()));
                }
                if (library.isPresent() && walked.add(path)) {
                    List<ElfFile> next = new ArrayList<>(chain.size() + 1);
                    next.add(library.get());
                    next.addAll(chain);
                    queue.add(next);
                }
                all.putIfAbsent(name, path);
                if (object == root) {
                    direct.putIfAbsent(name, path);
                }
            }
        }
        return new Linking(root, direct, all);
    }

    private static Map<String, Path> withoutMissing(Map<String, Path> loaded) {
        Map<String, Path> present = new LinkedHashMap<>();
        loaded.forEach((name, path) -> {
            if (path != null) {
                present.put(name, path);
            }
        });
        return present;
    }
}
